"""heap.give_back: the memory a large document freed goes back to the system."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent("""
    from reportmine.heap import give_back

    def resident_mb():
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) // 1024 for line in fh if line.startswith("VmRSS"))

    blocks = [bytes(1000 + i % 7) for i in range(60_000)]      # ~60 MB of the C heap, then freed
    pinned = [bytes(1000) for _ in range(10)]                  # above them: the heap's top stays in use
    held = resident_mb()
    del blocks
    freed = resident_mb()
    returned = give_back()
    print(held, freed, returned, resident_mb())
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_freed_heap_memory_is_given_back_to_the_system():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    held, freed, returned, after = done.stdout.split()
    assert returned == "True"
    assert int(freed) > int(after) + 40          # kept by the allocator until given back
