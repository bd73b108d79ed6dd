"""The interactive page: ONE self-contained HTML file drawn by vis-network.

vis-network's JavaScript and CSS are read from the installed pyvis package at render time
and inlined into our own template (``kg/render/pictures/templates/graph.html``); pyvis's
template is not used because it loads assets from CDNs even in its ``in_line`` mode. The
page fetches nothing, so it works offline and tells no third party who opened it. The
article's paragraphs, for tooltips, are read at render time from a file the user names.
"""

from __future__ import annotations

import json
import re
import textwrap
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from kg.errors import UsageError
from kg.render.pictures.style import legend, sizes, style_of

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

VIS_VERSION = "vis-9.1.2"


def article_paragraphs(path: Path | str) -> dict[int, str]:
    """Paragraphs of the source text, numbered as the graph numbers them (blank-line blocks,
    title = 1). Read at render time from a file the user names; never stored in the repo.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read the article: {exc.strerror}", where=str(path)) from None
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    return {i: " ".join(b.split()) for i, b in enumerate(blocks, start=1)}


_TIP_ROWS = (
    ("figures", "key figures"),
    ("office", "office"),
    ("commitment_kind", "kind"),
    ("sector", "sector"),
    ("also_known_as", "also known as"),
    ("comment", "note"),
    ("gist", "gist"),
    ("text", "words"),
    ("source", "source"),
    ("paragraphs", "article paragraphs"),
    ("iri", "IRI"),
)


def _node_info(data: dict[str, Any], paragraphs: dict[int, str] | None) -> dict[str, Any]:
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


def _escape_json(text: str) -> str:
    """JSON that is safe inside a <script> element: nothing in the data may close it."""
    return text.replace("</", "<\\/").replace("<!--", "<\\u0021--")


def _check_raw(text: str, end: str) -> str:
    """Library code is inlined as it is (escaping would change its regular expressions);
    refuse it if it could end its own element early."""
    if re.search(rf"</{end}|<!--", text, re.IGNORECASE):  # pragma: no cover - vendor change
        raise UsageError(f"the vis-network asset contains </{end}", where="pyvis")
    return text


def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped in the pyvis wheel, with the source-map comment
    removed (a browser's developer tools would otherwise try to fetch the map)."""
    lib = resources.files("pyvis") / "lib" / VIS_VERSION
    try:
        js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        css = (lib / "vis-network.css").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):  # pragma: no cover - depends on the pyvis build
        raise UsageError(
            f"pyvis does not ship {VIS_VERSION}",
            where="pyvis",
            hint="reinstall with pip install 'pyvis>=0.3.2'",
        ) from None
    js = re.sub(r"//# sourceMappingURL=\S*", "", js)
    css = re.sub(r"/\*# sourceMappingURL=\S*\s*\*/", "", css)
    return js, css


def to_html(
    G: nx.MultiDiGraph,
    *,
    title: str = "summit-kg",
    subtitle: str = "",
    size_by: str = "degree",
    paragraphs: dict[int, str] | None = None,
) -> str:
    """The graph as one self-contained HTML page (no outside URL is referenced)."""
    nodes = _nodes(G, sizes(G, size_by), paragraphs)
    edges = _edges(G)
    n = len(nodes)
    payload = {
        "title": title,
        "subtitle": subtitle
        or f"{n} nodes, {len(edges)} edges. Hover for details; drag to move; scroll to zoom.",
        "nodes": nodes,
        "edges": edges,
        "legend": legend(G),
        "note": f"Node size: {size_by}. Edge label: the relation. "
        "Dashed border: outside knowledge, not from the article.",
        "iterations": 300 if n < 60 else 500,
    }
    return _page(title, payload)


def _nodes(
    G: nx.MultiDiGraph, size: dict[str, float], paragraphs: dict[int, str] | None
) -> list[dict[str, Any]]:
    nodes = []
    for n, data in G.nodes(data=True):
        style = style_of(data)
        nodes.append(
            {
                "id": n,
                "label": data.get("label", n),
                "shape": style.shape,
                "color": style.color,
                "value": round(size.get(n, 0.0), 4),
                "dashed": data.get("source") == "outside knowledge",
                "info": _node_info(data, paragraphs),
            }
        )
    return nodes


def _edges(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    edges = []
    for i, (u, v, data) in enumerate(G.edges(data=True)):
        via = [t for t in str(data.get("via", "")).split("; ") if t]
        edges.append(
            {
                "id": f"e{i}",
                "from": u,
                "to": v,
                "label": data.get("label", ""),
                "weight": data.get("weight", 1),
                "arrow": data.get("directed", True),
                "info": {"label": data.get("label", ""), "via": via},
            }
        )
    return edges


def _page(title: str, payload: dict[str, Any]) -> str:
    """The template filled in: vis-network inlined, the data as JSON safe inside <script>."""
    import html

    from kg import __version__

    js, css = _vis_assets()
    template = Template(
        (resources.files("kg.render.pictures") / "templates" / "graph.html").read_text(
            encoding="utf-8"
        )
    )
    return template.substitute(
        title=html.escape(title),
        version=__version__,
        vis_css=_check_raw(css, "style"),
        vis_js=_check_raw(js, "script"),
        data=_escape_json(json.dumps(payload, ensure_ascii=False)),
    )
