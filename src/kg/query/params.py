"""Parameters: a value given as text becomes an RDF term (a label, prefixed name or IRI
resolved to a resource, or a typed literal), never text pasted into the query."""

from __future__ import annotations

import datetime
import decimal
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from kg.errors import UsageError
from kg.model.namespaces import PREFIXES, SKGR
from kg.query.catalogue import Param, Question

if TYPE_CHECKING:  # pragma: no cover
    from kg.query.names import NameIndex


def _short(node: Identifier) -> str:
    from kg.model.namespaces import compact

    return compact(node, PREFIXES)


def _as_iri(value: str) -> URIRef | None:
    """An IRI written as <...>, a bare absolute IRI or a prefixed name; None otherwise."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    if re.match(r"^(https?|urn|file|ftp|mailto):", value, re.I) and " " not in value:
        return URIRef(value)
    match = re.fullmatch(r"([A-Za-z][\w-]*):([\w.-]*)", value)
    if match and match.group(1) in PREFIXES:
        return URIRef(PREFIXES[match.group(1)] + match.group(2))
    return None


def _known(graph: Graph, node: URIRef) -> bool:
    return (node, None, None) in graph or (None, None, node) in graph


def resolve_entity(graph: Graph, value: str, param: str = "entity") -> URIRef:
    """The resource ``value`` names: an IRI, prefixed name, local name or label.

    An unknown or ambiguous name raises UsageError listing the close or competing names.
    """
    where = f"parameter {param!r}"
    iri = _as_iri(value)
    if iri is not None:
        if _known(graph, iri):
            return iri
        slug = str(iri).rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        raise UsageError(
            f"no resource {_short(iri)} in the graph",
            where=where,
            hint=_suggest(graph, slug),
        )
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", value) and _known(graph, SKGR[value]):
        return SKGR[value]
    from kg.query.names import NameIndex  # only for a name, not an IRI (import-light)

    index = NameIndex.from_graph(graph)  # the lookup --focus and kg evidence share
    found = index.lookup(value)
    if found.node is not None:
        return URIRef(found.node)
    if found.ambiguous:
        names = [f"{_short(URIRef(c.node))} ({c.label})" for c in found.candidates]
        raise UsageError(
            f"{value!r} names {len(names)} resources: {'; '.join(names)}",
            where=where,
            hint="give the IRI or prefixed name of the one you mean",
        )
    raise UsageError(
        f"nothing in the graph is called {value!r}", where=where, hint=_suggest(graph, value, index)
    )


def _suggest(graph: Graph, value: str, index: NameIndex | None = None) -> str:
    from kg.query.names import NameIndex

    index = index if index is not None else NameIndex.from_graph(graph)
    shown = [f"{_short(URIRef(c.node))} ({c.label})" for c in index.suggestions(value)]
    if shown:
        return "did you mean " + " or ".join(shown) + "?"
    return "give a label, a prefixed name like skgr:china, or a full IRI"


def _typed(value: str, param: Param) -> Literal:
    where = f"parameter {param.name!r}"
    ptype = param.type
    try:
        if ptype == "integer":
            return Literal(int(value.strip()))
        if ptype == "decimal":
            return Literal(decimal.Decimal(value.strip()), datatype=XSD.decimal)
        if ptype == "boolean":
            low = value.strip().lower()
            if low not in ("true", "false"):
                raise ValueError
            return Literal(low == "true")
        if ptype == "date":
            datetime.date.fromisoformat(value.strip())
            return Literal(value.strip(), datatype=XSD.date)
        if ptype == "gYear":
            if not re.fullmatch(r"-?\d{4,}", value.strip()):
                raise ValueError
            return Literal(value.strip(), datatype=XSD.gYear)
    except (ValueError, decimal.InvalidOperation):
        examples = {
            "integer": "12",
            "decimal": "1.5",
            "boolean": "true",
            "date": "2025-06-17",
            "gYear": "2025",
        }
        raise UsageError(
            f"{value!r} is not a valid {ptype}",
            where=where,
            hint=f"give it as -p {param.name} {examples.get(ptype, 'VALUE')}",
        ) from None
    return Literal(value)


def _term_syntax(graph: Graph, value: str) -> Identifier | None:
    """A value written as a SPARQL/Turtle term ("text"@en, 12, true, <iri>, skgr:x), or None."""
    from rdflib.util import from_n3

    text = value.strip()
    iri = _as_iri(text)
    if iri is not None:
        return iri
    if text[:1] in ('"', "'") or re.fullmatch(
        r"[+-]?(\d+|\d*\.\d+)([eE][+-]?\d+)?|true|false", text
    ):
        try:
            term = from_n3(text, nsm=graph.namespace_manager)
        except Exception:
            return None
        return term if isinstance(term, (Literal, URIRef)) else None
    return None


def convert(graph: Graph, name: str, value: Any, param: Param | None) -> Identifier:
    """One parameter's value as an RDF term, per its declared type (or its own syntax)."""
    if isinstance(value, Identifier):
        return value
    if isinstance(value, (bool, int, float, decimal.Decimal, datetime.date)):
        return Literal(value)
    value = str(value)
    if param is None:
        term = _term_syntax(graph, value)
        if term is not None:
            if isinstance(term, URIRef) and not _known(graph, term):
                return resolve_entity(graph, value, name)  # raises with suggestions
            return term
        try:
            return resolve_entity(graph, value, name)
        except UsageError as exc:
            exc.hint = (exc.hint + "; " if exc.hint else "") + (
                f"for plain text write it quoted: -p {name} '\"{value}\"'"
            )
            raise
    if param.type == "entity":
        return resolve_entity(graph, value, name)
    if param.type == "iri":
        iri = _as_iri(value)
        if iri is None:
            raise UsageError(
                f"{value!r} is not an IRI",
                where=f"parameter {name!r}",
                hint=f"give it as -p {name} skgr:NAME or <https://...>",
            )
        return iri
    return _typed(value, param)


def _variables(text: Any) -> set[str]:
    """The query's variable names, from the checked tokens (or by lexing ``text``)."""
    from kg.query.lexer import tokenize

    tokens = text.tokens if hasattr(text, "tokens") else tokenize(str(text))
    return {t.text[1:] for t in tokens if t.kind == "var"}


def bind_params(
    graph: Graph,
    text: Any,
    params: Mapping[str, Any] | None,
    question: Question | None = None,
) -> dict[str, Identifier]:
    """Initial bindings for the query: each parameter checked, converted and named."""
    params = dict(params or {})
    declared = {p.name: p for p in question.params} if question else {}
    variables = _variables(text)
    for name in params:
        if declared and name not in declared:
            choices = ", ".join(declared)
            raise UsageError(
                f"the question has no parameter {name!r}",
                where=f"-p {name}",
                hint=f"its parameters are: {choices}",
            )
        if question is not None and not declared:
            raise UsageError(
                f"the question {question.name!r} takes no parameters",
                where=f"-p {name}",
            )
        if name not in variables:
            raise UsageError(
                f"the query has no variable ?{name} to bind",
                where=f"-p {name}",
                hint="a parameter binds the query variable of the same name",
            )
    for p in declared.values():
        if p.required and params.get(p.name) in (None, ""):
            hint = f"give it with -p {p.name} VALUE"
            if p.description:
                hint += f": {p.description}"
            raise UsageError(f"the parameter {p.name!r} is required", where="-p", hint=hint)
    return {
        name: convert(graph, name, value, declared.get(name))
        for name, value in params.items()
        if value is not None
    }
