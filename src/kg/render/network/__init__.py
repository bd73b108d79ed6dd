"""networkx views of the graph."""

from __future__ import annotations

from typing import Any

from kg.render.network._network import *  # noqa: F403 - transitional: split into modules below


def __getattr__(name: str) -> Any:
    import importlib

    return getattr(importlib.import_module("kg.render.network._network"), name)
