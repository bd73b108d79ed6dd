"""Checking the graph: SHACL shapes and SPARQL checks, as typed findings."""

from __future__ import annotations

from typing import Any

from kg.validate._validate import *  # noqa: F403 - transitional: split into modules below


def __getattr__(name: str) -> Any:
    import importlib

    return getattr(importlib.import_module("kg.validate._validate"), name)
