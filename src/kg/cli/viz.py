"""``kg viz``: draw the graph as an offline HTML page, PNG/SVG, GraphML or GEXF."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.options import data_option, output_option, store_option
from kg.errors import UsageError

#: The network views (kg.render.network.VIEWS, in the same order; a test checks).
VIEW_NAMES = ("commitments", "actors", "agreements", "full")
#: What kg viz can draw: the networks and the timeline.
PICTURE_NAMES = (*VIEW_NAMES, "timeline")
FORMAT_NAMES = ("html", "png", "svg", "graphml", "gexf")


def view_option(help_text: str, names: tuple[str, ...] = VIEW_NAMES, default: str = "actors"):  # type: ignore[no-untyped-def]
    """--view, shared by kg viz and kg stats so both name the views alike."""
    return click.option(
        "--view", type=click.Choice(names), default=default, show_default=True, help=help_text
    )


EXAMPLES = """\b
Examples:
  kg viz -o summit.html
  kg viz --view timeline -o timeline.png
  kg viz --focus Kazakhstan --depth 2 -o kazakhstan.html
  kg viz --view full --focus "Xi Jinping" --depth 2 -o xi.png
"""


@click.command(name="viz", epilog=EXAMPLES)
@view_option(
    "commitments: who commits what to whom; actors: who is tied to whom; agreements; "
    "full: everything; timeline: every date on one axis.",
    PICTURE_NAMES,
    "commitments",
)
@click.option(
    "--focus", metavar="ENTITY", help="Draw only around this node (label, skgr:slug or IRI)."
)
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="How many steps around --focus to keep.",
)
@click.option(
    "--query",
    "query_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Draw the result of this SPARQL CONSTRUCT query (.rq file) instead of a view.",
)
@click.option("--title", help="Title shown on the picture.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMAT_NAMES),
    help="Output format [default: from the -o suffix, else html].",
)
@click.option(
    "--size-by",
    type=click.Choice(("degree", "betweenness")),
    default="degree",
    show_default=True,
    help="What a node's size shows.",
)
@click.option(
    "--concepts",
    is_flag=True,
    help="Full view: draw SKOS concepts (sectors, statuses ...) as nodes.",
)
@click.option(
    "--article",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The source article's text file: show its paragraphs in the HTML tooltips.",
)
@output_option
@data_option
@store_option
def cli(
    view: str,
    focus: str | None,
    depth: int,
    query_file: Path | None,
    title: str | None,
    fmt: str | None,
    size_by: str,
    concepts: bool,
    article: Path | None,
    output: Path | None,
    data_dir: Path | None,
    store: str,
) -> None:
    """Draw who committed what to whom, who is tied to whom, or the timeline.

    The default picture reads as sentences: committer -> commitment -> beneficiary. The
    HTML page is one self-contained file: it loads nothing from the internet, so it works
    offline. Hover a node for its class, key figures and article paragraphs; click a kind
    in the legend to hide it. The same data and options give the same bytes on every run.
    """
    from kg.render import network
    from kg.render import pictures as viz
    from kg.stores import open_graph

    fmt = viz.format_for(output, fmt)
    if output is None and fmt == "png" and sys.stdout.isatty():
        raise UsageError(
            "PNG is binary", where="--format", hint="write it to a file with -o FILE.png"
        )
    graph = open_graph(store, data_dir)
    if view == "timeline":
        if focus or query_file is not None:
            raise UsageError(
                "the timeline shows every dated item",
                where="--focus" if focus else "--query",
                hint="leave it out, or pick a network view",
            )
        title = title or "Second China–Central Asia Summit (Astana, 2025): timeline"
        payload = viz.timeline(network.project(graph, "full"), fmt, title=title)
        _write(payload, output, f"{fmt}, timeline")
        return
    if query_file is not None:
        G = network.project_construct(run_construct(graph, query_file), graph)
        what = f"result of {query_file.name}"
    else:
        G = network.project(graph, view, concepts=concepts)
        what = f"{view} view"
    if focus:
        G = network.focus(G, focus, depth)
        what += f" around {G.nodes[G.graph['focus']]['label']} (depth {depth})"
    title = title or f"Second China–Central Asia Summit (Astana, 2025): {what}"
    paragraphs = viz.article_paragraphs(article) if article else None
    payload = viz.render(G, fmt, title=title, size_by=size_by, paragraphs=paragraphs)
    _write(payload, output, f"{fmt}, {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")


def _write(payload: bytes, output: Path | None, summary: str) -> None:
    """To stdout, or atomically to the file with one line on stderr."""
    from kg.io import write_atomic

    if output is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    else:
        write_atomic(output, payload)
        click.echo(f"wrote {output} ({summary}, {len(payload):,} bytes)", err=True)


def run_construct(graph, path: Path):  # type: ignore[no-untyped-def]
    """Run a CONSTRUCT query file and return its result graph; anything else is a usage error."""
    from kg.model.namespaces import sparql_prologue

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read the query: {exc.strerror}", where=str(path)) from None
    try:
        result = graph.query(sparql_prologue() + text)
    except Exception as exc:  # rdflib raises pyparsing errors and others for bad SPARQL
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UsageError(
            f"the query failed: {message}", where=str(path), hint="check the SPARQL syntax"
        ) from None
    if result.type != "CONSTRUCT" or result.graph is None:
        raise UsageError(
            f"--query needs a CONSTRUCT query, this is a {result.type}",
            where=str(path),
            hint="rewrite it as CONSTRUCT { ?s ?p ?o } WHERE { ... }",
        )
    return result.graph
