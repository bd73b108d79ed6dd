"""A network picture that shows itself inside a notebook, offline.

``kg viz`` writes one self-contained page (vis-network inlined, nothing fetched); a notebook
cell shows that same page in an ``<iframe srcdoc>``, so the page's script and styles cannot
touch the notebook's, and opening the notebook without a network still draws the graph.

>>> import kg
>>> picture = kg.draw("actors", focus="xi jinping", depth=1)    # the name as people type it
>>> picture                                                       # doctest: +ELLIPSIS
<Picture 'actors view around Xi Jinping (depth 1)': ... nodes, ... edge...>
>>> "<iframe" in picture._repr_html_() and "https://" not in picture.html.split("<body")[0]
True

May use: :mod:`kg.render.network`, :mod:`kg.render.pictures`, :mod:`kg.query` (the graph
it keeps), :mod:`kg.io`.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    from rdflib import Graph

#: height of the inline frame, in CSS pixels
FRAME_HEIGHT = 620


class Picture:
    """A projected network with its page: shown inline by Jupyter, saved by :meth:`save`."""

    def __init__(self, network: nx.MultiDiGraph, title: str):
        self.network = network
        self.title = title
        self._html: str | None = None

    def __repr__(self) -> str:
        n, m = self.network.number_of_nodes(), self.network.number_of_edges()
        return f"<Picture {self.title!r}: {n} node{'s' * (n != 1)}, {m} edge{'s' * (m != 1)}>"

    @property
    def html(self) -> str:
        """The whole self-contained page, as ``kg viz`` writes it."""
        if self._html is None:
            from kg.render.pictures import to_html

            self._html = to_html(self.network, title=self.title)
        return self._html

    def _repr_html_(self) -> str:
        page = html.escape(self.html, quote=True)
        return (
            f'<iframe srcdoc="{page}" title="{html.escape(self.title, quote=True)}" '
            f'style="width:100%;height:{FRAME_HEIGHT}px;border:0" '
            'sandbox="allow-scripts"></iframe>'
        )

    def save(self, path: Path | str, fmt: str | None = None) -> Path:
        """Write the picture (html, png, svg, graphml or gexf, from the suffix) atomically."""
        from kg.io import write_atomic
        from kg.render import pictures

        path = Path(path)
        name = pictures.format_for(path, fmt)
        write_atomic(path, pictures.render(self.network, name, title=self.title))
        return path


def draw(
    view: str = "actors",
    *,
    focus: str | None = None,
    depth: int = 1,
    data: Path | str | None = None,
    graph: Graph | None = None,
    store: str | None = None,
) -> Picture:
    """A view of the graph (``actors``, ``agreements``, ``commitments``, ``full``) as a picture.

    ``focus`` keeps only what lies within ``depth`` steps of one entity, named the way
    ``kg viz --focus`` takes it (a label, ``skgr:slug`` or IRI, forgiving case and accents).
    """
    from kg.render import network

    if graph is None:
        from kg.query.api import _graph_for

        graph = _graph_for(data, store)  # the graph kg.query keeps, loaded once
    network.check_view(view)
    G: Any = network.project(graph, view)
    what = f"{view} view"
    if focus:
        G = network.focus(G, focus, depth)
        what += f" around {G.nodes[G.graph['focus']]['label']} (depth {depth})"
    return Picture(G, what)
