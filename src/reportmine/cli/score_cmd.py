"""`reportmine score`: score records by an office's rules into a ranked table."""

from __future__ import annotations

import click

from .options import coded_errors


@click.command("score")
@click.argument("records", type=click.Path(dir_okay=False), required=False)
@click.option("--rules", "rules_path", required=True, type=click.Path(dir_okay=False),
              help="Rules file: YAML, or an xlsx sheet with one row per indicator.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output folder: scores.csv, org_scores.csv, scores.xlsx, scores.png.")
@click.option("--db", "db", metavar="URL",
              help="Read the records from the run database (sqlite:///runs.db, postgresql://…) "
                   "that `analyze --db URL` filled, instead of a RECORDS file.")
@coded_errors
def score_cmd(records, rules_path, out_dir, db):
    """Score records (records.csv / .jsonl / .parquet) by the rules (功效系数法,
    分档, 比率, 扣分/加分, 达标, 一票否决) and rank the units.

    \b
    Example:
      reportmine analyze corpora/samples --out out
      reportmine score out/records.csv --rules corpora/rules/samples.yaml --out out/scores
      reportmine score --db out/reportmine.db --rules rules.xlsx --out out/scores
    """
    from ..scoring import score_file

    if (records is None) == (db is None):
        raise click.UsageError("请给出记录文件 RECORDS（records.csv/.jsonl/.parquet）或 --db URL，二者选一")
    table, outcomes = score_file(records, rules_path, out_dir, db=db)
    for o in outcomes:
        if not o.ok:
            click.echo(f"提示 [{o.code}] {o.message}", err=True)
    counts = {s: sum(r.status == s for r in table.rows) for s in ("scored", "flagged", "missing", "ambiguous")}
    click.echo(f"已评分 {len(table.orgs)} 个单位：计分 {counts['scored']} 项，带复核标记 {counts['flagged']} 项，"
               f"缺数 {counts['missing']} 项，有歧义 {counts['ambiguous']} 项；结果写入 {out_dir}", err=True)
    for o in table.orgs[:10]:
        click.echo(f"{o.rank}\t{o.org}\t{o.total}" + ("\t一票否决" if o.vetoed else ""))


COMMANDS = [score_cmd]
