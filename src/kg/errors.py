"""Errors that carry a location, so the CLI can print one actionable line and exit 2.

Anything the user can fix (bad file, bad option, bad query) becomes a ``KgError``; the CLI
turns it into ``Error: <where>: <what>. <how to fix>`` and never shows a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class KgError(Exception):
    """A user-fixable problem. ``where`` is ``file:line:col``, an option name, or empty."""

    message: str
    where: str = ""
    hint: str = ""
    exit_code: int = 2

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text = f"{text} ({self.hint})"
        return text


class InputError(KgError):
    """Bad input data: a file that does not parse, a missing folder."""


class UsageError(KgError):
    """A bad option, parameter or query text."""
