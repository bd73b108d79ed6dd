"""Finding a resource by the name a person types: one lookup for ``-p``, ``--focus`` and
``kg evidence``, so a name that works in one place works in all.

Names are compared after :func:`normalise` (case, accents, dashes and apostrophes do not
count: ``tokayev``, ``Kassym Jomart Tokayev`` and ``Kassym-Jomart Tokayev`` are one name,
``Xian`` is ``Xi'an``). A resource's names are its ``rdfs:label``, ``skos:prefLabel`` and
``skos:altLabel`` values and its IRI's last segment (``xi-jinping``). Matches are ranked in
tiers, best first:

0. the whole name (``president xi``);
1. whole words of the name (``xi``, ``tokayev``, ``green technology bank``);
2. the beginnings of the name's words (``kazakh``), 3. a piece inside a word, 4. a close
   spelling (``Kazakstan``): these are only ever suggested, never chosen.

Within a tier a person comes before a state, a state before an organisation, a place or an
event, and those before documents and statements; then names the words begin come first:
``xi`` and ``tokayev`` are the presidents, not the quotations whose labels start with them.
A lookup chooses a resource only when one is best; two resources equally good are reported
as ambiguous, with the candidates.

>>> index = NameIndex([
...     Entry("skgr:xi-jinping", "Xi Jinping", "Xi Jinping", "Person"),
...     Entry("skgr:xian", "Xi'an", "Xi'an", "City"),
...     Entry("skgr:quote-xi", "Xi: a quotation", "Xi: a quotation", "Quotation"),
... ])
>>> index.lookup("XI").node                  # a person's name before the rest
'skgr:xi-jinping'
>>> index.lookup("xian").node                # the apostrophe does not count
'skgr:xian'
>>> index.lookup("jinp").node is None        # part of a word is only suggested
True
>>> [c.node for c in index.suggestions("jinp")]
['skgr:xi-jinping']

May use: the standard library; rdflib only in :meth:`NameIndex.from_graph`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

#: the tiers a lookup may choose from (0-1); 2 and above are suggestions only
CHOSEN_TIERS = 1
FUZZY = 4

#: class (local name) -> rank: lower comes first among equally good matches
KIND_RANK = {
    "Person": 0,
    "State": 1,
    "Organisation": 2,
    "Publisher": 2,
    "Mechanism": 2,
    "ActorGroup": 2,
    "Office": 2,
    "City": 3,
    "Region": 3,
    "Place": 3,
    "Summit": 3,
    "Forum": 3,
    "Event": 3,
}
DOCUMENT_RANK = 4  # agreements, commitments, statistics, ...
LOW_RANK = {"Quotation": 6, "Paraphrase": 6, "SourceDocument": 6, "SummarisedSource": 6}
VOCABULARY_RANK = 7  # concepts and ontology terms

_APOSTROPHES = re.compile(r"['’ʼ`]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """``text`` as compared: no accents, case, apostrophes or punctuation; single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(_NOT_WORD.sub(" ", _APOSTROPHES.sub("", plain)).split())


def kind_rank(kinds: Iterable[str]) -> int:
    """The best rank among a resource's classes (local names)."""
    best = VOCABULARY_RANK
    for kind in kinds:
        if kind in KIND_RANK:
            rank = KIND_RANK[kind]
        elif kind in LOW_RANK:
            rank = LOW_RANK[kind]
        elif kind in ("Concept", "ConceptScheme", "Class", "ObjectProperty", "DatatypeProperty"):
            rank = VOCABULARY_RANK
        else:
            rank = DOCUMENT_RANK
        best = min(best, rank)
    return best


@dataclass(frozen=True)
class Entry:
    """One name of one resource: ``node`` (its id), the ``name``, its ``label`` to show."""

    node: str
    name: str
    label: str
    kind: str = ""
    rank: int | None = None


@dataclass(frozen=True)
class Candidate:
    """A resource a typed name may mean: how well it matches (tier), then by kind (rank)."""

    node: str
    label: str
    name: str
    tier: int
    rank: int
    lead: int = 0  # 0 when the name begins with the words given

    @property
    def order(self) -> tuple[int, int, int, int, str]:
        return (self.tier, self.rank, self.lead, len(self.name), self.label.casefold())


@dataclass
class Lookup:
    """What a name picked out: ``node`` when one resource is best, else the ``candidates``."""

    node: str | None
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def ambiguous(self) -> bool:
        return (
            self.node is None
            and len(self.candidates) > 1
            and self.candidates[0].tier <= CHOSEN_TIERS
        )


class NameIndex:
    """Every name of every resource, normalised once, searched by :meth:`lookup`."""

    def __init__(self, entries: Iterable[Entry]):
        self.entries = [
            (normalise(e.name), e, e.rank if e.rank is not None else kind_rank([e.kind]))
            for e in entries
            if normalise(e.name)
        ]

    @classmethod
    def from_graph(cls, graph: Any) -> NameIndex:
        """The names of the IRIs in an rdflib graph: labels, other names and IRI slugs."""
        from rdflib import RDF, URIRef
        from rdflib.namespace import RDFS, SKOS

        labels: dict[Any, str] = {}
        names: dict[Any, set[str]] = {}
        for prop in (SKOS.altLabel, SKOS.prefLabel, RDFS.label):
            for s, _, o in graph.triples((None, prop, None)):
                if isinstance(s, URIRef):
                    names.setdefault(s, set()).add(str(o))
                    if prop != SKOS.altLabel:
                        labels[s] = str(o)
        entries = []
        for node, own in names.items():
            kinds = [_local(str(t)) for t in graph.objects(node, RDF.type)]
            rank = kind_rank(kinds)
            label = labels.get(node) or sorted(own)[0]
            own = own | {_local(str(node)).replace("-", " ")}
            entries += [Entry(str(node), n, label, rank=rank) for n in sorted(own)]
        return cls(entries)

    def candidates(self, text: str) -> list[Candidate]:
        """Every resource ``text`` matches, best first, one candidate per resource."""
        wanted = normalise(text)
        if not wanted:
            return []
        best: dict[str, Candidate] = {}
        for name, entry, rank in self.entries:
            tier = _tier(wanted, name)
            if tier is None:
                continue
            lead = 0 if name.startswith(wanted) else 1
            found = Candidate(entry.node, entry.label, entry.name, tier, rank, lead)
            if entry.node not in best or found.order < best[entry.node].order:
                best[entry.node] = found
        if not best:
            import difflib

            close = difflib.get_close_matches(
                wanted, [n for n, _, _ in self.entries], n=4, cutoff=0.6
            )
            for name, entry, _ in self.entries:
                if name in close and entry.node not in best:  # closest spelling first
                    where = close.index(name)
                    best[entry.node] = Candidate(entry.node, entry.label, entry.name, FUZZY, where)
        return sorted(best.values(), key=lambda c: c.order)

    def lookup(self, text: str) -> Lookup:
        """The one resource ``text`` names, or no node and the candidates to choose from."""
        found = self.candidates(text)
        if not found or found[0].tier > CHOSEN_TIERS:
            return Lookup(None, found)
        top = found[0]
        rivals = [c for c in found if c.tier == top.tier and c.node != top.node]
        if top.tier == 0 and rivals:
            return Lookup(None, [c for c in found if c.tier == 0])  # two things have this name
        if any(c.rank == top.rank for c in rivals):
            return Lookup(None, [c for c in found if c.tier == top.tier and c.rank == top.rank])
        return Lookup(top.node, found)

    def suggestions(self, text: str, n: int = 4) -> list[Candidate]:
        """Up to ``n`` resources ``text`` may have meant, best first."""
        return self.candidates(text)[:n]


def _tier(wanted: str, name: str) -> int | None:
    if wanted == name:
        return 0
    words, given = name.split(), wanted.split()
    if all(w in words for w in given):
        return 1
    if all(any(word.startswith(w) for word in words) for w in given):
        return 2
    if wanted in name:
        return 3
    return None


def _local(iri: str) -> str:
    return re.split(r"[/#]", iri)[-1]
