"""kg export: every format parses back to the same graph, bytes repeat across processes,
independent processors (pyld, Debian's rapper) agree, and the JSON-LD reads well."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import same_graph
from rdflib import Dataset, Graph, URIRef

from kg.cli import main
from kg.model import paths
from kg.render.export import (
    DATA_GRAPH,
    INFERRED_GRAPH,
    build_dataset,
    export,
    frame,
    load_context,
    serialize,
)

RDFLIB = {
    "ttl": "turtle",
    "nt": "nt",
    "rdfxml": "xml",
    "jsonld": "json-ld",
    "nq": "nquads",
    "trig": "trig",
}


def union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def folded(ds: Dataset) -> Graph:
    """A dataset as one graph whose predicates carry the graph name, so isomorphism of the
    folded graphs is isomorphism of the datasets, shared blank nodes included."""
    g = Graph()
    for s, p, o, c in ds.quads((None, None, None, None)):
        name = c.identifier if hasattr(c, "identifier") else c
        g.add((s, URIRef(f"{p}--{name}"), o))
    return g


@pytest.fixture(scope="module")
def data() -> Dataset:
    return build_dataset()


@pytest.fixture(scope="module")
def full() -> Dataset:
    """Data, ontology and shapes (whose RDF lists and blank nodes are the hard case)."""
    return build_dataset(with_ontology=True)


@pytest.fixture(scope="module")
def inferred() -> Dataset:
    """Data and OWL 2 RL entailments, which share blank nodes across named graphs."""
    return build_dataset(inferred=True)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "rdfxml", "jsonld", "nq", "trig"])
def test_each_format_parses_back_to_the_loaded_data(data: Dataset, fmt: str) -> None:
    text = serialize(data, fmt)
    back = Dataset()
    back.parse(data=text, format=RDFLIB[fmt])
    assert same_graph(union(back), union(data))
    if fmt in ("nq", "trig"):
        assert {str(g.identifier) for g in back.graphs() if len(g)} == {str(DATA_GRAPH)}


@pytest.mark.parametrize("fmt", ["ttl", "rdfxml"])
def test_single_graph_formats_keep_ontology_and_shapes_lists(full: Dataset, fmt: str) -> None:
    # The SHACL shapes hold RDF lists (sh:or) and many blank nodes: the hard case.
    text = serialize(full, fmt)
    assert same_graph(Graph().parse(data=text, format=RDFLIB[fmt]), union(full))


@pytest.mark.parametrize("fmt", ["nq", "trig", "jsonld"])
def test_named_graphs_survive_with_shared_blank_nodes(inferred: Dataset, fmt: str) -> None:
    # Entailments about amount nodes (blank) sit in another graph than the nodes' data.
    text = serialize(inferred, fmt, keep_graphs=True)
    back = Dataset()
    back.parse(data=text, format=RDFLIB[fmt])
    assert same_graph(folded(back), folded(inferred))
    sizes = {str(g.identifier).rsplit("/", 1)[-1]: len(g) for g in back.graphs() if len(g)}
    assert set(sizes) == {"data", "inferred"}


def test_ontology_and_shapes_get_their_own_graphs(full: Dataset) -> None:
    text = serialize(full, "nq")
    back = Dataset()
    back.parse(data=text, format="nquads")
    names = {str(g.identifier).rsplit("/", 1)[-1] for g in back.graphs() if len(g)}
    assert names == {"data", "ontology", "shapes"}


def test_entailments_follow_the_ontology_and_are_kept_apart(inferred: Dataset) -> None:
    data = inferred.graph(DATA_GRAPH)
    inferred = inferred.graph(INFERRED_GRAPH)
    skg = "https://w3id.org/summit-kg/ontology#"
    china = URIRef("https://w3id.org/summit-kg/id/china")
    treaty = URIRef("https://w3id.org/summit-kg/id/eternal-friendship-treaty")
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    # China is a skg:State, so an actor and a prov:Agent; the treaty is an agreement.
    assert (china, rdf_type, URIRef(skg + "Actor")) in inferred
    assert (china, rdf_type, URIRef("http://www.w3.org/ns/prov#Agent")) in inferred
    assert (treaty, rdf_type, URIRef(skg + "Agreement")) in inferred
    assert not any(t in data for t in inferred)
    sameas = URIRef("http://www.w3.org/2002/07/owl#sameAs")
    assert not any(s == o for s, p, o in inferred.triples((None, sameas, None)))


SCRIPT = """
import sys
from pathlib import Path
from kg.render.export import export
out = Path(sys.argv[1])
for fmt in ("ttl", "nt", "rdfxml", "jsonld", "nq", "trig"):
    (out / fmt).write_bytes(export(fmt=fmt, with_ontology=fmt == "trig"))
"""


def test_same_bytes_in_separate_processes(tmp_path: Path) -> None:
    digests = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        folder.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", SCRIPT, str(folder)], check=True, env=env)
        digests.append(
            {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in folder.iterdir()}
        )
    assert len(digests[0]) == 6
    assert digests[0] == digests[1]


def test_pyld_expands_our_jsonld_to_the_same_quads(data: Dataset) -> None:
    from pyld import jsonld

    ours = json.loads(serialize(data, "jsonld"))
    normal = {"algorithm": "URDNA2015", "format": "application/n-quads"}
    from_pyld = jsonld.normalize(ours, normal)
    nquads = union(data).serialize(format="nt")
    from_rdflib = jsonld.normalize(nquads, {**normal, "inputFormat": "application/n-quads"})
    assert from_pyld == from_rdflib
    assert from_pyld.count("\n") == len(union(data))


def _rapper() -> str | None:
    found = shutil.which("rapper")
    if found is None and os.environ.get("CI"):
        pytest.fail("rapper (raptor2-utils) must be installed in CI")
    if found is None:
        pytest.skip("rapper (raptor2-utils) not installed")
    return found


@pytest.mark.parametrize(("fmt", "rapper_name"), [("ttl", "turtle"), ("nt", "ntriples")])
def test_rapper_reads_the_same_number_of_triples(
    data: Dataset, tmp_path: Path, fmt: str, rapper_name: str
) -> None:
    rapper = _rapper()
    path = tmp_path / f"summit.{fmt}"
    path.write_bytes(serialize(data, fmt))
    run = subprocess.run(
        [rapper, "-i", rapper_name, "-o", "ntriples", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [line for line in run.stdout.splitlines() if line.strip()]
    assert len(lines) == len(union(data))
    assert "rapper: Error" not in run.stderr


def _iris(g: Graph) -> set[str]:
    out = set()
    for t in g:
        for term in t:
            if isinstance(term, URIRef):
                out.add(str(term))
            elif getattr(term, "datatype", None) is not None:
                out.add(str(term.datatype))
    return out


def test_context_declares_only_prefixes_the_graph_uses(full: Dataset) -> None:
    ctx = load_context()
    prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and v.startswith("http")}
    iris = _iris(union(full))
    unused = [p for p, ns in prefixes.items() if not any(i.startswith(ns) for i in iris)]
    assert unused == []
    assert "time" not in prefixes  # declared in kg.model.namespaces, used by no triple


def test_compacted_jsonld_uses_short_keys_and_natural_values(data: Dataset) -> None:
    doc = json.loads(serialize(data, "jsonld"))
    nodes = {n["id"]: n for n in doc["@graph"]}
    treaty = nodes["skgr:eternal-friendship-treaty"]
    assert treaty["type"] == "Treaty"
    assert treaty["signingDate"] == "2025-06-17"
    assert treaty["label"] == "Treaty on Eternal Good-Neighborliness, Friendship, and Cooperation"
    assert treaty["sourceParagraph"] == [4, 5, 7, 8, 21]
    assert "skgr:uzbekistan" in treaty["party"]
    summit = nodes["skgr:astana-summit-2025"]
    assert (summit["startDate"], summit["endDate"]) == ("2025-06-16", "2025-06-18")
    # The 58 business-forum deals are worth nearly 25 billion US dollars (an xsd:decimal).
    deals = nodes["skgr:business-forum-deals-2025"]
    amount = nodes[deals["totalValue"]]
    assert (amount["schema:value"], amount["currency"]) == ("25000000000", "USD")
    assert deals["agreementCount"] == 58
    terms = set(load_context())
    for node in doc["@graph"]:
        assert set(node) <= terms | {"id", "type"}, node["id"]


def test_framed_treaty_nests_parties_and_statements(data: Dataset) -> None:
    doc = frame(data, "agreements", subject="skgr:eternal-friendship-treaty")
    (treaty,) = doc["@graph"]
    parties = {p["label"] for p in treaty["party"]}
    assert parties == {
        "China",
        "Kazakhstan",
        "Kyrgyzstan",
        "Tajikistan",
        "Turkmenistan",
        "Uzbekistan",
    }
    texts = {s.get("text") for s in treaty["statements"]}
    assert "benefit generations to come" in texts
    speakers = {s["speaker"]["label"] for s in treaty["statements"]}
    assert "Xi Jinping" in speakers


def test_framed_actors_carry_what_they_committed(data: Dataset) -> None:
    doc = frame(data, "actors")
    china = next(n for n in doc["@graph"] if n["id"] == "skgr:china")
    committed = {c["id"]: c for c in china["committed"]}
    railway = committed["skgr:china-kyrgyzstan-uzbekistan-railway"]
    assert railway["estimatedCost"]["schema:value"] == "8000000000"
    assert (railway["startYear"], railway["targetYear"]) == ("2025", "2030")


def test_cli_guesses_format_from_suffix(tmp_path: Path) -> None:
    out = tmp_path / "summit.nt"
    result = CliRunner().invoke(main, ["export", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<https://")


def test_cli_refuses_inferred_in_a_single_graph_format() -> None:
    result = CliRunner().invoke(main, ["export", "--format", "ttl", "--inferred"])
    assert result.exit_code == 2
    assert "--inferred" in result.output and "--merge-inferred" in result.output
    assert "Traceback" not in result.output


def test_cli_merge_inferred_says_so_in_the_header() -> None:
    result = CliRunner().invoke(main, ["export", "-f", "nt", "--merge-inferred"])
    assert result.exit_code == 0
    first = result.output.splitlines()[0]
    assert first.startswith("# Includes") and "inferred" in first


def test_cli_unknown_suffix_and_frame_errors(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "-o", str(tmp_path / "x.foo")])
    assert result.exit_code == 2 and "-o" in result.output
    result = CliRunner().invoke(main, ["export", "-f", "ttl", "--frame", "agreements"])
    assert result.exit_code == 2 and "--frame" in result.output
    result = CliRunner().invoke(main, ["export", "--frame", "nonsense"])
    assert result.exit_code == 2 and "agreements" in result.output


def test_other_data_folder(tmp_path: Path) -> None:
    shutil.copy(paths.DATA_DIR / "agreements.ttl", tmp_path)
    text = export(tmp_path, fmt="nt").decode()
    assert "eternal-friendship-treaty" in text and "xi-jinping> <" not in text
