"""Where the graph is kept (memory, Oxigraph, a remote SPARQL endpoint)."""

from __future__ import annotations

from typing import Any

from kg.stores._store import *  # noqa: F403 - transitional: split into modules below


def __getattr__(name: str) -> Any:
    import importlib

    return getattr(importlib.import_module("kg.stores._store"), name)
