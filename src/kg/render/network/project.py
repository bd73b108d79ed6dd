"""The RDF graph as a networkx graph: what becomes a node, an edge or an attribute.

Pictures, network formats (GraphML, GEXF) and network statistics all start from the same
projection, defined here and only here, so that ``kg viz``, ``kg stats`` and a notebook
always agree on what a "node" is.

The projection, in one place
----------------------------
Nodes
    Every named resource (an IRI, never a blank node) typed with one of the classes in
    :data:`CLASS_STYLE`: actors (states, people, organisations, mechanisms, groups),
    places, events, agreements, commitments and projects, initiatives, statistics and
    statements. The node id is the resource's IRI.
Not nodes, folded into attributes instead
    Amount value nodes (``skg:amount``, ``skg:estimatedCost``, ``skg:totalValue``,
    ``skg:outputCapacity``, ``skg:value``) become a formatted string on their owner, such as
    ``amount = "1.5 billion CNY (about 208 million USD)"``. SKOS concepts (status, kind,
    sector, theme, principle, outcome) become attributes named after the property
    (``status = "pledged"``); pass ``concepts=True`` to draw them as nodes in the full
    view. An ``skg:Office`` becomes the ``office`` attribute of the person holding it.
    The source article and roles are never drawn.
Node attributes
    ``label``, ``class`` (the most specific class's short name), ``group`` (actor, place,
    event, agreement, commitment, initiative, statistic, statement), ``iri``,
    ``paragraphs`` (the article paragraph numbers, "5, 7, 8"), ``source`` ("article" or
    "outside knowledge"), ``figures`` (the key figures in one line: amounts, dates,
    years, counts), ``comment``, ``also_known_as`` and one attribute per remaining literal
    or concept property (snake_case of its local name). All values are strings, numbers
    or booleans, so GraphML and GEXF writers take them as they are.
Edges
    Every object property between two nodes, keyed by the property's local name, with
    ``label`` (the property's rdfs:label, e.g. "committed by"), ``predicate`` (its IRI)
    and ``weight`` 1.

Views (:mod:`kg.render.network.views`) keep parts of this projection; the actors and
commitments views (:mod:`kg.render.network.actors`, :mod:`kg.render.network.commitments`)
are derived from it.

May use: the sibling modules ``styles``, ``terms``, ``views``, ``actors``, ``commitments``; rdflib,
networkx (inside functions), :mod:`kg.model.namespaces`, :mod:`kg.errors`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from kg.model.namespaces import ORG, SCHEMA, SKG
from kg.render.network.actors import actors_view
from kg.render.network.commitments import commitments_view
from kg.render.network.styles import CLASS_STYLE, CONCEPT_STYLE, ClassStyle
from kg.render.network.terms import duration_text, local_name, number_text, snake
from kg.render.network.views import VIEWS, View, check_view

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: Classes whose instances are never drawn (folded into attributes or left out).
_FOLDED = {SKG.Office, SKG.Role, SKG.Amount, SKG.MonetaryAmount, SKG.Quantity}

#: Literal and folded properties shown as key figures, in this order, with their caption.
_FIGURES: tuple[tuple[str, str], ...] = (
    ("amount", "amount"),
    ("estimated_cost", "estimated cost"),
    ("total_value", "total value"),
    ("output_capacity", "output"),
    ("value", "value"),
    ("agreement_count", "count"),
    ("count_description", "count"),
    ("signing_date", "signed"),
    ("start_date", "from"),
    ("end_date", "to"),
    ("year", "year"),
    ("start_year", "start"),
    ("target_year", "target"),
    ("duration", "duration"),
    ("reference_year", "year"),
    ("period_start", "from"),
    ("period_end", "to"),
    ("edition_number", "edition"),
    ("meeting_frequency", "meets every"),
    ("status", "status"),
)

_SKIP_LITERALS = {RDFS.label, RDFS.comment, SKOS.altLabel, SKOS.prefLabel, SKG.sourceParagraph}


class Projector:
    """Reads an rdflib graph once and answers: is this a node, what is its label, ...

    Kept as a small class so the label and type look-ups are cached for one graph.
    """

    def __init__(self, graph: Graph, *, concepts: bool = False) -> None:
        self.graph = graph
        self.concepts = concepts
        self._labels: dict[Any, str] = {}
        self.types: dict[URIRef, set[URIRef]] = defaultdict(set)
        for s, o in graph.subject_objects(RDF.type):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                self.types[s].add(o)
        self.concept_set = {s for s, t in self.types.items() if SKOS.Concept in t} | set(
            graph.subjects(SKOS.inScheme, None)
        )
        self.node_class: dict[URIRef, str] = {}
        for s, ts in self.types.items():
            if ts & _FOLDED or OWL.Class in ts or OWL.ObjectProperty in ts:
                continue
            names = {local_name(t) for t in ts if str(t).startswith(str(SKG))}
            for cls in CLASS_STYLE:
                if cls in names:
                    self.node_class[s] = cls
                    break
        if concepts:
            for c in self.concept_set:
                self.node_class.setdefault(c, "Concept")

    # -- look-ups ---------------------------------------------------------------------
    def label(self, term: Any) -> str:
        """The English rdfs:label (or skos:prefLabel), else the IRI's local name."""
        if term not in self._labels:
            found = None
            for prop in (RDFS.label, SKOS.prefLabel):
                # sorted: with several labels the choice must not depend on the hash seed
                values = sorted(self.graph.objects(term, prop), key=str)
                en = [v for v in values if isinstance(v, Literal) and v.language in ("en", None)]
                if en or values:
                    found = str((en or values)[0])
                    break
            self._labels[term] = found or local_name(term)
        return self._labels[term]

    def prop_label(self, prop: URIRef) -> str:
        labels = sorted(str(v) for v in self.graph.objects(prop, RDFS.label))
        return labels[0] if labels else snake(local_name(prop)).replace("_", " ")

    def style(self, cls: str) -> ClassStyle:
        return CLASS_STYLE.get(cls, CONCEPT_STYLE)

    def amount_text(self, node: Any) -> str:
        """A value node as one phrase: "about 208 million USD", "3,000 training places"."""
        g = self.graph
        value = g.value(node, SCHEMA.value)
        if value is None:
            return self.label(node)
        text = number_text(value.toPython())
        currency = g.value(node, SCHEMA.currency)
        unit = g.value(node, SKG.unit)
        if currency is not None:
            text = f"{text} {currency}"
        elif unit is not None:
            sep = "" if local_name(unit) == "unit-percent" else " "
            text = f"{text}{sep}{'%' if not sep else self.label(unit)}"
        qualifier = g.value(node, SKG.qualifier)
        if qualifier is not None and local_name(qualifier) != "qualifier-exact":
            text = f"{self.label(qualifier)} {text}"
        equivalent = g.value(node, SKG.equivalent)
        if equivalent is not None:
            text = f"{text} ({self.amount_text(equivalent)})"
        return text

    # -- the full projection ----------------------------------------------------------
    def full(self) -> nx.MultiDiGraph:
        """Every node and edge, added in sorted order: rdflib iterates triples in an order
        that changes with Python's hash seed, and node and edge order decide the layout, the
        page and the GraphML bytes.
        """
        import networkx as nx

        g = self.graph
        out = nx.MultiDiGraph()
        for node, cls in sorted(self.node_class.items()):
            out.add_node(str(node), **self.attributes(node, cls))
        # Offices are folded into the person who holds them.
        for office in sorted(g.subjects(RDF.type, SKG.Office)):
            holder = g.value(office, ORG.heldBy)
            if holder is not None and str(holder) in out:
                out.nodes[str(holder)]["office"] = self.label(office)
        edges = sorted(
            (str(s), str(p), str(o))
            for s, p, o in g
            if p != RDF.type and s in self.node_class and o in self.node_class
        )
        for s, p, o in edges:
            out.add_edge(
                s, o, key=local_name(p), label=self.prop_label(URIRef(p)), predicate=p, weight=1
            )
        return out

    def attributes(self, node: URIRef, cls: str) -> dict[str, Any]:
        """A node's attributes: its names and provenance, its other properties, key figures.

        Insertion order is kept as it is: GraphML and GEXF list attributes in this order.
        """
        attrs = self._names_and_provenance(node, cls)
        attrs.update(self._properties(node))
        figures = [f"{caption}: {attrs[key]}" for key, caption in _FIGURES if key in attrs]
        if figures:
            attrs["figures"] = "; ".join(figures)
        return attrs

    def _names_and_provenance(self, node: URIRef, cls: str) -> dict[str, Any]:
        g = self.graph
        attrs: dict[str, Any] = {
            "label": self.label(node),
            "class": cls,
            "group": self.style(cls).group,
            "iri": str(node),
        }
        alt = sorted({str(v) for v in g.objects(node, SKOS.altLabel)})
        if alt:
            attrs["also_known_as"] = "; ".join(alt)
        comment = g.value(node, RDFS.comment)
        if comment is not None:
            attrs["comment"] = str(comment)
        paragraphs = sorted(int(p) for p in g.objects(node, SKG.sourceParagraph))
        if paragraphs:
            attrs["paragraphs"] = ", ".join(str(p) for p in paragraphs)
        sources = set(g.objects(node, PROV.wasDerivedFrom))
        if sources:
            outside = any(SKG.OutsideKnowledge in self.types.get(s, ()) for s in sources)
            attrs["source"] = "outside knowledge" if outside else "article"
        return attrs

    def _properties(self, node: URIRef) -> dict[str, str]:
        """One attribute per remaining literal, amount or concept property, values joined."""
        multi: dict[str, list[str]] = defaultdict(list)
        for p, o in self.graph.predicate_objects(node):
            if p in _SKIP_LITERALS or p in (RDF.type, PROV.wasDerivedFrom):
                continue
            key = snake(local_name(p))
            if isinstance(o, BNode):
                multi[key].append(self.amount_text(o))
            elif isinstance(o, Literal):
                text = str(o)
                if o.datatype is not None and local_name(o.datatype) == "duration":
                    text = duration_text(text)
                multi[key].append(text)
            elif o in self.concept_set and not (self.concepts and o in self.node_class):
                multi[key].append(self.label(o))
            elif o not in self.node_class and key == "wikidata":
                multi[key].append(str(o))
        return {key: "; ".join(sorted(set(multi[key]))) for key in sorted(multi)}


def project(graph: Graph, view: str = "full", *, concepts: bool = False) -> nx.MultiDiGraph:
    """The RDF ``graph`` as a networkx ``MultiDiGraph`` for one of :data:`VIEWS`.

    >>> import kg
    >>> from kg.render.network import project
    >>> G = project(kg.load(), "actors")
    >>> G.nodes["https://w3id.org/summit-kg/id/china"]["class"]
    'State'
    """
    check_view(view)
    return view_of(Projector(graph, concepts=concepts).full(), view)


def view_of(full: nx.MultiDiGraph, view: str) -> nx.MultiDiGraph:
    """One view of the full projection: actors and commitments are derived, the others
    restrict it. ``graph["view"]`` names the view, so a picture knows how to lay it out."""
    if view == "actors":
        return actors_view(full)
    if view == "commitments":
        return commitments_view(full)
    out = restrict(full, VIEWS[view])
    out = out.copy() if out is full else out
    out.graph["view"] = view
    return out


def restrict(full: nx.MultiDiGraph, view: View) -> nx.MultiDiGraph:
    """Keep the edges a view allows between nodes of the groups it allows."""
    if view.groups is None and view.predicates is None:
        return full

    def allowed(n: str) -> bool:
        return view.groups is None or full.nodes[n]["group"] in view.groups

    out = type(full)()
    out.graph.update(full.graph)
    for n, data in full.nodes(data=True):
        if view.core is None or data["group"] in view.core:
            out.add_node(n, **data)
    for u, v, k, data in full.edges(keys=True, data=True):
        pred = URIRef(data["predicate"])
        if view.predicates is not None and pred not in view.predicates:
            continue
        if allowed(u) and allowed(v):
            out.add_node(u, **full.nodes[u])
            out.add_node(v, **full.nodes[v])
            out.add_edge(u, v, key=k, **data)
    return out
