"""The txt reader: encodings, exact text, golden structure."""

import json
import subprocess
import sys

import pytest

from reportmine.readers import read, read_bytes
from reportmine.structure import analyze_structure

from helpers import DATA, SEEDS, needs_shared, regen

SAMPLE = "截至2023年9月，全县新增就业岗位3,362个，完成率111%；出生率为5.46‰。\n二〇二三年工作要点：一、稳就业\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-be", "utf-32"])
def test_encodings_decode_to_the_same_text(encoding):
    data = SAMPLE.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    doc = read_bytes(data, f"sample.{encoding}.txt")
    assert doc.text == SAMPLE
    assert doc.warnings == []


def test_big5_traditional_text():
    text = "全縣新增就業崗位三千餘個，完成年度目標的百分之一百一十。" * 3
    doc = read_bytes(text.encode("big5"), "big5.txt")
    assert doc.text == text
    assert doc.encoding == "big5"


def test_text_is_exact_crlf_and_replacement_char_kept():
    raw = (DATA / "txt/sources/crlf_and_fffd.txt").read_bytes()
    doc = read(DATA / "txt/sources/crlf_and_fffd.txt")
    assert doc.text == raw.decode("utf-8")
    assert "\r\n" in doc.text and "\ufffd" in doc.text


def test_mostly_utf8_with_a_broken_byte_warns():
    data = ("正常的文本内容，" * 200).encode("utf-8") + b"\xff" + "结尾".encode("utf-8")
    doc = read_bytes(data, "broken.txt")
    assert doc.text.endswith("\ufffd结尾")
    assert [w.code for w in doc.warnings] == ["W001"]


def test_blocks_are_lines_and_spans_are_exact():
    doc = read(DATA / "txt/sources/bundle_two_reports.txt")
    for b in doc.blocks:
        seg = doc.text[b.start:b.end]
        assert seg == seg.strip() and seg and "\n" not in seg


@needs_shared
@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_seed_copies_in_other_encodings_print_identical_text(tmp_path, seed, encoding):
    original = (SEEDS / seed).read_bytes()
    copy = tmp_path / seed
    copy.write_bytes(original.decode("utf-8").encode(encoding))
    out = subprocess.run([sys.executable, "-m", "reportmine.cli", "text", str(copy)],
                         capture_output=True, check=True).stdout
    assert out == original


GOLDEN = sorted((DATA / "txt/sources").glob("*.txt"))


def structure_of(path):
    doc = analyze_structure(read(path))
    data = doc.to_dict(text=False)
    for key in ("id", "path", "meta", "quantities", "flags"):
        data.pop(key)
    # readable golden files: spans shown with their text
    data["articles"] = [dict(a, text_head=doc.text[a["start"]:a["start"] + 12]) for a in data["articles"]]
    data["boilerplate"] = [dict(b, text=doc.text[b["start"]:b["end"]]) for b in data["boilerplate"]]
    data["blocks"] = [dict(b, text=doc.text[b["start"]:b["end"]]) for b in data["blocks"]]
    return data


@pytest.mark.parametrize("source", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_structure(source):
    expected_path = DATA / "txt/groundtruth" / (source.stem + ".json")
    got = structure_of(source)
    if regen():
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got == expected


def test_regen_flag_is_off():
    assert not regen(), "REPORTMINE_REGEN=1 rewrites golden files; never leave it on"
