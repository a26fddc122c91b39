"""pdfminer's debug calls are no-ops while nobody listens (readers/pdflogs.py):
the text read is the same, warnings still reach the logger, and a process that
turned pdfminer's debug logging on before its first PDF keeps the messages."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from render_helpers import fake_bold_pdf

CODE = textwrap.dedent("""
    import logging, sys
    debug = sys.argv[2] == "debug"
    counts = {"DEBUG": 0, "WARNING": 0}
    class Count(logging.Handler):
        def emit(self, record):
            counts[record.levelname] = counts.get(record.levelname, 0) + 1
    logging.getLogger("pdfminer").addHandler(Count())
    logging.getLogger("pdfminer").setLevel(logging.DEBUG if debug else logging.WARNING)
    from reportmine.readers import read
    text = read(sys.argv[1]).text
    import pdfminer.psparser as psparser
    psparser.log.warning("警告仍然送达")
    print(type(psparser.log).__name__, counts["DEBUG"], counts["WARNING"])
    print(text)
""")


def test_debug_calls_are_quiet_unless_debug_logging_was_on(tmp_path):
    pdf = fake_bold_pdf(tmp_path / "a.pdf", "全年完成投资12.5亿元，同比增长8.2%。")
    runs = {}
    for mode in ("quiet", "debug"):
        done = subprocess.run([sys.executable, "-c", CODE, str(pdf), mode], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        head, _, text = done.stdout.partition("\n")
        runs[mode] = (head.split(), text)
    assert runs["quiet"][0] == ["QuietDebug", "0", "1"]        # no debug record; the warning arrived
    kind, debug_records, warnings = runs["debug"][0]
    assert kind == "Logger" and int(debug_records) > 100 and warnings == "1"      # every message kept
    assert runs["quiet"][1] == runs["debug"][1] and "12.5亿元" in runs["quiet"][1]
