"""``kg site -o DIR``: an offline website of the graph (see :mod:`kg.render.site`)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.evidence import resolve_sources, sources_option
from kg.cli.options import data_option, timeout_option

EXAMPLES = """\b
Examples:
  kg site -o site/
  kg site -o site/ --sources ../shared/sources
  python -m http.server -d site/ 8080      # or open site/index.html directly
"""


@click.command(name="site", epilog=EXAMPLES)
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Folder to write the site into: new, empty, or a site kg wrote before (replaced "
    "whole, only once every page is ready).",
)
@sources_option
@data_option
@timeout_option
def cli(output: Path, sources: Path | None, data_dir: Path | None, timeout: float) -> None:
    """Write a static website of the graph that works offline, from file:// or any host.

    A home page with the summit at a glance, a page per resource (statements in plain
    words, what points at it, evidence, Turtle and JSON-LD downloads), a page per named
    question (sortable table, CSV/JSON, timeline, bar chart, network), search by name, and
    with --sources the article with every evidence span marked. Nothing is fetched from
    the network when the pages are viewed.
    """
    from kg.render.site.build import build_site

    folder = resolve_sources(sources)
    report = build_site(output, data=data_dir, sources=folder, timeout=timeout or None)
    article = ", the article view" if report.article else " (no article view: see --sources)"
    click.echo(
        f"wrote {report.folder}: {report.pages} pages{article}, {report.files} files, "
        f"{report.bytes / 1e6:.1f} MB in {report.seconds:.1f} s; open "
        f"{report.folder / 'index.html'}",
        err=True,
    )
