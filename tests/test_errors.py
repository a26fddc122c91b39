"""Bad input gets a clear coded error; one bad file never stops a batch."""

import json
import subprocess
import sys
import zipfile

import pytest

from reportmine.errors import MESSAGES, ReaderError
from reportmine.readers import read, read_bytes

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
ELF = b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4


def _zip_bytes(tmp_path, members):
    path = tmp_path / "z.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path.read_bytes()


@pytest.mark.parametrize("name,data,code", [
    ("empty.txt", b"", "E002"),
    ("picture.png", PNG, "E006"),
    ("photo.jpg", JPEG, "E006"),
    ("scan.txt", PNG, "E006"),
    ("legacy.doc", OLE2, "E005"),
    ("program.bin", ELF, "E004"),
    ("program.txt", ELF, "E004"),
    ("fake.pdf", "这不是PDF".encode("utf-8"), "E201"),
    ("fake.docx", "这不是Word".encode("utf-8"), "E101"),
    ("style.rtf", b"{\\rtf1\\ansi hello}", "E004"),
])
def test_bad_bytes_get_coded_errors(name, data, code):
    with pytest.raises(ReaderError) as info:
        read_bytes(data, name)
    assert info.value.code == code
    assert name in info.value.message


def test_zip_that_is_not_a_docx(tmp_path):
    data = _zip_bytes(tmp_path, {"hello.txt": "hi"})
    with pytest.raises(ReaderError) as info:
        read_bytes(data, "archive.zip")
    assert info.value.code == "E004"
    with pytest.raises(ReaderError) as info:
        read_bytes(data, "report.docx")
    assert info.value.code == "E101"


def test_oversized_input(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes("数".encode("utf-8") * 2000)
    with pytest.raises(ReaderError) as info:
        read(big, max_bytes=1000)
    assert info.value.code == "E003"
    assert "6000" in info.value.message


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ReaderError) as info:
        read(tmp_path / "nope.txt")
    assert info.value.code == "E001"
    with pytest.raises(ReaderError) as info:
        read(tmp_path)
    assert info.value.code == "E008"


def test_undecodable_text():
    data = bytes([0x81, 0x30, 0xFF, 0xFE]) * 300 + bytes(range(0x80, 0x100)) * 20
    with pytest.raises(ReaderError) as info:
        read_bytes(data.replace(b"\x00", b""), "mess.txt")
    assert info.value.code in ("E004", "E007")


def test_every_code_has_a_chinese_message():
    for code, message in MESSAGES.items():
        assert code[0] in "EWR" and code[1:].isdigit()
        assert any("\u4e00" <= ch <= "\u9fff" for ch in message), code


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "reportmine.cli", *args], capture_output=True)


def test_cli_prints_code_and_exits_2(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("text", str(tmp_path / "empty.txt"))
    assert result.returncode == 2
    assert "[E002]" in result.stderr.decode("utf-8")


def test_batch_goes_on_past_bad_files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("全年新增就业岗位3362个。", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "legacy.doc").write_bytes(OLE2)
    out = tmp_path / "out"
    result = run_cli("analyze", str(tmp_path / "empty.txt"), str(good), str(tmp_path / "legacy.doc"),
                     "--out", str(out))
    assert result.returncode == 1
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert [r["status"] for r in run["results"]] == ["error", "ok", "error"]
    assert [r.get("error", {}).get("code") for r in run["results"]] == ["E002", None, "E005"]
    good_json = json.loads((out / "documents/good.txt.json").read_text(encoding="utf-8"))
    assert good_json["doc"] == "good.txt" and "error" not in good_json
    bad_json = json.loads((out / "documents/legacy.doc.json").read_text(encoding="utf-8"))
    assert bad_json["error"]["code"] == "E005"


def test_same_name_in_two_folders_is_not_overwritten(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(f"{sub}单位新增岗位12个。", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("analyze", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out)).returncode == 0
    assert len(list((out / "documents").glob("report.txt*.json"))) == 2


def test_no_code_is_defined_twice_in_the_catalog():
    import ast
    from pathlib import Path

    import reportmine.errors as errors_module

    tree = ast.parse(Path(errors_module.__file__).read_text(encoding="utf-8"))
    keys = [k.value for node in ast.walk(tree) if isinstance(node, ast.Dict)
            for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    codes = [k for k in keys if len(k) == 4 and k[0] in "EWR" and k[1:].isdigit()]
    assert len(codes) > 30 and len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)
