"""Facts a person reads off the article, asked of the shipped graph through SPARQL.

Each expected value below was written by hand from the source article (paragraph numbers
in the comments); none is computed from the project's code.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model.namespaces import sparql_prologue


def ask(graph, text: str) -> list[tuple]:
    return [
        tuple(None if v is None else v.toPython() for v in row)
        for row in graph.query(sparql_prologue() + text)
    ]


def labels(graph, text: str) -> set[str]:
    return {str(row[0]) for row in ask(graph, text)}


STATES = {"China", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"}


# --- Summit (paragraphs 3-5) -------------------------------------------------------------


def test_summit_place_and_dates(graph):
    rows = ask(
        graph,
        """SELECT ?city ?country ?start ?end WHERE {
        skgr:astana-summit-2025 schema:location ?c ; schema:startDate ?start ; schema:endDate ?end .
        ?c rdfs:label ?city ; schema:containedInPlace/rdfs:label ?country }""",
    )
    assert [(r[0], r[1], str(r[2]), str(r[3])) for r in rows] == [
        ("Astana", "Kazakhstan", "2025-06-16", "2025-06-18")
    ]


def test_summit_is_second_edition_after_xian_2023(graph):
    rows = ask(
        graph,
        """SELECT ?n ?prevCity ?prevYear ?prevN WHERE {
        skgr:astana-summit-2025 skg:editionNumber ?n ; skg:previousEdition ?p .
        ?p schema:location/rdfs:label ?prevCity ; skg:year ?prevYear ; skg:editionNumber ?prevN }""",
    )
    assert len(rows) == 1
    n, city, year, prev_n = rows[0]
    assert (int(n), city, int(prev_n)) == (2, "Xi'an", 1)
    assert str(year).startswith("2023")


def test_six_participating_states(graph):
    got = labels(
        graph,
        """SELECT ?l WHERE { skgr:astana-summit-2025 skg:participant ?s .
        ?s a skg:State ; rdfs:label ?l }""",
    )
    assert got == STATES


def test_six_participating_presidents_including_unnamed_tajik(graph):
    got = labels(
        graph,
        """SELECT ?l WHERE { skgr:astana-summit-2025 skg:participant ?p .
        ?p a skg:Person ; rdfs:label ?l }""",
    )
    assert len(got) == 6
    assert {
        "Xi Jinping",
        "Kassym-Jomart Tokayev",
        "Sadyr Japarov",
        "Serdar Berdimuhamedov",
        "Shavkat Mirziyoyev",
    } < got


@pytest.mark.parametrize(
    ("person", "state"),
    [
        ("Xi Jinping", "China"),
        ("Kassym-Jomart Tokayev", "Kazakhstan"),
        ("Sadyr Japarov", "Kyrgyzstan"),
        ("Serdar Berdimuhamedov", "Turkmenistan"),
        ("Shavkat Mirziyoyev", "Uzbekistan"),
    ],
)
def test_president_offices(graph, person, state):
    rows = ask(
        graph,
        f"""SELECT ?role WHERE {{ ?o a skg:Office ; org:heldBy/rdfs:label "{person}"@en ;
        org:postIn/rdfs:label "{state}"@en ; org:role/rdfs:label ?role }}""",
    )
    assert rows == [("president",)]


def test_tajik_president_unnamed_in_article_and_name_marked_outside(graph):
    rows = ask(
        graph,
        """SELECT ?src ?name WHERE {
        ?o org:postIn skgr:tajikistan ; org:heldBy ?p . ?p prov:wasDerivedFrom ?src ;
        skg:identifiedAs ?named . ?named rdfs:label ?name ; prov:wasDerivedFrom skgr:outside-knowledge }""",
    )
    assert [(str(r[0]), r[1]) for r in rows] == [
        ("https://w3id.org/summit-kg/id/source-article", "Emomali Rahmon")
    ]
    assert graph.query(
        sparql_prologue() + "ASK { skg:identifiedAs skg:outsideKnowledge true }"
    ).askAnswer


# --- Agreements (paragraphs 5, 7, 8) ------------------------------------------------------


def test_treaty_has_both_names(graph):
    names = labels(
        graph, """SELECT ?n WHERE { skgr:eternal-friendship-treaty rdfs:label|skos:altLabel ?n }"""
    )
    assert "Treaty on Eternal Good-Neighborliness, Friendship, and Cooperation" in names
    assert "Treaty of Permanent Good-Neighbourliness, Friendship and Cooperation" in names
    assert (
        len(
            ask(
                graph, "SELECT ?t WHERE { ?t a skg:Treaty ; skg:adoptedAt skgr:astana-summit-2025 }"
            )
        )
        == 1
    )


def test_treaty_signing_date_and_parties(graph):
    rows = ask(graph, "SELECT ?d WHERE { skgr:eternal-friendship-treaty skg:signingDate ?d }")
    assert [str(r[0]) for r in rows] == ["2025-06-17"]
    parties = labels(
        graph, "SELECT ?l WHERE { skgr:eternal-friendship-treaty skg:party/rdfs:label ?l }"
    )
    assert parties == STATES


def test_treaty_principles(graph):
    got = labels(
        graph, "SELECT ?l WHERE { skgr:eternal-friendship-treaty skg:affirms/skos:prefLabel ?l }"
    )
    assert got == {
        "perpetual good-neighbourly relations",
        "non-interference",
        "mutual support for sovereignty and development",
    }


def test_treaty_mirrors_pacts_with_russia_and_pakistan(graph):
    got = labels(
        graph,
        """SELECT ?l WHERE { skgr:eternal-friendship-treaty skg:similarTo/skg:party ?s .
        FILTER(?s != skgr:china) ?s rdfs:label ?l }""",
    )
    assert got == {"Russia", "Pakistan"}


def test_astana_declaration_adopted_by_six_and_affirms_spirit(graph):
    assert (
        labels(graph, "SELECT ?l WHERE { skgr:astana-declaration skg:party/rdfs:label ?l }")
        == STATES
    )
    values = labels(
        graph,
        """SELECT ?l WHERE { skgr:astana-declaration skg:affirms ?c .
        ?c skos:narrower/skos:prefLabel ?l }""",
    )
    assert {
        "mutual respect",
        "mutual trust",
        "mutual benefit",
        "mutual assistance",
        "pursuit of common modernisation",
    } <= values


def test_twelve_cooperation_documents(graph):
    rows = ask(graph, "SELECT ?n WHERE { ?a a skg:CooperationDocument ; skg:agreementCount ?n }")
    assert [int(r[0]) for r in rows] == [12]


def test_mechanism_secretariat_in_china_and_biennial(graph):
    rows = ask(
        graph,
        """SELECT ?seat ?freq WHERE { ?s org:subOrganizationOf ?m ; skg:seatIn/rdfs:label ?seat .
        ?m skg:meetingFrequency ?f BIND(STR(?f) AS ?freq) }""",
    )
    assert rows == [("China", "P2Y")]


def test_multilateral_forums(graph):
    got = labels(
        graph,
        """SELECT ?l WHERE { skgr:multilateral-coordination skg:involves/skos:altLabel ?l }""",
    )
    assert got == {"UN", "SCO"}


# --- Economy (paragraphs 10-12) -----------------------------------------------------------


def test_trade_2024_nearly_100_billion_record(graph):
    rows = ask(
        graph,
        """SELECT ?v ?cur ?q ?rec WHERE { skgr:trade-china-central-asia-2024 skg:value ?a ;
        skg:referenceYear ?y ; skg:record ?rec . ?a schema:value ?v ; schema:currency ?cur ;
        skg:qualifier/skos:prefLabel ?q FILTER(STR(?y) = "2024") }""",
    )
    assert rows == [(Decimal("100000000000"), "USD", "nearly", True)]


def test_trade_growth_over_30_percent_since_2023(graph):
    rows = ask(
        graph,
        """SELECT ?v ?unit ?q ?from WHERE { skgr:trade-growth-since-2023 skg:value ?a ;
        skg:periodStart ?s . ?a schema:value ?v ; skg:unit/skos:notation ?unit ;
        skg:qualifier/skos:prefLabel ?q BIND(STR(?s) AS ?from) }""",
    )
    assert rows == [(Decimal("30"), "%", "over", "2023")]


def test_kazakhstan_china_trade_44_billion_stated_by_tokayev(graph):
    rows = ask(
        graph,
        """SELECT ?v ?who WHERE { ?s skg:measure skgr:measure-trade-volume ;
        skg:between skgr:kazakhstan ; skg:value/schema:value ?v ; skg:statedBy/rdfs:label ?who }""",
    )
    assert rows == [(Decimal("44000000000"), "Kassym-Jomart Tokayev")]


def test_more_than_10000_joint_projects(graph):
    rows = ask(
        graph,
        """SELECT ?v ?q WHERE { ?s skg:measure skgr:measure-joint-projects ;
        skg:value [ schema:value ?v ; skg:qualifier/skos:altLabel ?q ] }""",
    )
    assert rows == [(Decimal("10000"), "more than")]


def test_58_deals_worth_nearly_25_billion_at_business_forum(graph):
    rows = ask(
        graph,
        """SELECT ?n ?v ?q ?forum WHERE { ?d a skg:BusinessDeal ; skg:agreementCount ?n ;
        skg:totalValue [ schema:value ?v ; skg:qualifier/skos:prefLabel ?q ] ;
        skg:adoptedAt ?f . ?f skg:heldDuring skgr:astana-summit-2025 ; rdfs:label ?forum }""",
    )
    assert len(rows) == 1
    assert rows[0][:3] == (58, Decimal("25000000000"), "nearly")
    sectors = labels(
        graph, "SELECT ?l WHERE { ?d a skg:BusinessDeal ; skg:sector/skos:prefLabel ?l }"
    )
    assert sectors == {"green technology", "energy", "agriculture", "infrastructure"}


def test_railway_countries_cost_and_years(graph):
    who = labels(
        graph,
        "SELECT ?l WHERE { skgr:china-kyrgyzstan-uzbekistan-railway skg:committedBy/rdfs:label ?l }",
    )
    assert who == {"China", "Kyrgyzstan", "Uzbekistan"}
    rows = ask(
        graph,
        """SELECT ?v ?cur ?q ?start ?end WHERE { skgr:china-kyrgyzstan-uzbekistan-railway
        skg:estimatedCost [ schema:value ?v ; schema:currency ?cur ; skg:qualifier/skos:prefLabel ?q ] ;
        skg:startYear ?s ; skg:targetYear ?e BIND(STR(?s) AS ?start) BIND(STR(?e) AS ?end) }""",
    )
    assert rows == [(Decimal("8000000000"), "USD", "estimated", "2025", "2030")]
    assert labels(
        graph,
        """SELECT ?l WHERE { skgr:china-kyrgyzstan-uzbekistan-railway
        skg:partOfInitiative/skos:altLabel ?l }""",
    ) == {"BRI"}
    assert labels(
        graph,
        """SELECT ?l WHERE { skgr:china-kyrgyzstan-uzbekistan-railway
        skg:connects/rdfs:label ?l }""",
    ) == {"Western China", "Central Asia"}


def test_coal_gasification_2_billion_cubic_metres_a_year(graph):
    rows = ask(
        graph,
        """SELECT ?v ?unit WHERE { ?p skg:outputCapacity [ schema:value ?v ; skg:unit/skos:notation ?unit ] ;
        skg:committedBy skgr:kazakhstan , skgr:china ; skg:sector skgr:sector-gas }""",
    )
    assert rows == [(Decimal("2000000000"), "m3/a")]


def test_pumped_storage_plant_agreed_by_kazakhstan_and_china(graph):
    rows = ask(
        graph,
        """SELECT ?status WHERE { skgr:pumped-storage-power-plant skg:committedBy skgr:kazakhstan, skgr:china ;
        skg:status/skos:prefLabel ?status }""",
    )
    assert rows == [("agreed",)]


def test_grant_in_yuan_with_stated_usd_equivalent(graph):
    rows = ask(
        graph,
        """SELECT ?v ?cur ?usd ?usdcur ?q ?who WHERE { ?c skg:commitmentKind skgr:kind-grant ;
        skg:announcedBy/rdfs:label ?who ; skg:amount ?a . ?a schema:value ?v ; schema:currency ?cur ;
        skg:equivalent [ schema:value ?usd ; schema:currency ?usdcur ; skg:qualifier/skos:prefLabel ?q ] }""",
    )
    assert rows == [
        (Decimal("1500000000"), "CNY", Decimal("208000000"), "USD", "about", "Xi Jinping")
    ]


def test_training_places_and_period(graph):
    rows = ask(
        graph,
        """SELECT ?v ?d ?who WHERE { ?c skg:commitmentKind skgr:kind-training ;
        skg:amount/schema:value ?v ; skg:duration ?dur ; skg:committedBy/rdfs:label ?who BIND(STR(?dur) AS ?d) }""",
    )
    assert rows == [(Decimal("3000"), "P2Y", "China")]


def test_green_technology_bank_access_for_kazakhstan(graph):
    rows = ask(
        graph,
        """SELECT ?ben WHERE { ?c skg:involves skgr:green-technology-bank ;
        skg:beneficiary/rdfs:label ?ben ; skg:committedBy skgr:china }""",
    )
    assert rows == [("Kazakhstan",)]


# --- Security (paragraphs 14-15) ----------------------------------------------------------


def test_chinese_security_assistance_areas(graph):
    got = labels(
        graph,
        """SELECT ?l WHERE { ?c skg:committedBy skgr:china ; skg:announcedBy skgr:xi-jinping ;
        skg:commitmentKind skgr:kind-security-assistance ; skg:sector/skos:prefLabel ?l }""",
    )
    assert {"counterterrorism", "transnational organised crime", "cybersecurity"} <= got


def test_three_evils(graph):
    got = labels(
        graph,
        """SELECT ?l WHERE { ?c skg:committedBy skgr:summit-states ; skg:concerns skgr:three-evils .
        skgr:three-evils skos:narrower/skos:prefLabel ?l }""",
    )
    assert got == {"terrorism", "separatism", "extremism"}


def test_kazakhstan_police_help_under_way_others_expected(graph):
    rows = ask(
        graph,
        """SELECT ?s WHERE { skgr:kazakhstan-police-border-modernisation skg:status/skos:prefLabel ?s }""",
    )
    assert rows == [("under way",)]
    got = labels(
        graph,
        """SELECT ?l WHERE { ?c skg:status skgr:status-expected ; skg:beneficiary/rdfs:label ?l }""",
    )
    assert got == {"Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"}


def test_afghanistan_addressed(graph):
    assert graph.query(
        sparql_prologue() + "ASK { ?c a skg:Commitment ; skg:concerns skgr:afghanistan }"
    ).askAnswer


# --- Culture and education (paragraphs 17-19) ---------------------------------------------


def test_year_of_tourism_by_kazakhstan(graph):
    rows = ask(
        graph,
        """SELECT ?y WHERE { skgr:year-of-kazakhstan-china-tourism skg:committedBy skgr:kazakhstan ;
        skg:startYear ?s BIND(STR(?s) AS ?y) }""",
    )
    assert rows == [("2025",)]


def test_visa_free_partners(graph):
    got = labels(
        graph,
        """SELECT ?l WHERE { ?a a skg:TravelArrangement ; skg:party ?s .
        FILTER(?s != skgr:china) ?s rdfs:label ?l }""",
    )
    assert got == {"Kazakhstan", "Uzbekistan"}


def test_over_1_2_million_trips_china_kazakhstan_2024(graph):
    rows = ask(
        graph,
        """SELECT ?v ?q WHERE { ?s skg:measure skgr:measure-trips ; skg:between skgr:kazakhstan ;
        skg:value [ schema:value ?v ; skg:qualifier/skos:prefLabel ?q ] }""",
    )
    assert rows == [(Decimal("1200000"), "over")]


def test_chinese_education_institutions(graph):
    got = labels(
        graph, "SELECT ?l WHERE { skgr:chinese-education-programmes skg:establishes/rdfs:label ?l }"
    )
    assert len(got) == 3
    assert any("Confucius" in x for x in got) and any("Luban" in x for x in got)


def test_joint_cooperation_centre_fields(graph):
    got = labels(
        graph,
        "SELECT ?l WHERE { skgr:joint-cooperation-centres-launch skg:sector/skos:prefLabel ?l }",
    )
    assert got == {
        "poverty reduction",
        "education",
        "desertification control",
        "trade facilitation",
    }


# --- Quotations (every quoted leader) -----------------------------------------------------


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("eternal strategic", "Kassym-Jomart Tokayev"),
        ("benefit generations to come", "Xi Jinping"),
        ("innovative endeavor in China’s neighborhood diplomacy", "Xi Jinping"),
        ("historic event", "Shavkat Mirziyoyev"),
        (
            "constructive impact on the entire geopolitical landscape in Asia",
            "Serdar Berdimuhamedov",
        ),
        ("supports the growing role of Central Asia in international affairs", "China"),
        ("highly promising", "Sadyr Japarov"),
        ("common space of great opportunities", "Shavkat Mirziyoyev"),
    ],
)
def test_quotation_speaker(graph, words, speaker):
    rows = ask(
        graph,
        f"""SELECT ?who WHERE {{ ?q a skg:Quotation ; schema:text "{words}"@en ;
        skg:speaker/rdfs:label ?who }}""",
    )
    assert rows == [(speaker,)]


def test_paraphrases_are_not_quotations(graph):
    assert not graph.query(
        sparql_prologue() + "ASK { ?p a skg:Paraphrase, skg:Quotation }"
    ).askAnswer
    assert not graph.query(
        sparql_prologue() + "ASK { ?p a skg:Paraphrase ; schema:text ?t }"
    ).askAnswer
    n = ask(graph, "SELECT (COUNT(?p) AS ?n) WHERE { ?p a skg:Paraphrase }")[0][0]
    assert n >= 6


# --- Provenance ---------------------------------------------------------------------------


def test_every_commitment_points_at_article_paragraphs_in_range(graph):
    rows = ask(
        graph,
        """SELECT ?c ?p WHERE { ?c a/rdfs:subClassOf* skg:Commitment ;
        prov:wasDerivedFrom skgr:source-article ; skg:sourceParagraph ?p }""",
    )
    assert rows
    assert all(3 <= int(p) <= 22 for _, p in rows)
    missing = ask(
        graph,
        """SELECT ?c WHERE { ?c a/rdfs:subClassOf* skg:Commitment
        FILTER NOT EXISTS { ?c skg:sourceParagraph ?p } }""",
    )
    assert missing == []


def test_railway_paragraph(graph):
    rows = ask(
        graph, "SELECT ?p WHERE { skgr:china-kyrgyzstan-uzbekistan-railway skg:sourceParagraph ?p }"
    )
    assert 11 in {int(r[0]) for r in rows}


# --- The re-read of the article (issue 12): facts once only in comments, or missing -------


def test_summit_conclusion_date_kept_beside_end_date(graph):
    # Paragraph 3 dates the summit 16-18 June; paragraph 5 calls 17 June its conclusion.
    rows = ask(
        graph,
        """SELECT ?end ?conclusion WHERE { skgr:astana-summit-2025 schema:endDate ?e ;
        skg:conclusionDate ?c BIND(STR(?e) AS ?end) BIND(STR(?c) AS ?conclusion) }""",
    )
    assert rows == [("2025-06-18", "2025-06-17")]


def test_no_formal_military_alliance_is_the_articles_own_claim(graph):
    # Paragraph 15, in the article's own voice: closer security ties, no formal alliance.
    rows = ask(
        graph,
        """SELECT ?gist WHERE { ?p a skg:Paraphrase ; skg:speaker skgr:reuters ;
        schema:about skgr:astana-summit-2025 ; skg:sourceParagraph 15 ; skg:gist ?gist }""",
    )
    assert len(rows) == 1
    assert "military alliance" in rows[0][0]


def test_visa_free_travel_led_to_the_trips(graph):
    # Paragraph 19: the arrangement with Kazakhstan led to the 1.2 million trips.
    rows = ask(
        graph,
        """SELECT ?a WHERE { skgr:trips-china-kazakhstan-2024 prov:wasInfluencedBy ?a .
        ?a a skg:TravelArrangement ; skg:party skgr:kazakhstan }""",
    )
    assert [str(r[0]).rsplit("/", 1)[1] for r in rows] == ["china-kazakhstan-visa-free-travel"]


def test_visa_free_partners_are_examples_only(graph):
    # Paragraph 19: "countries like" Kazakhstan and Uzbekistan.
    parts = labels(
        graph,
        """SELECT ?l WHERE { ?set skg:examplesOnly dcterms:hasPart ; dcterms:hasPart ?a .
        ?a a skg:TravelArrangement ; skg:party ?s FILTER(?s != skgr:china) ?s rdfs:label ?l }""",
    )
    assert parts == {"Kazakhstan", "Uzbekistan"}


@pytest.mark.parametrize(
    ("resource", "prop"),
    [
        ("multilateral-coordination", "skg:involves"),  # paragraph 8: forums such as the UN and SCO
        ("countering-three-evils", "skg:involves"),  # paragraph 14: frameworks like the SCO
        ("cooperation-documents-2025", "skg:sector"),  # paragraph 8: ranging from ... to ...
        ("security-modernisation-support", "dcterms:hasPart"),  # paragraph 14: areas such as
    ],
)
def test_lists_the_article_gives_as_examples_are_marked(graph, resource, prop):
    assert graph.query(
        sparql_prologue() + f"ASK {{ skgr:{resource} skg:examplesOnly {prop} }}"
    ).askAnswer


def test_security_umbrella_pledge_and_its_parts(graph):
    # Paragraph 14: support for modernisation, with assistance in three areas "such as";
    # paragraph 15: the help for Kazakhstan and the programmes expected elsewhere show it.
    parts = labels(
        graph,
        """SELECT ?l WHERE { skgr:security-modernisation-support dcterms:hasPart/rdfs:label ?l }""",
    )
    assert len(parts) == 5
    assert "Counterterrorism assistance" in parts
    # Counted without the parts, Xi announced one security pledge, not four.
    rows = ask(
        graph,
        """SELECT (COUNT(?c) AS ?n) WHERE { ?c skg:announcedBy skgr:xi-jinping ;
        skg:theme skgr:theme-security FILTER NOT EXISTS { ?umbrella dcterms:hasPart ?c } }""",
    )
    assert int(rows[0][0]) == 1


def test_others_who_stressed_links_are_not_all_five_presidents(graph):
    # Paragraph 12: Japarov and "others"; not every Central Asian president.
    rows = ask(
        graph,
        """SELECT ?s WHERE { skgr:paraphrase-leaders-energy-finance-ecommerce skg:speaker ?s }""",
    )
    assert len(rows) == 1
    speaker = rows[0][0]
    assert str(speaker).endswith("/other-central-asian-leaders")
    assert not graph.query(
        sparql_prologue() + "ASK { skgr:other-central-asian-leaders skg:groupMember ?m }"
    ).askAnswer


def test_belt_and_road_has_no_owner_the_article_does_not_give(graph):
    # Paragraph 11 names the BRI but not whose it is.
    assert not graph.query(
        sparql_prologue() + "ASK { skgr:belt-and-road-initiative skg:ownedBy ?x }"
    ).askAnswer


def test_title_paragraph_is_cited_for_the_summit(graph):
    rows = ask(graph, "SELECT ?p WHERE { skgr:astana-summit-2025 skg:sourceParagraph ?p }")
    assert 1 in {int(r[0]) for r in rows}


def test_words_quoted_without_a_speaker_keep_their_quotation_marks(graph):
    # Paragraphs 5, 7, 14 and 21 quote these without saying whose words they are.
    words = labels(
        graph,
        """SELECT ?w WHERE { ?q a skg:Quotation ; skg:speaker skgr:unnamed-speakers ;
        schema:text ?w }""",
    )
    assert {
        "permanent friendship pact",
        "China–Central Asia community with a shared future",
        "China–Central Asia Spirit",
        "three evils",
        "Safe City",
        "Astana Declaration",
    } <= words


def test_spirit_values_keep_the_paragraph_each_comes_from(graph):
    # Five values in paragraph 7, solidarity and win-win cooperation in paragraph 22.
    rows = ask(
        graph,
        """SELECT ?l ?p WHERE { skgr:china-central-asia-spirit skos:narrower ?v .
        ?v skos:prefLabel ?l ; skg:sourceParagraph ?p }""",
    )
    by_label = {label: int(p) for label, p in rows}
    assert by_label["mutual respect"] == 7
    assert by_label["solidarity"] == 22
    assert by_label["win-win cooperation"] == 22
    assert len(by_label) == 7


def test_the_treaty_second_name_has_its_own_span_in_paragraph_7(graph):
    rows = ask(
        graph,
        """SELECT ?a WHERE { ?a oa:hasBody skgr:eternal-friendship-treaty ;
        skg:supportsProperty skos:altLabel ; skg:sourceParagraph 7
        FILTER NOT EXISTS { ?a a skg:Claim } }""",  # the article's side of the name dispute
    )
    assert len(rows) == 1


def test_every_resource_from_the_article_has_an_evidence_span(graph):
    missing = ask(
        graph,
        """SELECT ?r WHERE { ?r prov:wasDerivedFrom skgr:source-article ; a ?type .
        FILTER NOT EXISTS { ?r a oa:Annotation }
        FILTER NOT EXISTS { ?a oa:hasBody ?r } }""",
    )
    assert missing == []


def test_the_railway_cost_and_target_year_share_one_span(graph):
    # Paragraph 11: one clause gives the estimated cost and the target completion year.
    rows = ask(
        graph,
        """SELECT ?a WHERE { ?a oa:hasBody skgr:china-kyrgyzstan-uzbekistan-railway ;
        skg:supportsProperty skg:estimatedCost, skg:targetYear ; skg:sourceParagraph 11 }""",
    )
    assert len(rows) == 1
