"""The networkx projection: what becomes a node, an edge, an attribute, per view.

Expected values for the fixture were counted by hand from tests/fixtures/viz/data/small.ttl;
those for the shipped data come from the article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import UsageError
from kg.render.network import focus, network_stats, project

FIXTURE = Path(__file__).parent / "fixtures" / "viz"
ID = "https://w3id.org/summit-kg/id/"


@pytest.fixture(scope="module")
def small():
    from kg.model.load import load

    return load(FIXTURE / "data")


def labels(G):
    return {d["label"] for _, d in G.nodes(data=True)}


def test_full_view_of_the_fixture(small):
    G = project(small, "full")
    # 3 states, Xi, the summit, Astana, the treaty, the grant, the railway; the office,
    # the amounts, the concepts and the source article are not nodes.
    assert labels(G) == {
        "China",
        "Kazakhstan",
        "Uzbekistan",
        "Xi Jinping",
        "Test summit",
        "Astana",
        "Test treaty",
        "Test grant",
        "Test railway",
    }
    # leader of 1, location 1, party 3, adopted at 1, grant 4, railway 3
    assert G.number_of_edges() == 13
    assert G.has_edge(ID + "test-treaty", ID + "kazakhstan", key="party")
    assert G.edges[ID + "test-grant", ID + "china", "committedBy"]["label"] == "committed by"


def test_literals_amounts_offices_and_concepts_become_attributes(small):
    G = project(small, "full")
    grant = G.nodes[ID + "test-grant"]
    assert grant["amount"] == "1.5 billion CNY (about 208 million USD)"
    assert grant["status"] == "pledged"
    assert grant["class"] == "Commitment" and grant["group"] == "commitment"
    assert "1.5 billion CNY" in grant["figures"]
    railway = G.nodes[ID + "test-railway"]
    assert railway["class"] == "Project"
    assert railway["estimated_cost"] == "estimated 8 billion USD"
    assert (railway["start_year"], railway["target_year"]) == ("2025", "2030")
    treaty = G.nodes[ID + "test-treaty"]
    assert treaty["paragraphs"] == "5, 7"
    assert treaty["signing_date"] == "2025-06-17"
    assert treaty["source"] == "article"
    assert G.nodes[ID + "xi-jinping"]["office"] == "President of China"
    assert G.nodes[ID + "china"]["also_known_as"] == "Beijing"


def test_concepts_can_be_drawn_in_the_full_view(small):
    G = project(small, "full", concepts=True)
    assert ID + "status-pledged" in G
    assert G.has_edge(ID + "test-grant", ID + "status-pledged")


def test_actors_view_has_ties_and_directed_commitments(small):
    G = project(small, "actors")
    assert labels(G) == {"China", "Kazakhstan", "Uzbekistan", "Xi Jinping"}
    ties = {
        frozenset((G.nodes[u]["label"], G.nodes[v]["label"])): d
        for u, v, k, d in G.edges(keys=True, data=True)
        if k == "tie"
    }
    # China-Kazakhstan: the treaty; China-Uzbekistan: the treaty and the railway, which they
    # commit to together; Kazakhstan-Uzbekistan: the treaty.
    assert ties[frozenset(("China", "Kazakhstan"))]["label"] == "1 agreement"
    assert ties[frozenset(("China", "Uzbekistan"))]["label"] == "1 agreement \u00b7 1 joint"
    assert ties[frozenset(("China", "Uzbekistan"))]["weight"] == 2
    assert ties[frozenset(("Kazakhstan", "Uzbekistan"))]["via"] == "Test treaty"
    # the grant goes one way: China commits it, Kazakhstan benefits
    gift = G.edges[ID + "china", ID + "kazakhstan", "commitsTo"]
    assert (gift["label"], gift["via"], gift["directed"]) == ("1 commitment", "Test grant", True)
    assert not G.has_edge(ID + "kazakhstan", ID + "china", key="commitsTo")
    assert G.has_edge(ID + "xi-jinping", ID + "china", key="leaderOf")
    assert G.number_of_edges() == 5  # 3 ties, 1 commitment, 1 leader of


def test_agreements_view(small):
    A = project(small, "agreements")
    assert labels(A) == {"Test treaty", "China", "Kazakhstan", "Uzbekistan", "Test summit"}
    assert A.number_of_edges() == 4


def test_commitments_view_reads_as_sentences(small):
    C = project(small, "commitments")
    assert labels(C) == {
        "Test grant",
        "Test railway",
        "China",
        "Kazakhstan",
        "Uzbekistan",
        "Xi Jinping",
    }
    edges = {(C.nodes[u]["label"], k, C.nodes[v]["label"]) for u, v, k in C.edges(keys=True)}
    # committer -> commitment -> beneficiary, announcer -> commitment
    assert edges == {
        ("China", "commits", "Test grant"),
        ("Xi Jinping", "announced", "Test grant"),
        ("Test grant", "benefits", "Kazakhstan"),
        ("China", "commits", "Test railway"),
        ("Uzbekistan", "commits", "Test railway"),
    }
    grant, railway = C.nodes[ID + "test-grant"], C.nodes[ID + "test-railway"]
    # China commits most on its own (the grant): its pledges come first; the railway is
    # China's with Uzbekistan, so joint
    assert (grant["band"], grant["band_title"]) == ("lead", "China's pledges")
    assert (railway["band"], railway["band_title"]) == ("joint", "Joint commitments")
    assert railway["due_year"] == "2030" and grant["made_at"] == "Test summit"
    sides = {C.nodes[n]["label"]: d for n, d in C.nodes(data="side") if d}
    # the lead and its speaker on the left, the receiver and the partner on the right
    assert sides == {
        "China": "left",
        "Xi Jinping": "left",
        "Kazakhstan": "right",
        "Uzbekistan": "right",
    }


def test_unknown_view_is_a_usage_error(small):
    with pytest.raises(UsageError, match="unknown view"):
        project(small, "everything")


def test_focus_by_label_slug_and_iri(small):
    G = project(small, "full")
    for name in ("kazakhstan", "Kazakhstan", "skgr:kazakhstan", ID + "kazakhstan"):
        assert labels(focus(G, name, 1)) == {"Kazakhstan", "Test treaty", "Test grant"}
    assert len(focus(G, "Kazakhstan", 2)) == 7
    assert labels(focus(G, "Beijing", 0)) == {"China"}


def test_focus_keeps_only_edges_within_its_depth(small):
    G = project(small, "actors")
    one = focus(G, "Kazakhstan", 1)
    # China and Uzbekistan are one step away; the China-Uzbekistan tie is two steps away
    # from Kazakhstan, so depth 1 is a star, not a triangle
    assert labels(one) == {"Kazakhstan", "China", "Uzbekistan"}
    assert {frozenset((one.nodes[u]["label"], one.nodes[v]["label"])) for u, v in one.edges()} == {
        frozenset(("Kazakhstan", "China")),
        frozenset(("Kazakhstan", "Uzbekistan")),
    }
    assert one.graph["focus"] == ID + "kazakhstan"
    assert {one.nodes[n]["label"]: d for n, d in one.nodes(data="distance")} == {
        "Kazakhstan": 0,
        "China": 1,
        "Uzbekistan": 1,
    }
    two = focus(G, "Kazakhstan", 2)
    # depth 2 adds Xi (through China) and the ties among the first ring
    assert labels(two) == {"Kazakhstan", "China", "Uzbekistan", "Xi Jinping"}
    assert two.number_of_edges() == G.number_of_edges() == 5


def test_focus_on_a_typo_suggests_the_right_name(small):
    G = project(small, "full")
    with pytest.raises(UsageError) as err:
        focus(G, "Kazakstan", 1)
    assert "Kazakhstan" in err.value.hint


def test_stats_of_the_fixture(small):
    stats = network_stats(small, view="actors", top=3)
    assert stats["views"]["full"] == {"nodes": 9, "edges": 13}
    assert stats["views"]["actors"] == {"nodes": 4, "edges": 5}
    assert stats["views"]["commitments"] == {"nodes": 6, "edges": 5}
    assert stats["classes"]["State"] == 3
    assert stats["classes"]["MonetaryAmount"] == 3
    assert stats["components"] == {"count": 1, "sizes": [4]}
    # Xi reaches Kazakhstan and Uzbekistan only through China: 2 of 3 pairs.
    top = stats["betweenness_centrality"][0]
    assert (top["label"], top["score"]) == ("China", pytest.approx(2 / 3, abs=1e-3))
    assert stats["degree_centrality"][0]["score"] == 1.0


# -- the shipped data, checked against the article --------------------------------------
def test_actors_view_of_the_summit(graph):
    G = project(graph, "actors")
    leaders = {
        G.nodes[u]["label"]: G.nodes[v]["label"]
        for u, v, k in G.edges(keys=True)
        if k == "leaderOf"
    }
    assert leaders["Xi Jinping"] == "China"
    assert leaders["Shavkat Mirziyoyev"] == "Uzbekistan"
    assert leaders["Serdar Berdimuhamedov"] == "Turkmenistan"
    assert len(leaders) == 6  # six presidents, Tajikistan's unnamed
    tie = G.edges[ID + "china", ID + "kazakhstan", "tie"]
    # treaty, Astana Declaration, Green Technology Bank partnership, the China-Kazakhstan
    # visa-free travel and the set of China's visa-free arrangements it belongs to
    assert tie["agreements"] == 5
    # the coal gasification facility and the pumped-storage plant, committed together
    assert tie["commitments"] == 2
    # China's access to its Green Technology Bank and help for the police and border
    # forces go to Kazakhstan (paragraphs 12 and 15)
    assert G.edges[ID + "china", ID + "kazakhstan", "commitsTo"]["commitments"] == 2


def test_the_treaty_has_six_parties(graph):
    G = project(graph, "agreements")
    parties = {
        G.nodes[v]["label"]
        for _, v, k in G.out_edges(ID + "eternal-friendship-treaty", keys=True)
        if k == "party"
    }
    assert parties == {
        "China",
        "Kazakhstan",
        "Kyrgyzstan",
        "Tajikistan",
        "Turkmenistan",
        "Uzbekistan",
    }


def test_summit_figures_in_the_full_view(graph):
    G = project(graph, "full")
    assert (
        G.nodes[ID + "grant-livelihood-projects"]["amount"]
        == "1.5 billion CNY (about 208 million USD)"
    )
    railway = G.nodes[ID + "china-kyrgyzstan-uzbekistan-railway"]
    assert "8 billion USD" in railway["figures"]
    assert (railway["start_year"], railway["target_year"]) == ("2025", "2030")
    assert G.nodes[ID + "training-opportunities"]["amount"] == "3,000 training places"


def test_commitments_view_of_the_summit(graph):
    G = project(graph, "commitments")
    bands = {}
    for _, d in G.nodes(data=True):
        if d["group"] == "commitment":
            bands.setdefault(d["band_title"], set()).add(d["label"])
    # paragraphs 12-15: the grants, training, the Green Technology Bank and the security
    # help are China's alone; the railway (11) is China's with Kyrgyzstan and Uzbekistan
    assert (
        "Grants for livelihood and development projects in Central Asia" in bands["China's pledges"]
    )
    assert "China–Kyrgyzstan–Uzbekistan railway" in bands["Joint commitments"]
    assert bands["Central Asian states on their own"] == {"Year of Kazakhstan–China Tourism (2025)"}
    assert G.nodes[ID + "training-opportunities"]["due_year"] == "2027"  # 2025 + 2 years
    assert G.nodes[ID + "china"]["side"] == "left"
    assert G.nodes[ID + "central-asian-states"]["side"] == "right"
    grant = {
        (G.nodes[u]["label"], k)
        for u, _, k in G.in_edges(ID + "grant-livelihood-projects", keys=True)
    }
    assert grant == {("China", "commits"), ("Xi Jinping", "announced")}


def test_china_is_the_hub_of_the_actors_view(graph):
    stats = network_stats(graph, view="actors")
    assert stats["degree_centrality"][0]["label"] == "China"
    assert stats["betweenness_centrality"][0]["label"] == "China"
