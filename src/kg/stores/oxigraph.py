"""A persistent Oxigraph store seen as an rdflib Graph whose questions Oxigraph's engine answers."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from kg import limits
from kg.errors import UsageError
from kg.stores import nonet
from kg.stores.answers import drop_language, group_concat_columns, oxigraph_converter


def _require_store_dir(directory: Path) -> None:
    if not directory.is_dir() or not any(directory.iterdir()):
        raise UsageError(
            f"no Oxigraph store in {str(directory)!r}",
            where="--store",
            hint=f"fill it first: kg load --store oxigraph:{directory}",
        )


def open_oxigraph(directory: Path | str, *, read_only: bool = True):  # type: ignore[no-untyped-def]
    """An rdflib Graph on the default graph of the Oxigraph store in ``directory``.

    Read-only by default, so that several processes (a server's workers, a ``kg query``
    beside a running ``kg serve``) can read the same store at once.
    """
    import pyoxigraph as ox
    from rdflib import Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from kg.model.namespaces import bind_prefixes

    directory = Path(directory)
    _require_store_dir(directory)
    try:
        inner = ox.Store.read_only(str(directory)) if read_only else ox.Store(str(directory))
    except OSError as exc:
        raise UsageError(
            f"cannot open the Oxigraph store: {' '.join(str(exc).split())}",
            where=f"oxigraph:{directory}",
            hint="is it an Oxigraph folder written by kg load, and is no other process writing?",
        ) from None
    graph = Graph(store=OxigraphGraphStore(inner), identifier=DATASET_DEFAULT_GRAPH_ID)
    bind_prefixes(graph)
    return graph


def open_memory_oxigraph(files: Sequence[Path], filled: Any = None):  # type: ignore[no-untyped-def]
    """An rdflib Graph on an in-memory Oxigraph store holding ``files`` (nothing on disk);
    ``filled``, if given, waits for a store already being filled with them
    (:func:`kg.stores.bulk.fill_in_background`).

    What the commands that only ask questions (``kg query``, ``kg serve``, ``kg.query``) use
    for the memory store; see docs/decisions/2026-12-02-memory-store-engine.md.
    """
    from rdflib import Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from kg.model.namespaces import bind_prefixes
    from kg.stores.bulk import fill_memory_store

    inner = filled() if filled is not None else fill_memory_store(files)
    graph = Graph(store=OxigraphGraphStore(inner), identifier=DATASET_DEFAULT_GRAPH_ID)
    bind_prefixes(graph)
    return graph


def oxigraph_of(graph: Any) -> Any | None:
    """The pyoxigraph ``Store`` under ``graph``, or None if another store holds it."""
    store = getattr(graph, "store", None)
    return store.inner if _ADAPTER is not None and isinstance(store, _ADAPTER) else None


#: the rdflib Store methods handed to oxrdflib's store (everything but questions and prefixes)
_DELEGATED = (
    "add", "addN", "remove", "contexts", "update", "commit", "rollback",
    "add_graph", "remove_graph", "open", "close", "destroy", "gc",
)  # fmt: skip


class _AdapterMethods:
    """An rdflib store over a pyoxigraph ``Store``. Questions go straight to Oxigraph's
    engine, the answer materialised into rdflib terms; triple lookups, counts and prefixes
    are answered here too; writes go to oxrdflib's store, built on first use. Importing
    oxrdflib imports rdflib's SPARQL parser (~0.2 s, several MiB), which a question
    Oxigraph answers never needs, nor a name lookup for its parameters."""

    context_aware = True
    formula_aware = False
    transaction_aware = False
    graph_aware = True

    def __init__(self, inner: Any) -> None:
        super().__init__()
        self._inner = inner
        self._rest: Any = None
        self._by_prefix: dict[str, Any] = {}
        self._by_namespace: dict[Any, str] = {}

    @property
    def inner(self) -> Any:
        return self._inner

    def _oxrdflib(self) -> Any:
        if self._rest is None:
            from oxrdflib.store import OxigraphStore

            self._rest = OxigraphStore(store=self._inner)
        return self._rest

    def query(  # type: ignore[override]
        self,
        query: Any,
        initNs: Mapping[str, Any],  # noqa: N803
        initBindings: Mapping[str, Any],  # noqa: N803
        queryGraph: Any,  # noqa: N803
        **kwargs: object,
    ) -> Any:
        if not isinstance(query, str) or kwargs or initBindings:
            # a prepared query, or bindings (kg.query never sends them: it writes
            # parameters into the checked text): rdflib evaluates it over the store
            raise NotImplementedError
        return run_on_oxigraph(self._inner, query, initNs, queryGraph)

    def triples(self, pattern: Any, context: Any = None) -> Any:
        """The matching triples of ``context`` (all graphs if None), as rdflib terms.

        Here rather than in oxrdflib so that a name lookup (``-p actor Kazakhstan``)
        does not import rdflib's SPARQL parser with it."""
        try:
            ox_pattern = [_to_oxigraph(term) for term in pattern]
            quads = self._inner.quads_for_pattern(*ox_pattern, _graph_name(context))
        except TypeError:  # a literal as subject, say: nothing can match
            return
        convert = oxigraph_converter()
        graphs = iter((context,))
        for q in quads:
            yield (convert(q.subject), convert(q.predicate), convert(q.object)), graphs

    def __len__(self, context: Any = None) -> int:
        options: dict[str, Any] = {}
        _graph_options(options, "__UNION__" if context is None else context.identifier)
        answer = self._inner.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", **options)
        return int(next(iter(answer))[0].value)

    def bind(self, prefix: str, namespace: Any, override: bool = True) -> None:
        if not override and (prefix in self._by_prefix or namespace in self._by_namespace):
            return
        old = self._by_prefix.pop(prefix, None)
        if old is not None:
            self._by_namespace.pop(old, None)
        self._by_namespace.pop(namespace, None)
        self._by_namespace = {n: p for n, p in self._by_namespace.items() if p != prefix}
        self._by_prefix[prefix], self._by_namespace[namespace] = namespace, prefix

    def prefix(self, namespace: Any) -> str | None:
        return self._by_namespace.get(namespace)

    def namespace(self, prefix: str) -> Any:
        return self._by_prefix.get(prefix)

    def namespaces(self) -> Any:
        yield from self._by_prefix.items()


def _make_adapter_class() -> type:
    """rdflib's Store with :class:`_AdapterMethods` first (built on first use, so that
    importing this module imports no rdflib)."""
    from rdflib.store import Store

    adapter = type("_Adapter", (_AdapterMethods, Store), {})
    for name in _DELEGATED:
        setattr(adapter, name, _delegate(name))
    return adapter


def _to_oxigraph(term: Any) -> Any:
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"no Oxigraph term for {term!r}")


def _graph_name(context: Any) -> Any:
    """Oxigraph's name for an rdflib context: the default graph, a named graph, or None (all)."""
    import pyoxigraph as ox
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    if context is None:
        return None
    identifier = getattr(context, "identifier", context)
    if identifier == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    return _to_oxigraph(identifier)


def _delegate(name: str) -> Any:
    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        return getattr(self._oxrdflib(), name)(*args, **kwargs)

    method.__name__ = name
    return method


def run_on_oxigraph(
    inner: Any,
    text: str,
    prefixes: Mapping[str, Any] | None = None,
    query_graph: Any = None,
) -> Any:
    """Evaluate ``text`` verbatim with Oxigraph's engine; an rdflib ``Result``, materialised.

    ``text`` is the checked canonical text (:mod:`kg.query.check`), parameters included; this
    function adds nothing to it. It runs on a thread with no network (:mod:`kg.stores.nonet`)
    and stops reading rows once the time limit of the enclosing query has passed.
    """
    options: dict[str, Any] = {}
    _graph_options(options, query_graph)
    plain = {k: str(v) for k, v in (prefixes or {}).items()}
    left = limits.remaining()
    stop_at = None if left is None else time.monotonic() + left
    try:
        return nonet.call(
            lambda: _materialise(inner.query(text, prefixes=plain, **options), text, stop_at), left
        )
    except TimeoutError:
        raise _timeout() from None


#: the W3C result formats Oxigraph writes, by kg's format names
_RESULT_FORMATS = {"json": "JSON", "xml": "XML", "csv": "CSV"}


def write_on_oxigraph(
    inner: Any, text: str, fmt: str, prefixes: Mapping[str, Any]
) -> tuple[bytes, int]:
    """Evaluate a SELECT or ASK ``text`` with Oxigraph and write the answer with Oxigraph's
    own writer in ``fmt`` (json, xml or csv): the bytes and the number of rows.

    What ``kg serve`` answers with: no rdflib term is made for any cell, which is where
    most of a cheap question's time went (see docs/decisions/2026-12-02-endpoint-speed.md).
    The text runs verbatim on a thread with no network, as in :func:`run_on_oxigraph`.
    """
    import pyoxigraph as ox

    plain = {k: str(v) for k, v in prefixes.items()}
    writer = getattr(ox.QueryResultsFormat, _RESULT_FORMATS[fmt])

    def evaluate() -> tuple[bytes, int]:
        answer = inner.query(text, prefixes=plain)
        if isinstance(answer, ox.QueryBoolean):
            return answer.serialize(format=writer), 1
        if not isinstance(answer, ox.QuerySolutions):
            raise TypeError("write_on_oxigraph answers SELECT and ASK queries only")
        if fmt == "json":
            body = answer.serialize(format=writer)
            return body, sum(1 for _ in ox.parse_query_results(body, format=writer))
        # count on the JSON form, then write the asked one from it (both in Rust)
        body = answer.serialize(format=ox.QueryResultsFormat.JSON)
        rows = list(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(
            format=writer
        ), len(rows)

    left = limits.remaining()
    try:
        return nonet.call(evaluate, left)
    except TimeoutError:
        raise _timeout() from None


def _graph_options(options: dict[str, Any], query_graph: Any) -> None:
    import pyoxigraph as ox
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
    from rdflib.term import URIRef

    if query_graph == "__UNION__":
        options["use_default_graph_as_union"] = True
    elif isinstance(query_graph, URIRef) and query_graph != DATASET_DEFAULT_GRAPH_ID:
        options["default_graph"] = ox.NamedNode(str(query_graph))


def _materialise(answer: Any, text: str, stop_at: float | None) -> Any:
    import pyoxigraph as ox
    from rdflib import Graph, Variable
    from rdflib.query import Result

    from kg.model.namespaces import bind_prefixes

    convert = oxigraph_converter()
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, ox.QuerySolutions):
        result = Result("SELECT")
        result.vars = [Variable(v.value) for v in answer.variables]
        rows = []
        for n, row in enumerate(answer):
            if stop_at is not None and n % 256 == 0 and time.monotonic() > stop_at:
                raise _timeout()
            rows.append(
                {
                    v: convert(val)
                    for v, val in zip(result.vars, row, strict=True)
                    if val is not None
                }
            )
        result.bindings = rows
        concatenated = group_concat_columns(text)
        if concatenated:
            drop_language(result.bindings, concatenated)
        return result
    result = Result("CONSTRUCT")
    graph = Graph()
    bind_prefixes(graph)
    graph.addN((convert(t.subject), convert(t.predicate), convert(t.object), graph) for t in answer)
    result.graph = graph
    return result


def _timeout() -> Exception:
    return limits.timeout_error(limits.current() or 0)


_ADAPTER: type | None = None


def OxigraphGraphStore(inner: Any) -> Any:  # noqa: N802 - a class factory, used like a class
    """An rdflib store over a pyoxigraph ``Store`` (oxrdflib's, see the module docstring).

    Built on first use so that importing :mod:`kg.stores` does not import oxrdflib.
    """
    global _ADAPTER
    if _ADAPTER is None:
        _ADAPTER = _make_adapter_class()
    return _ADAPTER(inner)
