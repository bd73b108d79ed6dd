"""``kg queries``: the catalogue of named questions, or one question in full."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import data_option, timeout_option
from kg.errors import UsageError

EXAMPLES = """\b
Examples:
  kg queries
  kg queries commitments-of-actor
  kg queries --store oxigraph:store/     # with each question's answer size on that store
"""


def _params_cell(q) -> str:  # type: ignore[no-untyped-def]
    parts = []
    for p in q.params:
        text = p.name if p.required else f"[{p.name}]"
        if p.type != "entity":
            text += f":{p.type}"
        parts.append(text)
    return " ".join(parts)


def describe(q) -> str:  # type: ignore[no-untyped-def]
    """One question in full: header fields, parameters, file and text."""
    lines = [f"{q.name}: {q.title}" if q.title else q.name]
    if q.description:
        lines += ["", q.description]
    if q.params:
        lines += ["", "Parameters (kg query NAME -p PARAM VALUE):"]
        for p in q.params:
            need = "required" if p.required else "optional"
            lines.append(f"  {p.name}  ({need}, {p.type})  {p.description}".rstrip())
    lines += ["", f"File: {q.path}", "", q.text.rstrip()]
    return "\n".join(lines) + "\n"


@click.command(name="queries", epilog=EXAMPLES)
@click.argument("name", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("table", "md", "csv", "tsv", "json")),
    default="table",
    show_default=True,
    help="Form of the list.",
)
@click.option(
    "--store",
    default=None,
    metavar="SPEC",
    help="Also run every question without required parameters on this store "
    "(memory, oxigraph:DIR, sparql:URL) and show how many answers it gives.",
)
@data_option
@timeout_option
def cli(
    name: str | None, fmt: str, store: str | None, data_dir: Path | None, timeout: float
) -> None:
    """List the named questions with their title and parameters ([name] is optional),
    or show one question in full: description, parameters and SPARQL text."""
    from kg.query import catalogue
    from kg.render.formats import render_rows

    if name is not None:
        click.echo(describe(catalogue.find(name)), nl=False)
        return
    questions = catalogue.catalogue()
    if not questions:
        raise UsageError("no named questions found", where="queries/")
    header = ["name", "title", "parameters"]
    rows = [[q.name, q.title, _params_cell(q)] for q in questions.values()]
    if store is not None or data_dir is not None:
        from kg.query import answer_counts
        from kg.stores import open_graph

        counts = answer_counts(open_graph(store, data_dir), timeout=timeout)
        header.append("answers")
        for row in rows:
            n = counts[row[0]]
            row.append("needs a parameter" if n is None else str(n))
    click.echo(render_rows(header, rows, fmt), nl=False)
