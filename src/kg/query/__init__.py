"""Running SPARQL questions on the graph: safely, with parameters bound as RDF terms.

Three promises, whatever the query says:

* **Read-only.** SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...) is refused.
* **Local-only.** rdflib, left alone, follows ``FROM`` / ``FROM NAMED`` (it parses the IRI,
  which may be a local file or a web address, when the graph is a Dataset) and sends
  ``SERVICE`` patterns over the network. Here the parsed query is checked before it runs,
  and while it runs rdflib's own switches are set so that, should a check ever miss, nothing
  is loaded (``SPARQL_LOAD_GRAPHS = False``) and a ``SERVICE`` pattern raises (a custom
  evaluation hook in ``CUSTOM_EVALS``).
* **Parameters are RDF terms.** ``-p actor Kazakhstan`` becomes an initial binding of
  ``?actor`` to ``skgr:kazakhstan``; no text is ever pasted into the query. A parameter that
  names an entity accepts an IRI, a prefixed name, a local name or a label.

The well-known prefixes and the project's (:data:`kg.model.namespaces.PREFIXES`) are pre-bound, so
a query need not declare them.

>>> import kg
>>> rows = kg.query("commitments-of-actor", actor="Kazakhstan")   # doctest: +SKIP
>>> rows = kg.query("SELECT ?s WHERE { ?s a skg:State }")          # doctest: +SKIP

Modules, in the order a question goes through them: ``catalogue`` (the named questions),
``check`` (parse once, refuse what is unsafe), ``params`` (values as RDF terms),
``execute`` (run on a graph), ``api`` (``kg.query``), ``cache`` (answers kept by content).
They use :mod:`kg.model` and :mod:`kg.stores`, never :mod:`kg.render` or above.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def __getattr__(name: str) -> Any:
    # Lazy (PEP 562): `kg query` on a cached answer must not import rdflib.
    import importlib

    if name.startswith("__"):
        raise AttributeError(name)
    if name in _SUBMODULES:  # `from kg.query import cache` asks here before importing it
        return importlib.import_module(f"kg.query.{name}")
    for module in ("api", "execute", "params", "check"):
        found = getattr(importlib.import_module(f"kg.query.{module}"), name, _MISSING)
        if found is not _MISSING:
            return found
    raise AttributeError(f"module 'kg.query' has no attribute {name!r}")


_MISSING = object()
_SUBMODULES = {"api", "cache", "catalogue", "check", "execute", "params"}


class _CallableModule(types.ModuleType):
    """``kg.query`` is both this package and the function: once the package is imported,
    Python sets it as the ``kg`` attribute, which hides the root's lazy ``query`` function.
    Making the package callable keeps ``kg.query(...)`` working either way.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from kg.query.api import query

        return query(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
