"""The data files' patterns, compiled once and kept between processes.

The ``regex`` module parses and compiles a pattern in Python, ~1 ms for the
long alternations of the data files (cue words, boilerplate): a fresh process
spent more time compiling them than analyzing a 10 KB report. A compiled
pattern's state (``Pattern._pickled_data``: its code, groups, flags, what its
own pickling stores) is kept in the cache of derived data (``derived_cache``,
keyed by the versions of regex and Python), and a later process rebuilds the
pattern from it with ``_regex.compile``, the C constructor pickling uses, after
checking that the entry is for the same pattern text and flags. Patterns met
for the first time are added when the process exits. Same pattern objects,
so the same matches.
"""

from __future__ import annotations

import atexit
import marshal
import sys

import regex

_NAME = "regex"
_table: dict[tuple[str, int], tuple] | None = None
_new: dict[tuple[str, int], tuple] = {}


def _key() -> str:
    from .derived_cache import cache_key

    return cache_key("regex/1", regex.__version__, sys.version)


def _load() -> dict:
    global _table
    if _table is None:
        from .derived_cache import read_cached

        body = read_cached(_NAME, _key())
        try:
            _table = marshal.loads(body) if body is not None else {}
        except (EOFError, ValueError, TypeError):
            _table = {}
        if not isinstance(_table, dict):
            _table = {}
    return _table


def compile_cached(pattern: str, flags: int = 0) -> "regex.Pattern":
    """``regex.compile(pattern, flags)``, rebuilt from the kept state when there is one."""
    key = (pattern, int(flags))
    state = _load().get(key)
    if state is not None:
        try:
            return _rebuild(pattern, flags, state)
        except Exception:   # noqa: BLE001 - a state this regex cannot take: compile as usual
            pass
    compiled = regex.compile(pattern, flags)
    try:
        state = compiled._pickled_data
        marshal.dumps(state)
    except (AttributeError, ValueError):
        return compiled
    if not _new:
        atexit.register(_save)
    _new[key] = state
    return compiled


def _rebuild(pattern: str, flags: int, state: tuple) -> "regex.Pattern":
    from regex import _regex

    if not isinstance(state, tuple) or state[0] != pattern:
        raise ValueError("a state for another pattern")
    rebuilt = _regex.compile(*state)
    if rebuilt.pattern != pattern or rebuilt.flags & flags != flags:
        raise ValueError("a state for another pattern")
    return rebuilt


def _save() -> None:
    from .derived_cache import write_cached

    if _new:
        try:
            body = marshal.dumps({**_load(), **_new})
        except ValueError:
            return
        write_cached(_NAME, _key(), body)
        _new.clear()
