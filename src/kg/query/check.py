"""The safety check: a query is parsed once, and refused before it runs if it would write,
read outside data (FROM, FROM NAMED) or reach the network (SERVICE)."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from typing import Any

from pyparsing import ParseException
from rdflib.plugins.sparql import algebra, parser
from rdflib.plugins.sparql.sparql import Query

from kg.errors import UsageError
from kg.model.namespaces import PREFIXES

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
