"""A hostile batch: every odd path becomes a coded, recorded outcome and the
rest of the batch is done. Real files, links, FIFOs and names on disk."""

import csv
import json
import os
import sqlite3
import subprocess
import sys

import pytest
from hostile_files import docx_bomb, pdf_broken_stream, pdf_stream_bomb

from reportmine.discovery import discover
from reportmine.errors import ReaderError
from reportmine.filenames import base_name, display_path
from reportmine.readers import read

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
GOOD = "本季度完成投资1200万元，同比增长15%。\n"
_count = iter(range(1, 1000))


def _good() -> str:
    """A report text, different for every file (same bytes would be one document)."""
    return f"本季度完成投资{1200 + next(_count)}万元，同比增长15%。\n"
GBK_NAME = os.fsdecode("报告".encode("gb18030") + b".txt")        # a name written on Windows
BAD_NAME = os.fsdecode(b"bad\xff\xfe.txt")                        # bytes that decode as nothing


def _deep_folder(base) -> str:
    """A folder whose path is longer than PATH_MAX: no one, root included,
    can list it by name (ENAMETOOLONG); made one short step at a time."""
    fd = os.open(base, os.O_RDONLY)
    try:
        for _ in range(20):
            os.mkdir("d" * 250, dir_fd=fd)
            new = os.open("d" * 250, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = new
        with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "w", encoding="utf-8") as f:
            f.write(GOOD)
        fd = -1
    finally:
        if fd != -1:
            os.close(fd)
    return os.path.join(base, *(["d" * 250] * 20))


@pytest.fixture
def hostile(tmp_path):
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(_good(), encoding="utf-8")
    (folder / "sub" / "also good.txt").write_text(_good(), encoding="utf-8")
    (folder / "a\\b.txt").write_text(_good(), encoding="utf-8")
    (folder / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    (folder / "notes.xlsx").write_bytes(b"PK not a report")
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink("missing.txt", folder / "gone.txt")
    os.symlink("sub", folder / "linked-folder")
    os.mkfifo(folder / "pipe.txt")
    for name in (GBK_NAME, BAD_NAME):
        with open(os.path.join(os.fsencode(folder), os.fsencode(name)), "w", encoding="utf-8") as f:
            f.write(_good())
    locked = folder / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    yield folder
    locked.chmod(0o755)


def _codes(found) -> dict:
    return {display_path(os.path.relpath(p, found.root)): (e.code if e else None) for p, e in found}


def test_discovery_lists_files_and_problems(hostile):
    found = discover(hostile)
    found.root = str(hostile)
    codes = _codes(found)
    assert codes["good.txt"] is None and codes[os.path.join("sub", "also good.txt")] is None
    assert codes["a\\b.txt"] is None
    assert codes["报告.txt"] is None                 # GB18030 bytes shown as Chinese
    assert codes["bad\ufffd\ufffd.txt"] is None      # undecodable bytes shown as U+FFFD
    assert codes["loop.txt"] == "E009"
    assert codes["gone.txt"] == "E010"
    assert codes["pipe.txt"] == "E012"
    assert not any(name.startswith((".", "linked-folder")) or name.endswith(".xlsx") for name in codes)
    if ROOT_USER:     # root reads a chmod 000 folder: its file is analyzed
        assert codes[os.path.join("locked", "inside.txt")] is None
    else:
        assert codes["locked"] == "E011"
    # the non-UTF-8 paths still open the files
    assert all("万元" in read(p).text for p in found.files)


def test_order_is_stable_and_sorted(hostile):
    first = discover([hostile / "sub" / "also good.txt", hostile])
    again = discover([hostile / "sub" / "also good.txt", hostile])
    assert [p for p, _ in first] == [p for p, _ in again]
    assert first.files[0] == str(hostile / "sub" / "also good.txt")     # arguments keep their order
    assert len(first.files) == len(set(first.files))                    # ... and a file is listed once
    names = [os.path.basename(p) for p in discover(hostile).files if os.path.dirname(p) == str(hostile)]
    assert names == sorted(names)


def test_python_api_records_what_discovery_met(hostile):
    import reportmine

    result = reportmine.analyze(hostile)
    codes = {e["doc"]: e["code"] for e in result.errors}
    assert codes["loop.txt"] == "E009" and codes["gone.txt"] == "E010" and codes["pipe.txt"] == "E012"
    assert {"good.txt", "a\\b.txt", "报告.txt", "bad\ufffd\ufffd.txt"} <= {d.name for d in result.documents}
    assert all(row["path"].encode("utf-8") for row in result.document_rows)


def test_a_folder_nobody_can_list(tmp_path):
    deep = _deep_folder(str(tmp_path))
    found = discover(tmp_path)
    [(path, error)] = list(found)
    assert error.code == "E011" and len(os.fsencode(path)) > 4096
    assert deep.startswith(path)


@pytest.mark.parametrize("make,code", [
    (lambda d: os.symlink("x.txt", d / "x.txt"), "E009"),
    (lambda d: os.symlink("nowhere.txt", d / "x.txt"), "E010"),
    (lambda d: os.mkfifo(d / "x.txt"), "E012"),
    (lambda d: None, "E001"),
])
def test_reader_codes_what_it_cannot_open(tmp_path, make, code):
    make(tmp_path)
    with pytest.raises(ReaderError) as info:
        read(tmp_path / "x.txt")
    assert info.value.code == code


def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    if ROOT_USER:       # permissions are not enforced for root
        assert read(path).text == GOOD
        return
    with pytest.raises(ReaderError) as info:
        read(path)
    assert info.value.code == "E013"
    found = discover(tmp_path)
    assert [e.code for _, e in found] == ["E013"]


def test_names_for_people():
    assert base_name("/in/a\\b.txt") == "a\\b.txt"
    assert display_path(GBK_NAME) == "报告.txt"
    assert display_path(BAD_NAME) == "bad\ufffd\ufffd.txt"
    error = ReaderError("E001", path=BAD_NAME)
    error.message.encode("utf-8")                  # never a surrogate in a message


def test_hostile_batch_end_to_end(hostile, tmp_path):
    docx_bomb(hostile / "bomb.docx", 40 << 20)
    (hostile / "bomb.pdf").write_bytes(pdf_stream_bomb(40 << 20))
    (hostile / "broken.pdf").write_bytes(pdf_broken_stream())
    out = tmp_path / os.fsdecode(b"out\xff")            # the output folder's name is not UTF-8 either
    named = os.path.join(str(hostile), BAD_NAME)          # a non-UTF-8 name on the command line too
    proc = subprocess.run([sys.executable, "-m", "reportmine.cli", "analyze", str(hostile), named,
                           "--out", str(out)],
                          capture_output=True, text=True, errors="replace", timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1, proc.stderr
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    by_doc = {r["doc"]: r for r in run["results"]}
    expected = {"loop.txt": "E009", "gone.txt": "E010", "pipe.txt": "E012", "bomb.docx": "E102",
                "bomb.pdf": "E205", "broken.pdf": "E204"}
    for doc, code in expected.items():
        assert by_doc[doc]["status"] == "error" and by_doc[doc]["error"]["code"] == code, doc
    with open(out / "errors.csv", encoding="utf-8-sig", newline="") as f:
        listed = {row["doc"]: row["code"] for row in csv.DictReader(f)}
    assert all(listed[doc] == code for doc, code in expected.items()), listed
    analyzed = {"good.txt", "also good.txt", "a\\b.txt", "报告.txt", "bad\ufffd\ufffd.txt"}
    assert analyzed <= {d for d, r in by_doc.items() if r["status"] == "ok"}
    names = {p.name for p in (out / "documents").iterdir()}
    assert {f"{d}.json" for d in analyzed | set(expected)} <= names
    with open(out / "records.csv", encoding="utf-8-sig", newline="") as f:
        docs = {row["doc"] for row in csv.DictReader(f)}
    assert analyzed <= docs
    with sqlite3.connect(out / "reportmine.db") as db:
        stored = {row[0] for row in db.execute("select doc from documents")}
    assert analyzed <= stored
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "报告.txt" in html and "E205" in html


def test_every_error_and_warning_code_is_in_the_readme_table():
    from helpers import ROOT

    from reportmine.errors import MESSAGES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [code for code in MESSAGES if code[0] in "EW" and f"| {code} |" not in readme]
    assert not missing

