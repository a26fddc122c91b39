"""The catalog tokenizer read back from the cache of derived data is the one built."""

from __future__ import annotations

import pytest

from reportmine import derived_cache
from reportmine.claims import segment

# texts written for this test: catalog names, their pieces and words jieba's HMM has to guess
TEXTS = [
    "全年城镇新增就业人数和城镇登记失业率均完成目标",
    "化学需氧量、氨氮排放量分别下降",
    "森林覆盖率达到百分之六十二点五",
    "新建口袋公园和社区嵌入式养老服务站点",
    "GDP增长率与一般公共预算收入",
    "扎实推进乡村振兴示范带建设，群众满意度持续提升",
]


@pytest.fixture(scope="module")
def built():
    jieba = segment._import_jieba()
    return segment.build_tokenizer(jieba, segment.catalog_words())


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTMINE_CACHE_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def builds(built, monkeypatch):
    """Count the builds; each returns the module's one built tokenizer (a build takes ~1 s)."""
    calls = []

    def build(jieba, words):
        calls.append(words)
        return built

    monkeypatch.setattr(segment, "build_tokenizer", build)
    return calls


def test_restored_table_is_the_built_one(built):
    restored = segment._restore(segment._import_jieba(), segment._pack(built))
    assert restored.total == built.total
    assert restored.FREQ.to_dict() == built.FREQ
    for text in TEXTS:
        assert restored.lcut(text) == built.lcut(text)


def test_first_process_writes_the_cache_and_the_next_reads_it(built, builds, cache_dir):
    first = segment.load_tokenizer()
    files = list(cache_dir.glob("segment-*.bin"))
    assert len(files) == 1 and len(builds) == 1
    assert builds[0] == segment.catalog_words()
    second = segment.load_tokenizer()
    assert len(builds) == 1
    assert isinstance(second.FREQ, segment.ShardedFreq)
    assert second.total == built.total
    for text in TEXTS:
        assert first.lcut(text) == second.lcut(text) == built.lcut(text)


def test_a_corrupt_cache_file_is_rebuilt(built, builds, cache_dir):
    segment.load_tokenizer()
    (path,) = cache_dir.glob("segment-*.bin")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert derived_cache.read_cached("segment", path.stem.split("-", 1)[1]) is None
    tok = segment.load_tokenizer()
    assert len(builds) == 2
    assert [tok.lcut(t) for t in TEXTS] == [built.lcut(t) for t in TEXTS]
    assert derived_cache.read_cached("segment", path.stem.split("-", 1)[1]) is not None


def test_cache_off_or_unwritable_still_segments(built, builds, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTMINE_CACHE_DIR", "off")
    assert derived_cache.cache_folder() is None
    assert segment.load_tokenizer().lcut(TEXTS[0]) == built.lcut(TEXTS[0])
    assert len(builds) == 1
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REPORTMINE_CACHE_DIR", str(blocker / "cache"))
    assert not derived_cache.write_cached("segment", "k", b"data")
    assert segment.load_tokenizer().lcut(TEXTS[1]) == built.lcut(TEXTS[1])
    assert len(builds) == 2 and not list(tmp_path.glob("**/*.bin"))


def test_a_key_names_its_inputs():
    assert derived_cache.cache_key("a", "bc") != derived_cache.cache_key("ab", "c")
    assert derived_cache.cache_key("a", b"b") == derived_cache.cache_key(b"a", "b")


def test_data_yaml_is_parsed_once_then_read_back(cache_dir, monkeypatch):
    from reportmine import resources

    text = "units:\n  - {name: 万元, scale: 10000}\n  - {name: 亿元, scale: 100000000.0}\nflag: true\nnothing: null\n"
    first = resources.parse_data_yaml(text)
    assert first == resources.parse_yaml(text)

    def no_parse(_):
        raise AssertionError("parsed again")

    monkeypatch.setattr(resources, "parse_yaml", no_parse)
    assert resources.parse_data_yaml(text) == first
    assert len(list(cache_dir.glob("yaml-*.bin"))) == 1


def test_data_yaml_marshal_cannot_hold_is_parsed_each_time(cache_dir):
    from reportmine import resources

    text = "since: 2024-01-31\n"
    assert resources.parse_data_yaml(text) == resources.parse_yaml(text)
    assert not list(cache_dir.glob("yaml-*.bin"))


def test_only_the_tables_of_the_characters_cut_are_unpacked_and_the_cut_is_the_whole_dicts(built):
    restored = segment._restore(segment._import_jieba(), segment._pack(built))
    assert restored.FREQ.unpacked() == {}
    got = restored.lcut(TEXTS[0])
    assert got == built.lcut(TEXTS[0])
    loaded = restored.FREQ.unpacked()
    assert loaded and {w[0] for w in loaded} <= set(TEXTS[0])
    assert len(loaded) < len(built.FREQ) / 10
    assert {w: f for w, f in built.FREQ.items() if w[0] in TEXTS[0]} == loaded
    assert [restored.lcut(t) for t in TEXTS] == [built.lcut(t) for t in TEXTS]
    assert list(restored.cut_for_search(TEXTS[1])) == list(built.cut_for_search(TEXTS[1]))
    assert restored.lcut(TEXTS[2].encode("utf-8")) == built.lcut(TEXTS[2])


def test_a_word_added_before_its_table_is_unpacked_is_kept(built):
    restored = segment._restore(segment._import_jieba(), segment._pack(built))
    restored.add_word("蟹钳湾试点", freq=77)
    restored.lcut("蟹钳湾试点建设")
    assert restored.FREQ["蟹钳湾试点"] == 77
    assert restored.FREQ["蟹"] == built.FREQ["蟹"]


def test_a_mapped_cache_file_reads_as_the_file_and_refuses_a_damaged_one(cache_dir):
    body = bytes(range(256)) * 4000
    assert derived_cache.write_cached("probe", "k", body)
    assert bytes(derived_cache.map_cached("probe", "k")) == bytes(derived_cache.read_cached("probe", "k")) == body
    path = next(cache_dir.glob("probe-k.bin"))
    damaged = bytearray(path.read_bytes())
    damaged[100] ^= 1
    path.write_bytes(bytes(damaged))
    assert derived_cache.map_cached("probe", "k") is None
    path.write_bytes(b"")
    assert derived_cache.map_cached("probe", "k") is None and derived_cache.map_cached("absent", "k") is None


MAPPED_SCRIPT = """
import sys
from reportmine import derived_cache

def resident_mb():
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmRSS"))

derived_cache.write_cached("probe", "big", bytes(40 * 1024 * 1024))
before = resident_mb()
view = getattr(derived_cache, sys.argv[1])("probe", "big")
assert len(view) == 40 * 1024 * 1024
print(resident_mb() - before)
"""


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="reads /proc")
def test_a_mapped_cache_file_is_not_held_resident_after_its_checksum(cache_dir):
    import os
    import subprocess
    import sys

    env = dict(os.environ, REPORTMINE_CACHE_DIR=str(cache_dir))
    grown = {how: float(subprocess.run([sys.executable, "-c", MAPPED_SCRIPT, how], env=env, capture_output=True,
                                       text=True, check=True, timeout=120).stdout)
             for how in ("read_cached", "map_cached")}
    assert grown["read_cached"] > 35 and grown["map_cached"] < 10
