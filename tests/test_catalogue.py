"""The catalogue reads question headers: title, description, typed parameters; names suggest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.errors import InputError, UsageError
from kg.query import catalogue

FIXTURES = Path(__file__).parent / "fixtures" / "query" / "queries"


def test_header_fields_and_continuation_lines():
    text = (
        "# title: Parties to each agreement\n"
        "# description: Every agreement with the states\n"
        "#   that are party to it.\n"
        "# param: agreement  (optional) an agreement's IRI or label\n"
        "# param: year  (required, gYear) a year, e.g. 2025\n"
        "# param: n (integer) how many\n"
        "SELECT * WHERE { ?agreement ?p ?year }\n"
        "# param: late  (required) after the header: ignored\n"
    )
    title, description, params = catalogue.parse_header(text)
    assert title == "Parties to each agreement"
    assert description == "Every agreement with the states that are party to it."
    assert [(p.name, p.required, p.type) for p in params] == [
        ("agreement", False, "entity"),
        ("year", True, "gYear"),
        ("n", False, "integer"),
    ]
    assert params[1].description == "a year, e.g. 2025"


def test_literal_is_a_synonym_of_string():
    _, _, params = catalogue.parse_header("# param: q  (optional, literal) text to find\n")
    assert params[0].type == "string"


def test_malformed_param_line_says_where():
    with pytest.raises(InputError) as err:
        catalogue.read_question(FIXTURES / "broken-header.rq")
    assert err.value.where.endswith("broken-header.rq:2")
    assert "NAME" in err.value.hint


def test_unknown_param_type_is_named():
    with pytest.raises(InputError) as err:
        catalogue.parse_header("# param: x  (required, colour) a colour\n", "q.rq")
    assert "colour" in err.value.message and "gYear" in err.value.hint


def test_param_declared_twice():
    with pytest.raises(InputError):
        catalogue.parse_header("# param: x  (required)\n# param: x  (optional)\n")


def test_catalogue_leaves_out_checks_subfolder():
    names = set(catalogue.names(FIXTURES))
    assert {"commitments-of", "due-by", "treaty-graph"} <= names
    assert "label-missing-violation" not in names


def test_unknown_name_suggests_close_ones():
    with pytest.raises(UsageError) as err:
        catalogue.find("comitments-of", FIXTURES)
    assert "commitments-of" in err.value.hint


def test_unknown_name_without_close_match_points_to_listing():
    with pytest.raises(UsageError) as err:
        catalogue.find("zzzz", FIXTURES)
    assert "kg queries" in err.value.hint


def test_shipped_questions_declare_only_variables_they_use():
    # a declared parameter that is not a variable of the query could never be bound
    for q in catalogue.catalogue().values():
        body = re.sub(r"(?m)^#.*$", "", q.text)
        for p in q.params:
            assert re.search(rf"[?$]{p.name}\b", body), f"{q.name}: ?{p.name} not in the query"


def test_my_three_questions_are_listed_with_their_parameters():
    questions = catalogue.catalogue()
    assert questions["parties-to-agreements"].params[0].name == "agreement"
    assert not questions["parties-to-agreements"].params[0].required
    assert questions["quotations-by-speaker"].params[0].required
    assert questions["leaders"].title == "Leaders of the states"
