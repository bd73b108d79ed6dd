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
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from kg.errors import UsageError
from kg.render.pictures.compose import scene_of
from kg.render.pictures.nodes import MARGIN
from kg.render.pictures.scene import Edge, Node, Scene

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
    scene = scene_of(G, title=title, subtitle=subtitle, size_by=size_by, paragraphs=paragraphs)
    return scene_html(scene)


def scene_html(scene: Scene) -> str:
    """A laid-out scene as the page: vis-network draws it where the layout put it."""
    payload = {
        "title": scene.title,
        "subtitle": scene.subtitle,
        "kind": scene.kind,
        "nodes": [_node(n) for n in scene.nodes],
        "edges": [_edge(e) for e in scene.edges],
        "legend": scene.legend,
        "statusLegend": scene.status_legend,
        "edgeLegend": scene.edge_legend,
        "note": scene.note,
        "bands": [
            {"title": b.title, "box": [_r(b.left), _r(b.top), _r(b.right), _r(b.bottom)]}
            for b in scene.bands
        ],
        "guides": [[[_r(x), _r(y)] for x, y in g] for g in scene.guides],
        "columns": [[_r(x), text, align] for x, text, align in scene.columns],
        "view": [_r(v) for v in scene.view_box()],
        "zoomLabels": scene.zoom_labels,
        "clusters": {k: [_r(v[0]), _r(v[1]), v[2]] for k, v in scene.clusters.items()},
    }
    return _page(scene.title, payload)


def _r(value: float) -> float:
    """Coordinates to a tenth of a pixel: short, and the same on every platform."""
    return round(float(value), 1)


def _node(n: Node) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": n.id,
        "label": "\n".join(n.label) if n.show_label else "",
        "shape": n.shape,
        "color": n.color,
        "border": n.border,
        "borderWidth": n.border_width,
        "dashed": n.dashed,
        "x": _r(n.x),
        "y": _r(n.y),
        "size": _r(n.size),
        "font": {"size": n.font_size, "color": n.font_color},
        "margin": MARGIN,
        "kind": n.kind,
        "info": n.info,
    }
    if n.focus:
        out["focus"] = True
    if n.cluster:
        out["cluster"] = n.cluster
    return out


def _edge(e: Edge) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": e.id,
        "from": e.source,
        "to": e.target,
        "color": e.color,
        "width": e.width,
        "dashes": e.dashes,
        "arrow": e.arrow,
        "label": e.label if e.label_at is not None else "",
        "labelT": float(e.info.get("label_t", 0.5)),
        "info": {"label": e.info.get("label", e.label), "via": e.info.get("via", [])},
    }
    if e.curve:
        out["curve"] = e.curve
    if e.hidden:
        out["hidden"] = True
    if e.path:
        # drawn by the page's script along the route; vis-network keeps the edge, unseen
        out["path"] = [list(step) for step in e.path]
        out["labelAt"] = list(e.label_at) if e.label_at else None
    return out


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
