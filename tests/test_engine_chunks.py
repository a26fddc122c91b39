"""How ``--engine dask`` groups files into Dask tasks (engines/chunks.py)."""

from __future__ import annotations

from reportmine.engines.chunks import CHUNKS_PER_THREAD, MAX_FILES, chunk_files, chunked
from reportmine.engines.work import Task


def _tasks(sizes: list[int]) -> list[Task]:
    return [Task(i, f"/in/{i}.txt", b"x" * n) for i, n in enumerate(sizes)]


def test_every_task_once_in_order_and_chunks_shrink_toward_the_end():
    tasks = _tasks([10] * 500)
    chunks = list(chunked(iter(tasks), threads=2, total=500))
    assert [t for c in chunks for t in c] == tasks
    sizes = [len(c) for c in chunks]
    assert sizes[0] == MAX_FILES and sizes == sorted(sizes, reverse=True) and sizes[-1] == 1
    # the last 2 threads x CHUNKS_PER_THREAD chunks are single files: no thread waits long for another
    assert sizes[-2 * CHUNKS_PER_THREAD:] == [1] * 2 * CHUNKS_PER_THREAD


def test_a_small_batch_is_spread_over_every_thread():
    assert [len(c) for c in chunked(iter(_tasks([10] * 7)), threads=2, total=7)] == [1] * 7
    assert chunk_files(40, threads=2) == 40 // (2 * CHUNKS_PER_THREAD)
    assert chunk_files(None, threads=2) == MAX_FILES and chunk_files(0, threads=2) == 1


def test_a_chunk_closes_before_the_file_that_would_take_it_over_its_bytes():
    tasks = _tasks([300, 300, 300, 1000, 200, 200])
    chunks = [[t.index for t in c] for c in chunked(iter(tasks), most=16, max_bytes=700)]
    assert chunks == [[0, 1], [2], [3], [4, 5]]          # a file over the limit goes alone


def test_a_fixed_size_without_a_total():
    chunks = list(chunked(iter(_tasks([1] * 10)), most=4))
    assert [len(c) for c in chunks] == [4, 4, 2]
