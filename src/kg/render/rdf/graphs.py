"""The named graphs an export is split into, and the order they are written in.

The data in ``https://w3id.org/summit-kg/graph/data``, the ontology in ``.../ontology``,
the SHACL shapes in ``.../shapes`` and the OWL 2 RL entailments in ``.../inferred``: fixed
names, so that a TriG or N-Quads file says which part each statement belongs to.
"""

from __future__ import annotations

from rdflib import URIRef

GRAPH_BASE = "https://w3id.org/summit-kg/graph/"
DATA_GRAPH = URIRef(GRAPH_BASE + "data")
ONTOLOGY_GRAPH = URIRef(GRAPH_BASE + "ontology")
SHAPES_GRAPH = URIRef(GRAPH_BASE + "shapes")
INFERRED_GRAPH = URIRef(GRAPH_BASE + "inferred")
#: the order named graphs are written in.
GRAPH_ORDER: tuple[URIRef, ...] = (DATA_GRAPH, ONTOLOGY_GRAPH, SHAPES_GRAPH, INFERRED_GRAPH)


def graph_rank(name: URIRef) -> tuple[int, str]:
    """Sort key of a graph name: the known graphs in GRAPH_ORDER, any other after them."""
    return (GRAPH_ORDER.index(name) if name in GRAPH_ORDER else len(GRAPH_ORDER), str(name))
