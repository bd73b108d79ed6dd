"""The same bytes in every process: canonical blank-node labels and a fixed order.

rdflib labels blank nodes at random and its memory store iterates in hash order, which
Python salts per process. Exports are committed and diffed, so every writer is fed quads
relabelled ``b0, b1, ...`` by RDF Dataset Canonicalization (RDFC-1.0) and sorted, through a graph or
dataset whose iteration order is fixed too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.term import Node

from kg.model.namespaces import bind_prefixes
from kg.render.rdf.graphs import graph_rank

Quad = tuple[Node, Node, Node, URIRef | None]


def quads_of(graph: Graph | Dataset, *, keep_graphs: bool) -> list[Quad]:
    """Quads of a graph or dataset; ``keep_graphs=False`` folds everything into one graph."""
    if isinstance(graph, Dataset):
        out: list[Quad] = []
        for s, p, o, g in graph.quads((None, None, None, None)):
            name = g.identifier if hasattr(g, "identifier") else g
            default = name is None or str(name).startswith("urn:x-rdflib:")
            out.append((s, p, o, None if default or not keep_graphs else name))
        return out if keep_graphs else list(dict.fromkeys(out))
    return [(s, p, o, None) for s, p, o in graph]


def term_key(term: Node | None) -> tuple[int, str]:
    """Sort key of a term: no graph first, then IRIs, blank nodes, literals, by N3 form."""
    if term is None:
        return (0, "")
    return ((1 if isinstance(term, URIRef) else 2 if isinstance(term, BNode) else 3), term.n3())


def canonical_quads(quads: Iterable[Quad]) -> list[Quad]:
    """Quads with blank nodes relabelled ``b0, b1, ...`` the same way in every process.

    Labels come from W3C RDF Dataset Canonicalization (RDFC-1.0), as pyoxigraph implements it
    in Rust. rdflib's own canonical hashing (``rdflib.compare``) was used before; with the
    evidence annotations' ~600 look-alike blank nodes (a target and a selector each) it took
    a minute for one export, against well under a second here. Quads without blank nodes do
    not influence the labels, so they are left out of the canonicalization.
    """
    import pyoxigraph as ox

    plain: list[Quad] = []
    originals: dict[object, Node] = {}

    def to_ox(term: Node) -> object:
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        if isinstance(term, URIRef):
            made: object = ox.NamedNode(str(term))
        else:
            lit = term  # a Literal
            made = (
                ox.Literal(str(lit), language=lit.language)
                if lit.language
                else ox.Literal(str(lit), datatype=ox.NamedNode(str(lit.datatype)))
                if lit.datatype
                else ox.Literal(str(lit))
            )
        originals[made] = term
        return made

    touched = ox.Dataset()
    for s, p, o, g in quads:
        if not (isinstance(s, BNode) or isinstance(o, BNode)):
            plain.append((s, p, o, g))
            continue
        graph = ox.DefaultGraph() if g is None else to_ox(g)
        touched.add(ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph))
    touched.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    labels = sorted(
        {t.value for q in touched for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)}
    )
    short = {label: BNode(f"b{i}") for i, label in enumerate(labels)}

    def back(term: object) -> Node:
        if isinstance(term, ox.BlankNode):
            return short[term.value]
        return originals[term]

    for q in touched:
        g = None if isinstance(q.graph_name, ox.DefaultGraph) else back(q.graph_name)
        plain.append((back(q.subject), back(q.predicate), back(q.object), g))  # type: ignore[arg-type]
    return sorted(plain, key=lambda q: tuple(term_key(t) for t in (q[3], q[0], q[1], q[2])))


class SortedGraph(Graph):
    """A graph that lists subjects, predicates and objects in a fixed order.

    rdflib's memory store iterates in hash order, which changes between processes; the
    RDF/XML writer walks the graph through these methods, so sorting here makes its
    output repeatable.
    """

    def subjects(self, predicate=None, object=None, unique=False):  # type: ignore[no-untyped-def]
        return iter(sorted(set(super().subjects(predicate, object)), key=term_key))

    def predicates(self, subject=None, object=None, unique=False):  # type: ignore[no-untyped-def]
        return iter(sorted(set(super().predicates(subject, object)), key=term_key))

    def objects(self, subject=None, predicate=None, unique=False):  # type: ignore[no-untyped-def]
        return iter(sorted(set(super().objects(subject, predicate)), key=term_key))

    def predicate_objects(self, subject=None, unique=False):  # type: ignore[no-untyped-def]
        pairs = set(super().predicate_objects(subject))
        return iter(sorted(pairs, key=lambda po: (term_key(po[0]), term_key(po[1]))))


class SortedDataset(Dataset):
    """A dataset that lists its named graphs in GRAPH_ORDER (TriG writes them in this order)."""

    def contexts(self, triple=None):  # type: ignore[no-untyped-def]
        return iter(sorted(super().graphs(triple), key=lambda g: graph_rank(g.identifier)))


def graph_of(quads: Sequence[Quad]) -> Graph:
    """One sorted graph holding the triples of ``quads`` (graph names dropped)."""
    graph = SortedGraph()
    bind_prefixes(graph)
    for s, p, o, _ in quads:
        graph.add((s, p, o))
    return graph


def dataset_of(quads: Sequence[Quad]) -> Dataset:
    """A sorted dataset holding ``quads`` in their named graphs."""
    ds = SortedDataset()
    bind_prefixes(ds)
    names = sorted({q[3] for q in quads if q[3] is not None}, key=graph_rank)
    graphs = {name: ds.graph(name) for name in names}
    for s, p, o, g in quads:
        (graphs[g] if g is not None else ds.default_graph).add((s, p, o))
    return ds
