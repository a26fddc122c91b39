"""`reportmine analyze`: run the pipeline over files and folders."""

from __future__ import annotations

import click

from ..batch import SUFFIXES, expand_paths
from .db_cmd import db_option, open_run
from .options import catalog_option, coded_errors, make_pipeline, reader_options

__all__ = ["SUFFIXES", "expand", "analyze_cmd", "COMMANDS"]


def expand(paths) -> list[str]:
    """Files as given; folders recursively, keeping report-like suffixes."""
    return expand_paths(list(paths))


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output folder: writes documents/<file name>.json, run.json, records.jsonl, "
                   "records.csv, records.xlsx, records.parquet, flags.csv and report.html.")
@click.option("--with-text", is_flag=True, help="Include the canonical text in each JSON.")
@click.option("--targets", type=click.Path(dir_okay=False, exists=True),
              help="CSV of targets (indicator,target,unit[,period]) to check completion rates against.")
@click.option("--rules", type=click.Path(dir_okay=False, exists=True),
              help="Scoring rules (YAML or xlsx, see `reportmine score`): their targets feed the "
                   "completion-rate check like --targets.")
@click.option("--batch-checks", is_flag=True,
              help="Also flag one indicator and period reported with different values across the batch.")
@click.option("--no-html", is_flag=True, help="Do not write report.html (the page to look at).")
@click.option("--role-model", is_flag=True,
              help="Let the learned role model (models/ROLES.md) set every role after the rules.")
@catalog_option
@reader_options
@db_option
@coded_errors
def analyze_cmd(paths, out_dir, with_text, targets, rules, batch_checks, no_html, role_model, catalog,
                max_bytes, db_url):
    """Analyze report files (txt, docx, pdf) or folders of them.

    A bad file gets a coded error in its JSON and in run.json; the batch goes
    on. Exit status is 0 when every file was analyzed, 1 when some failed.

    \b
    Example:
      reportmine analyze corpora/samples --out out/
      reportmine analyze inbox/ --out out/ --batch-checks --targets targets.csv
      reportmine analyze inbox/ --out out/ --rules rules.yaml
      reportmine analyze inbox/ --out out/ --db postgresql://reportmine@localhost/reports
    """
    from ..batch import analyze_batch
    from ..exporters import WRITERS, write_all
    from ..output import DocumentWriter

    files = expand(paths)
    if not files:
        raise click.UsageError("没有找到可分析的文件（.txt/.docx/.pdf）")
    writer = DocumentWriter(out_dir, include_text=with_text)
    pipeline = make_pipeline(max_bytes, catalog, targets, role_model, rules)
    run = open_run(out_dir, db_url)
    summaries = []

    def on_document(path, result):
        if isinstance(result, Exception):
            writer.write_error(path, result)
            click.echo(f"错误 [{result.code}] {result.message}", err=True)
            return
        target = writer.write(result)
        if batch_checks:
            from ..checks.batch import claims_of

            summaries.append((str(target), result.name, claims_of(result)))

    result = analyze_batch(paths, catalog=catalog, pipeline=pipeline, on_document=on_document)
    if batch_checks:
        from ..checks import batch

        n = batch.apply(batch.batch_flags(summaries))
        click.echo(f"批量核对：发现 {n} 处跨文件不一致", err=True)
    outcomes = write_all(result, out_dir, tuple(w for w in WRITERS if not (no_html and w == "html")))
    run.finish(result)
    for o in outcomes:
        if not o.ok:
            click.echo(f"提示 [{o.code}] {o.message}", err=True)
    summary = writer.close(records=len(result.records), outputs=outcomes)
    click.echo(f"已分析 {summary['ok']}/{summary['documents']} 个文件，得到 {len(result.records)} 条记录，"
               f"结果写入 {out_dir}", err=True)
    raise SystemExit(0 if summary["errors"] == 0 else 1)


COMMANDS = [analyze_cmd]
