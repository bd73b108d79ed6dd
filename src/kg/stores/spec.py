"""Store specs (``memory``, ``oxigraph:DIR``, ``sparql:URL``) and opening the graph a spec names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.errors import UsageError

STORE_KINDS = ("memory", "oxigraph", "sparql")

#: Oxigraph's parser formats by file suffix (the suffixes kg.model.load reads).


_HINT = "use memory, oxigraph:DIR or sparql:URL"


def parse_spec(spec: str | None) -> tuple[str, str]:
    """``(kind, argument)`` of a store spec; a malformed spec raises UsageError."""
    spec = (spec or "memory").strip()
    if spec == "memory":
        return "memory", ""
    kind, sep, arg = spec.partition(":")
    if not sep or kind not in STORE_KINDS or kind == "memory":
        raise UsageError(f"unknown store {spec!r}", where="--store", hint=_HINT)
    if not arg:
        what = "a folder" if kind == "oxigraph" else "an endpoint URL"
        raise UsageError(f"{kind}: needs {what}", where="--store", hint=f"e.g. {kind}:{_eg(kind)}")
    if kind == "sparql" and not arg.startswith(("http://", "https://")):
        raise UsageError(
            f"{arg!r} is not an http(s) URL", where="--store", hint=f"e.g. sparql:{_eg(kind)}"
        )
    return kind, arg


def _eg(kind: str) -> str:
    return "store/" if kind == "oxigraph" else "http://127.0.0.1:7878/query"


def open_graph(store: str | None = None, data_dir: Path | str | None = None):  # type: ignore[no-untyped-def]
    """An rdflib Graph over the chosen store; ``memory`` parses the ontology and data.

    ``data_dir`` applies to the memory store only: the other stores already hold their data.
    """
    kind, arg = parse_spec(store)
    if kind == "memory":
        from kg.model.load import load

        return load(data_dir)
    if kind == "oxigraph":
        from kg.stores.oxigraph import open_oxigraph

        return open_oxigraph(arg)
    from kg.stores.sparql import open_sparql

    return open_sparql(arg)


def open_query_graph(  # type: ignore[no-untyped-def]
    store: str | None = None, data_dir: Path | str | None = None, *, filled: Any = None
):
    """The graph a command that only asks questions opens: as :func:`open_graph`, except
    that the memory store's files are held by an in-memory Oxigraph store, whose parser and
    engine answer a first question in milliseconds where rdflib's take seconds.

    Commands that write the graph out (export, validate, site) keep rdflib's memory graph:
    it keeps every literal's lexical form, which Oxigraph canonicalises (``1.50`` → ``1.5``).
    The answers are the same on both (tests/test_store.py asks every question of each).
    ``filled``: see :func:`kg.stores.oxigraph.open_memory_oxigraph`.
    """
    kind, _ = parse_spec(store)
    if kind != "memory":
        return open_graph(store, data_dir)
    from kg.model.sources import source_files
    from kg.stores.oxigraph import open_memory_oxigraph

    return open_memory_oxigraph(source_files(data_dir), filled)


def engine_of(graph: Any) -> str:
    """Which engine answers ``graph``'s questions: memory, oxigraph, sparql or other."""
    from rdflib.plugins.stores.memory import Memory, SimpleMemory

    store = getattr(graph, "store", None)
    if isinstance(store, (Memory, SimpleMemory)):
        return "memory"
    from kg.stores.oxigraph import oxigraph_of

    if oxigraph_of(graph) is not None:
        return "oxigraph"
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    return "sparql" if isinstance(store, SPARQLStore) else "other"
