"""The same data and options give the same bytes, whatever Python's hash seed.

rdflib iterates triples, and Python iterates sets of strings, in an order that follows
``PYTHONHASHSEED``; node order decides the layout, so a picture could change between two
runs of the same command. Each seed runs in its own interpreter (the seed is fixed at
start-up), renders every view in every format and reports a digest per file; PNGs are
compared by their decoded pixels, the rest byte for byte.
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
from kg.render.pictures import render

def digest(data):
    return hashlib.sha256(data).hexdigest()

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
for name, G in cases:
    for fmt in ("html", "svg", "graphml", "gexf"):
        out[f"{name}.{fmt}"] = digest(render(G, fmt, title=name))
    out[f"{name}.png"] = pixels(render(G, "png", title=name))
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
    assert len(first) == 7 * 5
    changed = sorted(k for k in first if first[k] != second[k])
    assert changed == [], f"these differ between PYTHONHASHSEED=1 and 2: {changed}"


def test_the_fixture_is_the_same_under_two_hash_seeds():
    first, second = _digests("1", str(FIXTURE)), _digests("3", str(FIXTURE))
    changed = sorted(k for k in first if first[k] != second[k])
    assert changed == [], f"these differ between PYTHONHASHSEED=1 and 3: {changed}"
