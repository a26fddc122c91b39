"""Sign-in attempts limited per user name and per client address.

A sliding window of failed attempts, kept in the server process: after
``per_user`` failures for one name, or ``per_address`` from one address,
within ``window`` seconds, sign-in is refused (429) until the oldest failure
leaves the window. A successful sign-in clears the name's failures.
"""

from __future__ import annotations

import threading
import time
from collections import deque


class SignInLimiter:
    def __init__(self, per_user: int = 5, per_address: int = 20, window: float = 900.0, clock=time.monotonic):
        self.per_user, self.per_address, self.window, self.clock = per_user, per_address, window, clock
        self._failures: dict[tuple[str, str], deque] = {}
        self._lock = threading.Lock()

    def wait_seconds(self, username: str, address: str) -> int:
        """0 when an attempt may go on, else the seconds until one may."""
        now = self.clock()
        with self._lock:
            waits = [self._wait(("user", username.strip().lower()), self.per_user, now),
                     self._wait(("addr", address), self.per_address, now)]
        return max(waits)

    def failed(self, username: str, address: str) -> None:
        now = self.clock()
        with self._lock:
            for key in (("user", username.strip().lower()), ("addr", address)):
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(("user", username.strip().lower()), None)

    def _wait(self, key, limit: int, now: float) -> int:
        times = self._failures.get(key)
        if not times:
            return 0
        while times and now - times[0] >= self.window:
            times.popleft()
        if len(times) < limit:
            return 0
        return max(1, int(self.window - (now - times[0]) + 0.999))
