"""Who says so: each statement's sources on a resource page, and the values others give.

The article states the graph's triples (its spans are shown beside them); another report
states what its claims name (docs/decisions/2026-12-01-several-sources.md). A statement's
sources are read the way ``kg evidence`` reads them
(:func:`kg.model.evidence.claims.statement_sources`): who states it as the graph has it,
and which values other sources give instead, with the disagreement that sets them side by
side. Reports are named by publisher and date and link to their own pages; no value is
marked true. Properties only claims give values for (what a thing only reports speak of
is, when a secretariat opened) become statements of their own with no value of the graph.

May use: :mod:`kg.model.evidence`, :mod:`kg.render.site.statements`, ``base`` and
``links``; rdflib.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS, XSD
from rdflib.term import Identifier

from kg.model.evidence.claims import claimed_properties, statement_sources
from kg.model.evidence.notation import MONTHS
from kg.model.evidence.words import literal_words
from kg.model.namespaces import SCHEMA, SKG, SKGR
from kg.render.site.base import SiteData
from kg.render.site.links import Links
from kg.render.site.statements import (
    Account,
    SourceRef,
    Statement,
    spans_by_property,
    value_of,
)


def date_words(literal: Literal) -> str:
    """A publication date as precise as the graph has it: "18 June 2025", "April 2024"."""
    if literal.datatype == XSD.gYearMonth and len(str(literal)) == 7:
        year, month = str(literal).split("-")
        if month.isdigit() and 1 <= int(month) <= 12:
            return f"{MONTHS[int(month) - 1]} {year}"
    return literal_words(literal)


def source_ref(site: SiteData, source: URIRef, links: Links) -> SourceRef:
    """A source named by its publisher and date (the article: "the article")."""
    graph = site.graph
    href = links.resource(str(source)) if site.has_page(source) else None
    if (source, SKG.localFile, None) in graph:
        return SourceRef("the article", href, site.label(source), text_kept=True)
    publisher = graph.value(source, SCHEMA.publisher)
    date = graph.value(source, SCHEMA.datePublished)
    words = [site.label(publisher)] if publisher is not None else []
    if isinstance(date, Literal):
        words.append(date_words(date))
    return SourceRef(", ".join(words) or site.label(source), href, site.label(source))


def _iri(name: str) -> URIRef:
    """The IRI of a short name ``statement_sources`` gives (``skgr:...`` or ``<...>``)."""
    if name.startswith("skgr:"):
        return SKGR[name[len("skgr:") :]]
    return URIRef(name.strip("<>"))


def _order(ref: SourceRef) -> tuple[bool, str]:
    return (not ref.text_kept, ref.text.casefold())


def accounts_of(
    site: SiteData, node: Identifier, prop: URIRef, links: Links
) -> tuple[list[SourceRef], list[Account]]:
    """(who states ``node``'s ``prop`` as the graph has it, what other sources give).

    Sources giving the same values with the same disagreements are one account, so that
    three reports dating the summit 17 June read as one line beside the article's dates.
    """
    stated, others = statement_sources(site.graph, node, prop, site.claims)
    sources = sorted((source_ref(site, _iri(n), links) for n in stated), key=_order)
    merged: dict[tuple[tuple[str, ...], tuple[str, ...]], list[SourceRef]] = {}
    terms: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[Identifier, ...]] = {}
    for other in others:
        key = (other.values, other.disagreements)
        merged.setdefault(key, []).append(source_ref(site, _iri(other.source), links))
        terms.setdefault(key, site.claim_values.get(other.claim, ()))
    accounts = [
        Account(
            values=tuple(value_of(site, v, links) for v in terms[key]),
            sources=tuple(sorted(refs, key=_order)),
            disagreements=tuple(value_of(site, _iri(d), links) for d in key[1]),
        )
        for key, refs in sorted(merged.items(), key=lambda item: item[0])
    ]
    return sources, accounts


def add_accounts(site: SiteData, node: URIRef, statements: list[Statement], links: Links) -> None:
    """Name the sources of each of ``statements`` (the resource's own, as
    :func:`kg.render.site.statements.outgoing` gives them), and add a statement for each
    name other sources give differently (the page's head shows the graph's names only) and
    for each property only other sources give values for."""
    for statement in statements:
        if not statement.outside_knowledge:
            prop = URIRef(statement.property)
            statement.sources, statement.accounts = accounts_of(site, node, prop, links)
    shown = {s.property for s in statements}
    spans, fallback = spans_by_property(site, node)
    for prop in (RDFS.label, SKOS.altLabel):
        held = sorted(site.graph.objects(node, prop), key=str)
        if held and str(prop) not in shown:
            sources, accounts = accounts_of(site, node, prop, links)
            if accounts:
                values = [value_of(site, v, links) for v in held]
                refs = spans.get(prop, fallback)
                label = site.property_label(prop)
                statements.append(
                    Statement(str(prop), label, values, refs, False, sources, accounts)
                )
    for prop in claimed_properties(site.graph, node, site.claims):
        if str(prop) not in shown:
            _, accounts = accounts_of(site, node, prop, links)
            if accounts:
                statements.append(
                    Statement(str(prop), site.property_label(prop), accounts=accounts)
                )
    statements.sort(key=lambda s: (s.outside_knowledge, s.label))
