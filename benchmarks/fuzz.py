"""Random lines of report words, digits and template marks through the whole
pipeline and the records: every exception is a defect (one bad file must never
lose its analysis).

    python benchmarks/fuzz.py [--lines 15000] [--seed 2]

prints each kind of exception raised (type, file and line) with how often and
the first line that raised it, then the count of lines run.
"""

from __future__ import annotations

import argparse
import collections
import random
import traceback

CHARS = list("0123456789０１２３４５６７８９.,%‰-—~万亿千百十一二两三四五六七八九零〇○个人名元吨分成倍多余近约以上以内左右"
             "第年月日号“”、，。；：:（）()【】xX_＊*□ \n\t|/")
WORDS = ["完成", "目标", "任务", "增长", "下降", "比上年", "同比", "其中", "合计", "分别", "依次为", "计划", "预计", "力争",
         "占", "达到", "实际", "得分", "满分", "扣", "控制在", "以内", "收入", "投资", "就业", "全县", "共有", "辖",
         "个百分点", "万元", "亿元", "完成率", "%以上", "为", "的", "是", "：", "\n一、", "\n（二）", "|", "\t", "百分之",
         "千瓦时", "元/公斤", "点"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=15000)
    ap.add_argument("--seed", type=int, default=2)
    args = ap.parse_args()
    from reportmine.pipeline import Pipeline
    from reportmine.records import build_tables

    pipeline, rng = Pipeline(), random.Random(args.seed)
    raised: collections.Counter = collections.Counter()
    first: dict[str, str] = {}
    for _ in range(args.lines):
        line = "".join(rng.choice(WORDS) if rng.random() < 0.4 else rng.choice(CHARS)
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
    print(f"{args.lines} lines, {sum(raised.values())} raised")


if __name__ == "__main__":
    main()
