"""Signed session cookies: who is signed in.

The ``rm_session`` cookie holds ``base64url(name):issued:nonce`` (names may be Chinese;
cookies are ASCII) signed with the app's
secret; it is HttpOnly, SameSite=Lax and Secure when the request came over
https. A session lasts ``MAX_AGE`` seconds; every request re-reads the user,
so a disabled user is out at once.
"""

from __future__ import annotations

import base64
import binascii
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
        encoded, issued, _nonce = payload.split(":", 2)
        if (now or time.time()) - int(issued) > MAX_AGE:
            return None
        return base64.urlsafe_b64decode(encoded.encode("ascii")).decode("utf-8") or None
    except (ValueError, binascii.Error, UnicodeError):
        return None


def start(response, secret: bytes, name: str, https: bool) -> None:
    encoded = base64.urlsafe_b64encode(name.encode("utf-8")).decode("ascii")
    value = sign(secret, f"{encoded}:{int(time.time())}:{random_token(9)}")
    response.set_cookie(COOKIE, value, max_age=MAX_AGE, httponly=True, samesite="lax", secure=https, path="/")


def end(response, https: bool) -> None:
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax", secure=https)
