"""The answer a notebook gets from ``kg.query(...)``: an rdflib ``Result`` that also knows
how to become a pandas DataFrame and how to show itself in Jupyter.

It stays a ``Result`` (a subclass, built from the engine's answer) so that everything written
against rdflib keeps working: iterate for rows, ``len()``, ``.vars``, ``.bindings``,
``.serialize(format="csv")``, ``.graph`` for CONSTRUCT. What it adds:

* :meth:`Answer.to_df`: named columns, numbers as numbers (nullable ``Int64``/``Float64``),
  ``xsd:date`` as datetimes, ``xsd:gYear`` as yearly periods, booleans as ``boolean``; IRIs
  in full, as prefixed names or as labels (``iris=``). pandas is optional: the method says
  how to install it when it is missing.
* ``_repr_html_``: a table whose IRIs are links to the resources, for Jupyter.
* :meth:`Answer.draw`: a CONSTRUCT answer as an inline network picture.

>>> import kg
>>> answer = kg.query("leaders")
>>> answer
<Answer SELECT: 6 rows x 6 columns (state, stateLabel, office, role, leader, leaderLabel)>
>>> sorted(str(row.stateLabel) for row in answer)[:2]        # still an rdflib Result
['China', 'Kazakhstan']
>>> df = answer.to_df(iris="label")
>>> df.loc[df.stateLabel == "China", "leader"].item()
'Xi Jinping'

May use: :mod:`kg.query` (running), :mod:`kg.render.values`, :mod:`kg.render.network` and
:mod:`kg.render.pictures` (drawing), :mod:`kg.errors`; pandas inside :meth:`to_df` only.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph, URIRef
from rdflib.query import Result

from kg.errors import UsageError
from kg.limits import DEFAULT_TIMEOUT
from kg.render.values import IRI_STYLES, iri_namer, kind_of, python_value

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from kg.render.pictures.inline import Picture

#: rows shown by ``_repr_html_`` before "... more rows"
HTML_ROWS = 100


class Answer(Result):
    """A query's answer: an rdflib ``Result`` with ``to_df()`` and a rich notebook display."""

    def __init__(self, result: Result, source: Graph | None = None):
        super().__init__(result.type)
        self.vars = result.vars
        self.askAnswer = result.askAnswer
        self.graph = result.graph
        if result.type == "SELECT":
            self.bindings = list(result.bindings)
        #: the graph the question was asked of: labels for ``iris="label"`` and pictures
        self.source = source

    def __repr__(self) -> str:
        if self.type == "ASK":
            return f"<Answer ASK: {bool(self.askAnswer)}>"
        if self.type != "SELECT":
            return f"<Answer {self.type}: {len(self.graph or ())} triples>"
        names = ", ".join(str(v) for v in self.vars or ())
        return f"<Answer SELECT: {len(self)} rows x {len(self.vars or ())} columns ({names})>"

    def columns(self) -> tuple[list[str], list[list[Any]]]:
        """(column names, rows of terms): the answer as a table whatever its kind."""
        if self.type == "ASK":
            from rdflib import Literal

            return ["answer"], [[Literal(bool(self.askAnswer))]]
        if self.type == "SELECT":
            names = [str(v) for v in self.vars or ()]
            return names, [[row.get(v) for v in self.vars or ()] for row in self.bindings]
        triples = sorted(self.graph or (), key=lambda t: tuple(str(x) for x in t))
        return ["subject", "predicate", "object"], [list(t) for t in triples]

    def to_df(self, iris: str = "compact") -> pd.DataFrame:
        """The answer as a DataFrame: one named column per variable, one row per answer row.

        ``iris`` is how IRIs appear: ``"compact"`` (``skgr:china``), ``"label"`` (``China``,
        from the graph asked) or ``"iri"`` (the full text, for joins with other datasets).
        """
        try:
            import pandas as pd
        except ImportError:
            raise UsageError(
                "to_df() needs pandas",
                where="Answer.to_df",
                hint="pip install 'summit-kg[analyst]' (or pandas)",
            ) from None
        if iris not in IRI_STYLES:
            raise UsageError(
                f"unknown IRI style {iris!r}", where="iris", hint="use iri, compact or label"
            )
        name = iri_namer(iris, self.source)
        header, rows = self.columns()
        data = {
            column: _series(pd, [row[i] for row in rows], name) for i, column in enumerate(header)
        }
        return pd.DataFrame(data, columns=header)

    def _repr_html_(self) -> str:
        """An HTML table for Jupyter: IRIs link to the resource and show its prefixed name."""
        header, rows = self.columns()
        label = iri_namer("compact")
        head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
        body = []
        for row in rows[:HTML_ROWS]:
            body.append("<tr>" + "".join(f"<td>{_html_cell(t, label)}</td>" for t in row) + "</tr>")
        more = len(rows) - HTML_ROWS
        note = f"<p>… {more} more rows (use .to_df() for all)</p>" if more > 0 else ""
        caption = f"{len(rows)} row{'s' if len(rows) != 1 else ''}"
        return (
            f'<table class="kg-answer"><caption>{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{note}"
        )

    def draw(self, *, title: str = "") -> Picture:
        """A CONSTRUCT or DESCRIBE answer as an inline network (labels from the graph asked)."""
        from kg.render.network import project_construct
        from kg.render.pictures.inline import Picture

        if self.type not in ("CONSTRUCT", "DESCRIBE") or self.graph is None:
            raise UsageError(
                f"a {self.type} answer is a table, not a graph",
                where="Answer.draw",
                hint="draw a CONSTRUCT query, or kg.draw(view=...) for the whole graph",
            )
        context = self.source if self.source is not None else self.graph
        return Picture(project_construct(self.graph, context), title or "query answer")


def _series(pd: Any, terms: Sequence[Any], name: Any) -> Any:
    """One column with the dtype its terms ask for; mixed kinds stay plain values."""
    kinds = {kind_of(t) for t in terms if t is not None}
    values = [python_value(t, name) for t in terms]
    if kinds == {"int"}:
        return pd.array(values, dtype="Int64")
    if kinds and kinds <= {"int", "real"}:
        return pd.array([None if v is None else float(v) for v in values], dtype="Float64")
    if kinds == {"bool"}:
        return pd.array(values, dtype="boolean")
    if kinds == {"year"}:
        periods = [None if v is None else pd.Period(year=v, freq="Y") for v in values]
        return pd.array(periods, dtype=pd.PeriodDtype("Y"))
    if kinds in ({"date"}, {"datetime"}):
        return pd.to_datetime(pd.Series(values, dtype=object))
    if kinds <= {"text"} or not kinds:
        return pd.array([None if v is None else str(v) for v in values], dtype="string")
    return pd.Series(values, dtype=object)


def _html_cell(term: Any, label: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = html.escape(str(term), quote=True)
        return f'<a href="{iri}" title="{iri}">{html.escape(label(term))}</a>'
    return html.escape(str(python_value(term)))


def query(
    name_or_text: str | Path,
    *,
    data: Path | str | None = None,
    graph: Graph | None = None,
    store: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    **params: Any,
) -> Answer:
    """Run a named question, a ``.rq`` file or SPARQL text; keyword arguments are parameters.

    The answer is an :class:`Answer` (an rdflib ``Result``: iterate over it, or call
    ``.to_df()``). ``graph`` defaults to the shipped graph (or ``data``'s, or ``store``'s),
    loaded once and kept while its files do not change. ``timeout`` is in seconds (None: no
    limit); past it :class:`kg.limits.QueryTimeout` is raised. A parameter naming a resource
    takes a label, another name, ``skgr:slug`` or an IRI, forgiving case and accents.

    >>> import kg
    >>> answer = kg.query("commitments-of-actor", actor="kazakhstan")
    >>> "Year of Kazakhstan–China Tourism (2025)" in set(answer.to_df().label)
    True
    >>> bool(kg.query("ASK { skgr:china a skg:State }"))
    True
    """
    from kg.query.api import _graph_for
    from kg.query.api import query as run_query

    if graph is None:
        graph = _graph_for(data, store)
    result = run_query(name_or_text, graph=graph, timeout=timeout, **params)
    return Answer(result, graph)
