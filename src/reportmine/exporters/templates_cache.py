"""Compiled Jinja templates kept between processes, in the cache of derived
data (derived_cache.py).

Compiling report.html's templates takes longer than rendering a short
report's page (about 15 ms of CPU per process). Jinja's own check decides
whether a kept entry is used: the bucket's key names the template, its
checksum is that of the template source, and its header holds Jinja's and
Python's bytecode versions; an entry that fails any of them is compiled anew.
"""

from __future__ import annotations

import io

from jinja2 import BytecodeCache

from ..derived_cache import cache_key, read_cached, write_cached

NAME = "jinja"


class DerivedBytecodeCache(BytecodeCache):
    def _key(self, bucket) -> str:
        return cache_key(NAME, bucket.key, bucket.checksum)

    def load_bytecode(self, bucket) -> None:
        body = read_cached(NAME, self._key(bucket))
        if body is not None:
            bucket.load_bytecode(io.BytesIO(body))     # Jinja resets the bucket when the entry does not fit

    def dump_bytecode(self, bucket) -> None:
        out = io.BytesIO()
        bucket.write_bytecode(out)
        write_cached(NAME, self._key(bucket), out.getvalue())
