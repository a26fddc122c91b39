"""`reportmine analyze`: run the pipeline over files and folders."""

from __future__ import annotations

from pathlib import Path

import click

from .options import catalog_option, make_pipeline, reader_options

SUFFIXES = {".txt", ".text", ".docx", ".pdf", ".doc", ".wps"}


def expand(paths) -> list[str]:
    """Files as given; folders recursively, keeping report-like suffixes."""
    out = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(str(f) for f in sorted(path.rglob("*"))
                       if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."))
        else:
            out.append(str(p))
    return out


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output folder: writes documents/<file name>.json and run.json.")
@click.option("--with-text", is_flag=True, help="Include the canonical text in each JSON.")
@click.option("--targets", type=click.Path(dir_okay=False, exists=True),
              help="CSV of targets (indicator,target,unit[,period]) to check completion rates against.")
@click.option("--batch-checks", is_flag=True,
              help="Also flag one indicator and period reported with different values across the batch.")
@click.option("--role-model", is_flag=True,
              help="Let the learned role model (models/ROLES.md) set every role after the rules.")
@catalog_option
@reader_options
def analyze_cmd(paths, out_dir, with_text, targets, batch_checks, role_model, catalog, max_bytes):
    """Analyze report files (txt, docx, pdf) or folders of them.

    A bad file gets a coded error in its JSON and in run.json; the batch goes
    on. Exit status is 0 when every file was analyzed, 1 when some failed.

    \b
    Example:
      reportmine analyze corpora/samples --out out/
      reportmine analyze inbox/ --out out/ --batch-checks --targets targets.csv
    """
    from ..output import DocumentWriter

    files = expand(paths)
    if not files:
        raise click.UsageError("没有找到可分析的文件（.txt/.docx/.pdf）")
    writer = DocumentWriter(out_dir, include_text=with_text)
    pipeline = make_pipeline(max_bytes, catalog, targets, role_model)
    summaries = []
    for path, result in pipeline.pipe(files):
        if isinstance(result, Exception):
            writer.write_error(path, result)
            click.echo(f"错误 [{result.code}] {result.message}", err=True)
        else:
            target = writer.write(result)
            if batch_checks:
                from ..checks.batch import claims_of

                summaries.append((str(target), result.name, claims_of(result)))
    if batch_checks:
        from ..checks import batch

        n = batch.apply(batch.batch_flags(summaries))
        click.echo(f"批量核对：发现 {n} 处跨文件不一致", err=True)
    summary = writer.close()
    click.echo(f"已分析 {summary['ok']}/{summary['documents']} 个文件，结果写入 {out_dir}", err=True)
    raise SystemExit(0 if summary["errors"] == 0 else 1)


COMMANDS = [analyze_cmd]
