"""A SPARQL CONSTRUCT answer as a network, looking like the views of the whole graph.

The answer decides which nodes and edges appear; the whole graph supplies their labels,
classes and figures through the same :class:`~kg.render.network.project.Projector`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.render.network.project import Projector
from kg.render.network.styles import CONCEPT_STYLE
from kg.render.network.terms import local_name

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx


def project_construct(result: Graph, context: Graph) -> nx.MultiDiGraph:
    """Draw a CONSTRUCT result: its triples decide the nodes and edges, ``context`` (the
    whole graph) supplies labels, classes and figures, so a bare query still looks right.
    """
    import networkx as nx

    proj = Projector(context)
    full = proj.full()
    out = nx.MultiDiGraph()

    def add(term: URIRef) -> str:
        n = str(term)
        if n not in out:
            if n in full:
                out.add_node(n, **full.nodes[n])
            else:
                cls = "Concept" if term in proj.concept_set else "Resource"
                out.add_node(
                    n, label=proj.label(term), iri=n, group=CONCEPT_STYLE.group, **{"class": cls}
                )
        return n

    # sorted: the answer's triple order changes with the hash seed, the picture must not
    for s, p, o in sorted(result, key=lambda t: tuple(str(x) for x in t)):
        if not isinstance(s, URIRef):
            continue
        if isinstance(o, URIRef) and p != RDF.type:
            out.add_edge(
                add(s),
                add(o),
                key=local_name(p),
                label=proj.prop_label(p),
                predicate=str(p),
                weight=1,
            )
        else:
            add(s)
            if isinstance(o, Literal) and p == RDFS.label:
                out.nodes[str(s)]["label"] = str(o)
    return out
