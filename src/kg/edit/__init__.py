"""Changing the data folder: merging outside RDF, only if the result still validates."""
