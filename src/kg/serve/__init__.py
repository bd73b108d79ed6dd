"""kg serve: a read-only SPARQL 1.1 Protocol endpoint."""

from __future__ import annotations

from typing import Any

from kg.serve._server import *  # noqa: F403 - transitional: split into modules below


def __getattr__(name: str) -> Any:
    import importlib

    return getattr(importlib.import_module("kg.serve._server"), name)
