"""Extracting from many documents on every core.

`extract` is a pure function of one document and the known tables, so a batch is a map of it: here over
a `concurrent.futures.ProcessPoolExecutor` (processes, because the rules are pure Python and hold the
GIL), and unchanged over Dask or Spark for an archive larger than one machine.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor

import pandas as pd

from analysis.extract.core import extract

CHUNKS_PER_WORKER = 4  # a few chunks each, so one long document does not leave the other cores idle


def extract_many(
    texts: Sequence[str],
    *,
    actors: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    main_target: str | Sequence[str] = "",
    source_ids: Sequence[str] | None = None,
    workers: int | None = None,
    dask: str | None = None,
    pool: Executor | None = None,
) -> list[pd.DataFrame]:
    """`extract` of each text, in the order given, computed in `workers` processes (default: every core).

    `main_target` is one target for all texts, or one per text. `source_ids`, if given, names each text's
    source (one per text). With one worker or one text, no
    process is started. The tables are sent once per chunk of documents, and each process builds its
    actor index once (it is cached by the table's content), so many short documents stay cheap.
    """
    texts = list(texts)
    source_ids = [""] * len(texts) if source_ids is None else list(source_ids)
    if len(source_ids) != len(texts):
        raise ValueError(f"{len(source_ids)} source ids for {len(texts)} texts")
    mains = [main_target] * len(texts) if isinstance(main_target, str) else list(main_target)
    if len(mains) != len(texts):
        raise ValueError(f"{len(mains)} main targets for {len(texts)} texts")
    options = {"actors": actors, "targets": targets}
    if dask:
        return _on_dask(dask, texts, source_ids, mains, options)
    workers = min(workers or os.cpu_count() or 1, len(texts))
    if workers <= 1:
        return [
            extract(text, source_id=source_id, main_target=main, **options)
            for text, source_id, main in zip(texts, source_ids, mains)
        ]
    chunksize = max(1, len(texts) // (workers * CHUNKS_PER_WORKER))
    arguments = (texts, source_ids, mains, [options] * len(texts))
    if pool is not None:
        return list(pool.map(_extract_one, *arguments, chunksize=chunksize))
    with process_pool(workers) as own:
        return list(own.map(_extract_one, *arguments, chunksize=chunksize))


def process_pool(workers: int | None = None) -> ProcessPoolExecutor:
    # "spawn", not the platform default: forking a process that runs threads (Streamlit, Arrow) can hang.
    return ProcessPoolExecutor(workers or os.cpu_count() or 1, mp_context=multiprocessing.get_context("spawn"))


def _extract_one(text: str, source_id: str, main_target: str, options: dict) -> pd.DataFrame:
    return extract(text, source_id=source_id, main_target=main_target, **options)


def _on_dask(address: str, texts: list[str], source_ids: list[str], mains: list[str], options: dict) -> list:
    """The same map on an existing Dask cluster (dask.distributed), results in the order given."""
    from dask.distributed import Client

    with Client(address, timeout="20s") as client:
        (shared,) = client.scatter([options], broadcast=True)  # the tables once per worker, not per document
        futures = client.map(_extract_one, texts, source_ids, mains, [shared] * len(texts), pure=False)
        return client.gather(futures)
