"""``kg stats``: counts, components, centrality and communities of the graph."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from kg.cli.options import data_option, output_option, store_option
from kg.cli.viz import view_option

EXAMPLES = """\b
Examples:
  kg stats
  kg stats --view full --top 5 --format json
"""


@click.command(name="stats", epilog=EXAMPLES)
@view_option("The view whose components, centrality and communities are reported.")
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="How many nodes to list per centrality measure.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("table", "json")),
    default="table",
    show_default=True,
    help="A table for people or JSON for programs.",
)
@output_option
@data_option
@store_option
def cli(
    view: str, top: int, fmt: str, output: Path | None, data_dir: Path | None, store: str
) -> None:
    """Report resources per class, nodes and edges per view, connected components,
    degree and betweenness centrality and communities (Louvain, fixed seed).
    """
    from kg.io import write_atomic
    from kg.render.network import network_stats
    from kg.stores import open_graph

    stats = network_stats(open_graph(store, data_dir), view=view, top=top)
    text = json.dumps(stats, indent=2, ensure_ascii=False) + "\n" if fmt == "json" else table(stats)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)


def _rows(title: str, header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> list[str]:
    cells = [tuple(str(c) for c in header)] + [tuple(str(c) for c in r) for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]

    def line(r: tuple[str, ...]) -> str:
        return "  ".join(
            c.rjust(w) if c.replace(".", "").isdigit() else c.ljust(w)
            for c, w in zip(r, widths, strict=True)
        ).rstrip()

    out = [title, line(cells[0]), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells[1:]]
    return out + [""]


def table(stats: dict[str, Any]) -> str:
    """The statistics as plain-text tables, one block per measure."""
    view = stats["view"]
    lines: list[str] = []
    lines += _rows("Resources per class", ("class", "resources"), list(stats["classes"].items()))
    lines += _rows(
        "Nodes and edges per view",
        ("view", "nodes", "edges"),
        [(k, v["nodes"], v["edges"]) for k, v in stats["views"].items()],
    )
    comp = stats["components"]
    lines += [
        f"Connected components ({view} view): {comp['count']}, sizes "
        + ", ".join(str(s) for s in comp["sizes"]),
        "",
    ]
    for key, name in (("degree_centrality", "Degree"), ("betweenness_centrality", "Betweenness")):
        lines += _rows(
            f"{name} centrality, top {len(stats[key])} ({view} view)",
            ("node", "class", "score"),
            [(r["label"], r["class"], f"{r['score']:.3f}") for r in stats[key]],
        )
    lines.append(f"Communities ({view} view, Louvain): {len(stats['communities'])}")
    for i, members in enumerate(stats["communities"], start=1):
        lines.append(f"  {i}. " + "; ".join(members))
    return "\n".join(lines) + "\n"
