"""pdfminer's debug calls made no-ops while nobody listens to them.

pdfminer's parser logs every token it reads at debug level (``log.debug`` in
psparser's ``nexttoken`` and ``nextobject``, pdfinterp's ``execute``, cmapdb's
lookups): about 390,000 calls for the 67 pages of ``benchmarks/pdf.py``, 5% of
the time it takes to read them, although the messages go nowhere (each call
still asks its logger whether debug is on). The cost is known upstream
(pdfminer.six issue #347).

Once per process, when the first PDF is read, every loaded pdfminer module
whose logger is not enabled for debug gets a logger whose ``debug`` does
nothing; every other method (``warning``, ``error``, ``isEnabledFor`` …) is
the logger's own. A process that turns pdfminer's debug logging on before it
reads its first PDF keeps every message.
"""

from __future__ import annotations

import logging
import sys
import threading

_LOCK = threading.Lock()
_DONE = False


class QuietDebug:
    """A logger whose ``debug`` does nothing; everything else is ``logger``'s."""

    def __init__(self, logger: logging.Logger):
        self.logger = logger

    def debug(self, *args, **kwargs) -> None:
        pass

    def __getattr__(self, name: str):
        return getattr(self.logger, name)


def quiet_debug() -> None:
    """Give the loaded pdfminer modules quiet debug calls, once per process."""
    global _DONE
    if _DONE:
        return
    with _LOCK:
        if _DONE:
            return
        for name, module in list(sys.modules.items()):
            log = getattr(module, "log", None) if name.startswith("pdfminer.") else None
            if isinstance(log, logging.Logger) and not log.isEnabledFor(logging.DEBUG):
                module.log = QuietDebug(log)
        _DONE = True
