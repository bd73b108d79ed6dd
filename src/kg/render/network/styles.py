"""How each class looks in every picture (colour, shape) and which group it belongs to.

The order of :data:`CLASS_STYLE` matters: a resource typed with several classes takes the
first match, so the most specific classes come first. Pictures, legends and the projection
all read this one table, so a State is the same vermilion everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClassStyle:
    """How one class looks in every picture (HTML, PNG, SVG) and which group it is in.

    ``kind`` is the legend entry: the subclasses of one kind (Treaty, Declaration, ... are
    all "Agreement") share its colour and shape, so the legend has 14 entries, each a
    colour that colour-blind readers can tell apart, instead of 26 near-identical shades.
    The exact class stays in the node's ``class`` attribute and its tooltip.
    """

    group: str
    color: str
    shape: str  # a vis-network shape; matplotlib markers are mapped from it
    kind: str = ""


# Okabe & Ito's eight colours for colour-blind readers, then Paul Tol's "muted" ones for
# the rarer kinds; kinds with the same shape never share a colour.
_STATE = ClassStyle("actor", "#D55E00", "dot", "State")
_PERSON = ClassStyle("actor", "#E69F00", "dot", "Person")
_GROUP = ClassStyle("actor", "#CC79A7", "dot", "Group of actors")
_ORG = ClassStyle("actor", "#332288", "dot", "Organisation")
_PLACE = ClassStyle("place", "#999999", "triangle", "Place")
_EVENT = ClassStyle("event", "#F0E442", "star", "Event")
_AGREEMENT = ClassStyle("agreement", "#0072B2", "diamond", "Agreement")
_PROJECT = ClassStyle("commitment", "#56B4E9", "square", "Project")
_COMMITMENT = ClassStyle("commitment", "#009E73", "square", "Commitment")
_INITIATIVE = ClassStyle("initiative", "#882255", "square", "Initiative")
_STATISTIC = ClassStyle("statistic", "#999933", "triangleDown", "Statistic")
_QUOTATION = ClassStyle("statement", "#DDCC77", "hexagon", "Quotation")
_PARAPHRASE = ClassStyle("statement", "#88CCEE", "hexagon", "Paraphrase")

#: Node classes, MOST SPECIFIC FIRST: a resource typed with several takes the first match.
CLASS_STYLE: dict[str, ClassStyle] = {
    "State": _STATE,
    "Person": _PERSON,
    "Mechanism": _ORG,
    "ActorGroup": _GROUP,
    "Organisation": _ORG,
    "City": _PLACE,
    "Region": _PLACE,
    "Place": _PLACE,
    "Summit": _EVENT,
    "Forum": _EVENT,
    "Event": _EVENT,
    "Treaty": _AGREEMENT,
    "Declaration": _AGREEMENT,
    "CooperationDocument": _AGREEMENT,
    "BusinessDeal": _AGREEMENT,
    "SisterCityAgreement": _AGREEMENT,
    "TravelArrangement": _AGREEMENT,
    "AgreementSet": _AGREEMENT,
    "Agreement": _AGREEMENT,
    "Project": _PROJECT,
    "Commitment": _COMMITMENT,
    "Initiative": _INITIATIVE,
    "Statistic": _STATISTIC,
    "Quotation": _QUOTATION,
    "Paraphrase": _PARAPHRASE,
    "Statement": _PARAPHRASE,
}
CONCEPT_STYLE = ClassStyle("concept", "#DDDDDD", "ellipse", "Concept")

#: The legend's kinds in a fixed order (the order of CLASS_STYLE, concepts last).
KINDS: tuple[str, ...] = tuple(dict.fromkeys(s.kind for s in CLASS_STYLE.values())) + (
    CONCEPT_STYLE.kind,
)

#: How far a commitment has got, least to most: the commitments picture's fill ramp.
STATUS_ORDER: tuple[str, ...] = ("expected", "planned", "pledged", "agreed", "under way")
