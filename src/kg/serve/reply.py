"""An HTTP answer as plain data, so that it crosses the process boundary by pickling."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

JSON_TYPE = "application/json; charset=utf-8"


@dataclass
class Reply:
    """Status, type, body and extra headers; ``retire`` asks the pool to replace the worker
    that produced it (after a MemoryError its heap cannot be trusted)."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    retire: bool = False


def error_reply(status: int, code: str, message: str, **extra: Any) -> Reply:
    """One JSON line: ``{"error": code, "message": ...}``, what every refusal looks like."""
    body = json.dumps({"error": code, "message": message, **extra}, ensure_ascii=False)
    return Reply(status, JSON_TYPE, (body + "\n").encode("utf-8"))
