"""Chinese labels the pages show: review statuses, and the role and flag
labels and colours of report.html (data/html_report.yaml), reused."""

from __future__ import annotations

from ..exporters.labels import labels

STATUS = {
    "new": {"label": "待审核", "tone": "grey"},
    "in_review": {"label": "审核中", "tone": "blue"},
    "approved": {"label": "已通过", "tone": "green"},
    "returned": {"label": "已退回", "tone": "orange"},
}
DECISIONS = {"dismissed": "已驳回（误报）", "confirmed": "已确认"}
ROLE_NAMES = {"reviewer": "审核员", "admin": "管理员"}
# record fields a reviewer may correct, in the order the form lists them
RECORD_FIELDS = {"actual": "实际值", "target": "目标值", "completion_rate": "完成率",
                 "basic_target": "基本任务", "full_target": "满分指标", "forecast": "预测值",
                 "growth": "增长", "difference": "差额", "indicator_id": "指标", "org": "单位",
                 "period": "时期"}


def flag_label(ftype: str | None) -> str:
    L = labels()
    return L.flags[L.flag(ftype)]["label"]


def role_label(role: str | None) -> str:
    L = labels()
    return L.roles[L.role(role)]["label"]


def role_choices() -> list[tuple[str, str]]:
    return [(k, v["label"]) for k, v in labels().roles.items() if k != "none"]


def flag_types() -> list[tuple[str, str]]:
    return [(k, v["label"]) for k, v in labels().flags.items()]
