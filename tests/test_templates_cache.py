"""Compiled templates kept in the cache of derived data: a later environment
uses them instead of compiling, a changed template is compiled anew, a broken
entry is ignored, and the cache off still renders."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from reportmine.exporters.templates_cache import NAME, DerivedBytecodeCache


def render(sources: dict, compiled: list) -> str:
    """The page from a new environment (a new process's), noting which templates it compiled."""
    class Counting(Environment):
        def _compile(self, source, filename):
            compiled.append(filename)
            return super()._compile(source, filename)

    env = Counting(loader=DictLoader(sources), bytecode_cache=DerivedBytecodeCache(), autoescape=True)
    return env.get_template("page").render(v="<b>")


def test_a_later_environment_uses_the_kept_code_and_a_changed_template_compiles(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTMINE_CACHE_DIR", str(tmp_path))
    compiled: list = []
    assert render({"page": "x {{ v }}"}, compiled) == "x &lt;b&gt;" and compiled == ["<template>"]
    assert len(list(tmp_path.glob(f"{NAME}-*.bin"))) == 1
    compiled.clear()
    assert render({"page": "x {{ v }}"}, compiled) == "x &lt;b&gt;" and compiled == []
    assert render({"page": "y {{ v }}!"}, compiled) == "y &lt;b&gt;!" and compiled == ["<template>"]


def test_a_broken_entry_or_no_cache_still_renders(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTMINE_CACHE_DIR", str(tmp_path))
    render({"page": "z {{ v }}"}, [])
    [entry] = tmp_path.glob(f"{NAME}-*.bin")
    entry.write_bytes(entry.read_bytes()[:20] + b"\x00" * 40)
    compiled: list = []
    assert render({"page": "z {{ v }}"}, compiled) == "z &lt;b&gt;" and compiled == ["<template>"]
    monkeypatch.setenv("REPORTMINE_CACHE_DIR", "off")
    compiled.clear()
    assert render({"page": "z {{ v }}"}, compiled) == "z &lt;b&gt;" and compiled == ["<template>"]
