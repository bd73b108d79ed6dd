"""The ``kg`` command line: one click group whose commands live one per module.

Commands are imported only when invoked (or when ``--help`` lists them), so that
``kg --help`` and ``kg query`` do not pay for pyvis, networkx or pyshacl.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from kg import __version__
from kg.errors import KgError

#: command name -> (module under kg.cli, one-line summary shown by ``kg --help``).
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": (
        "validate",
        "Check the ontology and data: syntax, SHACL shapes, terms, labels, provenance.",
    ),
    "query": ("query", "Run a named question, a .rq file, stdin or --sparql text."),
    "evidence": (
        "evidence",
        "Each statement about a resource with the article's span and sentence.",
    ),
    "queries": ("queries", "List the named questions with their parameters."),
    "viz": ("viz", "Draw the relationships: an offline HTML page, PNG/SVG, GraphML or GEXF."),
    "stats": ("stats", "Counts, components, centrality and communities of the graph."),
    "export": (
        "export",
        "Write the graph as Turtle, JSON-LD, N-Triples, N-Quads, TriG or RDF/XML.",
    ),
    "import": ("import_", "Merge outside RDF files into a data folder, validated first."),
    "source": ("source", "Register another report as a source: its node and a file of claims."),
    "site": ("site", "Write an offline website of the graph: pages, search, charts, evidence."),
    "serve": ("serve", "Serve the graph as a read-only SPARQL 1.1 endpoint with a small web page."),
    "load": ("load", "Load RDF files into a persistent Oxigraph store."),
    "push": ("push", "Upload the graph to a SPARQL Graph Store Protocol endpoint."),
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when that command is needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        try:
            module = importlib.import_module(f"kg.cli.{entry[0]}")
        except ModuleNotFoundError as exc:
            if exc.name == f"kg.cli.{entry[0]}":
                return _not_built(cmd_name, entry[1])
            raise
        return module.cli

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Summaries come from COMMANDS, so listing them imports nothing.
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)


def _not_built(name: str, summary: str) -> click.Command:
    @click.command(name=name, help=summary)
    def stub() -> None:
        raise click.ClickException(f"'kg {name}' is not available in this build")

    return stub


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="kg")
def main() -> None:
    """summit-kg: the Second China–Central Asia Summit (Astana, 16–18 June 2025) as a
    knowledge graph you can query, draw and export.

    \b
    Examples:
      kg validate
      kg query parties-to-agreements --format csv
    """


def run() -> None:  # pragma: no cover - console entry for debugging
    sys.exit(main())
