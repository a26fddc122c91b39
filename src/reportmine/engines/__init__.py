"""Engines: they schedule the per-file unit of work (:mod:`.work`) and nothing else.

:mod:`.work` is the pure function (a file's bytes + settings -> an outcome);
:mod:`.local` runs it in this process or in a pool of worker processes (each
with a time and memory limit); :mod:`.store` keeps each outcome under
``--out`` keyed by content; :mod:`.driver` runs a batch over ``--out`` and
rebuilds every output from the stored outcomes.
"""
