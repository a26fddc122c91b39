"""Files grouped into chunks: ``--engine dask`` sends several files per Dask task.

A Dask task costs the client, the scheduler and the worker a few milliseconds
of CPU whatever it holds (its bookkeeping, its messages, a round trip), a
large share of what analyzing a small report takes, on the same cores. So the Dask
engine sends files in chunks; each file of a chunk keeps its own time limit
and its own outcome (:func:`.dask_worker.analyze_chunk`).

A chunk closes at :func:`chunk_files` files, or before the file that would
take it over ``max_bytes`` (a larger file is a chunk of its own). The number
of files is chosen from the files still to be sent, so that every worker
thread gets several more chunks: chunks shrink toward the end of a batch (a
guided schedule), the last ones leave no thread idle for long, and a small
batch is still spread over all the workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .work import Task

MAX_FILES = 16                # files per chunk: the per-task cost becomes a small share
MAX_BYTES = 4 * 1024 * 1024   # bytes of files per chunk (a larger file goes alone)
CHUNKS_PER_THREAD = 4         # at least this many chunks per worker thread when the batch allows


def chunk_files(left: int | None, threads: int, most: int = MAX_FILES) -> int:
    """Files for the next chunk when ``left`` files are still to be sent (None: not known)
    to ``threads`` worker threads: at most ``most``, and few enough that every thread
    gets :data:`CHUNKS_PER_THREAD` more chunks, so chunks shrink toward the end of a batch."""
    if left is None:
        return most
    return max(1, min(most, left // (max(1, threads) * CHUNKS_PER_THREAD)))


def chunked(tasks: Iterable[Task], most: int = MAX_FILES, threads: int = 1, total: int | None = None,
            max_bytes: int = MAX_BYTES) -> Iterator[list[Task]]:
    """``tasks`` in order, in lists of at most :func:`chunk_files` tasks (``total``: how many
    ``tasks`` holds, None when not known: ``most`` each) and at most ``max_bytes`` bytes of
    data (a task over ``max_bytes`` alone); each list is given as soon as it is full."""
    chunk: list[Task] = []
    size = given = files = 0
    for task in tasks:
        n = len(task.data) if task.data is not None else 0
        if chunk and size + n > max_bytes:
            given += len(chunk)
            yield chunk
            chunk, size = [], 0
        if not chunk:
            files = chunk_files(None if total is None else total - given, threads, most)
        chunk.append(task)
        size += n
        if len(chunk) >= files:
            given += len(chunk)
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk
