"""Values in plain words for people reading evidence: labels, figures, years, durations.

"estimated 8 billion USD" rather than ``[ a skg:MonetaryAmount ; schema:value 8000000000 ]``:
the reader compares it with the sentence shown beside it, so it must read like one.
"""

from __future__ import annotations

import datetime
import decimal
import re

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS, XSD
from rdflib.term import Identifier

from kg.model.evidence.notation import MONTHS, figures, is_amount
from kg.model.namespaces import PREFIXES, SCHEMA, SKG, SKGR


def short_name(graph: Graph, node: Identifier) -> str:
    """``skgr:china`` for a project IRI, ``<...>`` for others, ``[ ]`` for a blank node."""
    if isinstance(node, BNode):
        return "[ ]"
    text = str(node)
    best = max((ns for ns in PREFIXES.values() if text.startswith(ns)), key=len, default="")
    if best and re.fullmatch(r"[\w.-]*", text[len(best) :]):
        prefix = next(p for p, ns in PREFIXES.items() if ns == best)
        return f"{prefix}:{text[len(best) :]}"
    return f"<{text}>"


#: Names of the well-known properties whose vocabularies are not loaded with the ontology.
_PROPERTY_NAMES = {
    str(SKOS.altLabel): "other name",
    str(SCHEMA.text): "quoted words",
    "http://purl.org/dc/terms/hasPart": "has part",
    "http://www.w3.org/ns/prov#wasInfluencedBy": "influenced by",
}


def property_label(graph: Graph, prop: Identifier) -> str:
    """ "estimated cost" for skg:estimatedCost; a known name or the spaced-out local name."""
    found = graph.value(prop, RDFS.label)
    if found is not None:
        return str(found)
    if str(prop) in _PROPERTY_NAMES:
        return _PROPERTY_NAMES[str(prop)]
    local = re.split(r"[#/]", str(prop))[-1]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).lower() or str(prop)


def label(graph: Graph, node: Identifier) -> str:
    value = graph.value(node, RDFS.label) or graph.value(node, SKOS.prefLabel)
    return str(value) if value is not None else short_name(graph, node)


def _figure(number: decimal.Decimal) -> str:
    return figures(number)[0]


def amount_words(graph: Graph, node: Identifier) -> str:
    """ "about 208 million USD", "over 30 per cent", with a stated equivalent in brackets."""
    try:
        number = decimal.Decimal(str(graph.value(node, SCHEMA.value)))
    except decimal.InvalidOperation:
        return "an amount with no readable value"
    parts = []
    qualifier = graph.value(node, SKG.qualifier)
    if qualifier is not None and qualifier != SKGR["qualifier-exact"]:
        parts.append(label(graph, qualifier))
    parts.append(_figure(number))
    currency, unit = graph.value(node, SCHEMA.currency), graph.value(node, SKG.unit)
    if currency is not None:
        parts.append(str(currency))
    elif unit is not None:
        parts.append(label(graph, unit))
    words = " ".join(parts)
    equivalent = graph.value(node, SKG.equivalent)
    if equivalent is not None:
        words += f" (stated as {amount_words(graph, equivalent)})"
    return words


def _duration_words(text: str) -> str:
    match = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?", text)
    if not match:
        return text
    units = zip(match.groups(), ("year", "month", "day"), strict=True)
    words = [f"{int(n)} {u}{'s' * (int(n) != 1)}" for n, u in units if n is not None]
    return ", ".join(words) or text


def literal_words(literal: Literal) -> str:
    value = literal.toPython()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if literal.datatype == XSD.date and isinstance(value, datetime.date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    if literal.datatype == XSD.duration:
        return _duration_words(str(literal))
    if literal.datatype in (XSD.decimal, XSD.integer):
        try:
            return _figure(decimal.Decimal(str(literal)))
        except decimal.InvalidOperation:
            return str(literal)
    return str(literal)


def value_words(graph: Graph, node: Identifier) -> str:
    """A statement's value as a reader says it."""
    if isinstance(node, Literal):
        return literal_words(node)
    if is_amount(graph, node):
        return amount_words(graph, node)
    if isinstance(node, URIRef) and str(node).startswith(str(SKGR)):
        return label(graph, node)
    if isinstance(node, URIRef):
        found = graph.value(node, RDFS.label)
        return str(found) if found is not None else short_name(graph, node)
    return label(graph, node)
