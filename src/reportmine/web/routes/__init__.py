"""Routes by area; each module lists its own in ``ROUTES``."""

from __future__ import annotations


def all_routes() -> list:
    from . import account, actions, api, documents, exports, overview, signin, users

    out = []
    for module in (signin, overview, documents, actions, exports, api, account, users):
        out += module.ROUTES
    return out
