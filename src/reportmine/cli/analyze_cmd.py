"""`reportmine analyze`: run the pipeline over files and folders, in parallel,
resumably (see README, "Batch runs")."""

from __future__ import annotations

import click

from ..batch import expand_paths
from ..discovery import SUFFIXES
from .db_cmd import db_option, open_run
from .options import catalog_option, coded_errors, reader_options

__all__ = ["SUFFIXES", "expand", "analyze_cmd", "COMMANDS"]


def expand(paths) -> list[str]:
    """Files as given; folders recursively, keeping report-like suffixes."""
    return expand_paths(list(paths))


def engine_options(fn):
    import functools

    from ..engines.local import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT

    @click.option("--workers", type=click.IntRange(min=1), default=None,
                  help="Worker processes (default: all cores); 1 analyzes in this process.")
    @click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
                  help="Seconds per file; a file over it gets E801 and its worker is replaced (0: none).")
    @click.option("--memory-limit", "memory_mb", type=click.IntRange(min=0), default=DEFAULT_MEMORY_MB,
                  show_default=True, help="MiB of address space per worker; a file over it gets E802 (0: none).")
    @click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                  help="local: worker processes on this machine; dask: Dask distributed (a LocalCluster "
                       "of --workers processes, or the cluster at --scheduler). Needs reportmine[dask].")
    @click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
                  help="With --engine dask: the address of a running `dask scheduler` (workers need "
                       "reportmine installed, no shared disk).")
    @click.option("--force", is_flag=True, help="Analyze every file again, even those unchanged since the last run.")
    @click.option("--strict", is_flag=True, help="Stop at the first file that fails.")
    @click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output folder: writes documents/<file name>.json, run.json, records.jsonl, "
                   "records.csv, records.xlsx, records.parquet, flags.csv, errors.csv and report.html.")
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
@engine_options
@coded_errors
def analyze_cmd(paths, out_dir, with_text, targets, rules, batch_checks, no_html, role_model, catalog,
                max_bytes, db_url, workers, timeout, memory_mb, engine, scheduler, force, strict, quiet):
    """Analyze report files (txt, docx, pdf) or folders of them.

    A bad file gets a coded error in its JSON, in run.json and in errors.csv;
    the batch goes on. A rerun on the same --out analyzes only the files that
    changed. Exit status: 0 every file analyzed, 1 some failed, 2 usage or
    output problem, 130 interrupted.

    \b
    Example:
      reportmine analyze corpora/samples --out out/
      reportmine analyze inbox/ --out out/ --workers 4 --timeout 60
      reportmine analyze inbox/ --out out/ --engine dask --scheduler tcp://10.0.0.5:8786
      reportmine analyze inbox/ --out out/ --batch-checks --targets targets.csv
      reportmine analyze inbox/ --out out/ --rules rules.yaml
      reportmine analyze inbox/ --out out/ --db postgresql://reportmine@localhost/reports
    """
    import os

    from ..engines.process import one_numeric_thread
    from .analyze_run import guarded, run_analyze

    one_numeric_thread(os.environ)       # before numpy loads (the linker imports it during the run)
    raise SystemExit(guarded(run_analyze,
        paths, out_dir, dict(max_bytes=max_bytes, catalog=catalog, targets=targets, rules=rules,
                             role_model=role_model),
        dict(with_text=with_text, batch_checks=batch_checks, html=not no_html, force=force, strict=strict),
        dict(workers=workers, timeout=timeout, memory_mb=memory_mb, engine=engine, scheduler=scheduler),
        db_url=db_url, quiet=quiet,
        open_db=open_run))


COMMANDS = [analyze_cmd]
