"""The six other reports in the shipped graph: as sources, as claims, and beside the article.

Every expectation is read off ../shared/sources/other-accounts.md by hand (accounts A to F)
or the article's data as it was before the reports came in; none is read back from the
files under test. The answers of the source questions are in tests/expected/ (manifest).
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.model.namespaces import OA, SCHEMA, SKG, SKGR

DCTERMS_LANGUAGE = URIRef("http://purl.org/dc/terms/language")
DCTERMS_SUBJECT = URIRef("http://purl.org/dc/terms/subject")

#: slug -> (address, publisher, date published, its datatype), from other-accounts.md
REPORTS = {
    "astana-times-2025-06-18": (
        "https://astanatimes.com/2025/06/china-central-asia-sign-treaty-outline-new-paths-for-cooperation/",
        "the-astana-times",
        "2025-06-18",
        XSD.date,
    ),
    "cgtn-2025-06-18": (
        "https://www.globenewswire.com/news-release/2025/06/18/3101155/0/en/CGTN-China-Central-Asian-countries-sign-landmark-treaty-vow-to-boost-cooperation.html",
        "cgtn",
        "2025-06-18",
        XSD.date,
    ),
    "xinhua-2025-06-18": (
        "http://en.people.cn/n3/2025/0619/c90000-20330038.html",
        "xinhua",
        "2025-06-19",
        XSD.date,
    ),
    "newschina-2025": (
        "http://www.newschinamag.com/newschina/articleDetail.do?article_id=8251&magazine_id=116&section_id=13",
        "newschina",
        "2025",
        XSD.gYear,
    ),
    "astana-times-2024-04": (
        "https://astanatimes.com/2024/04/central-asia-china-secretariat-launches-in-xian",
        "the-astana-times",
        "2024-04",
        XSD.gYearMonth,
    ),
    "xinhua-2023-05-19": (
        "http://en.people.cn/n3/2023/0519/c90000-20021047.html",
        "xinhua",
        "2023-05-19",
        XSD.date,
    ),
}


def _claims(graph, body, prop):
    return [
        c
        for c in graph.subjects(OA.hasBody, body)
        if (c, RDF.type, SKG.Claim) in graph and (c, SKG.supportsProperty, prop) in graph
    ]


def test_each_report_is_a_source_with_address_publisher_date_and_language(graph):
    for slug, (url, publisher, date, datatype) in REPORTS.items():
        source = SKGR[f"source-{slug}"]
        assert (source, RDF.type, SKG.SummarisedSource) in graph, slug
        assert (source, RDF.type, SKG.SourceDocument) in graph, slug
        assert graph.value(source, SCHEMA.url) == URIRef(url), slug
        assert graph.value(source, SCHEMA.publisher) == SKGR[publisher], slug
        assert graph.value(source, SCHEMA.datePublished) == Literal(date, datatype=datatype)
        assert graph.value(source, DCTERMS_LANGUAGE) == Literal("en"), slug
        assert graph.value(source, SKG.localFile) is None, slug  # no text is kept
    # C is datelined 18 June and went online on 19 June; B, C and F came through platforms.
    c = SKGR["source-xinhua-2025-06-18"]
    assert graph.value(c, SCHEMA.dateCreated) == Literal("2025-06-18", datatype=XSD.date)
    assert graph.value(SKGR["source-cgtn-2025-06-18"], SKG.publishedVia) == SKGR.globenewswire
    for slug in ("xinhua-2025-06-18", "xinhua-2023-05-19"):
        assert graph.value(SKGR[f"source-{slug}"], SKG.publishedVia) == SKGR["peoples-daily-online"]


def test_the_articles_node_is_as_it_was(graph):
    article = SKGR["source-article"]
    assert graph.value(article, SKG.localFile) == Literal("000_d9ce016cc982a1d1.txt")
    assert str(graph.value(article, SKG.sha256)).startswith("ccf42b302864")
    assert graph.value(article, SKG.characterCount).toPython() == 14016
    assert len(list(graph.objects(article, SKG.paragraph))) == 26
    assert set(graph.objects(article, RDF.type)) == {SKG.SourceDocument}
    assert graph.value(article, SCHEMA.url) is None


def test_other_values_stay_claims_and_never_reach_the_resource(graph):
    summit, treaty = SKGR["astana-summit-2025"], SKGR["eternal-friendship-treaty"]
    # the article's account, as before: 16-18 June, one growth figure, the 2025 summit
    assert list(graph.objects(summit, SCHEMA.startDate)) == [
        Literal("2025-06-16", datatype=XSD.date)
    ]
    assert list(graph.objects(summit, SCHEMA.endDate)) == [Literal("2025-06-18", datatype=XSD.date)]
    (growth,) = graph.objects(SKGR["trade-growth-since-2023"], SKG.value)
    assert graph.value(growth, SCHEMA.value).toPython() == 30
    assert list(graph.objects(SKGR["permanent-secretariat"], SKG.madeAt)) == [summit]
    names = {str(n) for n in graph.objects(treaty, SKOS.altLabel)}
    assert "Treaty of Permanent Good-Neighborliness and Friendly Cooperation" not in names
    # ... while the reports' values are claims of theirs
    given = {
        graph.value(c, PROV.wasDerivedFrom): str(graph.value(c, SKG.statedValue))
        for c in _claims(graph, treaty, SKOS.altLabel)
    }
    assert given == {
        SKGR[
            "source-article"
        ]: "Treaty of Permanent Good-Neighbourliness, Friendship and Cooperation",
        SKGR[
            "source-cgtn-2025-06-18"
        ]: "Treaty of Permanent Good-Neighborliness and Friendly Cooperation",
    }
    starts = {graph.value(c, PROV.wasDerivedFrom) for c in _claims(graph, summit, SCHEMA.startDate)}
    assert starts == {
        SKGR["source-article"],
        SKGR["source-cgtn-2025-06-18"],
        SKGR["source-xinhua-2025-06-18"],
        SKGR["source-newschina-2025"],
    }


def test_every_claim_has_one_source_that_it_targets(graph):
    claims = set(graph.subjects(RDF.type, SKG.Claim))
    assert len(claims) > 150
    for claim in claims:
        assert (claim, RDF.type, OA.Annotation) in graph, claim
        (source,) = graph.objects(claim, PROV.wasDerivedFrom)
        assert (source, RDF.type, SKG.SourceDocument) in graph
        for target in graph.objects(claim, OA.hasTarget):
            assert target == source or graph.value(target, OA.hasSource) == source


def test_things_only_reports_speak_of_hold_nothing_but_name_and_sources(graph):
    allowed = {RDF.type, RDFS.label, RDFS.comment, PROV.wasDerivedFrom}
    claimed = set(graph.subjects(RDF.type, SKG.ClaimedResource))
    assert {SKGR["wang-yi"], SKGR["guo-jiakun"], SKGR["alibek-bakayev"]} <= claimed
    for node in claimed:
        assert set(graph.predicates(node, None)) <= allowed, node
        types = [graph.value(c, SKG.statedValue) for c in _claims(graph, node, RDF.type)]
        assert types and all(t is not None for t in types), node


def test_the_reports_new_facts_are_in_the_graph(graph):
    d, c = SKGR["source-newschina-2025"], SKGR["source-xinhua-2025-06-18"]
    # the six priority areas (D), in the report's words
    (areas,) = _claims(graph, SKGR["priority-areas-2025"], DCTERMS_SUBJECT)
    assert graph.value(areas, PROV.wasDerivedFrom) == d
    assert {str(v) for v in graph.objects(areas, SKG.statedValue)} == {
        "smooth trade",
        "industrial investment",
        "connectivity",
        "green mining",
        "agricultural modernisation",
        "personnel exchanges",
    }
    # the Years of High-Quality Development, 2025 and 2026 (D)
    years = SKGR["years-of-high-quality-development"]
    (start,) = _claims(graph, years, SKG.startYear)
    (end,) = _claims(graph, years, SKG.targetYear)
    assert graph.value(start, SKG.statedValue) == Literal("2025", datatype=XSD.gYear)
    assert graph.value(end, SKG.statedValue) == Literal("2026", datatype=XSD.gYear)
    # the foreign ministry's comment (C): Guo Jiakun on the treaty, at the 18 June briefing
    comment = SKGR["paraphrase-guo-treaty-landmark"]
    (speaker,) = _claims(graph, comment, SKG.speaker)
    (about,) = _claims(graph, comment, SCHEMA.about)
    assert graph.value(speaker, SKG.statedValue) == SKGR["guo-jiakun"]
    assert graph.value(about, SKG.statedValue) == SKGR["eternal-friendship-treaty"]
    assert graph.value(speaker, PROV.wasDerivedFrom) == c


def test_the_four_disagreements_of_the_issue_are_records(graph):
    expected = {
        "disagreement-trade-growth": (SKGR["trade-growth-since-2023"], {SKG.value}),
        "disagreement-summit-dates": (
            SKGR["astana-summit-2025"],
            {SCHEMA.startDate, SCHEMA.endDate},
        ),
        "disagreement-treaty-name": (
            SKGR["eternal-friendship-treaty"],
            {RDFS.label, SKOS.altLabel},
        ),
        "disagreement-secretariat-set-up": (SKGR["permanent-secretariat"], {SKG.madeAt}),
    }
    for name, (resource, properties) in expected.items():
        node = SKGR[name]
        assert (node, RDF.type, SKG.Disagreement) in graph
        assert graph.value(node, SKG.disputedResource) == resource
        assert set(graph.objects(node, SKG.disputedProperty)) == properties
        sources = {graph.value(c, PROV.wasDerivedFrom) for c in graph.objects(node, SKG.hasClaim)}
        assert SKGR["source-article"] in sources and len(sources) >= 2
