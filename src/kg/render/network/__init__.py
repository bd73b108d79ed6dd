"""networkx views of the graph: the one projection every picture, network file and statistic uses.

Lowest first: ``styles`` (colour, shape and group per class), ``terms`` (IRIs and values
as words), ``views`` (the named sub-pictures), ``simple`` (a multigraph made simple),
``actors`` (the derived actors view), ``project`` (RDF -> networkx, the projection itself),
``focus`` (one entity's neighbourhood), ``construct`` (a CONSTRUCT answer as a network) and
``stats`` (what ``kg stats`` reports).

May use: rdflib, networkx (inside functions), :mod:`kg.model.namespaces`, :mod:`kg.errors`;
nothing else in :mod:`kg.render`, so pictures build on it and never the other way round.
"""

from __future__ import annotations

from kg.render.network.actors import actors_view
from kg.render.network.construct import project_construct
from kg.render.network.focus import find_node, focus
from kg.render.network.project import Projector, project, restrict, view_of
from kg.render.network.simple import simple_undirected
from kg.render.network.stats import class_counts, network_stats
from kg.render.network.styles import CLASS_STYLE, CONCEPT_STYLE, ClassStyle
from kg.render.network.terms import local_name, snake
from kg.render.network.views import VIEWS, View, check_view, iter_views

__all__ = [
    "CLASS_STYLE",
    "CONCEPT_STYLE",
    "VIEWS",
    "ClassStyle",
    "Projector",
    "View",
    "actors_view",
    "check_view",
    "class_counts",
    "find_node",
    "focus",
    "iter_views",
    "local_name",
    "network_stats",
    "project",
    "project_construct",
    "restrict",
    "simple_undirected",
    "snake",
    "view_of",
]
