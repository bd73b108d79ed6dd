"""The named sub-pictures of the graph (:data:`VIEWS`) and what each keeps.

``commitments`` (the default picture): who commits what to whom, edges turned to read as
sentences, committer -> commitment -> beneficiary (built by
:mod:`kg.render.network.commitments`). ``actors``: actors only, tied through shared
agreements and joint commitments, with directed edges for commitments one makes to
another (built by :mod:`kg.render.network.actors`). ``agreements``: agreements with their
parties, the events they were adopted at and the agreements they resemble. ``full``:
everything the projection makes. The first two are derived, so their ``groups``,
``predicates`` and ``core`` only describe what they draw.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import URIRef

from kg.errors import UsageError
from kg.model.namespaces import SKG


@dataclass(frozen=True)
class View:
    """A sub-picture: which node groups may appear, which edges, which nodes anchor it."""

    description: str
    groups: frozenset[str] | None  # None: every group
    predicates: frozenset[URIRef] | None  # None: every property
    core: frozenset[str] | None  # groups always kept, even without an edge; None: all


VIEWS: dict[str, View] = {
    "commitments": View(
        "Who commits what to whom: committer -> commitment -> beneficiary, with who "
        "announced it, what it sets up, its amount, due year and status.",
        frozenset({"commitment", "actor"}),
        frozenset(
            {SKG.committedBy, SKG.beneficiary, SKG.announcedBy, SKG.establishes, SKG.involves}
        ),
        frozenset({"commitment"}),
    ),
    "actors": View(
        "Who is tied to whom through agreements and joint commitments, who commits to whom, "
        "and who leads or belongs to whom.",
        frozenset({"actor"}),
        None,
        frozenset(),
    ),
    "agreements": View(
        "Agreements with their parties, the events they were adopted at and the pacts "
        "they resemble.",
        frozenset({"agreement", "actor", "event"}),
        frozenset({SKG.party, SKG.adoptedAt, SKG.similarTo, SKG.heldDuring, SKG.groupMember}),
        frozenset({"agreement"}),
    ),
    "full": View("Every resource and every relation between them.", None, None, None),
}


def check_view(view: str) -> None:
    """A clear usage error for a view name that does not exist."""
    if view not in VIEWS:
        raise UsageError(
            f"unknown view {view!r}", where="--view", hint="use one of " + ", ".join(VIEWS)
        )


def iter_views() -> Iterable[tuple[str, str]]:
    """(name, description) of each view, for help texts."""
    return ((k, v.description) for k, v in VIEWS.items())
