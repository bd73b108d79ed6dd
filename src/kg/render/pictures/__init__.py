"""Pictures of a networkx view: an offline page, PNG/SVG, GraphML/GEXF."""

from __future__ import annotations

from typing import Any

from kg.render.pictures._viz import *  # noqa: F403 - transitional: split into modules below


def __getattr__(name: str) -> Any:
    import importlib

    return getattr(importlib.import_module("kg.render.pictures._viz"), name)
