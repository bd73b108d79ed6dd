"""One name lookup for -p, --focus and kg evidence: forgiving, ranked, with suggestions.

The people are the article's: Kazakh President Kassym-Jomart Tokayev and President Xi
(paragraph 5), Uzbek President Shavkat Mirziyoyev (paragraph 8), Turkmenistan's President
Serdar Berdimuhamedov (paragraph 15); Xi'an is the 2023 summit's city (paragraph 4).
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import UsageError
from kg.model.namespaces import SKGR
from kg.query.names import Entry, NameIndex, normalise
from kg.query.params import resolve_entity
from kg.render.network import find_node, project


def test_case_accents_dashes_and_apostrophes_do_not_count():
    assert normalise("Kassym-Jomart  TOKAYEV") == "kassym jomart tokayev"
    assert normalise("Türkmenistan") == "turkmenistan"
    assert normalise("Xi’an") == normalise("Xi'an") == "xian"
    assert normalise("China–Central Asia") == "china central asia"


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("tokayev", "kassym-jomart-tokayev"),  # a surname alone: a whole word of the name
        ("MIRZIYOYEV", "shavkat-mirziyoyev"),
        ("berdimuhamedov", "serdar-berdimuhamedov"),
        ("xi", "xi-jinping"),  # the person, not the quotations whose labels start "Xi:"
        ("president xi", "xi-jinping"),  # another name the article uses
        ("Xian", "xian"),  # the city, typed without its apostrophe
        ("türkmenistan", "turkmenistan"),
        ("kassym jomart tokayev", "kassym-jomart-tokayev"),
    ],
)
def test_a_name_as_people_type_it_finds_the_resource(graph, typed, slug):
    assert resolve_entity(graph, typed, "actor") == SKGR[slug]


def test_a_person_comes_before_a_place_holding_the_name():
    index = NameIndex(
        [
            Entry("p", "Ada Lake", "Ada Lake", "Person"),
            Entry("c", "Ada Lake", "Lake Ada City", "City"),
            Entry("c", "Lake Ada City", "Lake Ada City", "City"),
        ]
    )
    # "ada" is a whole word of both: the person wins within the tier
    assert index.lookup("ada").node == "p"
    # two resources with exactly this name: ambiguous, both offered
    found = index.lookup("ada lake")
    assert found.node is None and found.ambiguous
    assert {c.node for c in found.candidates} == {"p", "c"}


def test_two_equally_good_matches_are_ambiguous_with_the_candidates(graph):
    with pytest.raises(UsageError) as err:
        resolve_entity(graph, "central asia", "actor")
    assert "names 2 resources" in err.value.message
    assert "skgr:central-asian-states (Central Asian states)" in err.value.message
    assert "skgr:central-asia (" in err.value.message


def test_part_of_a_word_or_a_typo_is_only_suggested(graph):
    with pytest.raises(UsageError) as err:
        resolve_entity(graph, "kazakh", "actor")
    assert err.value.hint.startswith("did you mean skgr:kazakhstan (Kazakhstan)")
    with pytest.raises(UsageError) as err:
        resolve_entity(graph, "Kazakstan", "actor")
    assert err.value.hint.startswith("did you mean skgr:kazakhstan (Kazakhstan)")


def test_focus_uses_the_same_lookup(graph):
    G = project(graph, "actors")
    assert find_node(G, "tokayev") == str(SKGR["kassym-jomart-tokayev"])
    assert find_node(G, "xi") == str(SKGR["xi-jinping"])
    with pytest.raises(UsageError) as err:
        find_node(G, "Kazakstan")
    assert err.value.where == "--focus" and "'Kazakhstan'" in err.value.hint


def test_cli_parameter_and_evidence_take_the_forgiving_names():
    run = CliRunner().invoke
    result = run(
        main,
        [
            "query",
            "quotations-by-speaker",
            "-p",
            "speaker",
            "mirziyoyev",
            "--format",
            "csv",
            "--no-cache",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert "common space of great opportunities" in result.stdout  # paragraph 22
    result = run(main, ["evidence", "berdimuhamedov", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert "serdar-berdimuhamedov" in result.stdout
    result = run(main, ["evidence", "kazakh"])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert "did you mean skgr:kazakhstan (Kazakhstan)" in result.stderr
