"""Is a request admissible: its Host, its body's framing, the numbers in its query string.

Each check raises :class:`Refused` carrying the one-line reply to send, so the handler's
routes stay free of error plumbing.

Host (DNS rebinding). A web page on ``evil.example`` can make its own name resolve to
127.0.0.1 and then read ``http://evil.example:8000/sparql`` as same-origin: the only trace
is the Host header. So a request is answered only if its Host names this server: the
loopback names (``127.0.0.1``, ``localhost``, ``[::1]``) and the address it is bound to,
each with its port, plus any ``--allow-host`` name (with any port, or the port given).
Bound to a wildcard address (``0.0.0.0``, ``::``), an IP literal with the server's port is
accepted too: rebinding needs a name the attacker controls, and an address is not one. No
Host at all (an HTTP/1.0 tool) is accepted: a browser always sends one.

Bodies. Only a ``Content-Length`` of plain digits frames a body; ``Transfer-Encoding``
(chunked) is refused with 411 rather than read by hand, and the connection is closed,
because what follows a body we did not read cannot be trusted to be the next request.
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections.abc import Iterable
from email.message import Message

from kg.serve.config import MAX_BODY
from kg.serve.reply import Reply, error_reply

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARDS = ("", "0.0.0.0", "::")
_HOST = re.compile(r"(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?")


class Refused(Exception):
    """A request that gets ``reply`` instead of an answer."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.status)
        self.reply = reply


def split_host(value: str) -> tuple[str, int | None] | None:
    """``(name, port)`` of a Host header, lower-cased; None if it is not a host at all."""
    match = _HOST.fullmatch(value.strip().lower())
    if not match:
        return None
    return match.group(1), int(match.group(2)) if match.group(2) else None


def bracket(host: str) -> str:
    """An address as it appears in a URL's authority (IPv6 in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


class HostRule:
    """The Host values one server answers to; see the module docstring."""

    def __init__(self, bound: str, port: int, allow: Iterable[str] = ()) -> None:
        self.port = port
        self.wildcard = bound in WILDCARDS
        self.names = {name.lower() for name in LOOPBACK_NAMES}
        if not self.wildcard:
            self.names.add(bracket(bound).lower())
        self.any_port: set[str] = set()
        self.with_port: set[tuple[str, int]] = set()
        for entry in allow:
            parsed = split_host(entry)
            if parsed is None:
                raise ValueError(f"{entry!r} is not a host name")
            name, given = parsed
            if given is None:
                self.any_port.add(name)
            else:
                self.with_port.add((name, given))

    def allows(self, header: str | None) -> bool:
        if header is None:
            return True
        parsed = split_host(header)
        if parsed is None:
            return False
        name, port = parsed
        if name in self.any_port or (name, port or 80) in self.with_port:
            return True
        if (port or 80) != self.port:
            return False
        return name in self.names or (self.wildcard and _is_address(name))

    def refusal(self, header: str) -> Reply:
        shown = header if len(header) <= 80 else header[:80] + "…"
        return error_reply(
            403,
            "forbidden-host",
            f"this server does not answer for the host {shown!r}; ask it by "
            f"127.0.0.1:{self.port} or localhost:{self.port}, or start kg serve with "
            "--allow-host NAME",
        )


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def body_length(headers: Message) -> int:
    """Bytes of the request's body, from a well-formed Content-Length only."""
    if headers.get("Transfer-Encoding") is not None:
        raise Refused(
            error_reply(
                411,
                "length-required",
                "send the body with a Content-Length header: chunked or other "
                "transfer-encoded bodies are not read",
            )
        )
    values = {v.strip() for raw in headers.get_all("Content-Length") or [] for v in raw.split(",")}
    if not values:
        return 0
    if len(values) != 1 or not re.fullmatch(r"\d+", next(iter(values))):
        shown = ", ".join(sorted(values))[:40]
        raise Refused(
            error_reply(
                400, "bad-request", f"Content-Length {shown!r} is not one whole number of bytes"
            )
        )
    digits = values.pop()
    length = int(digits) if len(digits) <= 15 else MAX_BODY + 1
    if length > MAX_BODY:
        raise Refused(
            error_reply(413, "request-too-large", f"a query may be at most {MAX_BODY} bytes")
        )
    return length


def number(args: dict[str, list[str]], key: str, low: float, high: float) -> float | None:
    """The query string's ``key`` as a number in [low, high]; None if absent; else 400."""
    values = args.get(key)
    if not values or values[-1] == "":
        return None
    text = values[-1]
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (low <= value <= high):  # also catches NaN
        shown = text if len(text) <= 30 else text[:30] + "…"
        raise Refused(
            error_reply(
                400, "bad-request", f"{key}={shown!r} must be a number from {low:g} to {high:g}"
            )
        )
    return value


def whole(args: dict[str, list[str]], key: str, low: int, high: int) -> int | None:
    """The query string's ``key`` as a whole number in [low, high]; None if absent; else 400."""
    values = args.get(key)
    if not values or values[-1] == "":
        return None
    text = values[-1].strip()
    if not re.fullmatch(r"\d{1,6}", text) or not (low <= int(text) <= high):
        shown = text if len(text) <= 30 else text[:30] + "…"
        raise Refused(
            error_reply(
                400, "bad-request", f"{key}={shown!r} must be a whole number from {low} to {high}"
            )
        )
    return int(text)
