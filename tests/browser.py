"""Headless Chromium for tests: screenshots and the DOM after scripts ran.

Chromium is the system package (Debian ``chromium``; .ci/run installs it).
Outside CI a missing browser skips the test; with CI=true it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars")
ARTIFACTS = Path(os.environ.get("REPORTMINE_ARTIFACTS", Path(__file__).parent / "artifacts"))


def chromium() -> str:
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI") == "true":
        pytest.fail("headless Chromium is required in CI (apt-get install chromium)")
    pytest.skip("Chromium is not installed (apt-get install chromium)")


def run(page: Path, *args: str, fragment: str = "", timeout: int = 90) -> subprocess.CompletedProcess:
    url = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    with tempfile.TemporaryDirectory(prefix="rm-chromium-") as profile:
        cmd = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args, url]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def dump_dom(page: Path, fragment: str = "") -> str:
    return run(page, "--dump-dom", "--virtual-time-budget=3000", fragment=fragment).stdout


def screenshot(page: Path, target: Path, width: int = 1400, height: int = 1800) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    run(page, f"--screenshot={target}", f"--window-size={width},{height}", "--virtual-time-budget=3000")
    assert target.is_file(), f"no screenshot at {target}"
    return target
