//! Syntax errors raised before a program runs: by the lexer, the parser and
//! the early checks (`syntax::checks`).
//!
//! Each kind carries data, not a preformatted string; `Display` produces
//! CPython 3.11's wording, [`SyntaxErrorKind::id`] a stable kebab-case id for
//! tests, and [`SyntaxErrorKind::class_name`] the exception class CPython
//! would raise (`SyntaxError`, `IndentationError` or `TabError`).

use super::span::Span;
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub span: Span,
}

impl SyntaxError {
    pub fn new(kind: SyntaxErrorKind, span: Span) -> Self {
        SyntaxError { kind, span }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum SyntaxErrorKind {
    // ---- lexer ----
    /// `detected_at` is the 1-based line where the lexer gave up.
    UnterminatedString {
        detected_at: usize,
    },
    UnterminatedTripleQuotedString {
        detected_at: usize,
    },
    UnclosedBracket {
        open: char,
    },
    UnmatchedBracket {
        close: char,
    },
    MismatchedBracket {
        close: char,
        open: char,
        open_line: Option<usize>,
    },
    InvalidCharacter {
        ch: char,
    },
    InvalidNonPrintableCharacter {
        ch: char,
    },
    /// e.g. `1_`, `1__0`, `1e`, `0x`, `1abc`.
    InvalidNumber {
        base: NumberBase,
    },
    InvalidDigit {
        digit: char,
        base: NumberBase,
    },
    LeadingZeros,
    UnexpectedCharacterAfterContinuation,
    UnexpectedEofAfterContinuation,
    UnexpectedIndent,
    UnindentMismatch,
    InconsistentTabs,
    TooDeeplyNested,
    /// The encoding declared in a coding cookie is not UTF-8.
    UnsupportedEncoding {
        encoding: String,
    },
    InvalidUtf8,
    BytesNonAscii,
    /// A malformed escape, as CPython reports it through the codec:
    /// `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \xXX escape`.
    BadEscape {
        codec: &'static str,
        start: usize,
        end: usize,
        reason: &'static str,
    },
    UnknownUnicodeName,
    /// `1jx`: `invalid imaginary literal`.
    InvalidImaginary,
    /// More than 99 nested indentation levels (an `IndentationError`).
    TooManyIndentationLevels,
    /// A NUL byte anywhere in the source.
    NullBytes,
    /// `b"\x4"`: CPython's bytes decoder raises a `ValueError`, reported as
    /// `(value error) invalid \x escape at position 0`.
    BytesBadEscape {
        position: usize,
    },

    // ---- f-strings ----
    FString(FStringError),

    // ---- parser ----
    InvalidSyntax,
    /// `invalid syntax. Perhaps you forgot a comma?`
    MissingComma,
    /// `expected ':'` and friends; the payload is the expected token text.
    Expected {
        what: &'static str,
    },
    UnexpectedEof,
    /// `expected an indented block after 'if' statement on line 3`
    ExpectedIndentedBlock {
        after: &'static str,
        line: usize,
    },
    ExpectedIndentedBlockPlain,
    /// `cannot assign to literal` (with the `here. Maybe you meant '=='...` tail for `=`).
    CannotAssign {
        what: &'static str,
        maybe_comparison: bool,
    },
    CannotDelete {
        what: &'static str,
    },
    CannotAugAssign {
        what: &'static str,
    },
    /// `'tuple' is an illegal expression for augmented assignment`
    IllegalAugAssignTarget {
        what: &'static str,
    },
    MissingParentheses {
        name: &'static str,
    },
    NonDefaultAfterDefault,
    NamedArgumentsAfterBareStar,
    DuplicateArgument {
        name: String,
    },
    KeywordArgumentRepeated {
        name: String,
    },
    PositionalAfterKeyword,
    PositionalAfterKeywordUnpacking,
    IterableUnpackingAfterKeywordUnpacking,
    GeneratorMustBeParenthesized,
    MultipleStarredInAssignment,
    StarredAssignmentTargetMustBeInListOrTuple,
    StarredNotAllowedHere,
    CannotUseStarredHere,
    CannotUseDoubleStarredHere,
    /// A construct this version of krait does not support; names it.
    Unsupported {
        feature: &'static str,
    },
    /// Any other fixed CPython message; prefer a dedicated variant.
    Message(&'static str),

    CannotUseAssignmentExpression {
        what: &'static str,
    },
    ExpectedElseAfterIf,
    IterableUnpackingInComprehension,
    SlashMayAppearOnlyOnce,
    SlashMustBeAheadOfStar,
    SlashNeedsArgument,
    StarMayAppearOnlyOnce,
    ArgumentsAfterVarKeyword,
    ExpressionCannotContainAssignment,
    MixedBytesAndNonBytes,
    ExpectedExceptOrFinally,
    MixedExceptAndExceptStar,
    ExceptTypesMustBeParenthesized,
    ExpectedExceptionTypes,
    TrailingCommaNeedsParentheses,
    AnnotatedTarget {
        what: &'static str,
    },
    IllegalAnnotationTarget,
    CannotUseWildcardAsTarget,
    PatternFString,
    ImaginaryNumberRequired,
    RealNumberRequired,
    PositionalPatternAfterKeyword,

    /// A decimal integer literal over CPython's 4300-digit conversion limit.
    IntegerLiteralTooLong {
        digits: usize,
    },
    /// The AST would be deeper than `parser::MAX_DEPTH`.
    ExpressionTooDeep,

    // ---- early checks (scopes) ----
    ReturnOutsideFunction,
    YieldOutsideFunction,
    AwaitOutsideFunction,
    AwaitOutsideAsyncFunction,
    BreakOutsideLoop,
    ContinueNotInLoop,
    NonlocalAtModuleLevel,
    NoBindingForNonlocal {
        name: String,
    },
    NameAssignedBeforeGlobal {
        name: String,
    },
    NameUsedBeforeGlobal {
        name: String,
    },
    NameAssignedBeforeNonlocal {
        name: String,
    },
    NameUsedBeforeNonlocal {
        name: String,
    },
    NameIsParameterAndGlobal {
        name: String,
    },
    NameIsParameterAndNonlocal {
        name: String,
    },
    NameIsNonlocalAndGlobal {
        name: String,
    },
    ReturnWithValueInAsyncGenerator,
    AsyncComprehensionOutsideAsyncFunction,
    ImportStarOnlyAtModuleLevel,
    DefaultExceptMustBeLast,
    /// `'yield' inside list comprehension`; `what` names the comprehension.
    YieldInsideComprehension {
        what: &'static str,
    },
    YieldFromInsideAsyncFunction,
    AsyncForOutsideAsyncFunction,
    AsyncWithOutsideAsyncFunction,
    /// `break`, `continue` or `return` leaving an `except*` handler.
    ControlFlowInExceptStar,
    AnnotatedNameCantBeGlobal {
        name: String,
    },
    AnnotatedNameCantBeNonlocal {
        name: String,
    },
    NamedExprInComprehensionIterable,
    NamedExprRebindsIterationVariable {
        name: String,
    },
    NamedExprInClassComprehension,
    ComprehensionRebindsNamedExprTarget {
        name: String,
    },
    /// `'yield expression' can not be used within an annotation` (only under
    /// `from __future__ import annotations`).
    NotAllowedInAnnotation {
        what: &'static str,
    },
    /// `too many expressions in star-unpacking assignment`; `what` is
    /// `assignment` or `sequence pattern`.
    TooManyExpressionsInStarUnpacking {
        what: &'static str,
    },
    FutureImportNotFirst,
    /// More than 20 loops, `try` and `with` blocks nested in one function
    /// (CPython's `CO_MAXBLOCKS`).
    TooManyStaticallyNestedBlocks,
    FutureFeatureNotDefined {
        name: String,
    },
    /// `from __future__ import braces`.
    FutureBraces,
    MultipleAssignmentsInPattern {
        name: String,
    },
    NameCaptureMakesRemainingUnreachable {
        name: String,
    },
    WildcardMakesRemainingUnreachable,
    AlternativePatternsBindDifferentNames,
    AttributeNameRepeatedInClassPattern {
        name: String,
    },
    MultipleStarredNamesInSequencePattern,
    /// `key` is the repr of the repeated key.
    MappingPatternDuplicateKey {
        key: String,
    },
    MappingPatternKeysLiteralsOnly,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberBase {
    Binary,
    Octal,
    Decimal,
    Hexadecimal,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FStringError {
    ExpectingCloseBrace,
    SingleCloseBrace,
    EmptyExpression,
    Backslash,
    Comment,
    InvalidConversion,
    UnmatchedBracket {
        close: char,
    },
    Unterminated,
    /// `f"{!r}"`: `f-string: expression required before '!'`.
    ExpressionRequiredBefore {
        ch: char,
    },
    /// A replacement field in a format spec's replacement field.
    NestedTooDeeply,
    MismatchedBracket {
        close: char,
        open: char,
    },
    TooManyNestedParens,
}

impl SyntaxErrorKind {
    /// The Python exception class for this error.
    pub fn class_name(&self) -> &'static str {
        use SyntaxErrorKind::*;
        match self {
            UnexpectedIndent
            | UnindentMismatch
            | ExpectedIndentedBlock { .. }
            | ExpectedIndentedBlockPlain
            | TooManyIndentationLevels => "IndentationError",
            InconsistentTabs => "TabError",
            _ => "SyntaxError",
        }
    }

    /// A stable kebab-case identifier for tests and machine-readable output.
    pub fn id(&self) -> &'static str {
        use SyntaxErrorKind::*;
        match self {
            UnterminatedString { .. } => "unterminated-string",
            UnterminatedTripleQuotedString { .. } => "unterminated-triple-quoted-string",
            UnclosedBracket { .. } => "unclosed-bracket",
            UnmatchedBracket { .. } => "unmatched-bracket",
            MismatchedBracket { .. } => "mismatched-bracket",
            InvalidCharacter { .. } | InvalidNonPrintableCharacter { .. } => "invalid-character",
            InvalidNumber { .. } | InvalidDigit { .. } | InvalidImaginary => "invalid-number",
            LeadingZeros => "leading-zeros",
            UnexpectedCharacterAfterContinuation | UnexpectedEofAfterContinuation => {
                "bad-line-continuation"
            }
            UnexpectedIndent => "unexpected-indent",
            UnindentMismatch => "unindent-mismatch",
            InconsistentTabs => "inconsistent-tabs",
            TooDeeplyNested | TooManyIndentationLevels => "too-deeply-nested",
            NullBytes => "bad-encoding",
            UnsupportedEncoding { .. } | InvalidUtf8 => "bad-encoding",
            BytesNonAscii => "bytes-non-ascii",
            BadEscape { .. } | UnknownUnicodeName | BytesBadEscape { .. } => "bad-escape",
            FString(_) => "fstring",
            InvalidSyntax | MissingComma | Message(_) => "invalid-syntax",
            Expected { .. } => "expected-token",
            UnexpectedEof => "unexpected-eof",
            ExpectedIndentedBlock { .. } | ExpectedIndentedBlockPlain => "expected-indent",
            CannotAssign { .. }
            | CannotDelete { .. }
            | CannotAugAssign { .. }
            | IllegalAugAssignTarget { .. } => "invalid-target",
            MissingParentheses { .. } => "missing-parentheses",
            NonDefaultAfterDefault | NamedArgumentsAfterBareStar | DuplicateArgument { .. } => {
                "invalid-parameters"
            }
            KeywordArgumentRepeated { .. }
            | PositionalAfterKeyword
            | PositionalAfterKeywordUnpacking
            | IterableUnpackingAfterKeywordUnpacking
            | GeneratorMustBeParenthesized => "invalid-arguments",
            MultipleStarredInAssignment
            | StarredAssignmentTargetMustBeInListOrTuple
            | StarredNotAllowedHere
            | CannotUseStarredHere
            | CannotUseDoubleStarredHere => "invalid-starred",
            Unsupported { .. } => "unsupported",
            CannotUseAssignmentExpression { .. } => "invalid-target",
            ExpectedElseAfterIf => "invalid-syntax",
            IterableUnpackingInComprehension => "invalid-starred",
            SlashMayAppearOnlyOnce => "invalid-parameters",
            SlashMustBeAheadOfStar => "invalid-parameters",
            SlashNeedsArgument => "invalid-parameters",
            StarMayAppearOnlyOnce => "invalid-parameters",
            ArgumentsAfterVarKeyword => "invalid-parameters",
            ExpressionCannotContainAssignment => "invalid-arguments",
            MixedBytesAndNonBytes => "invalid-syntax",
            ExpectedExceptOrFinally => "expected-token",
            MixedExceptAndExceptStar => "invalid-syntax",
            ExceptTypesMustBeParenthesized => "invalid-syntax",
            ExpectedExceptionTypes => "invalid-syntax",
            TrailingCommaNeedsParentheses => "invalid-syntax",
            AnnotatedTarget { .. } => "invalid-target",
            IllegalAnnotationTarget => "invalid-target",
            CannotUseWildcardAsTarget => "invalid-pattern",
            PatternFString => "invalid-pattern",
            ImaginaryNumberRequired => "invalid-pattern",
            RealNumberRequired => "invalid-pattern",
            PositionalPatternAfterKeyword => "invalid-pattern",
            IntegerLiteralTooLong { .. } => "invalid-number",
            ExpressionTooDeep => "too-deeply-nested",
            ReturnOutsideFunction
            | YieldOutsideFunction
            | AwaitOutsideFunction
            | AwaitOutsideAsyncFunction
            | ReturnWithValueInAsyncGenerator
            | AsyncComprehensionOutsideAsyncFunction => "outside-function",
            BreakOutsideLoop | ContinueNotInLoop => "outside-loop",
            NonlocalAtModuleLevel
            | NoBindingForNonlocal { .. }
            | NameAssignedBeforeGlobal { .. }
            | NameUsedBeforeGlobal { .. }
            | NameAssignedBeforeNonlocal { .. }
            | NameUsedBeforeNonlocal { .. }
            | NameIsParameterAndGlobal { .. }
            | NameIsParameterAndNonlocal { .. }
            | NameIsNonlocalAndGlobal { .. } => "invalid-declaration",
            ImportStarOnlyAtModuleLevel => "import-star-not-at-module-level",
            DefaultExceptMustBeLast => "default-except-not-last",
            YieldInsideComprehension { .. } | YieldFromInsideAsyncFunction => "invalid-yield",
            AsyncForOutsideAsyncFunction | AsyncWithOutsideAsyncFunction => "outside-function",
            ControlFlowInExceptStar => "control-flow-in-except-star",
            TooManyStaticallyNestedBlocks => "too-many-nested-blocks",
            AnnotatedNameCantBeGlobal { .. } | AnnotatedNameCantBeNonlocal { .. } => {
                "invalid-declaration"
            }
            NamedExprInComprehensionIterable
            | NamedExprRebindsIterationVariable { .. }
            | NamedExprInClassComprehension
            | ComprehensionRebindsNamedExprTarget { .. } => "invalid-named-expression",
            NotAllowedInAnnotation { .. } => "invalid-annotation",
            TooManyExpressionsInStarUnpacking { .. } => "invalid-starred",
            FutureImportNotFirst | FutureFeatureNotDefined { .. } | FutureBraces => {
                "invalid-future-import"
            }
            MultipleAssignmentsInPattern { .. }
            | NameCaptureMakesRemainingUnreachable { .. }
            | WildcardMakesRemainingUnreachable
            | AlternativePatternsBindDifferentNames
            | AttributeNameRepeatedInClassPattern { .. }
            | MultipleStarredNamesInSequencePattern
            | MappingPatternDuplicateKey { .. }
            | MappingPatternKeysLiteralsOnly => "invalid-pattern",
        }
    }
}

fn base_name(base: NumberBase) -> &'static str {
    match base {
        NumberBase::Binary => "binary",
        NumberBase::Octal => "octal",
        NumberBase::Decimal => "decimal",
        NumberBase::Hexadecimal => "hexadecimal",
    }
}

impl fmt::Display for FStringError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FStringError::*;
        match self {
            ExpectingCloseBrace => write!(f, "f-string: expecting '}}'"),
            SingleCloseBrace => write!(f, "f-string: single '}}' is not allowed"),
            EmptyExpression => write!(f, "f-string: empty expression not allowed"),
            Backslash => write!(f, "f-string expression part cannot include a backslash"),
            Comment => write!(f, "f-string expression part cannot include '#'"),
            InvalidConversion => {
                write!(f, "f-string: invalid conversion character: expected 's', 'r', or 'a'")
            }
            UnmatchedBracket { close } => write!(f, "f-string: unmatched '{close}'"),
            Unterminated => write!(f, "f-string: unterminated string"),
            ExpressionRequiredBefore { ch } => {
                write!(f, "f-string: expression required before '{ch}'")
            }
            NestedTooDeeply => write!(f, "f-string: expressions nested too deeply"),
            MismatchedBracket { close, open } => write!(
                f,
                "f-string: closing parenthesis '{close}' does not match opening parenthesis '{open}'"
            ),
            TooManyNestedParens => write!(f, "f-string: too many nested parenthesis"),
        }
    }
}

impl fmt::Display for SyntaxErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use SyntaxErrorKind::*;
        match self {
            UnterminatedString { detected_at } => {
                write!(f, "unterminated string literal (detected at line {detected_at})")
            }
            UnterminatedTripleQuotedString { detected_at } => write!(
                f,
                "unterminated triple-quoted string literal (detected at line {detected_at})"
            ),
            UnclosedBracket { open } => write!(f, "'{open}' was never closed"),
            UnmatchedBracket { close } => write!(f, "unmatched '{close}'"),
            MismatchedBracket { close, open, open_line: None } => write!(
                f,
                "closing parenthesis '{close}' does not match opening parenthesis '{open}'"
            ),
            MismatchedBracket { close, open, open_line: Some(line) } => write!(
                f,
                "closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {line}"
            ),
            InvalidCharacter { ch } => {
                write!(f, "invalid character '{ch}' (U+{:04X})", *ch as u32)
            }
            InvalidNonPrintableCharacter { ch } => {
                write!(f, "invalid non-printable character U+{:04X}", *ch as u32)
            }
            InvalidNumber { base } => write!(f, "invalid {} literal", base_name(*base)),
            InvalidDigit { digit, base } => {
                write!(f, "invalid digit '{digit}' in {} literal", base_name(*base))
            }
            LeadingZeros => write!(
                f,
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
            ),
            UnexpectedCharacterAfterContinuation => {
                write!(f, "unexpected character after line continuation character")
            }
            UnexpectedEofAfterContinuation => write!(f, "unexpected EOF while parsing"),
            UnexpectedIndent => write!(f, "unexpected indent"),
            UnindentMismatch => {
                write!(f, "unindent does not match any outer indentation level")
            }
            InconsistentTabs => write!(f, "inconsistent use of tabs and spaces in indentation"),
            TooDeeplyNested => write!(f, "too many nested parentheses"),
            TooManyIndentationLevels => write!(f, "too many levels of indentation"),
            NullBytes => write!(f, "source code cannot contain null bytes"),
            BytesBadEscape { position } => {
                write!(f, "(value error) invalid \\x escape at position {position}")
            }
            InvalidImaginary => write!(f, "invalid imaginary literal"),
            UnsupportedEncoding { encoding } => write!(
                f,
                "encoding problem: {encoding} (krait reads only UTF-8 source files)"
            ),
            InvalidUtf8 => write!(f, "source file is not valid UTF-8"),
            BytesNonAscii => write!(f, "bytes can only contain ASCII literal characters"),
            BadEscape { codec, start, end, reason } => write!(
                f,
                "(unicode error) '{codec}' codec can't decode bytes in position {start}-{end}: {reason}"
            ),
            UnknownUnicodeName => write!(
                f,
                "(unicode error) 'unicodeescape' codec can't decode bytes: unknown Unicode character name"
            ),
            FString(e) => write!(f, "{e}"),
            InvalidSyntax => write!(f, "invalid syntax"),
            MissingComma => write!(f, "invalid syntax. Perhaps you forgot a comma?"),
            Expected { what } => write!(f, "expected '{what}'"),
            UnexpectedEof => write!(f, "unexpected EOF while parsing"),
            ExpectedIndentedBlock { after, line } => {
                write!(f, "expected an indented block after {after} on line {line}")
            }
            ExpectedIndentedBlockPlain => write!(f, "expected an indented block"),
            CannotAssign { what, maybe_comparison: true } => {
                write!(f, "cannot assign to {what} here. Maybe you meant '==' instead of '='?")
            }
            CannotAssign { what, maybe_comparison: false } => {
                write!(f, "cannot assign to {what}")
            }
            CannotDelete { what } => write!(f, "cannot delete {what}"),
            CannotAugAssign { what } => write!(f, "cannot assign to {what}"),
            IllegalAugAssignTarget { what } => {
                write!(f, "'{what}' is an illegal expression for augmented assignment")
            }
            MissingParentheses { name } => write!(
                f,
                "Missing parentheses in call to '{name}'. Did you mean {name}(...)?"
            ),
            NonDefaultAfterDefault => {
                write!(f, "non-default argument follows default argument")
            }
            NamedArgumentsAfterBareStar => write!(f, "named arguments must follow bare *"),
            DuplicateArgument { name } => {
                write!(f, "duplicate argument '{name}' in function definition")
            }
            KeywordArgumentRepeated { name } => write!(f, "keyword argument repeated: {name}"),
            PositionalAfterKeyword => write!(f, "positional argument follows keyword argument"),
            PositionalAfterKeywordUnpacking => write!(
                f,
                "positional argument follows keyword argument unpacking"
            ),
            IterableUnpackingAfterKeywordUnpacking => write!(
                f,
                "iterable argument unpacking follows keyword argument unpacking"
            ),
            GeneratorMustBeParenthesized => {
                write!(f, "Generator expression must be parenthesized")
            }
            MultipleStarredInAssignment => {
                write!(f, "multiple starred expressions in assignment")
            }
            StarredAssignmentTargetMustBeInListOrTuple => {
                write!(f, "starred assignment target must be in a list or tuple")
            }
            StarredNotAllowedHere => write!(f, "can't use starred expression here"),
            CannotUseStarredHere => write!(f, "cannot use starred expression here"),
            CannotUseDoubleStarredHere => write!(f, "cannot use double starred expression here"),
            Unsupported { feature } => write!(f, "krait does not support {feature} yet"),
            Message(m) => write!(f, "{m}"),
            CannotUseAssignmentExpression { what } => write!(f, "cannot use assignment expressions with {what}"),
            ExpectedElseAfterIf => write!(f, "expected 'else' after 'if' expression"),
            IterableUnpackingInComprehension => write!(f, "iterable unpacking cannot be used in comprehension"),
            SlashMayAppearOnlyOnce => write!(f, "/ may appear only once"),
            SlashMustBeAheadOfStar => write!(f, "/ must be ahead of *"),
            SlashNeedsArgument => write!(f, "at least one argument must precede /"),
            StarMayAppearOnlyOnce => write!(f, "* argument may appear only once"),
            ArgumentsAfterVarKeyword => write!(f, "arguments cannot follow var-keyword argument"),
            ExpressionCannotContainAssignment => write!(f, "expression cannot contain assignment, perhaps you meant \"==\"?"),
            MixedBytesAndNonBytes => write!(f, "cannot mix bytes and nonbytes literals"),
            ExpectedExceptOrFinally => write!(f, "expected 'except' or 'finally' block"),
            MixedExceptAndExceptStar => write!(f, "cannot have both 'except' and 'except*' on the same 'try'"),
            ExceptTypesMustBeParenthesized => write!(f, "multiple exception types must be parenthesized"),
            ExpectedExceptionTypes => write!(f, "expected one or more exception types"),
            TrailingCommaNeedsParentheses => write!(f, "trailing comma not allowed without surrounding parentheses"),
            AnnotatedTarget { what } => write!(f, "only single target (not {what}) can be annotated"),
            IllegalAnnotationTarget => write!(f, "illegal target for annotation"),
            CannotUseWildcardAsTarget => write!(f, "cannot use '_' as a target"),
            PatternFString => write!(f, "patterns may only match literals and attribute lookups"),
            ImaginaryNumberRequired => write!(f, "imaginary number required in complex literal"),
            RealNumberRequired => write!(f, "real number required in complex literal"),
            PositionalPatternAfterKeyword => write!(f, "positional patterns follow keyword patterns"),
            IntegerLiteralTooLong { digits } => write!(
                f,
                "Exceeds the limit (4300 digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."
            ),
            ExpressionTooDeep => write!(f, "expression nested too deeply (krait's limit is 2500 levels)"),
            ReturnOutsideFunction => write!(f, "'return' outside function"),
            YieldOutsideFunction => write!(f, "'yield' outside function"),
            AwaitOutsideFunction => write!(f, "'await' outside function"),
            AwaitOutsideAsyncFunction => write!(f, "'await' outside async function"),
            BreakOutsideLoop => write!(f, "'break' outside loop"),
            ContinueNotInLoop => write!(f, "'continue' not properly in loop"),
            NonlocalAtModuleLevel => {
                write!(f, "nonlocal declaration not allowed at module level")
            }
            NoBindingForNonlocal { name } => write!(f, "no binding for nonlocal '{name}' found"),
            NameAssignedBeforeGlobal { name } => {
                write!(f, "name '{name}' is assigned to before global declaration")
            }
            NameUsedBeforeGlobal { name } => {
                write!(f, "name '{name}' is used prior to global declaration")
            }
            NameAssignedBeforeNonlocal { name } => {
                write!(f, "name '{name}' is assigned to before nonlocal declaration")
            }
            NameUsedBeforeNonlocal { name } => {
                write!(f, "name '{name}' is used prior to nonlocal declaration")
            }
            NameIsParameterAndGlobal { name } => {
                write!(f, "name '{name}' is parameter and global")
            }
            NameIsParameterAndNonlocal { name } => {
                write!(f, "name '{name}' is parameter and nonlocal")
            }
            NameIsNonlocalAndGlobal { name } => {
                write!(f, "name '{name}' is nonlocal and global")
            }
            ReturnWithValueInAsyncGenerator => {
                write!(f, "'return' with value in async generator")
            }
            AsyncComprehensionOutsideAsyncFunction => {
                write!(f, "asynchronous comprehension outside of an asynchronous function")
            }
            ImportStarOnlyAtModuleLevel => {
                write!(f, "import * only allowed at module level")
            }
            DefaultExceptMustBeLast => write!(f, "default 'except:' must be last"),
            YieldInsideComprehension { what } => write!(f, "'yield' inside {what}"),
            YieldFromInsideAsyncFunction => write!(f, "'yield from' inside async function"),
            AsyncForOutsideAsyncFunction => write!(f, "'async for' outside async function"),
            AsyncWithOutsideAsyncFunction => write!(f, "'async with' outside async function"),
            TooManyStaticallyNestedBlocks => write!(f, "too many statically nested blocks"),
            ControlFlowInExceptStar => write!(
                f,
                "'break', 'continue' and 'return' cannot appear in an except* block"
            ),
            AnnotatedNameCantBeGlobal { name } => {
                write!(f, "annotated name '{name}' can't be global")
            }
            AnnotatedNameCantBeNonlocal { name } => {
                write!(f, "annotated name '{name}' can't be nonlocal")
            }
            NamedExprInComprehensionIterable => write!(
                f,
                "assignment expression cannot be used in a comprehension iterable expression"
            ),
            NamedExprRebindsIterationVariable { name } => write!(
                f,
                "assignment expression cannot rebind comprehension iteration variable '{name}'"
            ),
            NamedExprInClassComprehension => write!(
                f,
                "assignment expression within a comprehension cannot be used in a class body"
            ),
            ComprehensionRebindsNamedExprTarget { name } => write!(
                f,
                "comprehension inner loop cannot rebind assignment expression target '{name}'"
            ),
            NotAllowedInAnnotation { what } => {
                write!(f, "'{what}' can not be used within an annotation")
            }
            TooManyExpressionsInStarUnpacking { what } => {
                write!(f, "too many expressions in star-unpacking {what}")
            }
            FutureImportNotFirst => {
                write!(f, "from __future__ imports must occur at the beginning of the file")
            }
            FutureFeatureNotDefined { name } => write!(f, "future feature {name} is not defined"),
            FutureBraces => write!(f, "not a chance"),
            MultipleAssignmentsInPattern { name } => {
                write!(f, "multiple assignments to name '{name}' in pattern")
            }
            NameCaptureMakesRemainingUnreachable { name } => {
                write!(f, "name capture '{name}' makes remaining patterns unreachable")
            }
            WildcardMakesRemainingUnreachable => {
                write!(f, "wildcard makes remaining patterns unreachable")
            }
            AlternativePatternsBindDifferentNames => {
                write!(f, "alternative patterns bind different names")
            }
            AttributeNameRepeatedInClassPattern { name } => {
                write!(f, "attribute name repeated in class pattern: {name}")
            }
            MultipleStarredNamesInSequencePattern => {
                write!(f, "multiple starred names in sequence pattern")
            }
            MappingPatternDuplicateKey { key } => {
                write!(f, "mapping pattern checks duplicate key ({key})")
            }
            MappingPatternKeysLiteralsOnly => {
                write!(f, "mapping pattern keys may only match literals and attribute lookups")
            }
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.class_name(), self.kind)
    }
}

impl std::error::Error for SyntaxError {}
