"""Labels and colours of report.html, from data/html_report.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import DataFileError, load_yaml, require

COLOR_CHARS = set("#0123456789abcdefABCDEF")
STYLES = {"box", "dashed", "wavy", "dotted"}


@dataclass(frozen=True)
class Labels:
    title: str
    roles: dict[str, dict]       # role -> {label, color}
    flags: dict[str, dict]       # flag type -> {label, style}
    units: dict[str, str]        # norm unit -> how it is shown

    def role(self, role: str | None) -> str:
        return role if role in self.roles else "none"

    def flag(self, ftype: str | None) -> str:
        return ftype if ftype in self.flags else "other"


@lru_cache(maxsize=None)
def labels() -> Labels:
    name = "html_report.yaml"
    data = load_yaml(name)
    require(data, ("title", "roles", "flags", "units"), name)
    for role, entry in data["roles"].items():
        require(entry, ("label", "color"), f"{name}: roles.{role}")
        color = str(entry["color"])
        if not (color.startswith("#") and len(color) == 7 and set(color) <= COLOR_CHARS):
            raise DataFileError(f"{name}: roles.{role}.color must look like #1a2b3c, got {color!r}")
    for ftype, entry in data["flags"].items():
        require(entry, ("label", "style"), f"{name}: flags.{ftype}")
        if entry["style"] not in STYLES:
            raise DataFileError(f"{name}: flags.{ftype}.style must be one of {sorted(STYLES)}")
    for key in ("none",):
        if key not in data["roles"]:
            raise DataFileError(f"{name}: roles.{key} is required")
    if "other" not in data["flags"]:
        raise DataFileError(f"{name}: flags.other is required")
    return Labels(str(data["title"]), dict(data["roles"]), dict(data["flags"]), dict(data["units"]))
