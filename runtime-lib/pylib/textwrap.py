"""Text wrapping and filling (krait's textwrap, written for krait).

Provides TextWrapper (width, initial_indent, subsequent_indent,
expand_tabs, tabsize, replace_whitespace, fix_sentence_endings,
break_long_words, break_on_hyphens, drop_whitespace, max_lines,
placeholder) and the functions wrap, fill, shorten, dedent and indent.

Missing compared with CPython 3.11: words are split by hand rather than
with CPython's regular expressions, so TextWrapper.wordsep_re and
wordsep_simple_re do not exist (subclasses cannot swap them); the split
follows the same rules (whitespace runs, hyphenated words broken after
a hyphen between letters, em-dashes "--" between words).
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_whitespace = '\t\n\x0b\x0c\r '


def _is_letter(c):
    return c.isalpha()


def _is_word_char(c):
    return c.isalnum() or c == '_'


def _is_word_punct(c):
    return _is_word_char(c) or c in '!"\'&.,?'


class TextWrapper:
    """Object for wrapping/filling text; the keyword arguments of the
    constructor are public attributes."""

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8,
                 *, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        """Expands tabs and turns every whitespace character into a space."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """The text as chunks: runs of whitespace and words, with words
        broken after hyphens (when break_on_hyphens) and around em-dashes."""
        chunks = []
        n = len(text)
        i = 0
        while i < n:
            start = i
            if text[i] in _whitespace:
                while i < n and text[i] in _whitespace:
                    i += 1
                chunks.append(text[start:i])
                continue
            while i < n and text[i] not in _whitespace:
                i += 1
            word = text[start:i]
            if self.break_on_hyphens:
                chunks.extend(_split_hyphenated(word))
            else:
                chunks.append(word)
        return chunks

    def _fix_sentence_endings(self, chunks):
        """Makes the space after a sentence end two spaces."""
        i = 0
        while i < len(chunks) - 1:
            chunk = chunks[i]
            if chunks[i + 1] == ' ' and _ends_sentence(chunk):
                chunks[i + 1] = '  '
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Breaks the next chunk, too long for any line, at the space left."""
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """Lays the chunks out in lines of at most width characters."""
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        # Reversed, so the next chunk is popped from the end.
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            # Leading whitespace is dropped, except on the first line.
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                length = len(chunks[-1])
                if cur_len + length > width:
                    break
                cur_line.append(chunks.pop())
                cur_len += length
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if not cur_line:
                continue
            rest_is_blank = not chunks or (
                self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
            if (self.max_lines is None or len(lines) + 1 < self.max_lines
                    or rest_is_blank and cur_len <= width):
                lines.append(indent + ''.join(cur_line))
                continue
            # The last allowed line: end it with the placeholder.
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + ''.join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(self.placeholder) <= self.width:
                        lines[-1] = prev_line + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        """The text as a list of lines of at most self.width characters."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The wrapped text as one string of lines."""
        return "\n".join(self.wrap(text))


def _ends_sentence(chunk):
    # A lowercase letter, then . ! or ?, then optionally a quote.
    if chunk and chunk[-1] in '"\'':
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in '.!?' and chunk[-2] in 'abcdefghijklmnopqrstuvwxyz'


def _split_hyphenated(word):
    # Breaks a word after each hyphen that follows two letters (or a
    # letter-hyphen-letter) and precedes a letter (optionally after one
    # more hyphen and) a letter; and around runs of two or more hyphens
    # ("em-dashes") that follow a word character and precede one.
    pieces = []
    start = 0
    n = len(word)
    i = 0
    while i < n:
        c = word[i]
        if c == '-':
            run_end = i
            while run_end < n and word[run_end] == '-':
                run_end += 1
            if run_end - i >= 2:
                before_ok = i > start and _is_word_punct(word[i - 1])
                after_ok = run_end < n and _is_word_char(word[run_end])
                if before_ok and after_ok:
                    pieces.append(word[start:i])
                    pieces.append(word[i:run_end])
                    start = run_end
                i = run_end
                continue
            # A single hyphen.
            if i > start and _hyphen_breaks(word, i, start):
                pieces.append(word[start:i + 1])
                start = i + 1
        i += 1
    if start < n:
        pieces.append(word[start:])
    return pieces


def _hyphen_breaks(word, i, start):
    before = word[start:i]
    lookbehind = (len(before) >= 2 and _is_letter(before[-1]) and _is_letter(before[-2])) or \
        (len(before) >= 3 and _is_letter(before[-1]) and before[-2] == '-' and _is_letter(before[-3]))
    if not lookbehind:
        return False
    rest = word[i + 1:]
    if len(rest) >= 2 and _is_letter(rest[0]):
        if _is_letter(rest[1]):
            return True
        return len(rest) >= 3 and rest[1] == '-' and _is_letter(rest[2])
    return False


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text, returning a list of wrapped lines."""
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def fill(text, width=70, **kwargs):
    """Fill a single paragraph of text, returning a new string."""
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)


def shorten(text, width, **kwargs):
    """Collapse and truncate the given text to fit in the given width."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove any common leading whitespace from every line in `text`."""
    lines = text.split('\n')
    margin = None
    for index, line in enumerate(lines):
        stripped = line.lstrip(' \t')
        if not stripped:
            # Lines of spaces and tabs only become empty.
            lines[index] = ''
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            common = 0
            for a, b in zip(margin, indent):
                if a != b:
                    break
                common += 1
            margin = margin[:common]
    if margin:
        size = len(margin)
        lines = [line[size:] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Adds 'prefix' to the beginning of selected lines in 'text'."""
    out = []
    for line in text.splitlines(True):
        if (line.strip() if predicate is None else predicate(line)):
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)
