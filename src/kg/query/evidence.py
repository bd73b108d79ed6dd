"""``kg.evidence(...)``: the spans of the source behind a resource's statements, by name.

The records come from :mod:`kg.model.evidence`; this module adds what needs the query
layer: a name ("Xi Jinping", ``skgr:xi-jinping``, an IRI) resolved to the resource the
way every parameter is (:func:`kg.query.params.resolve_entity`), and the shipped graph
loaded once, as :func:`kg.query` keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph
from rdflib.term import Identifier

from kg.model.evidence import (
    EntityEvidence,
    annotated_sources,
    collect,
    open_texts,
    read_annotations,
    read_claims,
)
from kg.model.evidence.words import short_name
from kg.query.params import resolve_entity


def evidence_of(
    graph: Graph, nodes: Iterable[Identifier], sources: Path | str | None = None
) -> list[EntityEvidence]:
    """The evidence of several resources, reading the annotations, claims and copies once.

    ``sources`` is a folder holding the sources' copies (by their ``skg:localFile``); a
    copy whose SHA-256 differs from the recorded one raises InputError (exit 2).
    """
    annotations = read_annotations(graph)
    texts = {}
    if sources is not None:
        wanted = annotated_sources(annotations)
        texts = open_texts(graph, Path(sources), wanted, lambda n: short_name(graph, n))
    claims = read_claims(graph)
    return [collect(graph, node, texts, annotations, claims) for node in nodes]


def evidence(
    entity: str | Identifier,
    *,
    sources: Path | str | None = None,
    data: Path | str | None = None,
    graph: Graph | None = None,
    store: str | None = None,
) -> EntityEvidence:
    """Each statement about ``entity`` with the paragraph and spans that state it.

    ``entity`` is a label, another name, a ``skgr:`` name or an IRI. With ``sources`` (a
    folder holding the article's copy) each span comes with its sentence; without it,
    paragraphs and offsets only (``text_shown`` is False).

    >>> ev = evidence("Xi Jinping")                              # doctest: +SKIP
    >>> ev.statements[0].passages[0].paragraph                   # doctest: +SKIP
    """
    if graph is None:
        from kg.query.api import _graph_for

        graph = _graph_for(data, store)
    node = entity if isinstance(entity, Identifier) else resolve_entity(graph, entity, "ENTITY")
    return evidence_of(graph, [node], sources)[0]
