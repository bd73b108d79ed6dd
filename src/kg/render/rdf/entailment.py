"""The OWL 2 RL entailments worth reading, kept apart from the data.

Inferred triples are never mixed silently into the data: an export puts them in the named
graph ``.../graph/inferred`` (:mod:`kg.render.rdf.graphs`), or states in the file's header
that they were merged on request.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.model.namespaces import bind_prefixes

_VOCAB = (str(RDF), str(RDFS), str(OWL), str(XSD))
_REFLEXIVE = {OWL.sameAs, OWL.equivalentClass, OWL.equivalentProperty}
_REFLEXIVE |= {RDFS.subClassOf, RDFS.subPropertyOf}
_TOP = {OWL.Thing, RDFS.Resource}


def entailments(graph: Graph) -> Graph:
    """The OWL 2 RL entailments of ``graph`` (data plus ontology) that are worth reading.

    owlrl also derives generalised RDF (literals as subjects), ``x owl:sameAs x`` for every
    resource, membership of owl:Thing, and axioms about the RDF/OWL vocabularies
    themselves; those say nothing about the summit and are left out.
    """
    import owlrl

    closure = Graph()
    for triple in graph:
        closure.add(triple)
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False
    ).expand(closure)
    inferred = Graph()
    bind_prefixes(inferred)
    for s, p, o in closure:
        if (s, p, o) in graph or isinstance(s, Literal):
            continue
        if isinstance(s, URIRef) and str(s).startswith(_VOCAB):
            continue
        if (p in _REFLEXIVE and s == o) or o in _TOP:
            continue
        inferred.add((s, p, o))
    return inferred
