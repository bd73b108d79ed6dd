"""The laid-out pictures, checked in Python: what goes where, what is marked, what is kept apart.

The fixture (tests/fixtures/viz/data/small.ttl) is small enough to work out by hand; the
shipped data is checked for the properties a reader relies on (nothing overlaps, the
columns read left to right, loose nodes are set aside).
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import networkx as nx
import pytest

from kg.render.network import focus, project
from kg.render.network.styles import CLASS_STYLE, CONCEPT_STYLE, KINDS
from kg.render.pictures import scene_of
from kg.render.pictures.geometry import overlap
from kg.render.pictures.textsize import text_width, wrap

FIXTURE = Path(__file__).parent / "fixtures" / "viz" / "data"
ID = "https://w3id.org/summit-kg/id/"


@pytest.fixture(scope="module")
def small():
    from kg.model.load import load

    return load(FIXTURE)


def boxes_apart(scene, slack: float = 0.5) -> list[tuple[str, str]]:
    return [
        (a.id, b.id)
        for a, b in itertools.combinations(scene.nodes, 2)
        if overlap(a.box(), b.box(), slack)
    ]


def test_text_is_measured_in_the_pictures_font():
    # DejaVu Sans at 16 px: Chromium measures "Hello world, this is a box" 195.8 px wide;
    # ours may be a hair wider (no kerning), never narrower
    assert 195.8 <= text_width("Hello world, this is a box", 16) < 198
    assert text_width("ab", 20) == pytest.approx(2 * text_width("ab", 10))
    assert wrap("one two three four", 10, text_width("three four", 10) + 0.1) == [
        "one two",
        "three four",
    ]


def test_the_commitments_picture_reads_left_to_right(small):
    scene = scene_of(project(small, "commitments"), title="t")
    at = {n.id: n for n in scene.nodes}
    china, xi, kz, uz = (at[ID + s] for s in ("china", "xi-jinping", "kazakhstan", "uzbekistan"))
    grant, railway = at[ID + "test-grant"], at[ID + "test-railway"]
    # who commits (China, Xi) left of what, what left of whom (Kazakhstan, Uzbekistan)
    assert china.x < grant.x and xi.x < grant.x
    assert kz.x > grant.x + grant.width / 2 and uz.x > railway.x + railway.width / 2
    # China's pledge comes before the joint railway, each band under its title
    assert grant.y < railway.y
    assert [b.title for b in scene.bands] == ["China's pledges", "Joint commitments"]
    assert scene.bands[0].top < grant.y < scene.bands[0].bottom
    # the grant's box says its amount; the railway's its cost and years
    assert "1.5 billion CNY (about 208 million USD)" in " ".join(grant.label)
    assert "2025 \u2192 2030" in " ".join(railway.label)
    # pledged is lighter than nothing-yet? no: the shade follows the status ramp
    assert grant.color == "#a1d99b"  # pledged
    assert railway.border_width > grant.border_width  # a project has a thick border
    assert boxes_apart(scene) == []


def test_commitment_edges_leave_and_enter_boxes_at_their_sides(small):
    scene = scene_of(project(small, "commitments"), title="t")
    at = {n.id: n for n in scene.nodes}
    for edge in scene.edges:
        box = at[edge.target] if at[edge.target].width > 200 else at[edge.source]
        start, end = edge.path[0], edge.path[-1][-2:]
        ends = [p for p in (start, end) if abs(p[1] - box.y) < 0.01]
        # the route meets the commitment level with its middle, on its left or right side
        assert ends, edge
        assert any(abs(abs(p[0] - box.x) - box.width / 2) < 0.6 for p in ends), edge
    labels = {e.label for e in scene.edges if e.label_at is not None}
    assert {"commits", "benefits"} <= labels  # written on the edges where they fit
    # Xi's edge ends beside China's at the grant: no room for its word, so its style says it
    # (dashed grey, as the legend shows) and its tooltip names it
    announced = next(e for e in scene.edges if e.label == "announced")
    assert announced.dashes and announced.info["label"] == "announced"
    assert any(e["name"].startswith("announced") and e["dashed"] for e in scene.edge_legend)


def test_the_commitments_picture_of_the_summit(graph):
    scene = scene_of(project(graph, "commitments"), title="t")
    titles = [b.title for b in scene.bands]
    assert titles[:3] == [
        "China's pledges",
        "Joint commitments",
        "Central Asian states on their own",
    ]
    at = {n.id: n for n in scene.nodes}
    # the five parts of the security pledge sit indented under it, in its band
    umbrella = at[ID + "security-modernisation-support"]
    parts = [at[ID + p] for p in ("counterterrorism-assistance", "cybersecurity-assistance")]
    for part in parts:
        assert part.x - part.width / 2 > umbrella.x - umbrella.width / 2 + 20
        assert part.y > umbrella.y
    # 5 security parts and the grain plants under the agricultural investments; the two
    # energy projects are joint while their umbrella's committer is not named: not indented
    assert len(scene.guides) == 6
    assert boxes_apart(scene) == []
    # Kazakhstan commits to joint projects from the right: its arrows come in from the right
    coal = at[ID + "coal-gasification-facility"]
    from_kz = [e for e in scene.edges if e.source == ID + "kazakhstan" and e.target == coal.id]
    assert from_kz and from_kz[0].path[-1][-2] == pytest.approx(coal.x + coal.width / 2, abs=0.1)


def test_a_focus_is_marked_and_drawn_in_rings(graph):
    G = focus(project(graph, "actors"), "Kazakhstan", 2)
    scene = scene_of(G, title="t")
    at = {n.id: n for n in scene.nodes}
    centre = at[ID + "kazakhstan"]
    assert centre.focus and centre.border_width >= 4
    assert sum(n.focus for n in scene.nodes) == 1
    # each node is further out than every node one step nearer (rings, widened across)
    radius = {n: math.hypot((at[n].x - centre.x) / 1.4, at[n].y - centre.y) for n in at}
    by_ring: dict[int, list[float]] = {}
    for n, d in G.nodes(data="distance"):
        by_ring.setdefault(d, []).append(radius[n])
    assert sorted(by_ring) == [0, 1, 2]
    assert min(by_ring[2]) > max(by_ring[1]) * 0.8
    assert boxes_apart(scene) == []
    assert "depth 2" in scene.note


def test_loose_nodes_are_set_aside_and_the_rest_fills_the_picture(small):
    G = project(small, "full")
    G.add_node(ID + "lonely", label="A lonely place", iri=ID + "lonely", group="place")
    G.nodes[ID + "lonely"]["class"] = "City"
    scene = scene_of(G, title="t")
    at = {n.id: n for n in scene.nodes}
    lonely = at[ID + "lonely"]
    assert [b.title for b in scene.bands] == ["Not linked to the rest"]
    band = scene.bands[0]
    assert band.top <= lonely.box()[1] and lonely.box()[3] <= band.bottom
    linked = [n for n in scene.nodes if n.id != lonely.id]
    assert all(n.box()[3] < band.top for n in linked)  # the rest sits above the strip
    width = max(n.box()[2] for n in linked) - min(n.box()[0] for n in linked)
    height = max(n.box()[3] for n in linked) - min(n.box()[1] for n in linked)
    assert width >= height  # laid across, as screens and pages are
    assert boxes_apart(scene) == []


@pytest.mark.parametrize("view", ["actors", "agreements", "full"])
def test_no_two_nodes_or_labels_overlap_in_the_shipped_views(graph, view):
    scene = scene_of(project(graph, view), title="t")
    assert boxes_apart(scene) == []
    placed = [e for e in scene.edges if e.label_at is not None]
    assert placed, "some edge labels fit"
    for e in placed:  # an edge label never sits on a node
        from kg.render.pictures.geometry import label_box

        box = label_box(e.label, e.label_at)
        assert not any(overlap(box, n.box(), 0.5) for n in scene.nodes), e.label


def test_the_big_pictures_labels_are_readable_at_first_sight(graph):
    from kg.render.pictures.compose import AT_A_GLANCE, CANVAS, SMALLEST

    scene = scene_of(project(graph, "full"), title="t")
    left, top, right, bottom = scene.view_box()
    fit = min(CANVAS[0] / (right - left + 40), CANVAS[1] / (bottom - top + 40))
    readable = [n for n in scene.nodes if n.font_size * fit >= SMALLEST - 1]
    assert len(readable) >= AT_A_GLANCE
    china = next(n for n in scene.nodes if n.id == ID + "china")
    assert china in readable
    assert scene.zoom_labels  # the others appear as the reader zooms in
    clusters = {n.cluster for n in scene.nodes if n.cluster}
    assert "statements: by Xi Jinping" in clusters
    # Xi's three statements (his quotations and the paraphrase of his words) collapse into
    # one node, placed on one of them
    seat = scene.clusters["statements: by Xi Jinping"]
    assert seat[2] == "3 statements by Xi Jinping"
    assert any(
        (n.x, n.y) == (seat[0], seat[1])
        for n in scene.nodes
        if n.cluster == "statements: by Xi Jinping"
    )


def _deuteranope(color: str) -> tuple[float, float, float]:
    """What a reader without green cones sees (Viénot, Brettel & Mollon 1999), as linear RGB."""
    rgb = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return (0.29275 * r + 0.70725 * g, 0.29275 * r + 0.70725 * g, -0.02234 * r + 0.02234 * g + b)


def test_each_kind_has_its_own_colour_that_colour_blind_readers_can_tell_apart():
    styles = {s.kind: s for s in [*CLASS_STYLE.values(), CONCEPT_STYLE]}
    assert set(styles) == set(KINDS) and len(KINDS) == 14
    colours = [styles[k].color.lower() for k in KINDS]
    assert len(set(colours)) == len(colours)  # one colour per kind
    for a, b in itertools.combinations(KINDS, 2):
        if styles[a].shape != styles[b].shape:
            continue  # the shape tells them apart already
        seen = [_deuteranope(styles[k].color) for k in (a, b)]
        assert math.dist(*seen) > 0.05, (a, b)


def test_the_commitments_view_exports_as_a_plain_network(small, tmp_path):
    from kg.render.pictures import render

    path = tmp_path / "c.graphml"
    path.write_bytes(render(project(small, "commitments"), "graphml"))
    back = nx.read_graphml(path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (6, 5)
    assert back.nodes[ID + "test-grant"]["band_title"] == "China's pledges"
    roles = sorted(d["role"] for *_, d in back.edges(data=True))
    assert roles == ["announced", "benefits", "commits", "commits", "commits"]
