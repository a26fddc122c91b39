"""pdfminer's debug calls made no-ops while nobody listens to them.

pdfminer's parser logs every token it reads at debug level (``log.debug`` in
psparser's ``nexttoken`` and ``nextobject``, pdfinterp's ``execute``, cmapdb's
lookups): about 390,000 calls for the 67 pages of ``benchmarks/pdf.py``, 5% of
the time it takes to read them, although the messages go nowhere (each call
still asks its logger whether debug is on). The cost is known upstream
(pdfminer.six issue #347).

Once per process, when the first PDF is read (with pdfguard's other hooks into
pdfminer), each of pdfminer's parsing modules whose logger is not enabled for
debug gets a logger whose ``debug`` does nothing; every other method (``warning``, ``error``, ``isEnabledFor`` …) is
the logger's own. A process that turns pdfminer's debug logging on before it
reads its first PDF keeps every message.
"""

from __future__ import annotations

import importlib
import logging

# the modules whose parser and interpreter log every token (pdfplumber loads them all)
MODULES = ("psparser", "pdfinterp", "pdfdocument", "pdfparser", "pdfpage", "cmapdb", "converter",
           "pdffont", "encodingdb")


class QuietDebug:
    """A logger whose ``debug`` does nothing; everything else is ``logger``'s."""

    def __init__(self, logger: logging.Logger):
        self.logger = logger

    def debug(self, *args, **kwargs) -> None:
        pass

    def __getattr__(self, name: str):
        return getattr(self.logger, name)


def quiet_debug() -> None:
    """Give pdfminer's modules quiet debug calls (part of ``pdfguard``'s once-per-process
    hooks; a module already quiet is left as it is)."""
    for name in MODULES:
        module = importlib.import_module(f"pdfminer.{name}")
        log = getattr(module, "log", None)
        if isinstance(log, logging.Logger) and not log.isEnabledFor(logging.DEBUG):
            module.log = QuietDebug(log)
