//! Rendering diagnostics for people and for tests.
//!
//! This is the only module that knows about codespan-reporting. Stages report
//! errors as their own typed data (e.g. [`SyntaxError`]); the driver turns
//! them into a [`Diagnostic`] — severity, Python exception class, stable id,
//! message, primary span, notes — and this module renders that in one of two
//! [`ErrorFormat`]s:
//!
//! ```text
//! SyntaxError: expected ':'                 ErrorFormat::Human
//!   ┌─ prog.py:2:8
//!   │
//! 2 │ def f()
//!   │        ^
//!
//! prog.py:2:8: error(expected-token): SyntaxError: expected ':'    ErrorFormat::Short
//! ```
//!
//! Lines are 1-based, columns are 1-based and count characters (CPython's
//! `SyntaxError.offset`). The output never contains colour codes, so it is
//! the same on a terminal, in a pipe and in a snapshot. Rendering does no IO:
//! it returns a `String` for the caller to print.

use crate::syntax::{LineIndex, Span, SyntaxError};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;
use std::fmt::Write as _;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One message about one place in a source file, ready to render.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The Python exception class shown in the header: `SyntaxError`,
    /// `IndentationError`, `TabError`, …
    pub class: &'static str,
    /// Stable kebab-case id, shown only by [`ErrorFormat::Short`].
    pub id: &'static str,
    pub message: String,
    /// The place the caret points at; may be empty.
    pub span: Span,
    /// Extra lines shown under the source snippet (`= note`).
    pub notes: Vec<String>,
}

impl From<&SyntaxError> for Diagnostic {
    fn from(error: &SyntaxError) -> Self {
        Diagnostic {
            severity: Severity::Error,
            class: error.kind.class_name(),
            id: error.kind.id(),
            message: error.kind.to_string(),
            span: error.span,
            notes: Vec::new(),
        }
    }
}

/// The output style, chosen with the hidden `--error-format` flag.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorFormat {
    /// Header, location, source line and caret.
    #[default]
    Human,
    /// One line: `path:line:col: error(id): Class: message`, for tests.
    Short,
}

/// Renders `diagnostic`, which points into `source` (named `path` in the
/// output). The result ends in a newline.
pub fn render(diagnostic: &Diagnostic, path: &str, source: &str, format: ErrorFormat) -> String {
    let span = displayable_span(diagnostic.span, source);
    match format {
        ErrorFormat::Short => render_short(diagnostic, span, path, source),
        ErrorFormat::Human => render_human(diagnostic, span, path, source)
            // codespan only fails for spans outside the file, which
            // `displayable_span` rules out; still, never lose the message.
            .unwrap_or_else(|| render_short(diagnostic, span, path, source)),
    }
}

fn render_short(diagnostic: &Diagnostic, span: Span, path: &str, source: &str) -> String {
    let (line, col) = LineIndex::new(source).line_col(span.start);
    let mut out = format!(
        "{path}:{line}:{}: {}({}): {}: {}\n",
        col + 1,
        diagnostic.severity.name(),
        diagnostic.id,
        diagnostic.class,
        diagnostic.message
    );
    for note in &diagnostic.notes {
        let _ = writeln!(out, "  = {note}");
    }
    out
}

fn render_human(diagnostic: &Diagnostic, span: Span, path: &str, source: &str) -> Option<String> {
    let file = SimpleFile::new(path, source);
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    // The message stays empty so that codespan's header is exactly one line
    // (`error: `), which is replaced by CPython's `Class: message` below.
    let rendered = cs::Diagnostic::new(severity)
        .with_labels(vec![cs::Label::primary((), span.range())])
        .with_notes(diagnostic.notes.clone());
    let body = term::emit_into_string(&term::Config::default(), &file, &rendered).ok()?;
    let (_codespan_header, body) = body.split_once('\n')?;
    Some(format!(
        "{}: {}\n{body}",
        diagnostic.class, diagnostic.message
    ))
}

/// Clamps `span` into `source` on character boundaries, and moves a
/// position past the final newline (an error "at end of file") to the end of
/// the last line, so the caret sits under real text.
fn displayable_span(span: Span, source: &str) -> Span {
    let floor = |pos: u32| {
        let mut pos = (pos as usize).min(source.len());
        while !source.is_char_boundary(pos) {
            pos -= 1;
        }
        pos
    };
    let mut start = floor(span.start);
    let mut end = floor(span.end.max(span.start));
    if start == source.len() && source.ends_with('\n') {
        start = source.len() - 1;
        if source[..start].ends_with('\r') {
            start -= 1;
        }
        end = start;
    }
    // Both only ever move down from a u32 offset, so they fit back into u32.
    Span::new(start as u32, end as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::SyntaxErrorKind;

    fn expected_colon(span: Span) -> Diagnostic {
        Diagnostic::from(&SyntaxError::new(
            SyntaxErrorKind::Expected { what: ":" },
            span,
        ))
    }

    #[test]
    fn human_format_has_header_location_line_and_caret() {
        let source = "print(1)\ndef f()\n    return 1\n";
        let out = render(
            &expected_colon(Span::at(16)),
            "t.py",
            source,
            ErrorFormat::Human,
        );
        assert_eq!(
            out,
            "SyntaxError: expected ':'\n  ┌─ t.py:2:8\n  │\n2 │ def f()\n  │        ^\n\n"
        );
    }

    #[test]
    fn short_format_is_one_line() {
        let source = "print(1)\ndef f()\n    return 1\n";
        let out = render(
            &expected_colon(Span::at(16)),
            "t.py",
            source,
            ErrorFormat::Short,
        );
        assert_eq!(
            out,
            "t.py:2:8: error(expected-token): SyntaxError: expected ':'\n"
        );
    }

    #[test]
    fn wide_span_gets_one_caret_per_character() {
        let error = SyntaxError::new(SyntaxErrorKind::UnexpectedIndent, Span::new(4, 9));
        let out = render(
            &Diagnostic::from(&error),
            "t.py",
            "x=1\n  y=2é\n",
            ErrorFormat::Human,
        );
        assert!(
            out.starts_with("IndentationError: unexpected indent\n  ┌─ t.py:2:1\n"),
            "{out}"
        );
        assert!(out.contains("2 │   y=2é\n  │ ^^^^^\n"), "{out}");
    }

    #[test]
    fn end_of_file_points_at_the_last_line() {
        let source = "x = (1,\n";
        let out = render(
            &expected_colon(Span::at(8)),
            "t.py",
            source,
            ErrorFormat::Human,
        );
        assert!(out.contains("┌─ t.py:1:8\n"), "{out}");
        assert!(out.contains("1 │ x = (1,\n  │        ^\n"), "{out}");
    }

    #[test]
    fn out_of_range_and_mid_character_spans_do_not_panic() {
        for span in [
            Span::new(2, 1),
            Span::at(100),
            Span::new(1, 2),
            Span::new(0, 100),
        ] {
            for format in [ErrorFormat::Human, ErrorFormat::Short] {
                let out = render(&expected_colon(span), "t.py", "é", format);
                assert!(out.contains("expected ':'"), "{out}");
            }
        }
        let out = render(&expected_colon(Span::at(0)), "t.py", "", ErrorFormat::Human);
        assert!(out.contains("┌─ t.py:1:1"), "{out}");
    }

    #[test]
    fn notes_are_rendered() {
        let mut diagnostic = expected_colon(Span::at(0));
        diagnostic.notes.push("a note".to_string());
        let out = render(&diagnostic, "t.py", "x\n", ErrorFormat::Human);
        assert!(out.contains("= a note"), "{out}");
        let out = render(&diagnostic, "t.py", "x\n", ErrorFormat::Short);
        assert!(out.ends_with("\n  = a note\n"), "{out}");
    }
}
