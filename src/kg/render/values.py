"""One RDF term as the plain value a spreadsheet, ``jq`` or pandas expects.

The W3C result formats keep every term's RDF syntax (``"3000"^^<...#decimal>``), which is
right for exchanging answers between SPARQL tools and wrong for people who sort a column in
a spreadsheet or sum it in pandas. This module is the one place that decides what a term
becomes outside RDF, so the plain TSV, the JSON lines, the workbook and ``Answer.to_df()``
agree cell for cell:

* an IRI stays its full text (a join key), or is shortened (``skgr:china``) or replaced by
  its label when a reader asks for that;
* numbers become numbers, booleans booleans, ``xsd:date`` a date, ``xsd:gYear`` a year;
* everything else is its lexical form (durations such as ``P2Y`` included: no calendar
  type holds "two years" exactly).

May use: :mod:`kg.model.namespaces` and rdflib (imported inside functions).
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Callable
from typing import Any

XSD = "http://www.w3.org/2001/XMLSchema#"

#: datatypes whose values are whole numbers
INTEGER_TYPES = frozenset(
    XSD + t
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
)
REAL_TYPES = frozenset(XSD + t for t in ("decimal", "double", "float"))
YEAR = XSD + "gYear"
DATE = XSD + "date"
DATETIME = XSD + "dateTime"
BOOLEAN = XSD + "boolean"

#: how IRIs are shown: their full text, a prefixed name, or the resource's label
IRI_STYLES = ("iri", "compact", "label")


def iri_namer(style: str, graph: Any = None) -> Callable[[Any], str]:
    """A function from an IRI to its text in ``style`` (see :data:`IRI_STYLES`).

    ``label`` needs the graph the answer came from; an IRI without a label falls back to its
    prefixed name, so a cell is never empty where the IRI was bound.
    """
    from kg.model.namespaces import PREFIXES, compact

    if style == "iri":
        return str
    if style == "compact":
        return lambda iri: compact(iri, PREFIXES)
    if style != "label":
        from kg.errors import UsageError

        raise UsageError(
            f"unknown IRI style {style!r}", where="iris", hint="use iri, compact or label"
        )
    labels = _labels(graph) if graph is not None else {}
    return lambda iri: labels.get(str(iri)) or compact(iri, PREFIXES)


def _labels(graph: Any) -> dict[str, str]:
    from rdflib.namespace import RDFS, SKOS

    found: dict[str, str] = {}
    for prop in (SKOS.prefLabel, RDFS.label):  # rdfs:label wins: it is written last
        for s, _, o in graph.triples((None, prop, None)):
            found[str(s)] = str(o)
    return found


def python_value(term: Any, name_iri: Callable[[Any], str] = str) -> Any:
    """A term's Python value: int, float, bool, date, a year as int, or text; None if unbound."""
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return name_iri(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if not isinstance(term, Literal):
        return str(term)
    datatype = str(term.datatype) if term.datatype is not None else ""
    text = str(term)
    try:
        if datatype in INTEGER_TYPES:
            return int(text)
        if datatype in REAL_TYPES:
            return float(decimal.Decimal(text.strip()))
        if datatype == BOOLEAN:
            return text.strip() in ("true", "1")
        if datatype == YEAR:
            return int(text)
        if datatype == DATE:
            return datetime.date.fromisoformat(text.strip()[:10])
        if datatype == DATETIME:
            return datetime.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except (ValueError, decimal.InvalidOperation):
        return text  # an ill-typed literal keeps its text rather than failing the table
    return text


def plain_text(term: Any, name_iri: Callable[[Any], str] = str) -> str:
    """A term as the text of one plain cell: its value, never its RDF syntax; '' if unbound.

    Numbers keep the lexical form the data gives (``8000000000``, not ``8e9``): a cell is
    read by people and by ``awk``, and the source's digits are the exact figure.
    """
    from rdflib import Literal

    if term is None:
        return ""
    if isinstance(term, Literal):
        return str(term)
    return str(python_value(term, name_iri))


def json_value(term: Any, name_iri: Callable[[Any], str] = str) -> Any:
    """A term as a JSON value: numbers as numbers, booleans, dates as ISO text, else text."""
    value = python_value(term, name_iri)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # 8000000000, not 8000000000.0: the figure as the source states it
    return value


def kind_of(term: Any) -> str:
    """The column kind a term asks for: int, real, bool, year, date, datetime or text."""
    from rdflib import Literal

    if not isinstance(term, Literal) or term.datatype is None:
        return "text"
    datatype = str(term.datatype)
    if datatype in INTEGER_TYPES:
        return "int"
    if datatype in REAL_TYPES:
        return "real"
    return {BOOLEAN: "bool", YEAR: "year", DATE: "date", DATETIME: "datetime"}.get(datatype, "text")
