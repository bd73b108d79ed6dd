"""Running SPARQL questions on the graph: safely, with parameters bound as RDF terms.

Three promises, whatever the query says:

* **Read-only.** SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...) is refused.
* **Local-only.** rdflib, left alone, follows ``FROM`` / ``FROM NAMED`` (it parses the IRI,
  which may be a local file or a web address, when the graph is a Dataset) and sends
  ``SERVICE`` patterns over the network. Here the parsed query is checked before it runs,
  and while it runs rdflib's own switches are set so that, should a check ever miss, nothing
  is loaded (``SPARQL_LOAD_GRAPHS = False``) and a ``SERVICE`` pattern raises (a custom
  evaluation hook in ``CUSTOM_EVALS``).
* **Parameters are RDF terms.** ``-p actor Kazakhstan`` becomes an initial binding of
  ``?actor`` to ``skgr:kazakhstan``; no text is ever pasted into the query. A parameter that
  names an entity accepts an IRI, a prefixed name, a local name or a label.

The well-known prefixes and the project's (:data:`kg.namespaces.PREFIXES`) are pre-bound, so
a query need not declare them.

>>> import kg
>>> rows = kg.query("commitments-of-actor", actor="Kazakhstan")   # doctest: +SKIP
>>> rows = kg.query("SELECT ?s WHERE { ?s a skg:State }")          # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import datetime
import decimal
import difflib
import functools
import re
import sys
import types
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pyparsing import ParseException
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS, XSD
from rdflib.plugins.sparql import algebra, parser
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Identifier

from kg import catalogue
from kg.catalogue import Param, Question
from kg.errors import KgError, UsageError
from kg.namespaces import PREFIXES, SKGR

_LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)

_UPDATE_NAMES = {
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
}


# -------------------------------------------------------------------------------------------
# Parsing and the safety checks


def _syntax_error(exc: ParseException, text: str, where: str) -> UsageError:
    expected = str(exc).split("  (at char")[0].strip() or "a valid SPARQL query"
    line_text = text.splitlines()[exc.lineno - 1].strip() if text.strip() else ""
    hint = f"the line reads: {line_text[:80]}" if line_text else "the query is empty"
    return UsageError(
        f"SPARQL syntax error: {expected[0].lower()}{expected[1:]}",
        where=f"{where}:{exc.lineno}:{exc.col}",
        hint=hint,
    )


def _refuse_update(text: str, where: str) -> None:
    """Raise if ``text`` is a SPARQL Update request (which a query parser cannot read)."""
    try:
        request = parser.parseUpdate(text)
    except Exception:
        return
    ops = [_UPDATE_NAMES.get(op.name, op.name) for op in request.request or []]
    raise UsageError(
        f"SPARQL Update ({', '.join(ops) or 'update'}) is refused: kg query is read-only",
        where=where,
        hint="edit the files under data/triples/ (or use kg import) to change the graph",
    )


def _walk(node: Any) -> Iterator[Any]:
    """Every CompValue in an algebra or parse tree."""
    stack = [node]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, dict):  # CompValue is an OrderedDict
            if hasattr(item, "name"):
                yield item
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def _refuse_outside_data(prepared: Query, where: str) -> None:
    main = prepared.algebra
    for clause in main.get("datasetClause") or []:
        # CompValue attribute access gives None for a missing key (.get() does not)
        kind = "FROM NAMED" if clause.named is not None else "FROM"
        iri = clause.named if clause.named is not None else clause.default
        raise UsageError(
            f"{kind} <{iri}> is refused: a query reads only the loaded graph, never a file "
            "or the network",
            where=where,
            hint="drop the FROM clause; use --data DIR to query other triple files",
        )
    for part in _walk(main):
        if part.name == "ServiceGraphPattern":
            raise UsageError(
                f"SERVICE <{part.get('term')}> is refused: kg query never touches the network",
                where=where,
                hint="run the SERVICE part against that endpoint yourself",
            )


def prepare(text: str, *, where: str = "query") -> Query:
    """Parse and check a query: a syntax error, an update, FROM or SERVICE raise UsageError.

    ``where`` names the text's origin (a file path, ``query``, ``stdin``) in error messages;
    line numbers count from the first line of ``text``.

    Parsing with rdflib's pyparsing grammar costs more than answering most questions on this
    graph, and a server or notebook asks the same texts again and again; a parsed ``Query``
    is reusable (what rdflib's ``prepareQuery`` is for), so the last 256 are remembered.
    Errors are not (lru_cache does not keep exceptions): a bad query is checked each time.
    """
    return _prepare(text, where)


@functools.lru_cache(maxsize=256)
def _prepare(text: str, where: str) -> Query:
    if not text.strip():
        raise UsageError(
            "the query is empty", where=where, hint="give a SELECT, ASK, CONSTRUCT or DESCRIBE"
        )
    try:
        tree = parser.parseQuery(text)
    except ParseException as exc:
        _refuse_update(text, where)
        raise _syntax_error(exc, text, where) from None
    try:
        prepared = algebra.translateQuery(tree, initNs=PREFIXES)
    except Exception as exc:  # unknown prefixes, bad aggregates: rdflib raises plain Exception
        message = " ".join(str(exc).split()) or type(exc).__name__
        hint = "declare it with PREFIX, or use one of: " + ", ".join(PREFIXES)
        raise UsageError(
            f"cannot compile the query: {message}",
            where=where,
            hint=hint if "prefix" in message.lower() else "",
        ) from None
    _refuse_outside_data(prepared, where)
    return prepared


def _refuse_service_hook(ctx: Any, part: Any) -> Any:
    if getattr(part, "name", None) == "ServiceGraphPattern":
        raise UsageError("SERVICE is refused: kg query never touches the network", where="query")
    raise NotImplementedError


@contextlib.contextmanager
def sealed() -> Iterator[None]:
    """While inside, rdflib's evaluator loads no FROM graph and runs no SERVICE pattern."""
    import rdflib.plugins.sparql as sparql

    old = sparql.SPARQL_LOAD_GRAPHS
    sparql.SPARQL_LOAD_GRAPHS = False
    sparql.CUSTOM_EVALS["kg-refuse-service"] = _refuse_service_hook
    try:
        yield
    finally:
        sparql.SPARQL_LOAD_GRAPHS = old
        sparql.CUSTOM_EVALS.pop("kg-refuse-service", None)


# -------------------------------------------------------------------------------------------
# Parameters


def _label_index(graph: Graph) -> dict[str, set[Identifier]]:
    index: dict[str, set[Identifier]] = {}
    for prop in _LABELS:
        for s, _, o in graph.triples((None, prop, None)):
            if isinstance(s, URIRef):
                index.setdefault(" ".join(str(o).split()).casefold(), set()).add(s)
    return index


def _label_of(graph: Graph, node: Identifier) -> str:
    value = graph.value(node, RDFS.label) or graph.value(node, SKOS.prefLabel)
    return str(value) if value is not None else ""


def _short(node: Identifier) -> str:
    from kg.formats import compact

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
    index = _label_index(graph)
    found = index.get(" ".join(value.split()).casefold(), set())
    if len(found) == 1:
        return URIRef(next(iter(found)))
    if len(found) > 1:
        names = sorted(f"{_short(n)} ({_label_of(graph, n)})" for n in found)
        raise UsageError(
            f"{value!r} names {len(found)} resources: {'; '.join(names)}",
            where=where,
            hint="give the IRI or prefixed name of the one you mean",
        )
    raise UsageError(
        f"nothing in the graph is called {value!r}", where=where, hint=_suggest(graph, value, index)
    )


def _suggest(graph: Graph, value: str, index: dict[str, set[Identifier]] | None = None) -> str:
    index = index if index is not None else _label_index(graph)
    labels = {}
    for key, nodes in index.items():
        for node in nodes:
            labels.setdefault(key, node)
            local = str(node).rsplit("/", 1)[-1]
            labels.setdefault(local.casefold(), node)
    close = difflib.get_close_matches(value.casefold(), list(labels), n=4, cutoff=0.6)
    if not close:
        close = [k for k in labels if value.casefold() in k][:4]
    shown = []
    for key in close:
        node = labels[key]
        text = f"{_short(node)} ({_label_of(graph, node)})"
        if text not in shown:
            shown.append(text)
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


def _variables(text: str) -> set[str]:
    without_comments = re.sub(r"(?m)#[^\n]*$", "", re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', text))
    return set(re.findall(r"[?$]([A-Za-z_]\w*)", without_comments))


def bind_params(
    graph: Graph,
    text: str,
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


# -------------------------------------------------------------------------------------------
# Running


def _is_memory(graph: Graph) -> bool:
    from rdflib.plugins.stores.memory import Memory, SimpleMemory

    return isinstance(graph.store, (Memory, SimpleMemory))


def run(
    graph: Graph,
    text: str,
    params: Mapping[str, Any] | None = None,
    *,
    question: Question | None = None,
    where: str = "query",
) -> Result:
    """Check ``text``, bind ``params`` and evaluate it on ``graph``; the answer is materialised.

    Raises UsageError for anything the person asking can fix.
    """
    prepared = prepare(text, where=where)
    bindings = bind_params(graph, text, params, question)
    try:
        with sealed():
            if _is_memory(graph):
                result = graph.query(prepared, initBindings=bindings)
            else:  # another store evaluates the (checked) text itself
                result = graph.query(text, initNs=PREFIXES, initBindings=bindings)
            if result.type in ("SELECT",):
                result.bindings  # noqa: B018 - evaluate now, while sealed
    except KgError:
        raise
    except Exception as exc:
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise UsageError(f"the query could not be run: {message}", where=where) from None
    return result


def load_question(spec: str | Path) -> tuple[str, Question | None, str]:
    """(text, question or None, where) for a question name, a ``.rq`` path or query text."""
    if isinstance(spec, Path) or (spec.endswith(".rq") and "\n" not in spec):
        q = catalogue.read_question(spec)
        return q.text, q, str(spec)
    if re.fullmatch(r"[\w.-]+", spec):
        q = catalogue.find(spec)
        return q.text, q, str(q.path)
    return spec, None, "query"


def run_named(graph: Graph, name: str, params: Mapping[str, Any] | None = None) -> Result:
    """Run the named question ``name`` on ``graph`` (the benchmark's entry point)."""
    q = catalogue.find(name)
    return run(graph, q.text, params, question=q, where=str(q.path))


def answer_counts(graph: Graph) -> dict[str, int | None]:
    """How many rows (or triples) each named question gives on ``graph``.

    ``None`` for a question with a required parameter. Run against a freshly loaded store,
    this is a quick check that it holds what the questions expect: an empty answer where
    the shipped data gives rows points at a missing or partial load.
    """
    counts: dict[str, int | None] = {}
    for name, q in catalogue.catalogue().items():
        if any(p.required for p in q.params):
            counts[name] = None
            continue
        result = run_named(graph, name)
        counts[name] = (
            len(result.graph) if result.type in ("CONSTRUCT", "DESCRIBE") else len(result)
        )
    return counts


_GRAPHS: dict[tuple[str, str], Graph] = {}


def _graph_for(data: Path | str | None, store: str | None) -> Graph:
    """The graph for ``kg.query``: a memory graph is kept while its files stay the same."""
    from kg.store import open_graph

    spec = store or "memory"
    if spec != "memory":
        return open_graph(spec, data)
    from kg import cache
    from kg.sources import source_files

    fingerprint = cache.make_key(source_files(data))
    key = (str(data), fingerprint)
    if key not in _GRAPHS:
        _GRAPHS.clear()
        _GRAPHS[key] = open_graph(spec, data)
    return _GRAPHS[key]


def query(
    name_or_text: str | Path,
    *,
    data: Path | str | None = None,
    graph: Graph | None = None,
    store: str | None = None,
    **params: Any,
) -> Result:
    """Run a named question, a ``.rq`` file or SPARQL text; keyword arguments are parameters.

    ``graph`` defaults to the shipped graph (or ``data``'s, or ``store``'s), loaded once and
    kept while its files do not change. The answer is an rdflib ``Result``: iterate over it
    for rows, or ``.serialize(format="csv")``.

    >>> rows = query("commitments-of-actor", actor="Kazakhstan")   # doctest: +SKIP
    >>> rows = query("SELECT ?s WHERE { ?s a skg:State }")          # doctest: +SKIP
    """
    text, question, where = load_question(name_or_text)
    if graph is None:
        graph = _graph_for(data, store)
    return run(graph, text, params, question=question, where=where)


class _CallableModule(types.ModuleType):
    """``kg.query`` is both this module and the function: once ``kg.query`` (the module) is
    imported, Python sets it as the package attribute, which hides the package's lazy
    ``query`` function. Making the module callable keeps ``kg.query(...)`` working either way.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Result:
        return query(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
