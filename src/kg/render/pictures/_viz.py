"""Pictures and network files of a projected graph (see :mod:`kg.render.network`).

* ``html``: an interactive vis-network page that is ONE self-contained file. vis-network's
  JavaScript and CSS are read from the installed pyvis package at render time and inlined
  into our own template (``kg/render/pictures/templates/graph.html``); pyvis's template is not used because
  it loads assets from CDNs even in its ``in_line`` mode. The page fetches nothing, so it
  works offline and tells no third party who opened it.
* ``png`` / ``svg``: a static matplotlib drawing with a legend, for reports.
* ``graphml`` / ``gexf``: for Gephi, Cytoscape and yEd.
"""

from __future__ import annotations

import io
import json
import math
import re
import textwrap
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from kg.errors import UsageError
from kg.render.network import CLASS_STYLE, CONCEPT_STYLE, ClassStyle

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: format name -> (media type, is binary)
FORMATS: dict[str, tuple[str, bool]] = {
    "html": ("text/html", False),
    "png": ("image/png", True),
    "svg": ("image/svg+xml", False),
    "graphml": ("application/graphml+xml", False),
    "gexf": ("application/gexf+xml", False),
}

#: vis-network shape -> (legend symbol, matplotlib marker)
SHAPES: dict[str, tuple[str, str]] = {
    "dot": ("\u25cf", "o"),
    "diamond": ("\u25c6", "D"),
    "square": ("\u25a0", "s"),
    "triangle": ("\u25b2", "^"),
    "triangleDown": ("\u25bc", "v"),
    "star": ("\u2605", "*"),
    "hexagon": ("\u2b22", "h"),
    "ellipse": ("\u2b2c", "o"),
}

VIS_VERSION = "vis-9.1.2"


def format_for(output: Path | None, fmt: str | None) -> str:
    """The format to write: ``--format`` if given, else the output file's suffix, else html."""
    if fmt:
        return fmt
    if output is not None:
        suffix = output.suffix.lower().lstrip(".")
        if suffix in ("htm", "html"):
            return "html"
        if suffix in FORMATS:
            return suffix
    return "html"


def style_of(data: dict[str, Any]) -> ClassStyle:
    return CLASS_STYLE.get(data.get("class", ""), CONCEPT_STYLE)


def sizes(G: nx.MultiDiGraph, size_by: str = "degree") -> dict[str, float]:
    """Node importance for sizing: degree (ties counted once per neighbour) or betweenness."""
    import networkx as nx

    from kg.render.network import simple_undirected

    U = simple_undirected(G)
    if size_by == "betweenness":
        return dict(nx.betweenness_centrality(U))
    if size_by == "degree":
        return {n: float(d) for n, d in U.degree()}
    raise UsageError(
        f"unknown size measure {size_by!r}", where="--size-by", hint="degree or betweenness"
    )


def legend(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One entry per class present, in the fixed class order so every picture agrees."""
    counts: dict[str, int] = {}
    for _, data in G.nodes(data=True):
        counts[data.get("class", "")] = counts.get(data.get("class", ""), 0) + 1
    order = list(CLASS_STYLE)
    entries = []
    for cls in sorted(counts, key=lambda c: (order.index(c) if c in order else len(order), c)):
        style = CLASS_STYLE.get(cls, CONCEPT_STYLE)
        entries.append(
            {
                "name": cls,
                "count": counts[cls],
                "color": style.color,
                "shape": style.shape,
                "symbol": SHAPES[style.shape][0],
            }
        )
    return entries


# -- the article's paragraphs, for tooltips -----------------------------------------------
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
    from kg import __version__

    size = sizes(G, size_by)
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
    js, css = _vis_assets()
    template = Template(
        (resources.files("kg.render.pictures") / "templates" / "graph.html").read_text(
            encoding="utf-8"
        )
    )
    import html

    return template.substitute(
        title=html.escape(title),
        version=__version__,
        vis_css=_check_raw(css, "style"),
        vis_js=_check_raw(js, "script"),
        data=_escape_json(json.dumps(payload, ensure_ascii=False)),
    )


# -- static pictures ----------------------------------------------------------------------
def layout(G: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """A spring layout spread out enough that labels do not pile up."""
    import networkx as nx

    from kg.render.network import simple_undirected

    U = simple_undirected(G)
    if len(U) == 0:
        return {}
    k = 2.2 / math.sqrt(max(len(U), 1))
    return nx.spring_layout(U, k=k, iterations=300, seed=seed, weight=None)


def to_static(G: nx.MultiDiGraph, fmt: str = "png", *, title: str = "summit-kg") -> bytes:
    """A PNG or SVG drawing: colours and shapes by class, a legend, the important labels."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    pos = layout(G)
    size = sizes(G)
    n = G.number_of_nodes()
    width = 16 if n <= 60 else 20
    # SVG keeps labels as text, so they stay searchable and sharp at any zoom.
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "summit-kg"}):
        fig, ax = plt.subplots(figsize=(width, width * 0.68), dpi=110)
        return _draw(G, fig, ax, pos, size, fmt, title)


def _draw(G, fig, ax, pos, size, fmt: str, title: str) -> bytes:  # type: ignore[no-untyped-def]
    import matplotlib.pyplot as plt
    import networkx as nx
    from matplotlib.lines import Line2D

    n = G.number_of_nodes()
    try:
        ax.set_title(title, fontsize=18, loc="left")
        ax.axis("off")
        from kg.render.network import simple_undirected

        U = simple_undirected(G)  # one line per pair is enough on paper; width = ties
        widths = [min(0.8 + 0.5 * (d.get("weight", 1) - 1), 5.0) for *_, d in U.edges(data=True)]
        nx.draw_networkx_edges(U, pos, ax=ax, edge_color="#b0b7bd", width=widths, alpha=0.8)
        top = max(size.values(), default=1.0) or 1.0
        by_shape: dict[tuple[str, str], list[str]] = {}
        for node, data in G.nodes(data=True):
            style = style_of(data)
            by_shape.setdefault((style.shape, style.color), []).append(node)
        for (shape, color), members in by_shape.items():
            nx.draw_networkx_nodes(
                G,
                pos,
                nodelist=members,
                node_color=color,
                node_shape=SHAPES[shape][1],
                node_size=[120 + 900 * size.get(m, 0) / top for m in members],
                edgecolors="#333333",
                linewidths=0.6,
                ax=ax,
            )
        # Label everything in small pictures; in big ones only the most connected nodes.
        ranked = sorted(G.nodes, key=lambda m: -size.get(m, 0))
        shown = ranked if n <= 45 else ranked[:35]
        labels = {
            m: textwrap.fill(str(G.nodes[m].get("label", m)), 24, break_long_words=False)
            for m in shown
        }
        ys = [y for _, y in pos.values()] or [0.0]
        drop = 0.025 * ((max(ys) - min(ys)) or 1.0)  # labels sit just below their marker
        label_pos = {m: (x, y - drop) for m, (x, y) in pos.items()}
        nx.draw_networkx_labels(
            G,
            label_pos,
            labels=labels,
            font_size=9 if n <= 45 else 8,
            ax=ax,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.7, "pad": 0.5},
            verticalalignment="top",
        )
        handles = [
            Line2D(
                [],
                [],
                marker=SHAPES[e["shape"]][1],
                color="none",
                markerfacecolor=e["color"],
                markeredgecolor="#333333",
                markersize=10,
                label=f"{e['name']} ({e['count']})",
            )
            for e in legend(G)
        ]
        note = "size: degree" + ("" if len(shown) == n else f"; labels: top {len(shown)} by degree")
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            fontsize=11,
            frameon=True,
            title=f"Class ({note})",
            title_fontsize=11,
        )
        fig.tight_layout()
        buf = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {}
        fig.savefig(buf, format=fmt, metadata=metadata, bbox_inches="tight")
        return buf.getvalue()
    finally:
        plt.close(fig)


# -- network formats ----------------------------------------------------------------------
def _scalar_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all str/int/float/bool, as GraphML and GEXF require."""
    H = G.copy()
    for _, data in list(H.nodes(data=True)) + [(None, d) for *_, d in H.edges(data=True)]:
        for key, value in list(data.items()):
            if value is None:
                del data[key]
            elif not isinstance(value, str | int | float | bool):
                data[key] = str(value)
    H.graph = {k: str(v) for k, v in G.graph.items()}
    return H


def to_graphml(G: nx.MultiDiGraph) -> bytes:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(_scalar_graph(G), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def to_gexf(G: nx.MultiDiGraph) -> bytes:
    import networkx as nx

    H = _scalar_graph(G)
    # GEXF keeps colours and shapes in its viz module, which Gephi shows directly.
    for _, data in H.nodes(data=True):
        colour = style_of(data).color.lstrip("#")
        data["viz"] = {
            "color": {
                "r": int(colour[0:2], 16),
                "g": int(colour[2:4], 16),
                "b": int(colour[4:6], 16),
                "a": 1.0,
            }
        }
    buf = io.BytesIO()
    nx.write_gexf(H, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def render(
    G: nx.MultiDiGraph,
    fmt: str,
    *,
    title: str = "summit-kg",
    subtitle: str = "",
    size_by: str = "degree",
    paragraphs: dict[int, str] | None = None,
) -> bytes:
    """The graph in ``fmt`` (one of :data:`FORMATS`) as bytes ready to write."""
    if fmt == "html":
        return to_html(
            G, title=title, subtitle=subtitle, size_by=size_by, paragraphs=paragraphs
        ).encode("utf-8")
    if fmt in ("png", "svg"):
        return to_static(G, fmt, title=title)
    if fmt == "graphml":
        return to_graphml(G)
    if fmt == "gexf":
        return to_gexf(G)
    raise UsageError(f"unknown format {fmt!r}", where="--format", hint="use " + ", ".join(FORMATS))
