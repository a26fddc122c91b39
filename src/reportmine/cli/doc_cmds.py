"""`reportmine text` and `reportmine info`: look at one file."""

from __future__ import annotations

import json
import sys
from collections import Counter

import click

from .options import coded_errors, reader_options


@click.command("text")
@click.argument("file", type=click.Path(dir_okay=False))
@reader_options
@coded_errors
def text_cmd(file, max_bytes):
    """Print the canonical text of FILE (UTF-8). All offsets refer to it.

    For a .txt file this is the decoded file byte for byte.

    \b
    Example:
      reportmine text report.txt > report.utf8.txt
    """
    from ..readers import read

    doc = read(file, max_bytes=max_bytes)
    out = sys.stdout.buffer
    out.write(doc.text.encode("utf-8", errors="surrogatepass"))
    out.flush()


@click.command("info")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the structure as JSON.")
@reader_options
@coded_errors
def info_cmd(file, as_json, max_bytes):
    """Show the structure of FILE: articles, sections, tables, boilerplate.

    \b
    Example:
      reportmine info report.pdf
      reportmine info report.txt --json
    """
    from ..readers import read
    from ..structure import analyze_structure

    doc = analyze_structure(read(file, max_bytes=max_bytes))
    if as_json:
        data = doc.to_dict(text=False)
        data.pop("blocks")
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    click.echo("\n".join(describe(doc)))


def _clip(s: str, n: int = 40) -> str:
    s = s.replace("\n", " ").strip()
    return s if len(s) <= n else s[: n - 1] + "…"


def describe(doc) -> list[str]:
    out = [f"文件：{doc.path}",
           f"格式：{doc.format}　编码：{doc.encoding or '-'}　字符数：{len(doc.text)}"
           f"　页数：{doc.pages if doc.pages is not None else '-'}　ID：{doc.id[:16]}"]
    for w in doc.warnings:
        out.append(f"警告 [{w.code}] {w.message}")
    out.append(f"篇目（{len(doc.articles)}）：")
    for a in doc.articles:
        out.append(f"  {a.index + 1}. [{a.marker or '-'}] {_clip(a.title)}  ({a.start}-{a.end})")
    out.append(f"章节（{len(doc.sections)}）：")
    for s in doc.sections:
        indent = "  " * s.level
        out.append(f"{indent}{s.marker} {_clip(s.title, 30)}  (篇{(s.article or 0) + 1}, {s.start}-{s.end})")
    out.append(f"表格（{len(doc.tables)}）：")
    for t in doc.tables:
        cols = max((len(r) for r in t.rows), default=0)
        page = f"，第{t.page}页" if t.page else ""
        out.append(f"  表{t.index + 1}：{len(t.rows)}行 × {cols}列{page}  ({t.start}-{t.end})")
    kinds = Counter(b.kind for b in doc.boilerplate)
    summary = "，".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    out.append(f"网页杂项（{len(doc.boilerplate)}）：{summary}")
    for b in doc.boilerplate:
        out.append(f"  {b.kind:17s} {b.start}-{b.end}  {_clip(doc.text[b.start:b.end])}")
    return out


COMMANDS = [text_cmd, info_cmd]
