"""A persistent Oxigraph store seen as an rdflib Graph whose questions Oxigraph's engine answers."""

from __future__ import annotations

import time
from collections.abc import Mapping
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


def oxigraph_of(graph: Any) -> Any | None:
    """The pyoxigraph ``Store`` under ``graph``, or None if another store holds it."""
    store = getattr(graph, "store", None)
    return store.inner if _ADAPTER is not None and isinstance(store, _ADAPTER) else None


def _make_adapter_class() -> type:
    from oxrdflib.store import OxigraphStore

    class _Adapter(OxigraphStore):  # type: ignore[misc]
        """oxrdflib's store, with its ``query()`` replaced: Oxigraph evaluates the text, the
        answer is materialised into rdflib terms."""

        def __init__(self, inner: Any) -> None:
            super().__init__(store=inner)

        @property
        def inner(self) -> Any:
            return self._inner

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

    return _Adapter


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
