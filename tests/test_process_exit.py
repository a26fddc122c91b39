"""The console script ends its process without tearing down the heap
(``process_exit.leave``): what a normal exit must still do is done — every
output written and flushed, exit handlers run, the status kept, running
threads waited for."""

from __future__ import annotations

import csv
import subprocess
import sys
import textwrap

import pytest

from reportmine.cli import main
from reportmine.process_exit import exit_status


def _python(code: str, *args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args],
                          capture_output=True, text=True, timeout=120, cwd=cwd)


def _rows(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_the_console_script_writes_what_the_command_writes_in_process(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text("一、主要指标\n全年完成投资12.5亿元，为年度目标10亿元的125%，同比增长8.2%。\n"
                                    "新建公园6个，其中口袋公园4个、社区公园2个。\n", encoding="utf-8")
    (inbox / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    done = _python("from reportmine.cli import run; run()",
                   "analyze", str(inbox), "--out", str(tmp_path / "script"), "--workers", "1")
    assert done.returncode == 1, done.stderr            # one file failed: status 1, as main() gives
    with pytest.raises(SystemExit) as ended:
        main(["analyze", str(inbox), "--out", str(tmp_path / "inproc"), "--workers", "1", "-q"])
    assert ended.value.code == 1
    script, inproc = tmp_path / "script", tmp_path / "inproc"
    assert sorted(p.relative_to(script).as_posix() for p in script.rglob("*")) == \
        sorted(p.relative_to(inproc).as_posix() for p in inproc.rglob("*"))
    for name in ("records.csv", "flags.csv", "records.jsonl"):
        assert (script / name).read_bytes() == (inproc / name).read_bytes(), name
    assert len(_rows(script / "records.csv")) >= 2
    assert [r["code"] for r in _rows(script / "errors.csv")] == [r["code"] for r in _rows(inproc / "errors.csv")]
    assert (script / "report.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert "得到 " in done.stderr and "结果写入" in done.stderr        # the summary reached the pipe


def test_streams_handlers_and_status_survive_the_quick_exit(tmp_path):
    marker = tmp_path / "handler.txt"
    done = _python(f"""
        import atexit, sys
        from reportmine.process_exit import leave
        atexit.register(lambda: open({str(marker)!r}, "w").write("ran"))
        sys.stdout.write("数" * 200_000)           # buffered, no newline
        sys.stderr.write("提示")
        leave(3)
        """)
    assert done.returncode == 3
    assert done.stdout == "数" * 200_000 and done.stderr == "提示"
    assert marker.read_text() == "ran"


def test_a_closed_or_missing_standard_stream_keeps_the_status():
    for setup in ("sys.stdout.close()", "sys.stdout = None"):
        done = _python(f"""
            import sys
            from reportmine.process_exit import leave
            {setup}
            leave(0)
            """)
        assert done.returncode == 0, (setup, done.stderr)     # CPython's exit skips such a stream too


def test_a_running_thread_is_waited_for(tmp_path):
    marker = tmp_path / "thread.txt"
    done = _python(f"""
        import threading, time
        from reportmine.process_exit import leave
        def late():
            time.sleep(0.3)
            open({str(marker)!r}, "w").write("done")
        threading.Thread(target=late).start()
        leave(None)
        """)
    assert done.returncode == 0 and marker.read_text() == "done"


def test_files_left_open_are_flushed_as_a_normal_exit_flushes_them(tmp_path):
    done = _python(f"""
        import gzip, io
        from reportmine.process_exit import leave
        kept = open({str(tmp_path / "text.txt")!r}, "w", encoding="utf-8")
        kept.write("留在模块里的文件")
        raw = open({str(tmp_path / "bytes.bin")!r}, "wb")
        raw.write(b"x" * 100)
        held = {{"f": open({str(tmp_path / "held.txt")!r}, "a")}}
        held["f"].write("字典里的文件")
        reading = open({str(tmp_path / "text.txt")!r}, "rb")
        leave(0)
        """)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "text.txt").read_text(encoding="utf-8") == "留在模块里的文件"
    assert (tmp_path / "bytes.bin").read_bytes() == b"x" * 100
    assert (tmp_path / "held.txt").read_text() == "字典里的文件"


def test_statuses_as_sys_exit_gives_them(capsys):
    assert [exit_status(s) for s in (None, 0, 2, 130, 256, -1, True)] == [0, 0, 2, 130, 0, 255, 1]
    assert exit_status("出错了") == 1 and capsys.readouterr().err == "出错了\n"
