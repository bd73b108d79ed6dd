"""Nodes as they are drawn: label lines measured, shape sized, colours chosen, tooltip data.

Two looks: a *box* (label inside: the commitments picture's commitments and actors, and
concepts) and a *marker* (a class shape with the label under it: the network pictures).
The sizes are those vis-network gives the same label, so layouts can keep labels apart.
"""

from __future__ import annotations

import textwrap
from typing import Any

from kg.render.pictures.scene import Node
from kg.render.pictures.style import style_of, text_color
from kg.render.pictures.textsize import block_width, text_width, wrap

#: Padding inside a box, on every side (vis-network's ``margin``).
MARGIN = 4.0

_TIP_ROWS = (
    ("band_title", "group"),
    ("figures", "key figures"),
    ("due_year", "due"),
    ("office", "office"),
    ("commitment_kind", "kind"),
    ("sector", "sector"),
    ("made_at", "made at"),
    ("located_in", "where"),
    ("connects", "connects"),
    ("concerns", "concerns"),
    ("under_agreement", "under"),
    ("initiative", "initiative"),
    ("part_of", "part of"),
    ("also_known_as", "also known as"),
    ("comment", "note"),
    ("gist", "gist"),
    ("text", "words"),
    ("source", "source"),
    ("distance", "steps from the focus"),
    ("paragraphs", "article paragraphs"),
    ("iri", "IRI"),
)


def node_info(data: dict[str, Any], paragraphs: dict[int, str] | None) -> dict[str, Any]:
    """What the tooltip shows: label, class, the rows that have a value, article text."""
    rows = [
        [caption, str(data[key])] for key, caption in _TIP_ROWS if data.get(key) not in (None, "")
    ]
    info: dict[str, Any] = {
        "label": data.get("label", ""),
        "class": data.get("class", ""),
        "rows": rows,
    }
    if paragraphs and data.get("paragraphs"):
        numbers = [int(p) for p in str(data["paragraphs"]).split(",") if p.strip().isdigit()]
        info["texts"] = [
            f"\u00b6{p}: " + textwrap.shorten(paragraphs[p], 320, placeholder=" \u2026")
            for p in numbers
            if p in paragraphs
        ]
    return info


def detail_line(data: dict[str, Any]) -> str:
    """A commitment's figures in one line: "project · estimated 8 billion USD · 2025 → 2030"."""
    parts = ["project"] if data.get("class") == "Project" else []
    label = str(data.get("label", ""))
    for key in ("amount", "estimated_cost", "total_value", "output_capacity"):
        if data.get(key):
            if str(data[key]) not in label:  # "3,000 training places" says it already
                parts.append(str(data[key]))
            break
    start, due = str(data.get("start_year", "")), str(data.get("due_year", ""))
    if start and due and start != due:
        parts.append(f"{start} \u2192 {due}")
    elif due and data.get("duration") and not data.get("target_year"):
        parts.append(f"{data['duration']}, due {due}")
    elif due:
        parts.append(f"due {due}")
    elif start:
        parts.append(f"from {start}")
    return " \u00b7 ".join(parts)


def box_node(
    n: str,
    data: dict[str, Any],
    *,
    fill: str,
    font: float,
    max_width: float,
    paragraphs: dict[int, str] | None,
    details: str = "",
    rounded: bool = False,
) -> Node:
    """A node with its label inside, sized like vis-network's ``box`` (label + margins)."""
    label = str(data.get("label", n))
    together = f"{label}  \u00b7  {details}"
    if details and text_width(together, font) <= max_width:
        lines = [together]
    else:
        lines = wrap(label, font, max_width) + (wrap(details, font, max_width) if details else [])
    style = style_of(data)
    node = Node(
        id=n,
        label=lines,
        shape="box",
        color=fill,
        kind=style.kind,
        font_size=font,
        font_color=text_color(fill),
        border="#333333",
        border_width=2.5 if data.get("class") == "Project" else 1.0,
        dashed=data.get("source") == "outside knowledge",
        info=node_info(data, paragraphs),
    )
    node.width = block_width(lines, font) + 2 * MARGIN
    node.height = font * len(lines) + 2 * MARGIN
    node.size = 14.0 if rounded else 3.0  # corner radius
    return node


def marker_node(
    n: str,
    data: dict[str, Any],
    *,
    radius: float,
    font: float,
    max_width: float,
    paragraphs: dict[int, str] | None,
) -> Node:
    """A class shape (dot, diamond, ...) with its label below, as vis-network draws it."""
    style = style_of(data)
    lines = wrap(str(data.get("label", n)), font, max_width)
    node = Node(
        id=n,
        label=lines,
        shape=style.shape if style.shape != "ellipse" else "dot",
        color=style.color,
        kind=style.kind,
        font_size=font,
        size=radius,
        dashed=data.get("source") == "outside knowledge",
        border_width=2.0 if data.get("source") == "outside knowledge" else 1.0,
        info=node_info(data, paragraphs),
    )
    node.width = block_width(lines, font)
    node.height = 2 * radius
    return node


def mark_focus(node: Node) -> None:
    """The focus stands out: a thick black ring, a larger bold-looking label."""
    node.focus = True
    node.border = "#000000"
    node.border_width = 5.0
    node.size = max(node.size, 26.0)
