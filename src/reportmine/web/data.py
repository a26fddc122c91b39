"""The web app's one door to the data: thin calls into the review layer
(reportmine.review), so routes never touch tables. Each function takes the
app's engine first."""

from __future__ import annotations

from ..review import users as _users


def user(engine, name: str):
    return _users.get_user(engine, name)


def user_by_token(engine, token: str):
    return _users.verify_token(engine, token)


def sign_in(engine, name: str, password: str):
    return _users.verify_password(engine, name, password)


list_users = _users.list_users
create_user = _users.create_user
disable_user = _users.disable_user
enable_user = _users.enable_user
set_role = _users.set_role
set_password = _users.set_password
issue_token = _users.issue_token
