"""An offline website of the graph, and the same pages for ``kg serve``.

One module per kind of page (Datasette's layout): ``home``, ``resource`` (and ``classes``),
``question``, ``search``, ``article``; shared ``base`` (the graph read once, the templates),
``links`` (one rendering, two deliveries: files or server routes), ``describe`` (a
resource's description as RDF), ``statements`` and ``spans`` (a resource's statements and
evidence in plain words), ``answers`` and ``views`` (a question's answer as a table,
timeline, bar chart and network), ``assets`` (our JS/CSS, plotly.js and vis-network read
from their installed packages), ``build`` (``kg site``).

May use: :mod:`kg.query`, :mod:`kg.model`, the rest of :mod:`kg.render`; Jinja2, rdflib.
Heavy parts are imported by the functions that need them.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "Links",
    "build_site",
    "describe_resource",
    "render_article",
    "render_home",
    "render_question_page",
    "render_resource_page",
    "render_search",
    "resource_for_slug",
    "search_index_js",
]

_HOMES = {
    "Links": "kg.render.site.links",
    "build_site": "kg.render.site.build",
    "describe_resource": "kg.render.site.describe",
    "render_article": "kg.render.site.article",
    "render_home": "kg.render.site.home",
    "render_question_page": "kg.render.site.question",
    "render_resource_page": "kg.render.site.resource",
    "render_search": "kg.render.site.search",
    "resource_for_slug": "kg.render.site.resource",
    "search_index_js": "kg.render.site.search",
}


def __getattr__(name: str) -> Any:
    # Lazy (PEP 562): importing the package costs nothing until a page is asked for.
    import importlib

    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'kg.render.site' has no attribute {name!r}")
