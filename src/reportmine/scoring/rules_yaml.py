"""Raw rule entries from a YAML file, each with the line it starts on and the
line of every field (so that an error names them)."""

from __future__ import annotations

from pathlib import Path

import yaml

from .rules import Entry, RulesError

TOP_KEYS = ("scale", "indicators")


def read_yaml(path: Path) -> tuple[Entry | None, list[Entry]]:
    node, data = _compose(path)
    name = path.name
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise RulesError("E501", path=path, reason="顶层应是含 indicators 的映射")
    nodes = {k.value: (k, v) for k, v in node.value}
    for key, (k, _) in nodes.items():
        if key not in TOP_KEYS:
            raise RulesError("E504", where=_line(name, k), field=key, known="、".join(TOP_KEYS))
    if "indicators" not in nodes:
        raise RulesError("E502", where=name, field="indicators")
    items_node = nodes["indicators"][1]
    items = data["indicators"]
    if not isinstance(items, list) or not items:
        raise RulesError("E503", where=_line(name, items_node), field="indicators", value=items,
                         expected="至少一项指标的列表")
    entries = [_entry(name, n, item) for n, item in zip(items_node.value, items)]
    scale = None
    if "scale" in nodes:
        scale = _entry(name, nodes["scale"][1], data["scale"], what="scale")
    return scale, entries


def _compose(path: Path):
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError("E501", path=path, reason=str(exc)) from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行" if mark else ""
        raise RulesError("E501", path=path, reason=f"YAML 格式错误 {where}{getattr(exc, 'problem', '') or ''}") from None
    finally:
        loader.dispose()
    return node, data


def _line(name: str, node) -> str:
    return f"{name} 第{node.start_mark.line + 1}行"


def _entry(name: str, node, item, what: str = "indicators") -> Entry:
    if not isinstance(item, dict) or not isinstance(node, yaml.MappingNode):
        raise RulesError("E503", where=_line(name, node), field=what, value=item, expected="字段映射")
    return Entry(item, _line(name, node), {k.value: _line(name, k) for k, _ in node.value})
