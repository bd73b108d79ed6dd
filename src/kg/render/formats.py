"""The output formats, by short name, media type and file suffix, and how to write each.

The one place callers (the CLI, the server, the importer) look formats up and turn answers
into bytes. It holds no logic of its own; it gathers three modules that depend on each other
in one direction only:

* :mod:`kg.render.registry`: the names, media types and suffixes (``get``, ``guess``);
* :mod:`kg.render.tables`: rows of strings as a table, Markdown, CSV/TSV or JSON;
* :mod:`kg.render.results`: a query answer or a graph as bytes (through :mod:`kg.render.rdf`).

``compact`` (an IRI as ``skgr:china``) lives in :mod:`kg.model.namespaces` and is reached
here lazily, because that module imports rdflib and looking a format up must cost nothing.

May use: the three modules above and :mod:`kg.model.namespaces`.
"""

from __future__ import annotations

from typing import Any

from kg.render.registry import FORMATS, QUERY_FORMATS, Format, get, guess
from kg.render.results import render_graph, render_result
from kg.render.tables import render_rows, rows_csv, rows_markdown, rows_table

__all__ = [
    "FORMATS",
    "QUERY_FORMATS",
    "Format",
    "get",
    "guess",
    "render_graph",
    "render_result",
    "render_rows",
    "rows_csv",
    "rows_markdown",
    "rows_table",
]


def __getattr__(name: str) -> Any:
    """``compact`` on first use: importing it eagerly would pull rdflib into ``kg query``."""
    if name == "compact":
        from kg.model.namespaces import compact

        return compact
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
