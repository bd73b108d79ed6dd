"""The article's text, read only from a copy the user points at and trusted only by its hash.

The repository never holds the article's sentences; it holds offsets into them. Offsets
are only as good as the copy they are applied to, so a copy is accepted only when the
SHA-256 of its bytes is the one the graph records (``skg:sha256``): a different copy is
refused, never re-anchored. The bytes are decoded as UTF-8 with no newline translation
(``open(..., newline="")`` semantics) and no Unicode normalisation, so that an offset means
the same code point in Python, in SPARQL ``SUBSTR`` and in every other reader.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

#: The environment variable naming the folder of source copies, like ``--sources``.
SOURCES_ENV = "KG_SOURCES"

#: Said wherever text could be shown but no copy was given.
HOW_TO_POINT = (
    "text not shown: point at the article with --sources ../shared/sources "
    f"(or set {SOURCES_ENV}=../shared/sources)"
)

# A paragraph break: a newline, then one or more lines holding only blanks.
_BREAK = re.compile(r"\n(?:[ \t\r\f\v]*\n)+")
# A sentence ends at . ! or ? (perhaps followed by a closing quote or bracket), then blanks,
# then what can open a sentence. Abbreviations with a dot followed by a capital would be
# split wrongly; the article has none ("US$" carries no dot).
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's number (title 1, byline 2, headings count) and character bounds."""

    number: int
    start: int
    end: int

    def holds(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Blocks separated by blank lines, numbered from 1, bounds without surrounding blanks."""
    paragraphs: list[Paragraph] = []
    position = 0
    for match in [*_BREAK.finditer(text), None]:
        stop = match.start() if match else len(text)
        block = text[position:stop]
        if block.strip():
            lead = len(block) - len(block.lstrip())
            tail = len(block.rstrip())
            paragraphs.append(Paragraph(len(paragraphs) + 1, position + lead, position + tail))
        if match:
            position = match.end()
    return tuple(paragraphs)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class SourceText:
    """One verified copy of a source: its text, where it was read and its paragraphs."""

    path: Path
    text: str
    sha256: str
    paragraphs: tuple[Paragraph, ...]

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def paragraph_of(self, start: int, end: int | None = None) -> Paragraph | None:
        """The paragraph that holds the whole span, or None (outside, or across a break)."""
        stop = start + 1 if end is None else end
        return next((p for p in self.paragraphs if p.holds(start, stop)), None)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence(s) the span lies in, never reaching past its paragraph.

        A span outside every paragraph (or across a break) is returned as it is.
        """
        paragraph = self.paragraph_of(start, end)
        if paragraph is None:
            return start, end
        first, last = paragraph.start, paragraph.end
        for match in _SENTENCE_END.finditer(self.text, paragraph.start, paragraph.end):
            if match.end() <= start:
                first = match.end()
            elif match.start() >= end:
                last = match.start()
                break
        return first, last


def read_source(path: Path, expected_sha256: str | None, *, name: str = "") -> SourceText:
    """Read ``path`` as a source copy; refuse it (InputError, exit 2) unless its hash matches.

    ``name`` is how the graph calls the source (``skgr:source-article``), for the message.
    """
    shown = name or "the source"
    if not expected_sha256:
        raise InputError(
            f"the graph records no skg:sha256 for {shown}, so no copy can be trusted",
            where=str(path),
            hint="add the file's SHA-256 to the source node",
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(
            f"no copy of {shown} here",
            where=str(path),
            hint="point --sources at the folder holding that file (e.g. ../shared/sources)",
        ) from None
    except OSError as exc:
        raise InputError(f"cannot read the copy: {exc.strerror}", where=str(path)) from None
    digest = sha256_of(data)
    if digest != expected_sha256.strip().lower():
        raise InputError(
            f"this copy of {shown} is not the one the offsets were taken from "
            f"(SHA-256 {digest[:12]}…, the graph records {expected_sha256[:12]}…)",
            where=str(path),
            hint="use the original file; an edited copy would show the wrong words",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:  # only if the recorded hash is of a non-UTF-8 file
        raise InputError(f"not UTF-8 at byte {exc.start}", where=str(path)) from None
    return SourceText(path=path, text=text, sha256=digest, paragraphs=split_paragraphs(text))


def sources_folder(option: Path | str | None) -> Path | None:
    """The folder of source copies: the option's, else ``KG_SOURCES``'s, else None.

    A folder that does not exist is an error where it was given, not a silent "no text".
    """
    where = "--sources"
    if option is None or str(option) == "":
        value = os.environ.get(SOURCES_ENV, "")
        if not value:
            return None
        option, where = value, SOURCES_ENV
    folder = Path(option)
    if not folder.is_dir():
        raise InputError(
            f"no such folder: {folder}",
            where=where,
            hint="give the folder holding the article's copy, e.g. ../shared/sources",
        )
    return folder
