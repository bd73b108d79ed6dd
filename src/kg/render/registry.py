"""The registry of output formats: short name, media type, file suffixes, kind.

One registry drives ``--format`` choices, the guess from ``-o FILE``'s suffix, the media
types a server negotiates and the docs, so every command spells formats alike. How each
format is written lives elsewhere (:mod:`kg.render.results`, :mod:`kg.render.rdf`); this
module only names them, so it sits at the bottom of :mod:`kg.render` and imports nothing
from it.

Two kinds: ``results`` (the answer of a SELECT or ASK query: a table) and ``graph`` (RDF
triples: a CONSTRUCT or DESCRIBE answer, or an export). ``csv``, ``sparql-tsv``, ``json``
and ``xml`` are exactly the W3C SPARQL 1.1 result formats; ``tsv`` (plain values, no RDF
syntax), ``jsonl`` (one flat object per row) and ``xlsx`` are for spreadsheets, ``cut``/``awk``
and ``jq`` (:mod:`kg.render.tabular`); ``table`` and ``md`` are for people.

May use: :mod:`kg.errors` and the standard library. Looking a format up costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import UsageError


@dataclass(frozen=True)
class Format:
    """One output format."""

    name: str
    media_type: str
    suffixes: tuple[str, ...]
    kind: str  # "results" or "graph"
    label: str
    rdflib_name: str = ""  # the serializer's name in rdflib, where rdflib writes it


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", "text/plain", (".txt",), "results", "aligned text for people"),
        Format("csv", "text/csv", (".csv",), "results", "W3C SPARQL 1.1 CSV", "csv"),
        Format("tsv", "text/tab-separated-values", (".tsv",), "results", "plain TSV: values only"),
        Format(
            "sparql-tsv", "text/tab-separated-values", (), "results", "W3C SPARQL 1.1 TSV", "tsv"
        ),
        Format("jsonl", "application/jsonl", (".jsonl",), "results", "one flat JSON object a row"),
        Format(
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            (".xlsx",),
            "results",
            "an Excel workbook (needs openpyxl)",
        ),
        Format(
            "json",
            "application/sparql-results+json",
            (".json", ".srj"),
            "results",
            "W3C SPARQL 1.1 JSON results",
            "json",
        ),
        Format(
            "xml",
            "application/sparql-results+xml",
            (".xml", ".srx"),
            "results",
            "W3C SPARQL 1.1 XML results",
            "xml",
        ),
        Format("md", "text/markdown", (".md",), "results", "a Markdown table"),
        Format("ttl", "text/turtle", (".ttl",), "graph", "Turtle", "turtle"),
        Format("jsonld", "application/ld+json", (".jsonld",), "graph", "JSON-LD", "json-ld"),
        Format("nt", "application/n-triples", (".nt",), "graph", "N-Triples", "nt"),
        Format("nq", "application/n-quads", (".nq",), "graph", "N-Quads", "nquads"),
        Format("trig", "application/trig", (".trig",), "graph", "TriG", "trig"),
        Format("rdfxml", "application/rdf+xml", (".rdf", ".owl"), "graph", "RDF/XML", "xml"),
    )
}

#: What ``kg query`` offers: every results format, and the graph formats the issue names.
QUERY_FORMATS: tuple[str, ...] = (
    "table",
    "csv",
    "tsv",
    "sparql-tsv",
    "jsonl",
    "xlsx",
    "json",
    "xml",
    "md",
    "ttl",
    "jsonld",
    "nt",
)


def get(name: str, *, allowed: Iterable[str] | None = None, where: str = "--format") -> Format:
    """The format called ``name`` (or with that media type); a clear error otherwise."""
    choices = list(allowed) if allowed is not None else list(FORMATS)
    fmt = FORMATS.get(name.lower()) or next(
        (f for f in FORMATS.values() if f.media_type == name.lower()), None
    )
    if fmt is None or fmt.name not in choices:
        raise UsageError(f"unknown format {name!r}", where=where, hint=f"use {', '.join(choices)}")
    return fmt


def guess(path: Path | str, *, allowed: Iterable[str] | None = None) -> Format | None:
    """The format a file name's suffix implies (``out.csv`` -> csv), or None."""
    suffix = Path(path).suffix.lower()
    choices = set(allowed) if allowed is not None else set(FORMATS)
    return next((f for f in FORMATS.values() if suffix in f.suffixes and f.name in choices), None)
