"""What runs on a Dask worker for ``--engine dask``: the task
(:func:`.analysis_slots.analyze_chunk`, a chunk of files analyzed in the
worker's analysis processes) and :class:`AnalysisPlugin`, which checks, when a
worker joins, that its reportmine is the client's (same code version) and
starts an analysis process per worker thread, so that the pipeline is loaded
before the first file arrives.
"""

from __future__ import annotations

from distributed import WorkerPlugin

from .analysis_slots import SLOTS, StartFailed, analyze_chunk, warm
from .work import Settings

__all__ = ["AnalysisPlugin", "SLOTS", "analyze_chunk", "check_version"]


def check_version(settings: Settings) -> None:
    from .version import code_version

    if code_version() != settings.version:
        raise StartFailed(f"工作节点的 reportmine 版本（{code_version()}）与提交端（{settings.version}）不同")


class AnalysisPlugin(WorkerPlugin):
    """Run on every worker as it joins: same code version, and an analysis
    process per thread started (the pipeline loaded) before any file."""

    name = "reportmine-analysis"

    def __init__(self, settings: Settings, memory_mb: int):
        self.settings, self.memory_mb = settings, memory_mb

    async def setup(self, worker):
        import asyncio

        check_version(self.settings)
        threads = worker.state.nthreads
        await asyncio.get_running_loop().run_in_executor(None, warm, self.settings, self.memory_mb, threads)

    def teardown(self, worker):
        SLOTS.close()
