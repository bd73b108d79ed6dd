"""Evidence: spans of a source that state the graph's facts, read from the graph.

Modules, lowest first: ``text`` (a verified copy of a source: paragraphs, sentences),
``annotations`` (the ``oa:Annotation`` records and what a source node records),
``notation`` (how a text may write a value), ``words`` (a value in plain words),
``claims`` (which sources state a statement, which give other values) and ``records``
(the evidence of one resource, as :class:`EntityEvidence`). This package uses
only :mod:`kg.errors` and :mod:`kg.model`; resolving a name to a resource is the query
layer's job (:func:`kg.query.evidence.evidence`).
"""

from __future__ import annotations

from kg.model.evidence.annotations import (
    Annotation,
    SourceInfo,
    Span,
    annotated_sources,
    open_texts,
    read_annotations,
    read_source_info,
)
from kg.model.evidence.claims import SourceClaim, read_claims
from kg.model.evidence.records import EntityEvidence, Passage, StatementEvidence, collect
from kg.model.evidence.text import (
    HOW_TO_POINT,
    SOURCES_ENV,
    Paragraph,
    SourceText,
    read_source,
    sources_folder,
    split_paragraphs,
)

__all__ = [
    "HOW_TO_POINT",
    "SOURCES_ENV",
    "Annotation",
    "EntityEvidence",
    "Paragraph",
    "Passage",
    "SourceInfo",
    "SourceText",
    "SourceClaim",
    "Span",
    "StatementEvidence",
    "annotated_sources",
    "collect",
    "open_texts",
    "read_annotations",
    "read_claims",
    "read_source",
    "read_source_info",
    "sources_folder",
    "split_paragraphs",
]
