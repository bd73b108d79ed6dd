"""``kg export --store``: what a persistent store holds comes out whole."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import same_graph
from rdflib import Graph

from kg.cli import main
from kg.model.load import load, source_files
from kg.stores import load_into_oxigraph


def test_export_from_oxigraph_store_is_the_loaded_graph(tmp_path):
    store_dir = tmp_path / "store"
    load_into_oxigraph(source_files(), store_dir)
    out = tmp_path / "store.nt"
    result = CliRunner().invoke(
        main, ["export", "--store", f"oxigraph:{store_dir}", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    exported = Graph().parse(out, format="nt")
    # the store was filled with the ontology and the data, so both come back
    assert same_graph(exported, load())


def test_export_bad_store_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["export", "--store", "nowhere:x"])
    assert result.exit_code == 2
    assert "--store" in result.output
    assert "Traceback" not in result.output
