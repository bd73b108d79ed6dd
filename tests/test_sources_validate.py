"""``kg validate`` keeps the sources honest: every claim has its source, every disagreement
is recorded as such, and things only reports speak of stay claims.

Each test breaks one thing in a copy of the shipped data folder, the way a person adding a
report might, and expects the one finding that names it. The SPARQL checks run without the
SHACL shapes (faster) unless the rule is a shape's.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.model import paths
from kg.validate import Severity, validate


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, copy)
    return copy


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not once in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _violations(folder: Path, *, shacl: bool = False) -> set[tuple[str, str]]:
    report = validate(folder, shacl=shacl)
    return {(f.check, f.focus) for f in report.findings if f.severity is Severity.VIOLATION}


def test_a_value_against_the_articles_outside_a_disagreement_is_caught(folder):
    # The Astana Times' 35 per cent, no longer set beside the article's "over 30 per cent".
    _edit(
        folder,
        "disagreements.ttl",
        "skgr:claim-article-trade-growth, skgr:claim-astana-times-2025-06-18-trade-growth .",
        "skgr:claim-article-trade-growth, skgr:claim-article-trade-growth .",
    )
    found = _violations(folder)
    assert (
        "sparql:disagreement-unrecorded",
        "skgr:claim-astana-times-2025-06-18-trade-growth",
    ) in found
    # ... and the record left with one source is malformed
    assert ("sparql:disagreement-malformed", "skgr:disagreement-trade-growth") in found


def test_two_reports_at_odds_outside_a_disagreement_are_caught(folder):
    # NewsChina (2022 foreign ministers) against CGTN and Xinhua (Xi'an 2023); the article
    # says nothing, so only the claims can tell.
    _edit(
        folder,
        "disagreements.ttl",
        "skg:hasClaim skgr:claim-newschina-2025-mechanism-set-up-made-at, ",
        "skg:hasClaim ",
    )
    found = _violations(folder)
    assert (
        "sparql:disagreement-unrecorded",
        "skgr:claim-newschina-2025-mechanism-set-up-made-at",
    ) in found


def test_a_place_inside_the_articles_is_no_disagreement_but_another_place_is(folder):
    # Xi'an lies in China, where the article seats the secretariat: the folder validates.
    assert _violations(folder) == set()
    _edit(
        folder,
        "source-astana-times-2024-04.ttl",
        "skg:supportsProperty skg:seatIn ;\n    skg:statedValue skgr:xian ;",
        "skg:supportsProperty skg:seatIn ;\n    skg:statedValue skgr:astana ;",
    )
    found = _violations(folder)
    assert (
        "sparql:disagreement-unrecorded",
        "skgr:claim-astana-times-2024-04-secretariat-seat",
    ) in found


def test_a_claim_filed_under_another_report_is_caught(folder):
    _edit(
        folder,
        "source-newschina-2025.ttl",
        "skgr:claim-newschina-2025-wang-title a oa:Annotation, skg:Claim ;\n"
        "    oa:hasBody skgr:wang-yi ;\n"
        "    skg:supportsProperty schema:jobTitle ;\n"
        '    skg:statedValue "Foreign Minister"@en ;\n'
        "    oa:hasTarget skgr:source-newschina-2025 ;",
        "skgr:claim-newschina-2025-wang-title a oa:Annotation, skg:Claim ;\n"
        "    oa:hasBody skgr:wang-yi ;\n"
        "    skg:supportsProperty schema:jobTitle ;\n"
        '    skg:statedValue "Foreign Minister"@en ;\n'
        "    oa:hasTarget skgr:source-cgtn-2025-06-18 ;",
    )
    found = _violations(folder)
    assert ("sparql:claim-source", "skgr:claim-newschina-2025-wang-title") in found


def test_a_thing_added_without_its_claims_is_caught(folder):
    with (folder / "source-newschina-2025.ttl").open("a", encoding="utf-8") as f:
        f.write(
            "\nskgr:li-qiang a skg:ClaimedResource ;\n"
            '    rdfs:label "Li Qiang"@en ;\n'
            "    prov:wasDerivedFrom skgr:source-newschina-2025 .\n"
        )
    found = _violations(folder)
    assert ("sparql:claim-source", "skgr:li-qiang") in found


def test_shapes_keep_claims_sourced_and_claimed_things_bare(folder):
    # a claim without its source, and a report's value written onto a claimed resource
    _edit(
        folder,
        "source-xinhua-2025-06-18.ttl",
        '    skg:statedValue "Chinese foreign ministry spokesperson"@en ;\n'
        "    oa:hasTarget skgr:source-xinhua-2025-06-18 ;\n"
        "    prov:wasDerivedFrom skgr:source-xinhua-2025-06-18 .",
        '    skg:statedValue "Chinese foreign ministry spokesperson"@en ;\n'
        "    oa:hasTarget skgr:source-xinhua-2025-06-18 .",
    )
    _edit(
        folder,
        "source-newschina-2025.ttl",
        'skgr:wang-yi a skg:ClaimedResource ;\n    rdfs:label "Wang Yi"@en ;',
        'skgr:wang-yi a skg:ClaimedResource ;\n    rdfs:label "Wang Yi"@en ;\n'
        '    schema:jobTitle "Foreign Minister"@en ;',
    )
    report = validate(folder, checks=False)
    found = {(f.check, f.focus, f.message) for f in report.findings}
    focus = {(check, node) for check, node, _ in found}
    assert any(
        c.startswith("shacl") and n == "skgr:claim-xinhua-2025-06-18-guo-title" for c, n in focus
    )
    assert any(
        n == "skgr:wang-yi" and "only rdfs:label, rdfs:comment and prov:wasDerivedFrom" in m
        for _, n, m in found
    )


def test_a_summarised_source_needs_its_address(folder):
    _edit(
        folder,
        "sources.ttl",
        "    schema:url <https://astanatimes.com/2024/04/central-asia-china-secretariat-launches-in-xian> ;\n",
        "",
    )
    report = validate(folder, checks=False)
    messages = [f.message for f in report.findings if f.focus == "skgr:source-astana-times-2024-04"]
    assert any("exactly one schema:url" in m for m in messages), messages
