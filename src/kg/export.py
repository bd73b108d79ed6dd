"""``kg.export``: the public name of :mod:`kg.render.export` (kept for existing code)."""

from kg.render.export import *  # noqa: F403
from kg.render.export import export, serialize  # noqa: F401
