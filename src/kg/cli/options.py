"""Options shared by several commands, defined once so every command spells them alike."""

from __future__ import annotations

from pathlib import Path

import click

data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of triple files to use instead of the shipped data.",
)

output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of stdout (written atomically).",
)

store_option = click.option(
    "--store",
    default="memory",
    show_default=True,
    metavar="SPEC",
    help="Where the graph lives: memory (parse the data), oxigraph:DIR, or sparql:URL.",
)

timeout_option = click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=60.0,
    show_default=True,
    metavar="SECONDS",
    help="Stop a query that runs longer than this (0: no limit).",
)
