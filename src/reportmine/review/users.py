"""Users: reviewers and admins, argon2id password hashes, per-user API tokens
(only a sha256 of a token is stored; the token is shown once).

Every change is an audit log entry. A disabled user neither signs in nor uses
a token; users are never deleted (the audit log names them).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from ..store.review_models import ROLES, User
from . import audit
from .database import iso, now
from .errors import ReviewError

T = User.__table__
MIN_PASSWORD = 8
TOKEN_PREFIX = "rm_"
_hasher = None


@dataclass(frozen=True)
class UserInfo:
    name: str
    role: str
    disabled: bool
    created_at: str | None
    has_token: bool

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _argon2():
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher   # the `web` extra

        _hasher = PasswordHasher()
    return _hasher


def hash_password(password: str) -> str:
    return _argon2().hash(password)


def _info(row) -> UserInfo:
    return UserInfo(row.name, row.role, bool(row.disabled), iso(row.created_at), row.token_hash is not None)


def check_name(name: str) -> str:
    if not name or len(name) > 64 or any(ch.isspace() for ch in name):
        raise ReviewError("E605", name=name)
    return name


def create_user(engine: Engine, name: str, role: str, password: str, actor: str) -> UserInfo:
    """A new user (E601 if the name is taken, E603 bad role, E604 short password)."""
    check_name(name)
    if role not in ROLES:
        raise ReviewError("E603", role=role)
    if len(password) < MIN_PASSWORD:
        raise ReviewError("E604", min=MIN_PASSWORD)
    row = {"name": name, "role": role, "password_hash": hash_password(password), "disabled": False,
           "token_hash": None, "created_at": now()}
    try:
        with engine.begin() as conn:
            if conn.execute(select(T.c.user_id).where(T.c.name == name)).first():
                raise ReviewError("E601", name=name)
            conn.execute(insert(T).values(**row))
            audit.append(conn, actor, "user_add", f"user:{name}", after={"name": name, "role": role})
    except IntegrityError:                 # the same name added at the same moment elsewhere
        raise ReviewError("E601", name=name) from None
    return UserInfo(name, role, False, iso(row["created_at"]), False)


def get_user(engine: Engine, name: str) -> UserInfo | None:
    with engine.connect() as conn:
        row = conn.execute(select(T).where(T.c.name == name)).first()
    return _info(row) if row else None


def list_users(engine: Engine) -> list[UserInfo]:
    with engine.connect() as conn:
        return [_info(r) for r in conn.execute(select(T).order_by(T.c.name))]


def verify_password(engine: Engine, name: str, password: str) -> UserInfo | None:
    """The user when the password is right and the user is not disabled, else None.
    An unknown name costs the same hash check as a wrong password."""
    from argon2.exceptions import InvalidHashError, VerificationError

    with engine.connect() as conn:
        row = conn.execute(select(T).where(T.c.name == name)).first()
    stored = row.password_hash if row else _dummy_hash()
    try:
        _argon2().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None or row.disabled:
        return None
    if _argon2().check_needs_rehash(stored):
        _set(engine, name, {"password_hash": hash_password(password)})
    return _info(row)


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(hash_password(secrets.token_hex(16)))
    return _DUMMY[0]


def _set(engine: Engine, name: str, values: dict, actor: str | None = None, action: str | None = None,
         before: dict | None = None, after: dict | None = None) -> None:
    with engine.begin() as conn:
        done = conn.execute(update(T).where(T.c.name == name).values(**values)).rowcount
        if not done:
            raise ReviewError("E602", name=name)
        if action:
            audit.append(conn, actor, action, f"user:{name}", before=before, after=after)


def set_password(engine: Engine, name: str, password: str, actor: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ReviewError("E604", min=MIN_PASSWORD)
    _set(engine, name, {"password_hash": hash_password(password)}, actor, "user_password")


def disable_user(engine: Engine, name: str, actor: str) -> None:
    """Disabled users cannot sign in or use their token (E602 if unknown)."""
    _set(engine, name, {"disabled": True}, actor, "user_disable", {"disabled": False}, {"disabled": True})


def enable_user(engine: Engine, name: str, actor: str) -> None:
    _set(engine, name, {"disabled": False}, actor, "user_enable", {"disabled": True}, {"disabled": False})


def set_role(engine: Engine, name: str, role: str, actor: str) -> None:
    if role not in ROLES:
        raise ReviewError("E603", role=role)
    _set(engine, name, {"role": role}, actor, "user_role", None, {"role": role})


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(engine: Engine, name: str, actor: str) -> str:
    """A new API token for the user (the old one stops working); returned once, stored as a hash."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    _set(engine, name, {"token_hash": _token_hash(token)}, actor, "user_token", None, {"token": "issued"})
    return token


def revoke_token(engine: Engine, name: str, actor: str) -> None:
    _set(engine, name, {"token_hash": None}, actor, "user_token", None, {"token": "revoked"})


def verify_token(engine: Engine, token: str) -> UserInfo | None:
    """The user holding this API token, unless disabled."""
    if not token or not token.startswith(TOKEN_PREFIX):
        return None
    with engine.connect() as conn:
        row = conn.execute(select(T).where(T.c.token_hash == _token_hash(token))).first()
    if row is None or row.disabled:
        return None
    return _info(row)
