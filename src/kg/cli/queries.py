"""``kg queries``: the catalogue of named questions, or one question in full."""

from __future__ import annotations

import click

from kg.errors import UsageError

EXAMPLES = """\b
Examples:
  kg queries
  kg queries commitments-of-actor
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
def cli(name: str | None, fmt: str) -> None:
    """List the named questions with their title and parameters ([name] is optional),
    or show one question in full: description, parameters and SPARQL text."""
    from kg import catalogue
    from kg.formats import render_rows

    if name is not None:
        click.echo(describe(catalogue.find(name)), nl=False)
        return
    questions = catalogue.catalogue()
    if not questions:
        raise UsageError("no named questions found", where="queries/")
    rows = [[q.name, q.title, _params_cell(q)] for q in questions.values()]
    click.echo(render_rows(["name", "title", "parameters"], rows, fmt), nl=False)
