"""``kg push``: upload the graph to a SPARQL 1.1 Graph Store Protocol endpoint."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import data_option, store_option

EXAMPLES = """\b
Examples:
  kg push --endpoint http://127.0.0.1:7878/store
  kg push --endpoint http://localhost:3030/summit/data --graph https://w3id.org/summit-kg/graph
"""


@click.command(name="push", epilog=EXAMPLES)
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="The Graph Store Protocol URL (Oxigraph: http://HOST:PORT/store).",
)
@click.option(
    "--graph",
    "graph_iri",
    metavar="IRI",
    default=None,
    help="Named graph to write [default: the endpoint's default graph].",
)
@click.option(
    "--append", is_flag=True, help="Add to what the target graph holds instead of replacing it."
)
@store_option
@data_option
def cli(
    endpoint: str, graph_iri: str | None, append: bool, store: str, data_dir: Path | None
) -> None:
    """Upload the graph (ontology and data) to another triple store through the SPARQL 1.1
    Graph Store Protocol: PUT replaces the target graph, --append POSTs into it.

    Afterwards 'kg query --store sparql:URL' asks that store the same questions.
    """
    from kg.stores import open_graph, push_graph

    graph = open_graph(store, data_dir)
    count = push_graph(graph, endpoint, graph_iri, replace=not append)
    target = f"graph <{graph_iri}>" if graph_iri else "the default graph"
    verb = "added to" if append else "replaced"
    click.echo(f"pushed {count:,} triples: {verb} {target} at {endpoint}", err=True)
