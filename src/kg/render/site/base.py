"""What every page of the site shares: the graph read once into look-ups, and the templates.

:class:`SiteData` answers the questions every page asks (this resource's label, other names,
most specific class, whether it has a page, its evidence annotations) from one pass over
the graph, so a build of hundreds of pages reads the graph once, and a server answering
``/id/SLUG`` keeps one per graph (:func:`site_data`). Templates are Jinja2 with
autoescaping on: every label, literal and sentence is escaped where it is written.

May use: :mod:`kg.model` (namespaces, evidence records), :mod:`kg.render.network.styles`
(the class order every picture uses), :mod:`kg.render.site.links`; rdflib and Jinja2.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Identifier

from kg.model.evidence import Annotation, Paragraph, SourceText, read_annotations
from kg.model.evidence.annotations import annotations_by_body, read_source_info
from kg.model.evidence.claims import RawClaim, read_claims
from kg.model.evidence.words import property_label, short_name
from kg.model.namespaces import OA, PREFIXES, SKGR
from kg.render.network.styles import CLASS_STYLE
from kg.render.site.links import Links, class_slug, resource_slug

#: Classes that are not worth a class of their own on a page when a better one is there.
_GENERIC = {OWL.NamedIndividual, OWL.Thing, RDFS.Resource}
#: Order of classes for choosing one to show (and for search ranking): CLASS_STYLE's order,
#: then the rest. Statements and annotations last, because they mention everyone.
_CLASS_ORDER = [*CLASS_STYLE, "Office", "Concept", "ConceptScheme", "SourceDocument"]


class SiteData:
    """The graph, read once into the look-ups the pages need.

    ``texts`` maps a source's IRI to its verified copy (see
    :func:`kg.model.evidence.open_texts`); empty when the site is built without ``--sources``.
    """

    def __init__(self, graph: Graph, texts: Mapping[URIRef, SourceText] | None = None) -> None:
        self.graph = graph
        self.texts = dict(texts or {})
        self.types: dict[URIRef, list[URIRef]] = defaultdict(list)
        #: statements by subject and by object: one pass over the graph, then dict look-ups
        #: (rdflib's per-call pattern matching is most of a page's cost otherwise)
        self.out: dict[Identifier, list[tuple[URIRef, Identifier]]] = defaultdict(list)
        self.into: dict[Identifier, list[tuple[Identifier, URIRef]]] = defaultdict(list)
        for s, p, o in graph:
            self.out[s].append((p, o))  # type: ignore[arg-type]
            if not isinstance(o, Literal):
                self.into[o].append((s, p))  # type: ignore[arg-type]
            is_type = p == RDF.type and isinstance(s, URIRef) and isinstance(o, URIRef)
            if is_type and o not in _GENERIC:
                self.types[s].append(o)  # type: ignore[index]
        #: every resource that gets a page: typed and under skgr:
        self.pages: list[URIRef] = sorted(
            s for s in self.types if resource_slug(str(s)) is not None
        )
        self.page_set = set(self.pages)
        self.annotations: list[Annotation] = read_annotations(graph)
        self.by_body = annotations_by_body(self.annotations)
        self.annotation_of = {a.iri: a for a in self.annotations}
        self.annotation_set = set(self.annotation_of)
        self._labels: dict[Identifier, str] = {}
        self._property_labels: dict[Identifier, str] = {}
        self._paragraphs: dict[URIRef, tuple[Paragraph, ...]] = {}
        self._classes: dict[URIRef, URIRef | None] = {}
        self._question_graph: Graph | None = None
        self._claims: dict[Identifier, list[RawClaim]] | None = None
        self._claim_values: dict[str, tuple[Identifier, ...]] | None = None
        #: the files the graph was parsed from, when known (``kg site`` loads them itself):
        #: then the questions' answers are kept in the answer cache, keyed on their content
        self.source_files: list[Path] | None = None

    @property
    def claims(self) -> Mapping[Identifier, list[RawClaim]]:
        """Every other source's claims, by the resource they are about (read once)."""
        if self._claims is None:
            self._claims = read_claims(self.graph)
        return self._claims

    @property
    def claim_values(self) -> Mapping[str, tuple[Identifier, ...]]:
        """Each claim's stated values as terms, by its short name (``skgr:claim-...``), the
        name :func:`kg.model.evidence.claims.statement_sources` reports it by."""
        if self._claim_values is None:
            self._claim_values = {
                short_name(self.graph, claim.iri): claim.values
                for found in self.claims.values()
                for claim in found
            }
        return self._claim_values

    @property
    def question_graph(self) -> Graph:
        """Where the named questions run: an in-memory Oxigraph copy of a memory graph.

        The questions give the same answers on every store (tests/test_store.py); Oxigraph's
        engine answers the 34 of them in half the time rdflib's does, which is most of a
        build. Any other store (Oxigraph already, a remote endpoint) is used as it is.
        """
        if self._question_graph is None:
            self._question_graph = oxigraph_copy(self.graph)
        return self._question_graph

    # -- names ------------------------------------------------------------------------------
    def label(self, node: Identifier) -> str:
        """The English label (rdfs:label, else skos:prefLabel), else a readable local name."""
        if node not in self._labels:
            found = None
            for prop in (RDFS.label, SKOS.prefLabel):
                values = [v for v in self.graph.objects(node, prop) if isinstance(v, Literal)]
                english = [v for v in values if v.language in ("en", None)]
                if english or values:
                    found = str(sorted(english or values)[0])
                    break
            self._labels[node] = found or local_words(str(node))
        return self._labels[node]

    def property_label(self, prop: Identifier) -> str:
        if prop not in self._property_labels:
            self._property_labels[prop] = property_label(self.graph, prop)
        return self._property_labels[prop]

    def paragraphs_of(self, source: URIRef) -> tuple[Paragraph, ...]:
        """A source's paragraph bounds: from its verified copy, else as the graph records."""
        if source not in self._paragraphs:
            copy = self.texts.get(source)
            self._paragraphs[source] = (
                copy.paragraphs if copy else read_source_info(self.graph, source).paragraphs
            )
        return self._paragraphs[source]

    def other_names(self, node: Identifier) -> list[str]:
        label = self.label(node)
        return sorted({str(v) for v in self.graph.objects(node, SKOS.altLabel)} - {label})

    # -- classes ----------------------------------------------------------------------------
    def class_of(self, node: URIRef) -> URIRef | None:
        """The most specific class to show: the first in the pictures' order, else any."""
        if node not in self._classes:
            types = self.types.get(node, [])
            by_name = {class_name_of(t): t for t in types}
            chosen = next((by_name[n] for n in _CLASS_ORDER if n in by_name), None)
            self._classes[node] = chosen or (sorted(types)[0] if types else None)
        return self._classes[node]

    def class_label(self, cls: URIRef | None) -> str:
        if cls is None:
            return "resource"
        if cls == OA.Annotation:
            return "evidence annotation"
        return self.label(cls) if (cls, RDFS.label, None) in self.graph else local_words(str(cls))

    def class_rank(self, node: URIRef) -> int:
        """Where the resource's class stands in :data:`_CLASS_ORDER` (for ranking)."""
        name = class_name_of(self.class_of(node)) if self.class_of(node) else ""
        return _CLASS_ORDER.index(name) if name in _CLASS_ORDER else len(_CLASS_ORDER)

    def has_page(self, node: Identifier) -> bool:
        return node in self.page_set


def oxigraph_copy(graph: Graph) -> Graph:
    """``graph`` copied into an in-memory Oxigraph store, if it is an rdflib memory graph."""
    from kg.stores.spec import engine_of

    if engine_of(graph) != "memory":
        return graph
    import pyoxigraph as ox
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from kg.model.namespaces import bind_prefixes
    from kg.stores import OxigraphGraphStore

    inner = ox.Store()
    inner.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    copy = Graph(store=OxigraphGraphStore(inner), identifier=DATASET_DEFAULT_GRAPH_ID)
    bind_prefixes(copy)
    return copy


def class_name_of(cls: URIRef | None) -> str:
    return re.split(r"[#/]", str(cls))[-1] if cls is not None else ""


def class_key(cls: URIRef) -> str | None:
    """The class page's slug (``State``, ``skos-Concept``), or None."""
    return class_slug(str(cls), PREFIXES)


def local_words(iri: str) -> str:
    """``xi-jinping`` -> "xi jinping", ``MonetaryAmount`` -> "monetary amount"."""
    local = re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).replace("-", " ").replace("_", " ")
    return spaced.lower() if spaced != spaced.upper() else spaced


_CACHE: dict[tuple[int, str], tuple[Graph, int, SiteData]] = {}


def site_data(graph: Graph, sources: Path | str | None = None) -> SiteData:
    """One :class:`SiteData` per graph and source folder, rebuilt when the graph's size
    changes, so a server can call the page functions per request without re-reading it.

    ``sources`` is a folder holding the sources' copies (``--sources``); each copy is
    verified against its recorded SHA-256 (InputError, exit 2, if it differs).
    """
    key = (id(graph), str(Path(sources).resolve()) if sources is not None else "")
    held = _CACHE.get(key)
    if held is not None and held[0] is graph and held[1] == len(graph):
        return held[2]
    texts = open_source_texts(graph, Path(sources)) if sources is not None else {}
    data = SiteData(graph, texts)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[key] = (graph, len(graph), data)
    return data


def open_source_texts(graph: Graph, folder: Path) -> dict[URIRef, SourceText]:
    """The verified copy of every source the annotations point into."""
    from kg.model.evidence import annotated_sources, open_texts

    wanted = annotated_sources(read_annotations(graph))
    return open_texts(graph, folder, wanted, lambda n: short_name(graph, n))


# -- search folding, shared by the index (here) and the page's script (static/search.js) ----
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bb\u02bc\u0060\u00b4]")
_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> list[str]:
    """The words of ``text`` as search compares them: no case, no diacritics, apostrophes
    dropped ("Xi'an" is one word, "xian"), every other mark a word break ("Kassym-Jomart"
    is two words). ``static/search.js`` folds what the reader types the same way."""
    decomposed = unicodedata.normalize("NFKD", text)
    # lower(), not casefold(): the page's script has only toLowerCase(), and both must agree
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    bare = _APOSTROPHES.sub("", bare)
    return [w for w in _NOT_WORD.split(bare) if w]


# -- templates --------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def environment() -> Any:
    """The Jinja2 environment: the package's templates, autoescaped, strict about names."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("kg.render.site", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["script_json"] = script_json
    env.filters["thousands"] = lambda n: f"{n:,}"
    return env


def render(template: str, links: Links, site: SiteData, **context: Any) -> str:
    """A page from its template, with the link maker every template uses as ``L``; the
    menu offers the article view only when the site has the article's copy."""
    from kg import __version__

    page = environment().get_template(template)
    return page.render(L=links, version=__version__, has_article=bool(site.texts), **context)


def script_json(value: Any) -> Any:
    """JSON that is safe inside ``<script type="application/json">``: no ``<`` at all, so
    nothing in the data can close the element or open a comment."""
    from markupsafe import Markup

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def skgr_local(iri: str) -> str:
    return iri[len(str(SKGR)) :] if iri.startswith(str(SKGR)) else iri
