"""The body of `reportmine analyze`: check the options and the output folder,
run the batch on the local engine, print the outcome, return the exit status
(0 all read, 1 some files failed, 2 usage or output problem, 130 interrupted)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import click

from ..errors import ReportmineError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
SHOW_FAILED = 50          # failed files listed at the end (all of them are in errors.csv)


def validate_inputs(catalog, targets, rules) -> None:
    """The user's catalog, targets and rules load (else a usage error naming
    the option), without loading the pipeline."""
    from ..catalog import CatalogError, load_catalog

    try:
        if catalog:
            load_catalog(catalog)
    except CatalogError as exc:
        raise click.BadParameter(str(exc), param_hint="--catalog") from None
    for option, path, load in (("--targets", targets, _load_targets), ("--rules", rules, _load_rules)):
        try:
            if path:
                load(path)
        except ReportmineError as exc:
            raise click.BadParameter(f"[{exc.code}] {exc.message}", param_hint=option) from None


def _load_targets(path):
    from ..checks.targets import load_targets

    return load_targets(path)


def _load_rules(path):
    from ..scoring.rules import load_rules

    return load_rules(path)


def prepare_out(out_dir: str) -> Path:
    """Create --out and check that it can be written (E301, exit 2, else)."""
    out = Path(out_dir)
    try:
        (out / ".reportmine").mkdir(parents=True, exist_ok=True)
        probe = out / ".reportmine" / f"probe.{os.getpid()}.tmp"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ReportmineError("E301", output=str(out), reason=exc.strerror or type(exc).__name__) from None
    return out


def lock_out(out: Path):
    """One run at a time per output folder (an flock held until exit)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    handle = open(out / ".reportmine" / "lock", "a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise ReportmineError("E807", output=str(out)) from None
    return handle


def run_analyze(paths, out_dir, analysis: dict, options: dict, engine_opts: dict, *, db_url, quiet,
                open_db) -> int:
    from ..engines.driver import RunOptions, run_batch
    from ..engines.local import LocalEngine, default_workers
    from ..engines.plan import discover
    from ..engines.progress import choose
    from ..engines.work import Settings

    validate_inputs(analysis["catalog"], analysis["targets"], analysis["rules"])
    found = discover(paths)
    if not found:
        raise click.UsageError("没有找到可分析的文件（.txt/.docx/.pdf）")
    out = prepare_out(out_dir)
    lock = lock_out(out)
    settings = Settings.from_options(**analysis)
    db = open_db(str(out), db_url)
    engine = LocalEngine(workers=engine_opts["workers"] or default_workers(), timeout=engine_opts["timeout"],
                         memory_mb=engine_opts["memory_mb"], log_path=str(out / ".reportmine" / "workers.log"))
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        summary = run_batch(paths, out, settings, engine, RunOptions(**options), db=db,
                            progress=choose(quiet), found=found)
    finally:
        signal.signal(signal.SIGTERM, previous)
        engine.close()
        if lock:
            lock.close()
    if options["batch_checks"] and summary.batch_flags is not None and not quiet:
        click.echo(f"批量核对：发现 {summary.batch_flags} 处跨文件不一致", err=True)
    _report(summary, out, quiet)
    return summary.exit_code


def guarded(fn, *args, **kwargs) -> int:
    """No traceback reaches the user: Ctrl-C outside the run's own handling
    exits 130, a defect exits 2 with E808 (usage and coded errors pass through)."""
    try:
        return fn(*args, **kwargs)
    except KeyboardInterrupt:
        click.echo("运行已中断", err=True)
        return EXIT_INTERRUPTED
    except (click.ClickException, ReportmineError, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001
        err = ReportmineError("E808", reason=f"{type(exc).__name__}: {str(exc)[:300]}")
        click.echo(f"错误 [{err.code}] {err.message}", err=True)
        return EXIT_USAGE


def _interrupt(_signum, _frame):
    raise KeyboardInterrupt


def _report(summary, out: Path, quiet: bool) -> None:
    from ..filenames import display_path

    out = display_path(out)
    for o in summary.outputs:
        if not o.ok:
            click.echo(f"提示 [{o.code}] {o.message}", err=True)
    if summary.failed:
        click.echo(f"{len(summary.failed)} 个文件未能分析（详见 {out}/errors.csv）：", err=True)
        for outcome in sorted(summary.failed, key=lambda o: o.index)[:SHOW_FAILED]:
            click.echo(f"  [{outcome.code}] {outcome.path}", err=True)
        if len(summary.failed) > SHOW_FAILED:
            click.echo(f"  ……另有 {len(summary.failed) - SHOW_FAILED} 个", err=True)
    if summary.status == "interrupted":
        click.echo("运行已中断：已完成的文件已保存，再次运行同一命令会从中断处继续", err=True)
    elif summary.status == "stopped":
        click.echo("按 --strict 在第一个失败的文件处停止", err=True)
    if not quiet:
        ok = summary.files - len(summary.failed)
        click.echo(f"已分析 {ok}/{summary.files} 个文件（本次分析 {summary.analyzed} 个，沿用上次结果 "
                   f"{summary.cached} 个），得到 {summary.records} 条记录，结果写入 {out}", err=True)
