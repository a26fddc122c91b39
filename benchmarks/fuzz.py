"""Random lines of report words, digits and template marks through the whole
pipeline and the records: every exception is a defect (one bad file must never
lose its analysis).

    python benchmarks/fuzz.py [--lines 15000] [--seed 2] [--tables N]

prints each kind of exception raised (type, file and line) with how often and
the first line that raised it, then the count of lines run. With --tables,
N random tables instead (bars, markdown, TABs, or one cell per line; headers
of roles, rates, totals and points; cells of zeros, dashes, blanks, negatives,
percentages and amounts; a unit line or a title above): stop 29 found a
ZeroDivisionError this way (a total row reading 0), 268 of 3,000 tables at
2685a23, none since. Lines and cells of hundreds of digits (stop 30) found an
OverflowError at 7b4f261 (a number beyond any float), none since 968e434.
"""

from __future__ import annotations

import argparse
import collections
import random
import traceback

CHARS = list("0123456789０１２３４５６７８９.,%‰-—~万亿千百十一二两三四五六七八九零〇○个人名元吨分成倍多余近约以上以内左右"
             "第年月日号“”、，。；：:（）()【】xX_＊*□ \n\t|/")
HEADS = ["项目", "乡镇", "指标", "年度目标", "完成", "完成率（%）", "增长（%）", "占比（%）", "合计", "上年同期", "增减额",
         "分值", "扣分", "得分", "预算数", "决算数", "执行率（%）", "超（落后）序时进度（百分点）", "人均（元）", "户均",
         "本期（万元）", "差距"]
LABELS = ["城关镇", "石桥镇", "合计", "小计", "其中：基本支出", "项目支出", "教育", "卫生健康", "全市", "一、收入", "总计", "—"]
WORDS = ["完成", "目标", "任务", "增长", "下降", "比上年", "同比", "其中", "合计", "分别", "依次为", "计划", "预计", "力争",
         "占", "达到", "实际", "得分", "满分", "扣", "控制在", "以内", "收入", "投资", "就业", "全县", "共有", "辖",
         "个百分点", "万元", "亿元", "完成率", "%以上", "为", "的", "是", "：", "\n一、", "\n（二）", "|", "\t", "百分之",
         "千瓦时", "元/公斤", "点", "9" * 330, " 123 456 "]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=15000)
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--tables", type=int, default=0, metavar="N", help="N random tables instead of lines")
    args = ap.parse_args()
    from reportmine.pipeline import Pipeline
    from reportmine.records import build_tables

    pipeline, rng = Pipeline(), random.Random(args.seed)
    raised: collections.Counter = collections.Counter()
    first: dict[str, str] = {}
    for _ in range(args.tables or args.lines):
        line = _table(rng) if args.tables else "".join(rng.choice(WORDS) if rng.random() < 0.4 else rng.choice(CHARS)
                                                       for _ in range(rng.randint(1, 60)))
        try:
            build_tables(pipeline.analyze_bytes(line.encode("utf-8"), "fuzz.txt"))
        except Exception as exc:  # noqa: BLE001 - every exception is what this looks for
            where = traceback.extract_tb(exc.__traceback__)[-1]
            key = f"{type(exc).__name__} {where.filename.rsplit('src/', 1)[-1]}:{where.lineno}"
            raised[key] += 1
            first.setdefault(key, line)
    for key, n in raised.most_common():
        print(n, key, repr(first[key]))
    print(f"{args.tables} tables" if args.tables else f"{args.lines} lines", f"{sum(raised.values())} raised", sep=", ")


def _cell(rng: random.Random) -> str:
    r = rng.random()
    for bound, text in ((0.1, "0"), (0.15, "-"), (0.2, ""), (0.25, "0.0"), (0.3, str(-rng.randint(0, 500))),
                        (0.4, f"{rng.uniform(0, 120):.1f}%"), (0.45, "100"), (0.46, "9" * 330)):
        if r < bound:
            return text
    return f"{rng.uniform(0, 100000):.{rng.choice([0, 1, 2])}f}"


def _table(rng: random.Random) -> str:
    width = rng.randint(2, 6)
    rows = [[rng.choice(HEADS) for _ in range(width)]]
    rows += [[rng.choice(LABELS)] + [_cell(rng) for _ in range(width - 1)] for _ in range(rng.randint(1, 6))]
    style = rng.choice(["bar", "markdown", "tab", "column"])
    if style == "column":
        body = "\n".join(c for row in rows for c in row)
    else:
        sep, edge = {"bar": (" | ", "| "), "markdown": ("|", ""), "tab": ("\t", "")}[style]
        body = "\n".join(edge + sep.join(row) + edge[::-1] for row in rows)
    return rng.choice(["", "单位：万元\n", "各乡镇完成情况\n"]) + body + rng.choice(["", "\n全年完成率为0%。"])


if __name__ == "__main__":
    main()
