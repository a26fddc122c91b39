"""What a run shows while it goes: a progress bar on a terminal (rich), a
plain line every few seconds otherwise, only the errors with ``--quiet``.
Every failed file is printed as it happens (``错误 [E201] …``)."""

from __future__ import annotations

import sys
import time

from .work import Outcome

LOG_EVERY = 10.0      # seconds between two log lines when stderr is not a terminal


class QuietProgress:
    """Only the errors."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.total = self.done = self.failed = self.pages = self.fresh = 0
        self.started = time.monotonic()

    def start(self, total: int, done: int, failed: int, cached: int = 0) -> None:
        self.total, self.done, self.failed = total, done, failed
        self.started = time.monotonic()

    def advance(self, outcome: Outcome) -> None:
        self.done += 1
        self.fresh += 1
        self.pages += (outcome.document_row or {}).get("pages") or 0
        if not outcome.ok:
            self.failed += 1
            self.error(outcome)

    def error(self, outcome: Outcome) -> None:
        print(f"错误 [{outcome.code}] {outcome.message}", file=self.stream, flush=True)

    def stop(self) -> None:
        pass

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.fresh / elapsed
        left = self.total - self.done
        eta = f"，预计还需 {_duration(left / rate)}" if rate > 0 and left else ""
        return (f"已完成 {self.done}/{self.total} 个文件（失败 {self.failed}），{self.pages} 页，"
                f"{rate:.1f} 个/秒{eta}")


class LogProgress(QuietProgress):
    """A plain line every :data:`LOG_EVERY` seconds (logs, CI, pipes)."""

    def __init__(self, stream=None, every: float = LOG_EVERY):
        super().__init__(stream)
        self.every, self.last = every, 0.0

    def start(self, total: int, done: int, failed: int, cached: int = 0) -> None:
        super().start(total, done, failed)
        self.last, self.shown = time.monotonic(), 0
        print(f"共 {total} 个文件：需分析 {total - done} 个，沿用上次结果 {cached} 个", file=self.stream, flush=True)

    def advance(self, outcome: Outcome) -> None:
        super().advance(outcome)
        if time.monotonic() - self.last >= self.every:
            self._show()

    def _show(self) -> None:
        self.last, self.shown = time.monotonic(), self.done
        print(self.line(), file=self.stream, flush=True)

    def stop(self) -> None:
        if self.fresh and self.shown != self.done:
            self._show()


class BarProgress(QuietProgress):
    """A rich progress bar on the terminal: files done / failed, pages, throughput, ETA."""

    def start(self, total: int, done: int, failed: int, cached: int = 0) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        super().start(total, done, failed)
        self.console = Console(file=self.stream)
        self.bar = Progress(TextColumn("分析"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("失败 {task.fields[failed]} · {task.fields[pages]} 页 · "
                                       "{task.fields[rate]} 个/秒"),
                            TimeRemainingColumn(), console=self.console, transient=False)
        self.bar.start()
        self.task = self.bar.add_task("files", total=total, completed=done, failed=failed, pages=0, rate="-")

    def advance(self, outcome: Outcome) -> None:
        super().advance(outcome)
        rate = self.fresh / max(time.monotonic() - self.started, 1e-9)
        self.bar.update(self.task, completed=self.done, failed=self.failed, pages=self.pages, rate=f"{rate:.1f}")

    def error(self, outcome: Outcome) -> None:
        self.console.print(f"错误 [{outcome.code}] {outcome.message}", markup=False, highlight=False)

    def stop(self) -> None:
        self.bar.stop()


def choose(quiet: bool, stream=None):
    stream = stream or sys.stderr
    if quiet:
        return QuietProgress(stream)
    if stream.isatty():
        return BarProgress(stream)
    return LogProgress(stream)


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} 秒"
    if seconds < 3600:
        return f"{seconds // 60} 分 {seconds % 60} 秒"
    return f"{seconds // 3600} 小时 {seconds % 3600 // 60} 分"
