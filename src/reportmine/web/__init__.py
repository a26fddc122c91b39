"""The review web app: reviewers work through the flags of analyzed documents.

``reportmine serve --db URL`` runs it (Starlette + Jinja2, server-rendered,
a little plain JavaScript). Data flows store -> review -> web: the routes call
the review service (reportmine.review) through ``web/data.py`` and render.

>>> from reportmine.web import create_app
>>> app = create_app("sqlite:///out/reportmine.db")      # doctest: +SKIP
"""

from __future__ import annotations


def create_app(db_url: str, **options):
    from .app import create_app as build

    return build(db_url, **options)


__all__ = ["create_app"]
