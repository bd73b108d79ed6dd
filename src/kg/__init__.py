"""summit-kg: a knowledge graph of the Second China–Central Asia Summit (Astana, 2025).

The package root stays import-light on purpose: ``kg --help`` and ``kg query`` must start
fast, so rdflib and friends are imported only when a function that needs them is called.

>>> import kg
>>> g = kg.load()                      # ontology + shipped data, as an rdflib.Graph
>>> rows = kg.query("parties-to-agreements")   # a named question from queries/
>>> ev = kg.evidence("Xi Jinping")              # each statement with its span of the article
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "evidence", "load", "query"]

if TYPE_CHECKING:  # pragma: no cover
    from kg.model.load import load
    from kg.query import query
    from kg.query.evidence import evidence


def __getattr__(name: str) -> Any:
    # Lazy attributes keep `import kg` cheap (PEP 562).
    if name == "load":
        from kg.model.load import load

        return load
    if name == "query":
        from kg.query import query

        return query
    if name == "evidence":
        from kg.query.evidence import evidence

        return evidence
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
