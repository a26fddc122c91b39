"""`reportmine eval`: score output against gold annotations (GUIDE.md rules)."""

from __future__ import annotations

import json
from pathlib import Path

import click


def _default_sources(gold: Path) -> Path | None:
    for name in ("seeds", "samples"):
        candidate = gold.parent / name
        if candidate.is_dir():
            return candidate
    return None


def _analyze_sources(gold_docs, sources: Path):
    """Run the pipeline on each gold document's source file, in memory."""
    from ..errors import ReportmineError
    from ..pipeline import Pipeline

    pipeline = Pipeline()
    preds, texts, docs = {}, {}, {}
    for g in gold_docs:
        path = sources / g.doc
        try:
            doc = pipeline.analyze(path)
        except ReportmineError as exc:
            click.echo(f"错误 [{exc.code}] {exc.message}", err=True)
            continue
        preds[g.doc] = doc.to_dict(text=False)
        texts[g.doc] = doc.text
        docs[g.doc] = doc
    return preds, texts, docs


def _record_lines(gold_docs, docs, errors: bool) -> list[str]:
    from ..evaluation.records import RecordScore, score_records
    from ..records import build_records

    result = RecordScore()
    for g in gold_docs:
        doc = docs.get(g.doc)
        if doc is not None:
            quantities = doc.to_dict(text=False)["quantities"]
            score_records(g, quantities, build_records(doc), doc.text, result)
    return result.lines(errors)


@click.command("eval")
@click.option("--gold", "gold_dir", required=True, type=click.Path(file_okay=False, exists=True),
              help="Folder of <doc>.gold.json files (GUIDE.md schema).")
@click.option("--pred", "pred_dir", type=click.Path(file_okay=False, exists=True),
              help="Folder of <doc>.json predictions (e.g. OUT/documents). Without it the "
                   "source files are analyzed now.")
@click.option("--sources", "sources_dir", type=click.Path(file_okay=False, exists=True),
              help="Folder of the source files; default: seeds/ or samples/ beside the gold folder.")
@click.option("--errors", is_flag=True, help="List every miss and spurious hit with context.")
@click.option("--per-doc/--no-per-doc", default=True, show_default=True,
              help="A row per document (quantity P/R/F1, role, indicator, claim recall, flags).")
@click.option("--confusion/--no-confusion", default=True, show_default=True,
              help="The role confusion matrix (gold rows, predicted columns) over matched quantities.")
@click.option("--records", "records", is_flag=True,
              help="Also score the records: claims-stage-right quantities found in their role's "
                   "column, and actual + completion rate in one record (analyzes the sources).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Also write the scores as JSON.")
def eval_cmd(gold_dir, pred_dir, sources_dir, errors, per_doc, confusion, records, json_out):
    """Score quantities, roles, indicators and flags against gold files.

    Matching follows GUIDE.md: a quantity matches when the spans overlap and
    normalized values agree within 1e-6; flags match within 4 characters and
    by type.

    \b
    Prints a row per document and the role confusion matrix, then the
    totals (the last line is score.py's SUMMARY line).

    \b
    Example:
      reportmine eval --gold ../shared/gold --errors
      reportmine analyze corpora/samples --out out && reportmine eval --gold corpora/gold --pred out/documents
      reportmine eval --gold ../shared/realdev/gold --sources ../shared/realdev/docs --records
    """
    from ..evaluation import format_result, load_gold_dir, score

    gold = Path(gold_dir)
    gold_docs = load_gold_dir(gold)
    sources = Path(sources_dir) if sources_dir else _default_sources(gold)
    docs = {}
    if (records or not pred_dir) and sources is None:
        raise click.UsageError("没有 --pred 或使用 --records 时需要 --sources（源文件所在目录）")
    if records or not pred_dir:
        preds, texts, docs = _analyze_sources(gold_docs, sources)
    if pred_dir:
        result = score(gold_docs, pred_dir, sources=sources)
    else:
        result = score(gold_docs, preds, sources=texts)
    click.echo(format_result(result, errors=errors, per_doc=per_doc, confusion=confusion))
    if records:
        click.echo("\n".join(_record_lines(gold_docs, docs, errors)))
    if json_out:
        Path(json_out).write_text(json.dumps(result.to_dict(errors=errors), ensure_ascii=False, indent=1),
                                  encoding="utf-8")


COMMANDS = [eval_cmd]
