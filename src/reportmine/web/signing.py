"""Signed values for cookies: ``payload.mac`` with an HMAC-SHA256 over the payload."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets


def mac(secret: bytes, payload: str) -> str:
    digest = hmac.new(secret, payload.encode("utf-8"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def sign(secret: bytes, payload: str) -> str:
    return f"{payload}.{mac(secret, payload)}"


def unsign(secret: bytes, value: str | None) -> str | None:
    """The payload of a value signed with ``secret``, or None when it was not."""
    if not value or "." not in value:
        return None
    payload, given = value.rsplit(".", 1)
    return payload if hmac.compare_digest(given, mac(secret, payload)) else None


def new_secret() -> bytes:
    return secrets.token_bytes(32)


def random_token(nbytes: int = 24) -> str:
    return secrets.token_urlsafe(nbytes)
