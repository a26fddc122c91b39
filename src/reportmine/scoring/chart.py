"""scores.png: the units' totals as a ranked horizontal bar chart.

matplotlib is optional (extra ``scoring``); without it the chart is not drawn
and W301 says which package to install. Chinese labels need a CJK font: the
families in data/scoring.yaml are tried in order, and when matplotlib knows
none of them, the first file ``fc-list :lang=zh`` reports is added.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache

from ..exporters.dependencies import require
from .table import ScoreTable
from .units import plain
from .vocabulary import font_families

MAX_BARS = 50      # a batch of hundreds of units shows its first 50 (the csv/xlsx have all)


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """A font family matplotlib can draw Chinese with, or None."""
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    for family in font_families():
        if family in known:
            return family
    for path in _fc_list_zh():
        try:
            font_manager.fontManager.addfont(path)
            return font_manager.FontProperties(fname=path).get_name()
        except (OSError, RuntimeError, ValueError):
            continue
    return None


def _fc_list_zh() -> list[str]:
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(line.split(":")[0].strip() for line in out.splitlines() if line.strip())


def write_chart(table: ScoreTable, path, title: str = "各单位得分") -> None:
    require("matplotlib", "scoring", "scores.png")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    family = cjk_font()
    orgs = table.orgs[:MAX_BARS]
    if len(table.orgs) > MAX_BARS:
        title = f"{title}（前{MAX_BARS}名，共{len(table.orgs)}个单位）"
    names = [f"{o.rank}. {o.org}" + ("（否决）" if o.vetoed else "") for o in orgs]
    totals = [float(o.total) for o in orgs]
    with plt.rc_context({"font.family": [family] if family else ["sans-serif"],
                         "axes.unicode_minus": False}):
        fig, ax = plt.subplots(figsize=(8, 1.2 + 0.45 * max(len(orgs), 1)), dpi=110)
        bars = ax.barh(range(len(orgs)), totals, color=["#b22222" if o.vetoed else "#3b6ea8" for o in orgs])
        ax.set_yticks(range(len(orgs)), names)
        ax.invert_yaxis()
        most = float(orgs[0].max_total) if orgs else 0.0
        ax.set_xlim(0, max([most, *totals, 1.0]) * 1.12)
        for bar, o in zip(bars, orgs):
            ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {o.total}" + (f"（缺{o.missing}项）" if o.missing else ""),
                    va="center")
        ax.set_xlabel(f"得分（满分 {plain(orgs[0].max_total) if orgs else 0}）")
        ax.set_title(title)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        fig.savefig(path, format="png")
        plt.close(fig)
