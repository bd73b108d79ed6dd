"""``kg validate``: syntax, SHACL shapes, SPARQL checks and evidence spans, one line per finding."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli.evidence import resolve_sources, sources_option
from kg.cli.options import data_option

EXAMPLES = """\b
Examples:
  kg validate
  kg validate --sources ../shared/sources
  kg validate --data my-triples/ --format json
"""


@click.command(name="validate", epilog=EXAMPLES)
@data_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one line per finding, summary on stderr; json: one object on stdout.",
)
@click.option(
    "--no-shacl", is_flag=True, help="Skip the SHACL shapes (syntax and SPARQL checks only)."
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too, not only violations.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@sources_option
def cli(
    data_dir: Path | None,
    fmt: str,
    no_shacl: bool,
    strict: bool,
    quiet: bool,
    sources: Path | None,
) -> None:
    """Check the ontology and the data: that every file parses, the SHACL shapes
    (ontology/shapes.ttl), terms declared in the ontology, labels, provenance, the SPARQL
    checks in queries/checks/, and the evidence spans: inside the source and the paragraph
    they claim; with --sources (or KG_SOURCES) also against the article's words (its hash,
    quotations, numbers in the article's notation, names).

    Findings go to stdout, one per line: severity, check, focus resource, message, and the
    file:line the resource is described at. The summary (triples, resources per class,
    spans) goes to stderr. Exit 0 when clean, 1 on violations (on warnings too with
    --strict) or when nothing was loaded, 2 when a file does not parse (reported as
    file:line:col) or the article's copy is not the recorded one.
    """
    from kg.validate import Severity, validate

    folder = resolve_sources(sources)
    report = validate(data_dir, shacl=not no_shacl, sources=folder)
    failed = not report.ok or (strict and bool(report.findings))

    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        for f in report.findings:
            where = f"  ({f.where})" if f.where else ""
            click.echo(f"{f.severity.value.upper():9}  {f.check}  {f.focus}  {f.message}{where}")
        if not quiet:
            _summary(report, Severity)
    if failed:
        raise SystemExit(1)


def _summary(report, severity) -> None:  # type: ignore[no-untyped-def]
    echo = lambda text="": click.echo(text, err=True)  # noqa: E731
    echo(
        f"{report.triples:,} data triples, {report.ontology_triples:,} ontology triples, "
        f"{report.resources:,} typed resources"
    )
    width = max((len(c) for c in report.classes), default=0)
    for cls, n in report.classes.items():
        echo(f"  {cls:<{width}}  {n:>4}")
    if report.spans_checked:
        echo(f"{report.spans:,} evidence spans checked against {', '.join(report.sources)}")
    elif report.spans:
        echo(
            f"{report.spans:,} evidence spans checked offline only, not against the text: "
            "give --sources ../shared/sources (or set KG_SOURCES) to check their words"
        )
    v, w = report.count(severity.VIOLATION), report.count(severity.WARNING)
    if not report.findings:
        echo("OK: no findings")
    else:
        echo(f"{v} violation{'s' * (v != 1)}, {w} warning{'s' * (w != 1)}")
