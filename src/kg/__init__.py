"""summit-kg: a knowledge graph of the Second China–Central Asia Summit (Astana, 2025).

The package root stays import-light on purpose: ``kg --help`` and ``kg query`` must start
fast, so rdflib and friends are imported only when a function that needs them is called.
The public names (``dir(kg)`` lists them) are:

* :func:`load`: the ontology and the shipped data (or another folder) as an rdflib graph;
* :func:`query`: a named question, a ``.rq`` file or SPARQL text, answered as an
  :class:`Answer` (an rdflib ``Result`` with ``.to_df()`` and a table in notebooks);
* :func:`evidence`: each statement about a resource with the article's span behind it;
* :func:`draw`: a view of the graph as a picture that shows itself in a notebook, offline.

>>> import kg
>>> len(kg.load()) > 1000                               # ontology + shipped data
True
>>> answer = kg.query("parties-to-agreements")          # a named question from queries/
>>> answer.type, len(answer.vars) > 0
('SELECT', True)
>>> kg.query("quotations-by-speaker", speaker="president xi").to_df().speaker.unique().tolist()
['skgr:xi-jinping']
>>> record = kg.evidence("Xi Jinping")                   # spans of the article, no text copied
>>> record.name
'skgr:xi-jinping'
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Answer", "Picture", "__version__", "draw", "evidence", "load", "query"]

if TYPE_CHECKING:  # pragma: no cover
    from kg.model.load import load
    from kg.query.evidence import evidence
    from kg.render.answer import Answer, query
    from kg.render.pictures.inline import Picture, draw

#: public name -> (module, attribute), imported on first use (PEP 562)
_LAZY = {
    "load": ("kg.model.load", "load"),
    "evidence": ("kg.query.evidence", "evidence"),
    "Answer": ("kg.render.answer", "Answer"),
    "draw": ("kg.render.pictures.inline", "draw"),
    "Picture": ("kg.render.pictures.inline", "Picture"),
}


def __getattr__(name: str) -> Any:
    import importlib

    if name in _LAZY:
        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public API and the module's own dunders, not the helpers imported here."""
    return sorted(set(__all__) | {n for n in globals() if n.startswith("__")})


class _Root(types.ModuleType):
    """``kg.query`` is both a subpackage and the notebook's function. Python records the
    subpackage on ``kg`` as soon as anything imports it, which would hide the function that
    returns an :class:`Answer`; this property keeps ``kg.query`` the function whatever was
    imported first. The subpackage itself stays reachable as ``from kg.query import ...``.
    """

    @property
    def query(self) -> Any:
        from kg.render.answer import query

        return query

    @query.setter
    def query(self, package: Any) -> None:
        self.__dict__["_query_package"] = package  # the import system's record, kept aside


sys.modules[__name__].__class__ = _Root
