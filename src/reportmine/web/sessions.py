"""Signed session cookies: who is signed in.

The ``rm_session`` cookie holds ``name:issued:nonce`` signed with the app's
secret; it is HttpOnly, SameSite=Lax and Secure when the request came over
https. A session lasts ``MAX_AGE`` seconds; every request re-reads the user,
so a disabled user is out at once.
"""

from __future__ import annotations

import time

from .signing import random_token, sign, unsign

COOKIE = "rm_session"
MAX_AGE = 12 * 3600


def user_name_from(secret: bytes, value: str | None, now: float | None = None) -> str | None:
    """The signed-in user's name, or None (no cookie, a forged one, or expired)."""
    payload = unsign(secret, value)
    if not payload:
        return None
    try:
        name, issued, _nonce = payload.rsplit(":", 2)
        if (now or time.time()) - int(issued) > MAX_AGE:
            return None
        return name or None
    except ValueError:
        return None


def start(response, secret: bytes, name: str, https: bool) -> None:
    value = sign(secret, f"{name}:{int(time.time())}:{random_token(9)}")
    response.set_cookie(COOKIE, value, max_age=MAX_AGE, httponly=True, samesite="lax", secure=https, path="/")


def end(response, https: bool) -> None:
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax", secure=https)
