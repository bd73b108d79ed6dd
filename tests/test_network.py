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


def test_actors_view_merges_shared_agreements_and_commitments(small):
    G = project(small, "actors")
    assert labels(G) == {"China", "Kazakhstan", "Uzbekistan", "Xi Jinping"}
    ties = {
        frozenset((G.nodes[u]["label"], G.nodes[v]["label"])): d
        for u, v, k, d in G.edges(keys=True, data=True)
        if k == "tie"
    }
    # China-Kazakhstan: the treaty and the grant; China-Uzbekistan: treaty and railway.
    assert ties[frozenset(("China", "Kazakhstan"))]["label"] == "1 agreement, 1 commitment"
    assert ties[frozenset(("China", "Uzbekistan"))]["weight"] == 2
    assert ties[frozenset(("Kazakhstan", "Uzbekistan"))]["via"] == "Test treaty"
    assert G.has_edge(ID + "xi-jinping", ID + "china", key="leaderOf")
    assert G.number_of_edges() == 4


def test_agreements_and_commitments_views(small):
    A = project(small, "agreements")
    assert labels(A) == {"Test treaty", "China", "Kazakhstan", "Uzbekistan", "Test summit"}
    assert A.number_of_edges() == 4
    C = project(small, "commitments")
    assert labels(C) == {
        "Test grant",
        "Test railway",
        "China",
        "Kazakhstan",
        "Uzbekistan",
        "Xi Jinping",
        "Test summit",
    }
    # grant: by, announced, beneficiary, made at; railway: by x2, location; Xi leader of
    assert C.number_of_edges() == 8


def test_unknown_view_is_a_usage_error(small):
    with pytest.raises(UsageError, match="unknown view"):
        project(small, "everything")


def test_focus_by_label_slug_and_iri(small):
    G = project(small, "full")
    for name in ("kazakhstan", "Kazakhstan", "skgr:kazakhstan", ID + "kazakhstan"):
        assert labels(focus(G, name, 1)) == {"Kazakhstan", "Test treaty", "Test grant"}
    assert len(focus(G, "Kazakhstan", 2)) == 7
    assert labels(focus(G, "Beijing", 0)) == {"China"}


def test_focus_on_a_typo_suggests_the_right_name(small):
    G = project(small, "full")
    with pytest.raises(UsageError) as err:
        focus(G, "Kazakstan", 1)
    assert "Kazakhstan" in err.value.hint


def test_stats_of_the_fixture(small):
    stats = network_stats(small, view="actors", top=3)
    assert stats["views"]["full"] == {"nodes": 9, "edges": 13}
    assert stats["views"]["actors"] == {"nodes": 4, "edges": 4}
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
    # treaty, Astana Declaration, Green Technology Bank partnership, visa-free travel
    assert tie["agreements"] == 4


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


def test_china_is_the_hub_of_the_actors_view(graph):
    stats = network_stats(graph, view="actors")
    assert stats["degree_centrality"][0]["label"] == "China"
    assert stats["betweenness_centrality"][0]["label"] == "China"
