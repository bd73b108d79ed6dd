"""The built wheel must carry the ontology, data and queries, and the entry points must work.

A non-editable ``pip install .`` used from another directory can only find the shipped
graph if the wheel holds it under ``kg/_resources``; this builds the wheel and looks.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kg import __version__

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("summit_kg-*.whl")
    return found


def test_wheel_ships_ontology_data_and_queries(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for tracked in [
        "ontology/summit.ttl",
        "data/triples/agreements.ttl",
        "data/triples/commitments-economic.ttl",
    ]:
        assert f"kg/_resources/{tracked}" in names
    assert any(n.startswith("kg/_resources/queries/") and n.endswith(".rq") for n in names)
    every_data_file = {p.name for p in (ROOT / "data" / "triples").glob("*.ttl")}
    shipped = {Path(n).name for n in names if n.startswith("kg/_resources/data/triples/")}
    assert every_data_file <= shipped


def test_installed_wheel_finds_its_graph_from_another_directory(wheel, tmp_path):
    # Unpacking the wheel is what pip does; importing from there proves the lookup path.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = "import kg.model.paths as p, kg; print(p.DATA_DIR); print(len(kg.load()))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    data_dir, triples = done.stdout.split()
    assert data_dir.startswith(str(site))
    assert int(triples) > 2000


def test_version_and_module_entry_point():
    done = subprocess.run(
        [sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"kg, version {__version__}"
