"""``kg.network``: the public name of :mod:`kg.render.network` (kept for existing code)."""

from kg.render.network import *  # noqa: F403
from kg.render.network import focus, network_stats, project  # noqa: F401
