"""Evidence spans checked for placement: inside the source, inside the paragraph claimed.

One code path serves both modes. With a verified copy of the source (``--sources``) the
length and paragraphs are the text's own, and the source node's records of them are
checked against it; without one, the source node's records (``skg:characterCount``,
``skg:paragraph``) stand in, so the offline check still catches a span past the end or in
another paragraph. What needs the words themselves (quotations, numbers, names) is in
:mod:`kg.validate.wording`.
"""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import Graph, URIRef

from kg.model.evidence import Annotation, Paragraph, SourceText, read_source_info
from kg.validate.locate import Namer
from kg.validate.report import Finding, Severity

CHECK = "evidence:span"


def _source_records(graph: Graph, source: URIRef, text: SourceText, namer: Namer) -> list[Finding]:
    """The source node's length and paragraph bounds must be the verified text's."""
    info = read_source_info(graph, source)
    focus, where = namer.name(source), namer.where(source)
    found = []
    if info.characters is not None and info.characters != len(text):
        found.append(
            Finding(
                Severity.VIOLATION,
                "evidence:source",
                focus,
                f"skg:characterCount is {info.characters} but the verified copy has "
                f"{len(text)} characters: record {len(text)}",
                where,
            )
        )
    if info.paragraphs and info.paragraphs != text.paragraphs:
        recorded = {p.number: p for p in info.paragraphs}
        wrong = [p for p in text.paragraphs if recorded.get(p.number) != p]
        first = wrong[0] if wrong else text.paragraphs[-1]
        found.append(
            Finding(
                Severity.VIOLATION,
                "evidence:source",
                focus,
                f"the recorded paragraph bounds differ from the text's (paragraph "
                f"{first.number} is {first.start}–{first.end} in the text; "
                f"{len(text.paragraphs)} paragraphs in all): re-record skg:paragraph",
                where,
            )
        )
    return found


def _placement(
    annotation: Annotation,
    start: int,
    end: int,
    length: int | None,
    paragraphs: tuple[Paragraph, ...],
) -> str:
    """What is wrong with one span's place, or "" when nothing is."""
    if length is not None and end > length:
        return f"span {start}–{end} ends past the end of the source ({length} characters)"
    if not paragraphs:
        return ""
    holder = next((p for p in paragraphs if p.holds(start, end)), None)
    claimed = ", ".join(map(str, annotation.paragraphs)) or "none"
    if holder is None:
        return (
            f"span {start}–{end} does not lie inside one paragraph (it crosses a "
            f"paragraph break or starts on a blank line); claimed paragraph {claimed}"
        )
    if holder.number not in annotation.paragraphs:
        return (
            f"span {start}–{end} lies in paragraph {holder.number} "
            f"({holder.start}–{holder.end}), but the annotation claims paragraph {claimed}"
        )
    return ""


def _unspanned(annotation: Annotation, paragraphs: tuple[Paragraph, ...]) -> list[int]:
    """Claimed paragraphs that hold none of the annotation's spans."""
    if not paragraphs:
        return []
    held = {p.number for s in annotation.spans for p in paragraphs if p.holds(s.start, s.end)}
    return [n for n in annotation.paragraphs if n not in held]


def check_placement(
    graph: Graph,
    annotations: list[Annotation],
    texts: Mapping[URIRef, SourceText],
    namer: Namer,
) -> list[Finding]:
    """Every span inside its source and inside a paragraph its annotation claims."""
    findings: list[Finding] = []
    for source, text in sorted(texts.items()):
        findings += _source_records(graph, source, text, namer)
    infos = {}
    for annotation in annotations:
        focus, where = namer.name(annotation.iri), namer.where(annotation.iri)
        bounds: tuple[Paragraph, ...] = ()
        misplaced = False
        for span in annotation.spans:
            if span.start >= span.end:
                continue  # the SHACL shape reports it
            text = texts.get(span.source)
            if text is not None:
                length, bounds = len(text), text.paragraphs
            else:
                info = infos.setdefault(span.source, read_source_info(graph, span.source))
                length, bounds = info.characters, info.paragraphs
            problem = _placement(annotation, span.start, span.end, length, bounds)
            if problem:
                misplaced = True
                findings.append(Finding(Severity.VIOLATION, CHECK, focus, problem, where))
        for number in [] if misplaced else _unspanned(annotation, bounds):
            findings.append(
                Finding(
                    Severity.VIOLATION,
                    CHECK,
                    focus,
                    f"claims paragraph {number}, but none of its spans lies there",
                    where,
                )
            )
    return findings
