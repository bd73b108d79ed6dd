"""Where the graph is kept: in memory (rdflib), in a persistent Oxigraph store, or behind a
remote SPARQL endpoint. Every command works on what :func:`open_graph` returns, an
``rdflib.Graph`` whatever the backend, so the same questions run everywhere.

Store specs: ``memory`` (default), ``oxigraph:DIR``, ``sparql:URL``. One module per concern:
``spec`` (specs, opening), ``oxigraph`` (the Oxigraph-backed graph), ``bulk`` (``kg load``),
``sparql`` (a remote endpoint), ``answers`` (engine terms to rdflib terms), ``nonet`` (engine
calls with no network), ``push`` (Graph Store Protocol upload). This layer uses
:mod:`kg.model`, :mod:`kg.errors` and :mod:`kg.limits` only; it never imports a query,
render or serve module. It runs the text it is given: the query layer checks it, writes the
parameters in, and hands over the canonical text.

Where the engines differ, and what is done about it (each found by asking every named
question of every store, tests/test_store.py and tests/test_push.py):

* **Parameters.** rdflib binds ``initBindings`` before evaluation, so the variable is bound
  everywhere, inside OPTIONAL and UNION branches, FILTERs and sub-SELECTs. Oxigraph and
  remote endpoints are given a VALUES block opening the WHERE group instead
  (:mod:`kg.query.terms`), which agrees except where the parameter occurs in a sub-SELECT or
  under ``BOUND``; those queries are evaluated by rdflib over the store's triples (slower,
  same answer). Oxigraph's own SEP-0007 substitution is not used: it refuses a variable the
  SELECT does not project, leaves ``BOUND(?p)`` false, and Oxigraph 0.5 does not push it into
  a UNION (a one-actor lookup took 2.3 s instead of 7 ms at a million triples).
* **GROUP_CONCAT** keeps a common language tag in Oxigraph (``"tourism"@en``), not in
  rdflib; such cells are read as plain strings from every store (:func:`group_concat_columns`).
* **Strings**: Oxigraph reports plain strings as ``xsd:string``; they come back as plain
  literals (the same RDF 1.1 term), so results compare equal.
* **Numbers**: Oxigraph stores numeric literals in canonical form when loading, and derived
  integer types (``xsd:nonNegativeInteger``) as ``xsd:integer`` (oxigraph/oxigraph#526, no
  switch to turn it off). Values are equal; the lexical form or datatype may differ.
"""

from __future__ import annotations

from kg.stores.answers import group_concat_columns, oxigraph_converter
from kg.stores.bulk import load_into_oxigraph
from kg.stores.oxigraph import OxigraphGraphStore, open_oxigraph, oxigraph_of, run_on_oxigraph
from kg.stores.push import push_graph
from kg.stores.sparql import open_sparql
from kg.stores.spec import STORE_KINDS, engine_of, open_graph, open_query_graph, parse_spec

__all__ = [
    "STORE_KINDS",
    "OxigraphGraphStore",
    "engine_of",
    "group_concat_columns",
    "load_into_oxigraph",
    "open_graph",
    "open_oxigraph",
    "open_query_graph",
    "open_sparql",
    "oxigraph_converter",
    "oxigraph_of",
    "parse_spec",
    "push_graph",
    "run_on_oxigraph",
]
