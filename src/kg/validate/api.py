"""``validate()``: the ontology and a data folder through every check, as one report.

The order is the order of trust: files must parse (a file that does not raises
:class:`~kg.errors.InputError` with ``file:line:col``, exit 2, since nothing else can be
trusted until they do); an empty folder is a finding of its own (nothing loaded is not
"no findings"); then the SHACL shapes, the SPARQL checks, and the evidence spans: their
placement always, their words only against a verified copy of the source.

"Fact-bearing resources", the ones that must carry provenance (``prov:wasDerivedFrom`` a
source, and ``skg:sourceParagraph`` when that source is the article), are the instances of
every skg: class except: the sources themselves (skg:SourceDocument, skg:OutsideKnowledge),
skg:Role (vocabulary, like the SKOS concepts and schemes, which are not facts either) and
skg:Amount nodes, which are blank value nodes whose provenance is that of the resource
holding them. ``skgsh:ProvenanceShape`` lists the classes.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import OWL, RDF

from kg.model import paths
from kg.model.load import data_files, load_files, ontology_files
from kg.model.namespaces import bind_prefixes
from kg.validate.locate import Namer, display_path, locate_subjects
from kg.validate.report import Finding, Report, Severity, order


def _class_counts(data: Graph, namer: Namer) -> tuple[int, dict[str, int]]:
    counts: Counter[str] = Counter()
    subjects = set()
    for subject, cls in data.subject_objects(RDF.type):
        if cls in (OWL.Ontology,):
            continue
        subjects.add(subject)
        counts[namer.name(cls)] += 1
    ordered = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return len(subjects), ordered


def _nothing_loaded(data_dir: Path | str | None, files: int) -> Finding:
    """An empty data folder is a failure, not a clean bill: nothing was checked."""
    folder = display_path(Path(data_dir) if data_dir is not None else paths.DATA_DIR)
    message = f"nothing was loaded: the {files} data file(s) hold no triples"
    return Finding(Severity.VIOLATION, "load", folder, message, folder)


def check_evidence(
    graph: Graph, namer: Namer, sources: Path | None
) -> tuple[list[Finding], int, list[str]]:
    """(findings, spans read, copies used): placement always, words with ``sources``."""
    from kg.model.evidence import annotated_sources, open_texts, read_annotations
    from kg.model.evidence.annotations import annotations_by_body
    from kg.validate import spans, wording

    annotations = read_annotations(graph)
    count = sum(len(a.spans) for a in annotations)
    texts = {}
    if sources is not None:
        texts = open_texts(graph, sources, annotated_sources(annotations), namer.name)
    findings = spans.check_placement(graph, annotations, texts, namer)
    if texts:
        by_body = annotations_by_body(annotations)
        findings += wording.check_quotations(graph, by_body, texts, namer)
        findings += wording.check_numbers(graph, by_body, texts, namer)
        findings += wording.check_names(graph, annotations, texts, namer)
    copies = [display_path(t.path) for t in texts.values()]
    return findings, count, copies


def validate(
    data_dir: Path | str | None = None,
    *,
    shacl: bool = True,
    checks: bool = True,
    sources: Path | str | None = None,
    shapes_file: Path | str | None = None,
    checks_dir: Path | str | None = None,
) -> Report:
    """Check the ontology and a data folder (the shipped data by default).

    ``sources`` is the folder holding verified copies of the sources (found by their
    ``skg:localFile``); with it every evidence span is checked against the words, and a
    copy whose SHA-256 differs raises InputError. Raises InputError (``file:line:col``)
    when a file does not parse; otherwise the report's ``ok`` is False on violations.

    >>> report = validate()
    >>> report.ok, report.triples > 1000
    (True, True)
    """
    from kg.validate.sparql import load_checks, run_checks

    ontology_paths = ontology_files()
    shapes_path = Path(shapes_file) if shapes_file is not None else paths.SHAPES_FILE
    data_paths = data_files(data_dir)
    files = [display_path(p) for p in [*ontology_paths, shapes_path, *data_paths]]

    ontology = load_files(ontology_paths)
    data = load_files(data_paths)
    if len(data) == 0:
        findings = [_nothing_loaded(data_dir, len(data_paths))]
        return Report(findings=findings, ontology_triples=len(ontology), files=files)
    shapes = load_files([shapes_path])
    graph = Graph()
    bind_prefixes(graph)
    graph += ontology
    graph += data

    namer = Namer(graph, locate_subjects([*data_paths, *ontology_paths]))
    findings: list[Finding] = []
    if shacl:
        from kg.validate.shacl import run_shacl

        findings += run_shacl(graph, shapes, namer)
    if checks:
        findings += run_checks(graph, load_checks(checks_dir), namer, ontology)
    evidence, spans, copies = check_evidence(graph, namer, Path(sources) if sources else None)
    findings += evidence

    resources, classes = _class_counts(data, namer)
    return Report(
        findings=sorted(set(findings), key=order),
        triples=len(data),
        ontology_triples=len(ontology),
        resources=resources,
        classes=classes,
        files=files,
        spans=spans,
        spans_checked=bool(copies),
        sources=copies,
    )
