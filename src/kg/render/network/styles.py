"""How each class looks in every picture (colour, shape) and which group it belongs to.

The order of :data:`CLASS_STYLE` matters: a resource typed with several classes takes the
first match, so the most specific classes come first. Pictures, legends and the projection
all read this one table, so a State is the same red everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClassStyle:
    """How one class looks in every picture (HTML, PNG, SVG) and which group it is in."""

    group: str
    color: str
    shape: str  # a vis-network shape; matplotlib markers are mapped from it


#: Node classes, MOST SPECIFIC FIRST: a resource typed with several takes the first match.
CLASS_STYLE: dict[str, ClassStyle] = {
    "State": ClassStyle("actor", "#c0392b", "dot"),
    "Person": ClassStyle("actor", "#e67e22", "dot"),
    "Mechanism": ClassStyle("actor", "#6c3483", "star"),
    "ActorGroup": ClassStyle("actor", "#f1948a", "dot"),
    "Organisation": ClassStyle("actor", "#a569bd", "dot"),
    "City": ClassStyle("place", "#7f8c8d", "triangle"),
    "Region": ClassStyle("place", "#b3b6b7", "triangle"),
    "Place": ClassStyle("place", "#95a5a6", "triangle"),
    "Summit": ClassStyle("event", "#d4ac0d", "star"),
    "Forum": ClassStyle("event", "#f4d03f", "star"),
    "Event": ClassStyle("event", "#f7dc6f", "star"),
    "Treaty": ClassStyle("agreement", "#1a5276", "diamond"),
    "Declaration": ClassStyle("agreement", "#2e86c1", "diamond"),
    "CooperationDocument": ClassStyle("agreement", "#5dade2", "diamond"),
    "BusinessDeal": ClassStyle("agreement", "#17a589", "diamond"),
    "SisterCityAgreement": ClassStyle("agreement", "#76d7c4", "diamond"),
    "TravelArrangement": ClassStyle("agreement", "#85c1e9", "diamond"),
    "AgreementSet": ClassStyle("agreement", "#aed6f1", "diamond"),
    "Agreement": ClassStyle("agreement", "#3498db", "diamond"),
    "Project": ClassStyle("commitment", "#145a32", "square"),
    "Commitment": ClassStyle("commitment", "#52be80", "square"),
    "Initiative": ClassStyle("initiative", "#0e6655", "hexagon"),
    "Statistic": ClassStyle("statistic", "#9a7d0a", "triangleDown"),
    "Quotation": ClassStyle("statement", "#873600", "hexagon"),
    "Paraphrase": ClassStyle("statement", "#ca6f1e", "hexagon"),
    "Statement": ClassStyle("statement", "#dc7633", "hexagon"),
}
CONCEPT_STYLE = ClassStyle("concept", "#d5d8dc", "ellipse")
