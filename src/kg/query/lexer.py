"""One reading of a query: the SPARQL 1.1 terminals, and the canonical text built from them.

Why this exists: engines read the same text differently. rdflib expands ``\\u`` escapes
everywhere before parsing (and only lower-case ones), Oxigraph only inside strings and IRIs;
they disagree on which characters end a ``#`` comment. A check done on rdflib's reading, of
text that Oxigraph then runs, can be walked around (``# x\\r SERVICE <...>`` is a comment to
one and a SERVICE call to the other).

So a query is lexed once, here, by the grammar's own terminals (SPARQL 1.1 section 19.8,
codepoint escapes processed first as section 19.2 says), and re-emitted as *canonical text*:
no comments, one space between tokens, strings re-escaped with only ``\\" \\\\ \\n \\r \\t``,
IRIs written raw, no ``\\u`` anywhere. That text is what the check parses and what every
engine runs, character for character: there is nothing left in it for two grammars to read
differently. A string whose value holds a backslash before ``u`` is refused, since rdflib
would expand it and Oxigraph would not.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.errors import UsageError

_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_U = _BASE + "_"
_CHARS = _U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PREFIX = f"[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_LOCAL = f"(?:[{_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"
_VARNAME = f"[{_U}0-9][{_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*"
_EXP = r"[eE][+-]?[0-9]+"
_NUMBER = rf"[+-]?(?:[0-9]+\.[0-9]*{_EXP}|\.[0-9]+{_EXP}|[0-9]+{_EXP}|[0-9]*\.[0-9]+|[0-9]+)"

# Order matters where one terminal is a prefix of another (longest match, as the grammar says).
_TERMINALS: tuple[tuple[str, str], ...] = (
    ("ws", r"[ \t\r\n]+"),
    ("comment", r"#[^\r\n]*"),
    ("iri", r"<[^<>\"{}|^`\\\x00-\x20]*>"),
    ("string", r'"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""'),
    ("string", r"'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''"),
    ("string", r'"(?:[^"\\\n\r]|\\.)*"'),
    ("string", r"'(?:[^'\\\n\r]|\\.)*'"),
    ("pname", f"(?:{_PREFIX})?:(?:{_LOCAL})?"),
    ("bnode", f"_:[{_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?"),
    ("var", f"[?$]{_VARNAME}"),
    ("langtag", r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*"),
    ("number", _NUMBER),
    ("name", r"[A-Za-z_][A-Za-z0-9_]*"),
    ("punct", r"\^\^|<=|>=|!=|&&|\|\||[{}()\[\];,.=<>!+\-*/^|?]"),
)
_KINDS = {f"t{i}": kind for i, (kind, _) in enumerate(_TERMINALS)}


@functools.lru_cache(maxsize=2)
def _lexer(ascii_only: bool) -> re.Pattern[str]:
    """The terminals as one pattern; for ASCII text, without the non-ASCII ranges.

    Compiling the full pattern (its character classes span most of Unicode) costs ~35 ms,
    more than answering a question; a query in ASCII, as nearly all are, cannot match those
    ranges, so its pattern leaves them out and compiles in a few milliseconds. Both patterns
    read ASCII text identically.
    """
    parts = []
    for i, (_, rx) in enumerate(_TERMINALS):
        if ascii_only:
            rx = _strip_non_ascii(rx)
        parts.append(f"(?P<t{i}>{rx})")
    return re.compile("|".join(parts))


def _strip_non_ascii(rx: str) -> str:
    """``rx`` with every non-ASCII character (and range) dropped from its character classes."""
    rx = re.sub(r"[^\x00-\x7f](?:-[^\x00-\x7f])?", "", rx)
    # and the same ranges written as escapes (\u00b7, \u0300-\u036f) in raw strings
    escape = r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})"
    return re.sub(f"{escape}(?:-{escape})?", "", rx)


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_OUT_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


@dataclass(frozen=True)
class Token:
    """A terminal of the query: its kind, its canonical spelling, where it began."""

    kind: str
    text: str
    line: int
    col: int
    spaced: bool = True  # white space or a comment stood before it in the query

    @property
    def keyword(self) -> str:
        """The upper-cased word for a bare name (a keyword or function name), else ''."""
        return self.text.upper() if self.kind == "name" else ""


def _expand_codepoints(text: str, where: str) -> str:
    def expand(m: re.Match[str]) -> str:
        value = int(m.group(1) or m.group(2), 16)
        if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            raise UsageError(f"\\u escape {m.group(0)} names no character", where=where)
        return chr(value)

    return _CODEPOINT.sub(expand, text)


def _string_value(raw: str, where: str) -> str:
    quote = 3 if raw[:3] in ('"""', "'''") else 1
    body, out, i = raw[quote:-quote], [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            nxt = body[i + 1] if i + 1 < len(body) else ""
            if nxt not in _ECHAR:
                raise UsageError(
                    f"\\{nxt} is not a SPARQL string escape",
                    where=where,
                    hint="use one of \\t \\b \\n \\r \\f \\\" \\' \\\\ (or \\uXXXX)",
                )
            out.append(_ECHAR[nxt])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def quote_string(value: str, where: str = "query") -> str:
    """``value`` as a SPARQL string that every engine reads back as exactly ``value``.

    Only ``\\\\ \\" \\n \\r \\t`` are escaped; everything else is written as itself (the grammar
    allows any other character inside ``"..."``). ``\\u`` is never written, and a value that
    holds a backslash before ``u``/``U`` is refused: rdflib would read ``\\\\u0022`` as a
    quote, Oxigraph as six characters.
    """
    if re.search(r"\\[uU]", value):
        raise UsageError(
            "a string holding a backslash before 'u' reads differently in different engines",
            where=where,
            hint="write that character another way, or leave the backslash out",
        )
    if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise UsageError("a string holds a lone surrogate, which is no character", where=where)
    return '"' + "".join(_OUT_ESCAPES.get(c, c) for c in value) + '"'


def tokenize(text: str, where: str = "query") -> list[Token]:
    """The query's terminals in order, comments and white space dropped.

    A character that starts no terminal raises UsageError at ``where:line:col``.
    """
    text = _expand_codepoints(text, where)
    lexer = _lexer(text.isascii())
    tokens: list[Token] = []
    pos, line, line_start, spaced = 0, 1, 0, True
    while pos < len(text):
        m = lexer.match(text, pos)
        col = pos - line_start + 1
        if m is None or m.end() == pos:
            ch = text[pos]
            raise UsageError(
                f"unexpected character {ch!r} (U+{ord(ch):04X}) in the query",
                where=f"{where}:{line}:{col}",
                hint="SPARQL separates tokens with spaces, tabs and line breaks only",
            )
        kind, raw = _KINDS[m.lastgroup or ""], m.group(0)
        if kind in ("ws", "comment"):
            spaced = True
        else:
            spelled = quote_string(_string_value(raw, where), where) if kind == "string" else raw
            tokens.append(Token(kind, spelled, line, col, spaced))
            spaced = False
        breaks = raw.count("\n") + raw.count("\r") - raw.count("\r\n")
        if breaks:
            line += breaks
            line_start = pos + max(raw.rfind("\n"), raw.rfind("\r")) + 1
        pos = m.end()
    return tokens


def canonical(tokens: list[Token]) -> tuple[str, list[int]]:
    """The canonical text of ``tokens`` and where each token starts in it.

    Tokens that touched in the query still touch (``ex:p?`` is a path, ``ex:p ?x`` a variable;
    ``xsd:integer(...)`` a call); tokens that white space or a comment parted are parted by
    one space.
    """
    parts: list[str] = []
    starts: list[int] = []
    at = 0
    for token in tokens:
        if parts and token.spaced:
            parts.append(" ")
            at += 1
        starts.append(at)
        parts.append(token.text)
        at += len(token.text)
    return "".join(parts), starts


def one_reading(text: str, where: str = "query") -> tuple[str, list[Token], list[int]]:
    """The canonical text of ``text``, its tokens and their offsets in it.

    The canonical text is checked to be a fixed point (lexing it again gives the same tokens),
    so that nothing about it depends on how comments, line ends or escapes are read.
    """
    tokens = tokenize(text, where)
    out, starts = canonical(tokens)
    again = tokenize(out, where)
    if [(t.kind, t.text) for t in again] != [(t.kind, t.text) for t in tokens]:
        raise UsageError(
            "the query cannot be written in one unambiguous form",
            where=where,
            hint="separate its tokens with spaces",
        )
    return out, tokens, starts
