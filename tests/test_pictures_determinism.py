"""The same data and options give the same bytes, whatever Python's hash seed.

rdflib iterates triples, and Python iterates sets of strings, in an order that follows
``PYTHONHASHSEED``; node order decides the layout, so a picture could change between two
runs of the same command. Each seed runs in its own interpreter (the seed is fixed at
start-up), renders every view as a page, GraphML and GEXF, the smaller ones and the full
view also as SVG, the smaller ones and the timeline as PNG, and reports a digest per file;
PNGs are compared by their decoded pixels, the rest byte for byte.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "viz" / "data"

SCRIPT = r"""
import hashlib, io, json, sys
import kg
from kg.render.network import focus, project
from kg.render.pictures import render, scene_html, scene_of, scene_static, timeline

def digest(data):
    return hashlib.sha256(data if isinstance(data, bytes) else data.encode()).hexdigest()

def pixels(png):
    from PIL import Image
    image = Image.open(io.BytesIO(png))
    return digest(image.tobytes() + repr((image.size, image.mode)).encode())

graph = kg.load(sys.argv[1]) if len(sys.argv) > 1 else kg.load()
out = {}
cases = [(view, project(graph, view)) for view in ("commitments", "actors", "agreements", "full")]
cases.append(("full+concepts", project(graph, "full", concepts=True)))
cases.append(("focus", focus(project(graph, "actors"), "Kazakhstan", 1)))
cases.append(("focus-commitments", focus(project(graph, "commitments"), "Kazakhstan", 2)))
# matplotlib is slow on the big pictures; their layout is checked through the page and SVG
drawn = {"commitments": "svg png", "actors": "svg png", "focus": "svg png", "full": "svg"}
for name, G in cases:
    scene = scene_of(G, title=name)  # one layout, painted up to three ways
    out[f"{name}.html"] = digest(scene_html(scene))
    for fmt in drawn.get(name, "").split():
        data = scene_static(scene, fmt)
        out[f"{name}.{fmt}"] = pixels(data) if fmt == "png" else digest(data)
    for fmt in ("graphml", "gexf"):
        out[f"{name}.{fmt}"] = digest(render(G, fmt))
full = project(graph, "full")
out["timeline.svg"] = digest(timeline(full, "svg", title="t"))
out["timeline.png"] = pixels(timeline(full, "png", title="t"))
print(json.dumps(out, sort_keys=True))
"""


def _digests(seed: str, *args: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.mark.slow
def test_every_picture_is_the_same_under_two_hash_seeds():
    first, second = _digests("1"), _digests("2")
    assert len(first) == 7 * 3 + 7 + 2
    changed = sorted(k for k in first if first[k] != second[k])
    assert changed == [], f"these differ between PYTHONHASHSEED=1 and 2: {changed}"


def test_the_command_writes_the_same_page_under_two_hash_seeds(tmp_path):
    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.html"
        done = subprocess.run(
            [sys.executable, "-m", "kg", "viz", "-o", str(out)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]
    assert b"Joint commitments" in pages[0]  # the default picture: the commitments view


def test_the_fixture_is_the_same_under_two_hash_seeds():
    first, second = _digests("1", str(FIXTURE)), _digests("3", str(FIXTURE))
    changed = sorted(k for k in first if first[k] != second[k])
    assert changed == [], f"these differ between PYTHONHASHSEED=1 and 3: {changed}"
