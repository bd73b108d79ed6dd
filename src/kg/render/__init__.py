"""From a graph or an answer to bytes and pictures: result formats, RDF writers, networks."""
