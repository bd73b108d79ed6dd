"""Evidence spans checked against the words: quotations, numbers and names.

Only with a verified copy of the source (the text is never stored). Three promises:

- a quotation's ``schema:text`` is exactly the text of one of its spans (no normalising:
  the same code points, quotes and dashes as the file);
- every number of a statement (amounts with currency or unit and qualifier, years,
  counts, durations, dates) appears in a span of that statement in one of the notations
  :mod:`kg.model.evidence.notation` derives from the value ("$8 billion", "over 30%");
- the resource's label or another of its names, or a distinctive word of one, appears in
  the span or its paragraph. A word is distinctive when it is not a function word and
  occurs in fewer than half the source's paragraphs ("China" is in nearly all of them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Identifier

from kg.model.evidence import Annotation, SourceText
from kg.model.evidence.notation import (
    Notation,
    amount_notation,
    is_amount,
    literal_notation,
    qualifier_words,
)
from kg.model.evidence.records import NOT_STATEMENTS
from kg.model.evidence.words import value_words
from kg.model.namespaces import SCHEMA, SKG
from kg.validate.locate import Namer
from kg.validate.report import Finding, Severity

_STOPWORDS = frozenset(
    {
        *("a", "an", "and", "are", "as", "at", "be", "between", "by", "for", "from", "in"),
        *("into", "is", "it", "its", "of", "on", "or", "over", "per", "s", "since", "that"),
        *("the", "their", "this", "to", "under", "with"),
    }
)
_NAMES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SCHEMA.name)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def _same_word(a: str, b: str) -> bool:
    """Equal, a plural of the other, or sharing a stem of six letters (neighbo(u)rliness)."""
    if a == b or a in (b + "s", b + "es") or b in (a + "s", a + "es"):
        return True
    return len(a) >= 6 and len(b) >= 6 and a[:6] == b[:6]


class _Vocabulary:
    """The words of a source's paragraphs, to tell distinctive words from common ones."""

    def __init__(self, text: SourceText) -> None:
        self.text = text
        self.paragraph_words = [set(_words(text.slice(p.start, p.end))) for p in text.paragraphs]

    def distinctive(self, word: str) -> bool:
        if word in _STOPWORDS or len(word) < 2:
            return False
        holding = sum(1 for ws in self.paragraph_words if any(_same_word(word, w) for w in ws))
        return holding * 2 < max(len(self.paragraph_words), 1)


def _finding(namer: Namer, annotation: Annotation, check: str, message: str) -> Finding:
    return Finding(
        Severity.VIOLATION,
        f"evidence:{check}",
        namer.name(annotation.iri),
        message,
        namer.where(annotation.iri),
    )


def _span_texts(annotation: Annotation, texts: Mapping[URIRef, SourceText]) -> list[str]:
    return [
        texts[s.source].slice(s.start, s.end)
        for s in annotation.spans
        if s.source in texts and s.start < s.end
    ]


def _is_quotation(graph: Graph, node: Identifier) -> bool:
    return any(
        c == SKG.Quotation or (c, RDFS.subClassOf, SKG.Quotation) in graph
        for c in graph.objects(node, RDF.type)
    )


def check_quotations(
    graph: Graph,
    by_body: Mapping[Identifier, list[Annotation]],
    texts: Mapping[URIRef, SourceText],
    namer: Namer,
) -> list[Finding]:
    """Each quotation's words are exactly the text of one of its spans."""
    findings = []
    for body, held in sorted(by_body.items(), key=lambda kv: str(kv[0])):
        if not _is_quotation(graph, body):
            continue
        spans = [t for a in held for t in _span_texts(a, texts)]
        if not spans:
            continue
        for words in sorted(str(w) for w in graph.objects(body, SCHEMA.text)):
            if words in spans:
                continue
            closest = min(spans, key=lambda s: (abs(len(s) - len(words)), s))
            findings.append(
                _finding(
                    namer,
                    held[0],
                    "quotation",
                    f'schema:text "{words}" is not the text of any of its spans '
                    f'(closest reads "{closest}"): fix the offsets or the words',
                )
            )
    return findings


def reference_year(graph: Graph, source: URIRef) -> int | None:
    """The year "last year" is counted from: that of the event the source is about."""
    for event in graph.objects(source, SCHEMA.about):
        for prop in (SKG.year, SCHEMA.startDate):
            value = graph.value(event, prop)
            if value is not None and str(value)[:4].isdigit():
                return int(str(value)[:4])
    return None


def _amount_numbers(
    graph: Graph, amount: Identifier
) -> Iterator[tuple[str, Notation, tuple[str, ...]]]:
    notation = amount_notation(graph, amount)
    if notation is not None:
        words = value_words(graph, amount).split(" (stated as ")[0]
        yield words, notation, qualifier_words(graph, amount)


def _numbers(
    graph: Graph, body: Identifier, prop: URIRef, year: int | None
) -> Iterator[tuple[str, Notation, tuple[str, ...]]]:
    """(value in words, its notations, qualifier words) for each number of a statement."""
    for value in sorted(graph.objects(body, prop), key=str):
        if isinstance(value, Literal):
            notation = literal_notation(value, ordinal=True, reference_year=year)
            if notation is not None:
                yield value_words(graph, value), notation, ()
            continue
        amounts = [value] if is_amount(graph, value) else []
        while amounts:  # the amount, then its stated equivalents
            amount = amounts.pop(0)
            yield from _amount_numbers(graph, amount)
            amounts += list(graph.objects(amount, SKG.equivalent))


def _stated(notation: Notation, qualifiers: tuple[str, ...], texts: list[str]) -> str:
    """ "" when some span states the number (and its qualifier); else what is missing."""
    holding = [t for t in texts if notation.found_in(t)]
    if not holding:
        return "number"
    if qualifiers and not any(
        re.search(rf"(?<!\w){re.escape(q)}(?!\w)", t, re.IGNORECASE)
        for t in holding
        for q in qualifiers
    ):
        return "qualifier"
    return ""


def _number_message(words: str, notation: Notation, qualifiers: tuple[str, ...], what: str) -> str:
    if what == "qualifier":
        return (
            f"states {words} but not its qualifier (looked for: {', '.join(qualifiers)}): "
            "fix skg:qualifier or the span"
        )
    shown = ", ".join(f'"{s}"' for s in notation.shown[:6])
    return (
        f"no span of the statement states {words} (looked for {shown}): fix the value or the span"
    )


def _groups(prop: URIRef, annotations: list[Annotation]) -> list[list[Annotation]]:
    """The span groups a statement is checked against; each group must state its numbers.

    Every annotation that supports the statement itself is a group of its own (each must
    state the number); without one, the resource's own annotations form one group (one of
    them must).
    """
    own = [[a] for a in annotations if prop in a.properties]
    return own or [[a for a in annotations if a.about_resource] or annotations]


def check_numbers(
    graph: Graph,
    by_body: Mapping[Identifier, list[Annotation]],
    texts: Mapping[URIRef, SourceText],
    namer: Namer,
) -> list[Finding]:
    """Every number of a supported statement appears in its span, in the text's notation."""
    findings = []
    for body, held in sorted(by_body.items(), key=lambda kv: str(kv[0])):
        sources = sorted({s.source for a in held for s in a.spans})
        year = reference_year(graph, sources[0]) if sources else None
        amount = is_amount(graph, body)
        props = {p for p in graph.predicates(body, None) if p not in NOT_STATEMENTS}
        for prop in sorted(props):
            if graph.value(prop, SKG.outsideKnowledge) == Literal(True):
                continue
            if amount and prop == SCHEMA.value:
                numbers = list(_amount_numbers(graph, body))
            else:
                numbers = list(_numbers(graph, body, prop, year))
            for group in _groups(prop, held) if numbers else []:
                span_texts = [t for a in group for t in _span_texts(a, texts)]
                for words, notation, qualifiers in numbers if span_texts else []:
                    what = _stated(notation, qualifiers, span_texts)
                    if what:
                        message = _number_message(words, notation, qualifiers, what)
                        message = f"{namer.name(prop)}: {message}"
                        findings.append(_finding(namer, group[0], "number", message))
    return findings


def check_names(
    graph: Graph,
    annotations: list[Annotation],
    texts: Mapping[URIRef, SourceText],
    namer: Namer,
) -> list[Finding]:
    """The resource's name, or a distinctive word of one, is in the span or its paragraph."""
    vocabularies = {source: _Vocabulary(text) for source, text in texts.items()}
    findings = []
    for annotation in annotations:
        names = _names(graph, annotation.body)
        if not names:
            continue  # an amount node: named by what holds it
        context = []
        for span in annotation.spans:
            text = texts.get(span.source)
            if text is None or span.start >= span.end:
                continue
            paragraph = text.paragraph_of(span.start, span.end)
            bounds = (paragraph.start, paragraph.end) if paragraph else (span.start, span.end)
            context.append((span.source, text.slice(*bounds)))
        if not context or _named(names, context, vocabularies):
            continue
        shown = "; ".join(f'"{n}"' for n in names[:3])
        findings.append(
            _finding(
                namer,
                annotation,
                "name",
                f"neither a name of {namer.name(annotation.body)} ({shown}) nor a distinctive "
                "word of one appears in the span or its paragraph: is the span (or the body) "
                "the right one?",
            )
        )
    return findings


def _names(graph: Graph, body: Identifier) -> list[str]:
    """The names a span about ``body`` should show.

    A group of actors (skg:ActorGroup) may be one the source leaves unnamed ("the
    parties", "others"): it is known only by what it does, so the names of the resources
    that point at it (the deal it signs, the plan it makes) count as its names too.
    """
    names = {str(n) for p in _NAMES for n in graph.objects(body, p)}
    if any(
        c == SKG.ActorGroup or (c, RDFS.subClassOf, SKG.ActorGroup) in graph
        for c in graph.objects(body, RDF.type)
    ):
        for referrer in set(graph.subjects(None, body)):
            names |= {str(n) for p in _NAMES for n in graph.objects(referrer, p)}
    return sorted(names)


def _named(
    names: list[str], context: list[tuple[URIRef, str]], vocabularies: Mapping[URIRef, _Vocabulary]
) -> bool:
    for source, passage in context:
        folded = " ".join(passage.casefold().split())
        if any(" ".join(n.casefold().split()) in folded for n in names):
            return True
        present = _words(passage)
        vocabulary = vocabularies[source]
        for word in {w for n in names for w in _words(n)}:
            if vocabulary.distinctive(word) and any(_same_word(word, w) for w in present):
                return True
    return False
