"""`reportmine indicators`: which indicators the reports measure, linked or not."""

from __future__ import annotations

import json
from collections import Counter, defaultdict

import click

from .analyze_cmd import expand
from .options import catalog_option, make_pipeline, reader_options


@click.command("indicators")
@click.argument("paths", nargs=-1, required=True)
@click.option("--unlinked", is_flag=True, help="Only the indicator phrases no catalog entry matched.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
@catalog_option
@reader_options
def indicators_cmd(paths, unlinked, as_json, catalog, max_bytes):
    """List the indicator phrases found in reports and their catalog links.

    \b
    Example:
      reportmine indicators corpora/samples --unlinked
      reportmine indicators inbox/ --catalog my_indicators.yaml --json
    """
    from ..errors import ReportmineError

    pipeline = make_pipeline(max_bytes, catalog)
    counts, ids, docs = Counter(), {}, defaultdict(set)
    for path, result in pipeline.pipe(expand(paths)):
        if isinstance(result, ReportmineError):
            click.echo(f"错误 [{result.code}] {result.message}", err=True)
            continue
        for q in result.quantities:
            if q.indicator:
                counts[q.indicator] += 1
                ids[q.indicator] = q.indicator_id
                docs[q.indicator].add(result.name)
    rows = [(phrase, n, ids[phrase], sorted(docs[phrase])) for phrase, n in counts.most_common()
            if not (unlinked and ids[phrase])]
    for phrase, n, ind_id, in_docs in rows:
        if as_json:
            click.echo(json.dumps({"indicator": phrase, "count": n, "id": ind_id, "docs": in_docs},
                                  ensure_ascii=False))
        else:
            click.echo(f"{n:5d}  {ind_id or '（未关联）':40s}  {phrase}")
    if not as_json:
        linked = sum(1 for p in counts if ids[p])
        click.echo(f"共 {len(counts)} 个指标短语，已关联目录 {linked} 个，未关联 {len(counts) - linked} 个", err=True)


COMMANDS = [indicators_cmd]
