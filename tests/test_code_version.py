"""The code version results are keyed by: read back from the cache of derived
data while no file changed, computed anew when one is added, removed or
rewritten (even to the same size), and the same as the hash of the contents."""

from __future__ import annotations

import os

from reportmine.engines.version import _files, code_version, content_hash, tree_hash


def package(root):
    (root / "rules").mkdir(parents=True)
    (root / "rules" / "cues.yaml").write_text("cue: 完成\n", encoding="utf-8")
    (root / "stage.py").write_text("X = 1\n", encoding="utf-8")
    (root / "__pycache__").mkdir()
    (root / "__pycache__" / "stage.json").write_text("{}", encoding="utf-8")
    (root / "notes.md").write_text("not part of the version", encoding="utf-8")
    return root


def test_the_hash_is_kept_and_any_change_of_a_file_makes_a_new_one(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTMINE_CACHE_DIR", str(tmp_path / "cache"))
    root = package(tmp_path / "pkg")
    first = tree_hash(root)
    assert first == content_hash(_files(root)) and len(first) == 16
    assert [rel for rel, _ in _files(root)] == ["rules/cues.yaml", "stage.py"]
    assert len(list((tmp_path / "cache").glob("code-version-*.bin"))) == 1
    assert tree_hash(root) == first                     # read back

    (root / "notes.md").write_text("changed", encoding="utf-8")
    (root / "__pycache__" / "stage.json").write_text("[]", encoding="utf-8")
    assert tree_hash(root) == first                     # neither is part of the version

    cues = root / "rules" / "cues.yaml"
    stat = cues.stat()
    cues.write_text("cue: 实现\n", encoding="utf-8")        # same size, new content
    os.utime(cues, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    second = tree_hash(root)
    assert second != first and second == content_hash(_files(root))

    (root / "rules" / "units.yaml").write_text("unit: 个\n", encoding="utf-8")
    third = tree_hash(root)
    assert third not in (first, second)
    (root / "rules" / "units.yaml").unlink()
    assert tree_hash(root) == second


def test_a_broken_entry_or_no_cache_gives_the_same_hash(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTMINE_CACHE_DIR", str(tmp_path / "cache"))
    root = package(tmp_path / "pkg")
    expected = content_hash(_files(root))
    tree_hash(root)
    [entry] = (tmp_path / "cache").glob("code-version-*.bin")
    entry.write_bytes(b"\x00" * len(entry.read_bytes()))
    assert tree_hash(root) == expected
    monkeypatch.setenv("REPORTMINE_CACHE_DIR", "off")
    assert tree_hash(root) == expected


def test_the_package_version_is_the_hash_of_its_files():
    from pathlib import Path

    import reportmine

    root = Path(reportmine.__file__).resolve().parent
    assert code_version() == f"{reportmine.__version__}+{content_hash(_files(root))}"
