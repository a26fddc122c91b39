"""Invented work reports for the batch benchmark, from corpus_texts.yaml.

``ReportWriter(material).report(rng)`` returns the text of one report (title,
opening, numbered sections of indicator sentences, narrative and tables, a
plans section with placeholders, a closing) and what went into it. Indicator
sentences carry arithmetic a reader can check (rate = actual / target, growth
against last year, parts adding up to a total, a share of a whole); a share of
them is broken on purpose. Everything is drawn from ``rng`` only, so a seed
gives the same text.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

MATERIAL = Path(__file__).with_name("corpus_texts.yaml")
CN_DIGITS = "零一二三四五六七八九"
SECTION_NUMBERS = "一二三四五六七八九十"
_SLOT = re.compile(r"\{(n|d|cn):(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)\}")
RATE_PATTERNS = [  # for indicators that are themselves rates (unit %)
    {"text": "{name}达到{actual}{unit}，比上年的{prev}{unit}提高{diff}个百分点。", "checked": True},
    {"text": "{name}{actual}{unit}，年度目标为{target}{unit}。", "checked": False},
]


def load_material(path: str | Path = MATERIAL) -> dict:
    material = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if material.get("schema") != "reportmine-bench-corpus/1":
        raise ValueError(f"{path}: schema must be reportmine-bench-corpus/1")
    for key in ("regions", "titles", "openings", "sections", "generic", "plans", "closing",
                "patterns", "placeholders", "domains", "problems", "table_header"):
        if key not in material:
            raise ValueError(f"{path}: missing key {key!r}")
    for name, domain in material["domains"].items():
        for ind in domain["indicators"]:
            missing = {"name", "unit", "lo", "hi", "decimals"} - set(ind)
            if missing:
                raise ValueError(f"{path}: domain {name}: indicator {ind} lacks {sorted(missing)}")
    return material


def chinese_number(n: int) -> str:
    """1..99 in Chinese numerals (十二, 二十, 九十九)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


@dataclass
class Stats:
    checked: int = 0       # sentences whose arithmetic can be verified
    broken: int = 0        # of those, broken on purpose
    placeholders: int = 0  # placeholder sentences (plans included)
    tables: int = 0
    planted: list[str] = field(default_factory=list)   # the broken sentences and table rows, as written


class ReportWriter:
    def __init__(self, material: dict, broken_share: float = 0.15):
        self.m = material
        self.broken_share = broken_share

    def report(self, rng: random.Random, domain: str | None = None) -> tuple[str, str, Stats]:
        """(domain key, text, stats) of one invented report."""
        domain = domain or rng.choice(sorted(self.m["domains"]))
        names = self._names(rng, self.m["domains"][domain]["dept"])
        stats, self._pools = Stats(), {}
        lines = [self._fill(rng, rng.choice(self.m["titles"]), names),
                 self._fill(rng, rng.choice(self.m["openings"]), names)]
        sections = rng.sample(self.m["sections"][:-1], rng.randint(3, 6))
        for number, heading in enumerate(sections + [self.m["sections"][-1]]):
            lines.append(f"{SECTION_NUMBERS[number]}、{heading}")
            lines += self._section(rng, domain, names, stats, heading)
        lines.append(f"{SECTION_NUMBERS[len(sections) + 1]}、{self.m['plans_heading']}")
        lines += self._plans(rng, names, stats)
        lines.append(self._fill(rng, rng.choice(self.m["closing"]), names))
        return domain, "\n".join(lines) + "\n", stats

    def _names(self, rng, dept: str) -> dict:
        regions = self.m["regions"]
        kind = rng.choice(regions["kinds"])
        year = rng.randint(2019, 2025)
        return {"region": rng.choice(regions["first"]) + rng.choice(regions["second"]) + kind,
                "region_kind": kind, "dept": dept, "year": str(year),
                "prev_year": str(year - 1), "next_year": str(year + 1)}

    def _section(self, rng, domain, names, stats, heading) -> list[str]:
        if heading == self.m["sections"][-1]:
            return ["　　" + "".join(rng.sample(self.m["problems"], rng.randint(2, 4)))]
        lines = []
        for _ in range(rng.randint(2, 5)):
            sentences = [self._sentence(rng, domain, names, stats) for _ in range(rng.randint(4, 9))]
            indent = "　　" if rng.random() < 0.7 else ""
            lines.append(indent + "".join(sentences))
        if rng.random() < 0.35:
            lines += self._table(rng, domain, stats)
        return lines

    def _sentence(self, rng, domain, names, stats) -> str:
        pick = rng.random()
        if pick < 0.5:
            return self._indicator_sentence(rng, domain, names, stats)
        if pick < 0.8:
            return self._fill(rng, self._draw(rng, domain), names)
        if pick < 0.96:
            return self._fill(rng, self._draw(rng, "generic"), names)
        stats.placeholders += 1
        ind = rng.choice(self.m["domains"][domain]["indicators"])
        values = self._values(rng, ind, broken=False)
        return self._fill(rng, rng.choice(self.m["placeholders"]), {**names, **values})

    def _draw(self, rng, pool: str) -> str:
        """The next sentence of a pool, shuffled per report: no repeats until it runs out."""
        if not self._pools.get(pool):
            items = self.m["generic"] if pool == "generic" else self.m["domains"][pool]["narrative"]
            self._pools[pool] = rng.sample(items, len(items))
        return self._pools[pool].pop()

    def _indicator_sentence(self, rng, domain, names, stats) -> str:
        ind = rng.choice(self.m["domains"][domain]["indicators"])
        patterns = RATE_PATTERNS if ind.get("rate_like") else self.m["patterns"]
        pattern = rng.choice(patterns)
        broken = pattern["checked"] and rng.random() < self.broken_share
        stats.checked += pattern["checked"]
        stats.broken += broken
        sentence = self._fill(rng, pattern["text"], {**names, **self._values(rng, ind, broken)})
        if broken:
            stats.planted.append(sentence)
        return sentence

    def _values(self, rng, ind: dict, broken: bool) -> dict:
        """An indicator's figures, derived ones computed from the rounded base ones."""
        d = ind["decimals"]
        fmt = lambda x: f"{x:.{d}f}"  # noqa: E731
        target = round(rng.uniform(ind["lo"], ind["hi"]), d)
        if ind.get("rate_like"):   # a rate itself: stays in its range, rose since last year
            actual = round(rng.uniform(ind["lo"], ind["hi"]), d)
            prev = round(actual * rng.uniform(0.9, 0.995), d)
        else:
            actual = round(target * rng.uniform(0.85, 1.3), d) or target
            prev = round(actual / rng.uniform(0.9, 1.35), d) or actual
        a = round(actual * rng.uniform(0.3, 0.7), d)
        whole = round(actual / rng.uniform(0.15, 0.7), d)
        rate, growth = actual / target * 100, (actual - prev) / prev * 100
        share, total, diff = actual / whole * 100, actual, actual - prev
        if broken:
            off = rng.choice([-1, 1]) * rng.uniform(3, 20)
            rate, growth, share, diff = rate + off, growth + off, share + off, diff + off / 4
            total = actual + max(10 ** -d, round(abs(off) * actual / 100, d))
        return {"name": ind["name"], "unit": ind["unit"], "actual": fmt(actual),
                "target": fmt(target), "prev": fmt(prev), "a": fmt(a), "b": fmt(actual - a),
                "total": fmt(total), "whole": fmt(whole), "rate": f"{rate:.1f}",
                "growth": f"{growth:.1f}",
                "change": f"{'增长' if growth >= 0 else '下降'}{abs(growth):.1f}", "share": f"{share:.1f}", "diff": f"{abs(diff):.1f}"}

    def _table(self, rng, domain, stats) -> list[str]:
        stats.tables += 1
        indicators = [i for i in self.m["domains"][domain]["indicators"] if not i.get("rate_like")]
        rows = ["\t".join(self.m["table_header"])]
        for ind in rng.sample(indicators, min(len(indicators), rng.randint(3, 5))):
            broken = rng.random() < self.broken_share
            stats.checked += 1
            stats.broken += broken
            v = self._values(rng, ind, broken)
            rows.append(f"{v['name']}（{v['unit']}）\t{v['target']}\t{v['actual']}\t{v['rate']}%")
            if broken:
                stats.planted.append(rows[-1])
        return rows

    def _plans(self, rng, names, stats) -> list[str]:
        chosen = rng.sample(self.m["plans"], rng.randint(3, 6))
        stats.placeholders += sum(1 for p in chosen if _has_placeholder(p))
        return ["　　" + f"（{chinese_number(k + 1)}）" + self._fill(rng, p, names)
                for k, p in enumerate(chosen)]

    def _fill(self, rng, template: str, values: dict) -> str:
        def slot(match):
            kind, lo, hi = match.group(1), match.group(2), match.group(3)
            if kind == "d":
                return f"{rng.uniform(float(lo), float(hi)):.1f}"
            n = rng.randint(int(lo), int(hi))
            return chinese_number(n) if kind == "cn" else str(n)

        return _SLOT.sub(slot, template).format(**values)


def _has_placeholder(text: str) -> bool:
    return any(mark in text for mark in ("x%", "20xx", "XX", "%以内", "××", "  "))
