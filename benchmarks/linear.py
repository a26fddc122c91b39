"""Linear time on hostile inputs: characters per second beside the usual rate.

    python benchmarks/linear.py [--usual DIR] [--mb 30] [--numbers 20000] [--items 3000]
                                [--lists 2000] [--rows 10000]
                                [--only numbers,units,list,lists,no-newline,table,stream,marks]

In one process, after a warm-up on corpora/samples: the usual rate is the
pipeline (reportmine.pipeline.Pipeline.analyze on a file) over the .txt files
of --usual (default ../shared/realdev/docs) concatenated into one document.
Then each hostile input, written by this script from texts written for it:
- numbers:  one line of --numbers space-separated bare numbers (no quantities);
- numbers+units: the same line with a unit on every number (12万元): one
  quantity every few characters, so the per-quantity stages do all the work;
- list:     各县完成投资分别为 followed by --items items NNN万元 joined by 、;
- lists:    one sentence (no 。) of --lists 分别 clauses, each with its two
  counts, the year before's two and two growth rates (a long PDF line of a
  table read as text);
- no-newline: report paragraphs written here, digits varied per copy, joined
  without a single line break to about --mb megabytes of UTF-8;
- table:    one | scoring table of --rows rows, a group cell with its points
  every third row and a cell of numbered criteria with their points on each;
- stream:   a table of --rows rows one cell a line, bars alone between the
  cells (structure/cell_streams.py), a section's row every twentieth;
- marks:    one line of 5 x --items clauses, each with an underscore between
  two words (甲_乙), every one a template mark checks/placeholders.py reads.
Each input also runs at half its size: in linear time the two rates match
(the "half/full" column). Times are CPU seconds (time.process_time) of the
analysis; the ratio column is the input's chars/s over the usual chars/s
(issue 11 asks >= 0.5).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIGITS = str.maketrans("0123456789", "3456789012")

# paragraphs written for this benchmark (not from any report)
PARAGRAPHS = (
    "一、基础设施建设。全年完成道路硬化{a}公里，新建桥梁{b}座，改造危旧房{c}户，"
    "完成投资{d}万元，同比增长{e}%，完成年度目标任务的{f}%。",
    "二、社会事业发展。新增城镇就业{g}人，其中高校毕业生{h}人、退役军人{i}人；"
    "城镇登记失业率控制在{j}%以内，参保人数达到{k}万人。",
    "三、财政收支情况。一般公共预算收入{l}亿元，比上年增加{m}亿元，增长{n}%；"
    "民生支出占财政支出的{o}%，各乡镇分别完成{p}万元、{q}万元和{r}万元。",
    "四、存在的问题。部分项目进度滞后，{s}个项目尚未开工，资金到位率仅为{t}%，"
    "下一步将加强督导，确保{u}月底前全部开工。",
)


def no_newline_text(megabytes: float, seed: int = 11) -> str:
    r = random.Random(seed)
    out, size = [], 0
    keys = "abcdefghijklmnopqrstu"
    while size < megabytes * 1_000_000:
        values = {k: r.randint(2, 999) for k in keys}
        part = "".join(p.format(**values) for p in PARAGRAPHS)
        out.append(part)
        size += len(part.encode("utf-8"))
    return "".join(out)


def numbers_line(count: int, unit: str = "", seed: int = 3) -> str:
    r = random.Random(seed)
    return " ".join(f"{r.randint(1, 99999)}{unit}" for _ in range(count)) + "\n"


def list_text(items: int, seed: int = 5) -> str:
    r = random.Random(seed)
    return "各县完成投资分别为" + "、".join(f"{r.randint(100, 999)}万元" for _ in range(items)) + "。\n"


def lists_sentence(count: int, seed: int = 7) -> str:
    r = random.Random(seed)
    clauses = []
    for _ in range(count):
        a, b, c, d = (r.randint(10, 99) for _ in range(4))
        clauses.append(f"第{r.randint(1, 9)}片区受理来信{a}件、来访{b}人次，比上年同期的{c}件、{d}人次"
                       f"分别变化{r.randint(1, 60)}.{r.randint(0, 9)}%、{r.randint(1, 60)}.{r.randint(0, 9)}%，")
    return "".join(clauses) + "。\n"


def score_table(rows: int, seed: int = 13) -> str:
    """One scoring table of --rows rows: a group cell every third row, a points
    cell and a cell of numbered criteria on every row (checks/score_groups.py)."""
    r = random.Random(seed)
    out = ["| 一级指标 | 三级指标 | 分值 | 评分标准 | 得分 |"]
    for i in range(rows):
        a, b = r.randint(1, 5), r.randint(1, 5)
        group = f"第{i // 3 + 1}组（{r.randint(10, 30)}分） | " if i % 3 == 0 else ""
        out.append(f"| {group}指标{i} | {a + b} | 1、台账齐全（{a}分）；2、按时报送（{b}分） | {a + b - r.randint(0, 1)} |")
    return "\n".join(out) + "\n"


def cell_stream(rows: int, seed: int = 17) -> str:
    """A table one cell a line with bars between the cells (structure/cell_streams.py):
    a bar alone between cells, a header cell wrapped over two lines, --rows rows of a
    number, a name, two counts and a rate, a section's name in a row of its own every
    twentieth row."""
    r = random.Random(seed)
    out = ["|"]
    for cell in ("序号", "单位", "抽检\n批次(批)", "不合格\n批次(批)", "不合格率(%)"):
        out += [*cell.split("\n"), "|"]
    for i in range(rows):
        if i % 20 == 19:
            out += [f"第{i // 20 + 1}片区", "|", "|", "|", "|", "|"]
            continue
        total = r.randint(100, 5000)
        bad = r.randint(0, total // 20)
        for cell in (str(i + 1), f"单位{i}", str(total), str(bad), f"{100 * bad / total:.2f}"):
            out += [cell, "|"]
    return "\n".join(out) + "\n"


def marks_line(count: int) -> str:
    """One line of --items clauses, each with an underscore between two words (甲_乙):
    every one a template mark the placeholder check reads its line for."""
    return "".join(f"全县推进第{i}批村级_组级工作，" for i in range(count)) + "\n"


def timed(pipeline, path: Path) -> tuple[int, float]:
    started = time.process_time()
    doc = pipeline.analyze(path)
    return len(doc.text), time.process_time() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--usual", type=Path, default=ROOT.parent.parent / "shared" / "realdev" / "docs")
    ap.add_argument("--mb", type=float, default=30.0, help="size of the text without newlines (UTF-8 MB)")
    ap.add_argument("--numbers", type=int, default=20_000)
    ap.add_argument("--items", type=int, default=3_000)
    ap.add_argument("--lists", type=int, default=2_000)
    ap.add_argument("--rows", type=int, default=10_000, help="rows of the scoring table")
    ap.add_argument("--only", default="numbers,units,list,lists,no-newline,table,stream,marks",
                    help="which inputs, comma-separated")
    args = ap.parse_args()
    if not args.usual.is_dir():
        args.usual = ROOT.parent / "shared" / "realdev" / "docs"
    from reportmine.pipeline import Pipeline

    pipeline = Pipeline(max_bytes=int(args.mb * 1_000_000) * 2 + 10_000_000)
    folder = Path(tempfile.mkdtemp(prefix="rm-linear-"))
    for sample in sorted((ROOT / "corpora" / "samples").glob("*.txt")):
        pipeline.analyze(sample)                         # warm-up: models and dictionaries load
    usual = folder / "usual.txt"
    usual.write_text("\n".join(p.read_text(encoding="utf-8") for p in sorted(args.usual.glob("*.txt"))),
                     encoding="utf-8")
    chars, seconds = timed(pipeline, usual)
    base = chars / seconds
    print(f"usual ({args.usual}, .txt concatenated): {chars:,} chars, {seconds:.2f} s CPU, {base:,.0f} chars/s")
    inputs = {
        ("numbers", f"numbers ({args.numbers:,} bare)"): lambda k: numbers_line(args.numbers // k),
        ("units", f"numbers+units ({args.numbers:,} x 万元)"): lambda k: numbers_line(args.numbers // k, "万元"),
        ("list", f"分别 list ({args.items:,} items)"): lambda k: list_text(args.items // k),
        ("lists", f"分别 lists in a sentence ({args.lists:,})"): lambda k: lists_sentence(args.lists // k),
        ("no-newline", f"no newline ({args.mb:g} MB)"): lambda k: no_newline_text(args.mb / k),
        ("table", f"scoring table ({args.rows:,} rows)"): lambda k: score_table(args.rows // k),
        ("stream", f"cells parted by bars ({args.rows:,} rows)"): lambda k: cell_stream(args.rows // k),
        ("marks", f"template marks on one line ({args.items * 5:,})"): lambda k: marks_line(args.items * 5 // k),
    }
    wanted = set(args.only.split(","))
    print(f"{'input':32} {'chars':>12} {'CPU s':>8} {'chars/s':>10} {'ratio':>6} {'half/full':>9}")
    for (key, name), make in inputs.items():
        if key not in wanted:
            continue
        rates = []
        for k in (2, 1):
            path = folder / f"input-{k}.txt"
            path.write_text(make(k), encoding="utf-8")
            chars, seconds = timed(pipeline, path)
            rates.append(chars / max(seconds, 1e-9))
            path.unlink()
        print(f"{name:32} {chars:>12,} {seconds:>8.2f} {rates[1]:>10,.0f} {rates[1] / base:>6.2f} "
              f"{rates[0] / rates[1]:>9.2f}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
