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

Views (:data:`VIEWS`)
    ``full``: everything above. ``agreements``: agreements with their parties, the events
    they were adopted at and the agreements they resemble. ``commitments``: commitments and
    projects with who commits, who benefits, who announced them, where, at which event,
    under which agreement or initiative. ``actors``: actors only, one ``tie`` edge per pair
    of actors that share agreements or commitments (``weight`` = number of shared
    agreements and commitments, ``via`` lists them), plus the direct actor-to-actor
    relations (leader of, member, belongs to, ...).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from kg.errors import UsageError
from kg.model.namespaces import ORG, SCHEMA, SKG, SKGR

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx


@dataclass(frozen=True)
class ClassStyle:
    """How one class looks in every picture (HTML, PNG, SVG) and which group it is in."""

    group: str
    color: str
    shape: str  # a vis-network shape; matplotlib markers are mapped from it


#: Node classes, MOST SPECIFIC FIRST: a resource typed with several takes the first match.
CLASS_STYLE: dict[str, ClassStyle] = {
    "State": ClassStyle("actor", "#c0392b", "dot"),
    "Person": ClassStyle("actor", "#e67e22", "dot"),
    "Mechanism": ClassStyle("actor", "#6c3483", "star"),
    "ActorGroup": ClassStyle("actor", "#f1948a", "dot"),
    "Organisation": ClassStyle("actor", "#a569bd", "dot"),
    "City": ClassStyle("place", "#7f8c8d", "triangle"),
    "Region": ClassStyle("place", "#b3b6b7", "triangle"),
    "Place": ClassStyle("place", "#95a5a6", "triangle"),
    "Summit": ClassStyle("event", "#d4ac0d", "star"),
    "Forum": ClassStyle("event", "#f4d03f", "star"),
    "Event": ClassStyle("event", "#f7dc6f", "star"),
    "Treaty": ClassStyle("agreement", "#1a5276", "diamond"),
    "Declaration": ClassStyle("agreement", "#2e86c1", "diamond"),
    "CooperationDocument": ClassStyle("agreement", "#5dade2", "diamond"),
    "BusinessDeal": ClassStyle("agreement", "#17a589", "diamond"),
    "SisterCityAgreement": ClassStyle("agreement", "#76d7c4", "diamond"),
    "TravelArrangement": ClassStyle("agreement", "#85c1e9", "diamond"),
    "AgreementSet": ClassStyle("agreement", "#aed6f1", "diamond"),
    "Agreement": ClassStyle("agreement", "#3498db", "diamond"),
    "Project": ClassStyle("commitment", "#145a32", "square"),
    "Commitment": ClassStyle("commitment", "#52be80", "square"),
    "Initiative": ClassStyle("initiative", "#0e6655", "hexagon"),
    "Statistic": ClassStyle("statistic", "#9a7d0a", "triangleDown"),
    "Quotation": ClassStyle("statement", "#873600", "hexagon"),
    "Paraphrase": ClassStyle("statement", "#ca6f1e", "hexagon"),
    "Statement": ClassStyle("statement", "#dc7633", "hexagon"),
}
CONCEPT_STYLE = ClassStyle("concept", "#d5d8dc", "ellipse")

#: Classes whose instances are never drawn (folded into attributes or left out).
_FOLDED = {SKG.Office, SKG.Role, SKG.Amount, SKG.MonetaryAmount, SKG.Quantity}

#: Edges of the actors view that are copied as they are (actor-to-actor relations).
_ACTOR_RELATIONS = {
    SKG.leaderOf,
    SKG.groupMember,
    SKG.ownedBy,
    SKG.seatIn,
    ORG.subOrganizationOf,
}

#: Which properties tie two actors in the actors view, and how.
_COMMITMENT_LINKS = (SKG.beneficiary, SKG.involves, SKG.establishes)


@dataclass(frozen=True)
class View:
    """A sub-picture: which node groups may appear, which edges, which nodes anchor it."""

    description: str
    groups: frozenset[str] | None  # None: every group
    predicates: frozenset[URIRef] | None  # None: every property
    core: frozenset[str] | None  # groups always kept, even without an edge; None: all


VIEWS: dict[str, View] = {
    "actors": View(
        "Who is tied to whom through agreements and commitments, and who leads or belongs to whom.",
        frozenset({"actor"}),
        None,
        frozenset(),
    ),
    "agreements": View(
        "Agreements with their parties, the events they were adopted at and the pacts "
        "they resemble.",
        frozenset({"agreement", "actor", "event"}),
        frozenset({SKG.party, SKG.adoptedAt, SKG.similarTo, SKG.heldDuring, SKG.groupMember}),
        frozenset({"agreement"}),
    ),
    "commitments": View(
        "Commitments and projects: who commits, who benefits, who announced them, where, "
        "at which event, under which agreement or initiative.",
        frozenset({"commitment", "actor", "event", "place", "initiative", "agreement"}),
        frozenset(
            {
                SKG.committedBy,
                SKG.beneficiary,
                SKG.announcedBy,
                SKG.involves,
                SKG.establishes,
                SKG.concerns,
                SKG.madeAt,
                SKG.location,
                SKG.connects,
                SKG.partOfInitiative,
                SKG.underAgreement,
                SKG.leaderOf,
                SKG.groupMember,
            }
        ),
        frozenset({"commitment"}),
    ),
    "full": View("Every resource and every relation between them.", None, None, None),
}

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


def snake(name: str) -> str:
    """``estimatedCost`` -> ``estimated_cost``: attribute names that read well in GraphML."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def local_name(iri: str) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _num(value: Decimal | float) -> str:
    """1500000000 -> "1.5 billion", 3000 -> "3,000": figures as people write them."""
    v = float(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{v / size:.3g} {word}"
    return f"{v:,.0f}" if v == int(v) else f"{v:,.3g}"


def _duration(text: str) -> str:
    """``P2Y`` -> "2 years"; anything unusual is shown as written."""
    m = re.fullmatch(r"P(\d+)([YMD])", text)
    if not m:
        return text
    n, unit = int(m.group(1)), {"Y": "year", "M": "month", "D": "day"}[m.group(2)]
    return f"{n} {unit}{'s' if n != 1 else ''}"


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
                values = list(self.graph.objects(term, prop))
                en = [v for v in values if isinstance(v, Literal) and v.language in ("en", None)]
                if en or values:
                    found = str((en or values)[0])
                    break
            self._labels[term] = found or local_name(term)
        return self._labels[term]

    def prop_label(self, prop: URIRef) -> str:
        labels = list(self.graph.objects(prop, RDFS.label))
        return str(labels[0]) if labels else snake(local_name(prop)).replace("_", " ")

    def style(self, cls: str) -> ClassStyle:
        return CLASS_STYLE.get(cls, CONCEPT_STYLE)

    def amount_text(self, node: Any) -> str:
        """A value node as one phrase: "about 208 million USD", "3,000 training places"."""
        g = self.graph
        value = g.value(node, SCHEMA.value)
        if value is None:
            return self.label(node)
        text = _num(value.toPython())
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
        import networkx as nx

        g = self.graph
        out = nx.MultiDiGraph()
        for node, cls in sorted(self.node_class.items()):
            out.add_node(str(node), **self.attributes(node, cls))
        # Offices are folded into the person who holds them.
        for office in g.subjects(RDF.type, SKG.Office):
            holder = g.value(office, ORG.heldBy)
            if holder is not None and str(holder) in out:
                out.nodes[str(holder)]["office"] = self.label(office)
        for s, p, o in g:
            if p == RDF.type or not isinstance(o, URIRef):
                continue
            if s in self.node_class and o in self.node_class:
                key = local_name(p)
                out.add_edge(
                    str(s), str(o), key=key, label=self.prop_label(p), predicate=str(p), weight=1
                )
        return out

    def attributes(self, node: URIRef, cls: str) -> dict[str, Any]:
        g = self.graph
        style = self.style(cls)
        attrs: dict[str, Any] = {
            "label": self.label(node),
            "class": cls,
            "group": style.group,
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
        multi: dict[str, list[str]] = defaultdict(list)
        for p, o in g.predicate_objects(node):
            if p in _SKIP_LITERALS or p in (RDF.type, PROV.wasDerivedFrom):
                continue
            key = snake(local_name(p))
            if isinstance(o, BNode):
                multi[key].append(self.amount_text(o))
            elif isinstance(o, Literal):
                text = str(o)
                if o.datatype is not None and local_name(o.datatype) == "duration":
                    text = _duration(text)
                multi[key].append(text)
            elif o in self.concept_set and not (self.concepts and o in self.node_class):
                multi[key].append(self.label(o))
            elif o not in self.node_class and key == "wikidata":
                multi[key].append(str(o))
        for key, values in multi.items():
            attrs[key] = "; ".join(sorted(set(values)))
        figures = []
        for key, caption in _FIGURES:
            if key in attrs:
                figures.append(f"{caption}: {attrs[key]}")
        if figures:
            attrs["figures"] = "; ".join(figures)
        return attrs


def project(graph: Graph, view: str = "full", *, concepts: bool = False) -> nx.MultiDiGraph:
    """The RDF ``graph`` as a networkx ``MultiDiGraph`` for one of :data:`VIEWS`.

    >>> import kg
    >>> from kg.render.network import project
    >>> G = project(kg.load(), "actors")
    >>> G.nodes["https://w3id.org/summit-kg/id/china"]["class"]
    'State'
    """
    if view not in VIEWS:
        raise UsageError(
            f"unknown view {view!r}", where="--view", hint="use one of " + ", ".join(VIEWS)
        )
    full = Projector(graph, concepts=concepts).full()
    if view == "actors":
        return _actors(full)
    return restrict(full, VIEWS[view])


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


def _actors(full: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Actor-to-actor ties: shared agreements (co-parties) and commitments.

    Ties through agreements and commitments are merged into ONE undirected-looking edge
    per pair, so the picture shows each pair once, with the count as weight; the agreement
    and commitment labels are kept in ``via`` for the tooltip.
    """
    import networkx as nx

    def is_actor(n: str) -> bool:
        return full.nodes[n]["group"] == "actor"

    ties: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(
        lambda: {"agreements": set(), "commitments": set()}
    )

    def tie(a: str, b: str, kind: str, via: str) -> None:
        if a != b:
            ties[(min(a, b), max(a, b))][kind].add(via)

    out = nx.MultiDiGraph()
    for u, v, k, data in full.edges(keys=True, data=True):
        if is_actor(u) and is_actor(v) and URIRef(data["predicate"]) in _ACTOR_RELATIONS:
            out.add_node(u, **full.nodes[u])
            out.add_node(v, **full.nodes[v])
            out.add_edge(u, v, key=k, **data)
    for n, data in full.nodes(data=True):
        if data["group"] == "agreement":
            parties = sorted(
                v for _, v, k in full.out_edges(n, keys=True) if k == "party" and is_actor(v)
            )
            for i, a in enumerate(parties):
                for b in parties[i + 1 :]:
                    tie(a, b, "agreements", data["label"])
        elif data["group"] == "commitment":
            by_key: dict[str, list[str]] = defaultdict(list)
            for _, v, k in full.out_edges(n, keys=True):
                if is_actor(v):
                    by_key[k].append(v)
            committers = sorted(by_key.get("committedBy", []))
            for i, a in enumerate(committers):
                for b in committers[i + 1 :]:
                    tie(a, b, "commitments", data["label"])
                for prop in _COMMITMENT_LINKS:
                    for b in by_key.get(local_name(prop), []):
                        tie(a, b, "commitments", data["label"])
    for (a, b), via in sorted(ties.items()):
        out.add_node(a, **full.nodes[a])
        out.add_node(b, **full.nodes[b])
        n_agr, n_com = len(via["agreements"]), len(via["commitments"])
        parts = []
        if n_agr:
            parts.append(f"{n_agr} agreement{'s' if n_agr > 1 else ''}")
        if n_com:
            parts.append(f"{n_com} commitment{'s' if n_com > 1 else ''}")
        out.add_edge(
            a,
            b,
            key="tie",
            label=", ".join(parts),
            predicate="tie",
            weight=n_agr + n_com,
            agreements=n_agr,
            commitments=n_com,
            via="; ".join(sorted(via["agreements"]) + sorted(via["commitments"])),
            directed=False,
        )
    return out


# -- finding an entity, focusing, CONSTRUCT results -------------------------------------
def find_node(G: nx.MultiDiGraph, entity: str) -> str:
    """A node id from an IRI, ``skgr:slug``, a slug, a label or an also-known-as name.

    Raises :class:`UsageError` naming close matches when nothing fits, because a typo in
    ``--focus`` is the most likely mistake.
    """
    import difflib

    text = entity.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if text in G:
        return text
    if text.startswith("skgr:"):
        text = text[len("skgr:") :]
    if str(SKGR) + text in G:
        return str(SKGR) + text
    wanted = text.casefold()
    names: dict[str, str] = {}
    for n, data in G.nodes(data=True):
        for name in [data.get("label", "")] + data.get("also_known_as", "").split("; "):
            if name:
                names.setdefault(name.casefold(), n)
    if wanted in names:
        return names[wanted]
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.5)
    hint = (
        "did you mean " + " or ".join(repr(G.nodes[names[c]]["label"]) for c in close)
        if close
        else "give a label, skgr:slug or IRI of a node in this view"
    )
    raise UsageError(f"no node {entity!r} in this view", where="--focus", hint=hint)


def focus(G: nx.MultiDiGraph, entity: str, depth: int = 1) -> nx.MultiDiGraph:
    """The neighbourhood of one entity, ``depth`` steps away whatever the edge direction."""
    import networkx as nx

    if depth < 0:
        raise UsageError("depth must be 0 or more", where="--depth")
    centre = find_node(G, entity)
    near = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), centre, depth)
    sub = G.subgraph(near).copy()
    sub.graph["focus"] = centre
    return sub


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

    for s, p, o in result:
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


# -- statistics ---------------------------------------------------------------------------
def class_counts(graph: Graph) -> dict[str, int]:
    """Resources per class (direct rdf:type), for the summit-kg classes and SKOS concepts."""
    counts: Counter[str] = Counter()
    for t in set(graph.objects(None, RDF.type)):
        if str(t).startswith(str(SKG)) or t == SKOS.Concept:
            name = "Concept" if t == SKOS.Concept else local_name(t)
            counts[name] = len(set(graph.subjects(RDF.type, t)))
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def simple_undirected(G: nx.MultiDiGraph) -> nx.Graph:
    """Collapse parallel and opposite edges, summing weights: what centrality expects."""
    import networkx as nx

    out = nx.Graph()
    out.add_nodes_from(G.nodes(data=True))
    for u, v, data in G.edges(data=True):
        if u == v:
            continue
        w = data.get("weight", 1)
        if out.has_edge(u, v):
            out[u][v]["weight"] += w
        else:
            out.add_edge(u, v, weight=w)
    return out


def _top(scores: dict[str, float], G: nx.MultiDiGraph, n: int) -> list[dict[str, Any]]:
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], G.nodes[kv[0]]["label"]))[:n]
    return [
        {"label": G.nodes[k]["label"], "class": G.nodes[k]["class"], "iri": k, "score": round(v, 4)}
        for k, v in ranked
    ]


def network_stats(
    graph: Graph, *, view: str = "actors", top: int = 10, seed: int = 1
) -> dict[str, Any]:
    """Everything ``kg stats`` reports, as plain data (JSON-ready).

    Centrality and communities are computed on ``view`` made simple and undirected
    (parallel ties summed into a weight): who sits between whom does not depend on which
    way "committed by" points. Communities use Louvain with a fixed seed, so the answer is
    the same on every run.
    """
    import networkx as nx

    if view not in VIEWS:
        raise UsageError(
            f"unknown view {view!r}", where="--view", hint="use one of " + ", ".join(VIEWS)
        )
    projector = Projector(graph)
    full = projector.full()
    views = {}
    chosen = None
    for name, spec in VIEWS.items():
        G = _actors(full) if name == "actors" else restrict(full, spec)
        views[name] = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
        if name == view:
            chosen = G
    assert chosen is not None
    U = simple_undirected(chosen)
    components = sorted((len(c) for c in nx.connected_components(U)), reverse=True)
    degree = nx.degree_centrality(U) if len(U) > 1 else {n: 0.0 for n in U}
    betweenness = nx.betweenness_centrality(U, normalized=True)
    communities = (
        nx.community.louvain_communities(U, weight="weight", seed=seed)
        if U.number_of_edges()
        else []
    )
    communities = sorted(
        (sorted(U.nodes[n]["label"] for n in c) for c in communities), key=lambda c: (-len(c), c)
    )
    return {
        "classes": class_counts(graph),
        "views": views,
        "view": view,
        "components": {"count": len(components), "sizes": components},
        "degree_centrality": _top(degree, chosen, top),
        "betweenness_centrality": _top(betweenness, chosen, top),
        "communities": communities,
    }


def iter_views() -> Iterable[tuple[str, str]]:
    """(name, description) of each view, for help texts."""
    return ((k, v.description) for k, v in VIEWS.items())
