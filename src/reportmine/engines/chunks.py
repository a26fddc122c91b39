"""Files grouped into chunks: ``--engine dask`` sends several files per Dask task.

A Dask task costs the client, the scheduler and the worker a few milliseconds
of CPU whatever it holds (its bookkeeping, its messages, a round trip), about
a fifth of what analyzing a small report takes, on the same cores. So the Dask
engine sends files in chunks; each file of a chunk keeps its own time limit
and its own outcome (:func:`.dask_worker.analyze_chunk`).

A chunk closes at ``files`` files, or before the file that would take it over
``max_bytes`` (a larger file is a chunk of its own). :func:`chunk_files` picks
``files`` so that every worker thread gets several chunks of a batch: the
last chunks then leave no thread idle for long, and a small batch is still
spread over all the workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .work import Task

MAX_FILES = 16                # files per chunk: the per-task cost becomes a small share
MAX_BYTES = 4 * 1024 * 1024   # bytes of files per chunk (a larger file goes alone)
CHUNKS_PER_THREAD = 4         # at least this many chunks per worker thread when the batch allows


def chunk_files(n_files: int | None, threads: int, most: int = MAX_FILES) -> int:
    """Files per chunk for a batch of ``n_files`` (None: not known) on ``threads`` worker threads."""
    if not n_files:
        return most
    return max(1, min(most, n_files // (max(1, threads) * CHUNKS_PER_THREAD)))


def chunked(tasks: Iterable[Task], files: int, max_bytes: int = MAX_BYTES) -> Iterator[list[Task]]:
    """``tasks`` in order, in lists of at most ``files`` tasks and ``max_bytes`` bytes of data
    (a task over ``max_bytes`` alone); each list is given as soon as it is full."""
    chunk: list[Task] = []
    size = 0
    for task in tasks:
        n = len(task.data) if task.data is not None else 0
        if chunk and size + n > max_bytes:
            yield chunk
            chunk, size = [], 0
        chunk.append(task)
        size += n
        if len(chunk) >= files:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk
