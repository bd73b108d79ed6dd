"""``kg.query(...)``: the notebook entry point, with the shipped graph loaded once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.query import Result

from kg.limits import DEFAULT_TIMEOUT
from kg.query.execute import load_question, run

_GRAPHS: dict[tuple[str, str], Graph] = {}


def _graph_for(data: Path | str | None, store: str | None) -> Graph:
    """The graph for ``kg.query``: a memory graph is kept while its files stay the same.

    Oxigraph's in-memory store answers (:func:`kg.stores.open_query_graph`); pass
    ``graph=kg.load()`` to have rdflib's engine answer instead.
    """
    from kg.stores import open_graph, open_query_graph

    spec = store or "memory"
    if spec != "memory":
        return open_graph(spec, data)
    from kg.model.sources import source_files
    from kg.query import cache

    fingerprint = cache.make_key(source_files(data))
    key = (str(data), fingerprint)
    if key not in _GRAPHS:
        _GRAPHS.clear()
        _GRAPHS[key] = open_query_graph(spec, data)
    return _GRAPHS[key]


def query(
    name_or_text: str | Path,
    *,
    data: Path | str | None = None,
    graph: Graph | None = None,
    store: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    **params: Any,
) -> Result:
    """Run a named question, a ``.rq`` file or SPARQL text; keyword arguments are parameters.

    ``graph`` defaults to the shipped graph (or ``data``'s, or ``store``'s), loaded once and
    kept while its files do not change. The answer is an rdflib ``Result``: iterate over it
    for rows, or ``.serialize(format="csv")``. ``timeout`` is in seconds (None: no limit); a
    query past it raises :class:`kg.limits.QueryTimeout`.

    >>> rows = query("commitments-of-actor", actor="Kazakhstan")   # doctest: +SKIP
    >>> rows = query("SELECT ?s WHERE { ?s a skg:State }")          # doctest: +SKIP
    """
    text, question, where = load_question(name_or_text)
    if graph is None:
        graph = _graph_for(data, store)
    return run(graph, text, params, question=question, where=where, timeout=timeout)
