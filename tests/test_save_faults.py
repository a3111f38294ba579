"""Faults during saves: a saving process SIGKILLed at 100 points, a full disk at every write, a held lock,
and 8 processes saving at once. After each: every table is one whole version (old or new, byte for byte),
the change log holds no half record, the lock is free, and replaying the log reproduces the files."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import select
import signal
import time
import traceback
import types
from pathlib import Path

import filelock
import pandas as pd
import pytest

import tally
from analysis.data import saving, schema, store
from conftest import open_app

CRASH_CHUNK = 100  # bytes per write call in the crash runs, so a save has well over 100 steps to stop at
CRASH_POINTS = 100


def read(data: Path) -> dict[str, pd.DataFrame]:
    raw, problems = store.read_tables(data)
    assert problems == []
    return raw


def file_bytes(data: Path) -> dict[str, bytes]:
    return {table: (data / f"{table}.csv").read_bytes() for table in schema.TABLES}


def leftovers(data: Path) -> list[str]:
    return sorted(
        p.name for p in data.iterdir() if p.name.endswith((saving.PENDING_SUFFIX, ".tmp")) or p.name == saving.JOURNAL
    )


def log_records(data: Path) -> list[dict]:
    """The change log's records; fails on a half record (a line that is cut short or not valid JSON)."""
    path = data / saving.CHANGE_LOG
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n"), f"the change log ends in half a record: {text[-80:]!r}"
    return [json.loads(line) for line in text.splitlines()]


def assert_log_replays(data: Path, start: dict[str, pd.DataFrame]) -> None:
    current = file_bytes(data)
    if not (data / saving.CHANGE_LOG).exists():
        assert current == {t: saving.to_csv_bytes(f, t) for t, f in start.items()}
        return
    replayed = saving.replay(start, data / saving.CHANGE_LOG)
    assert {t: saving.to_csv_bytes(f, t) for t, f in replayed.items()} == current


def accept_a_new_actor(data: Path) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """A two-table save, as accepting a proposal with a new actor makes: actors gains Kenya, and three
    statements change (one of them now by Kenya)."""
    raw = read(data)
    actors = pd.concat(
        [
            raw["actors"],
            pd.DataFrame(
                [
                    {
                        "actor_id": "kenya",
                        "name": "Kenya",
                        "kind": "government",
                        "country": "KEN",
                        "bloc": "Observers",
                        "party": "",
                        "aliases": "Republic of Kenya",
                    }
                ]
            ),
        ],
        ignore_index=True,
    )
    statements = raw["statements"].copy()
    statements.loc[0, "actor_id"] = "kenya"
    statements.loc[0:2, "summary"] = ["Changed by the crash test", "Also changed", "And this one"]
    changes = {"actors": actors, "statements": statements}
    return changes, {t: store.file_sha256(data / f"{t}.csv") for t in changes}


# --- SIGKILL at 100 points ---------------------------------------------------------------------------


def _fork_save(data: Path, seeds: Path, changes, base, *, stop_at: int | None) -> tuple[int, object]:
    """Fork a process that saves `changes`. It reports each step it reaches on a pipe (stop_at None), or
    reports step `stop_at` only and waits there to be killed."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(read_fd)
            reached = 0

            def checkpoint(step: str) -> None:
                nonlocal reached
                reached += 1
                if stop_at is None or reached == stop_at:
                    os.write(write_fd, f"{reached}\t{step}\n".encode())
                if reached == stop_at:
                    time.sleep(120)  # the parent SIGKILLs us here

            saving._checkpoint = checkpoint
            saving.WRITE_CHUNK = CRASH_CHUNK
            saving.save(data, seeds, changes, base=base, reason="crash test")
            os.write(write_fd, b"DONE\n")
        except BaseException:
            os.write(write_fd, ("ERROR " + traceback.format_exc().replace("\n", " | ") + "\n").encode())
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, os.fdopen(read_fd, encoding="utf-8")


def _readline(stream, pid: int) -> str:
    ready, _, _ = select.select([stream], [], [], 60)
    if not ready:
        os.kill(pid, signal.SIGKILL)
        raise AssertionError("the saving process did not report within 60 s")
    return stream.readline().rstrip("\n")


def _all_steps(template: Path, seeds: Path, work: Path) -> tuple[list[str], dict[str, bytes], list[dict]]:
    """Run the save once to the end, listing its steps; returns them, the new files and the new log."""
    data = work / "dry-run"
    import shutil

    shutil.copytree(template, data)
    changes, base = accept_a_new_actor(data)
    pid, stream = _fork_save(data, seeds, changes, base, stop_at=None)
    with stream:
        lines = []
        while (line := _readline(stream, pid)) not in ("DONE", ""):
            assert not line.startswith("ERROR"), line
            lines.append(line.split("\t", 1)[1])
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    return lines, file_bytes(data), log_records(data)


def _kill_points(steps: list[str]) -> list[int]:
    """CRASH_POINTS distinct step numbers (1-based): every step that is not one more chunk of a write,
    and chunk writes spread evenly over the rest."""
    fixed = [i for i, step in enumerate(steps, 1) if ": wrote " not in step]
    chunks = [i for i, step in enumerate(steps, 1) if ": wrote " in step]
    wanted = CRASH_POINTS - len(fixed)
    assert 0 < wanted <= len(chunks), (len(fixed), len(chunks))
    picked = {chunks[round(k * (len(chunks) - 1) / (wanted - 1))] for k in range(wanted)}
    return sorted({*fixed, *picked})


def _check_after_kill(
    data: Path, seeds: Path, start, old: dict[str, bytes], new: dict[str, bytes], new_log: list[dict]
) -> str:
    # The kernel dropped the killed process's lock: it is free at once.
    with filelock.FileLock(data / saving.LOCK_FILE, timeout=2):
        pass
    records = log_records(data)  # no half record
    assert len(records) in (0, len(new_log))
    strip = [{k: v for k, v in r.items() if k != "time"} for r in new_log]
    assert [{k: v for k, v in r.items() if k != "time"} for r in records] == strip[: len(records)]
    current = file_bytes(data)
    versions = {t: "old" if current[t] == old[t] else "new" if current[t] == new[t] else "neither" for t in old}
    assert "neither" not in versions.values(), versions
    store.load(data, seeds, cache=False)  # still loads, validated from the files
    # The next save (or `recover`) finishes a committed save or clears an uncommitted one: then every table
    # is the same version, the log says so, and it replays to the files.
    saving.recover(data)
    after = file_bytes(data)
    assert after in (old, new)
    assert len(log_records(data)) == (len(new_log) if after == new else 0)
    assert leftovers(data) == []
    assert_log_replays(data, start)
    return "new" if after == new else "old"


def test_a_save_killed_at_any_of_100_points_leaves_old_or_new_and_a_whole_log(data_copy, tmp_path):
    template, seeds = data_copy
    start = read(template)
    old = file_bytes(template)
    steps, new, new_log = _all_steps(template, seeds, tmp_path)
    assert len(new_log) == 2 and new != old
    points = _kill_points(steps)
    assert len(points) == CRASH_POINTS
    # The points cover every phase: the two pending tables, the journal, the log append, the renames.
    for phase in (
        "actors.csv (pending): wrote",
        "statements.csv (pending): wrote",
        f"{saving.JOURNAL}: wrote",
        "changes.jsonl: appended",
        "actors.csv: renamed",
        "statements.csv: renamed",
        "journal removed",
    ):
        assert any(phase in steps[p - 1] for p in points), phase
    import shutil

    def launch(point: int):
        data = tmp_path / f"kill-{point}"
        shutil.copytree(template, data)
        changes, base = accept_a_new_actor(data)
        return (point, data, *_fork_save(data, seeds, changes, base, stop_at=point))

    def kill_and_check(point: int, data: Path, pid: int, stream) -> str:
        ok = False
        try:
            with stream:
                reported = _readline(stream, pid)
            assert reported == f"{point}\t{steps[point - 1]}", reported
            os.kill(pid, signal.SIGKILL)  # a real SIGKILL, while the child waits at that step
            _, status = os.waitpid(pid, 0)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            outcome = _check_after_kill(data, seeds, start, old, new, new_log)
            ok = True
            return outcome
        finally:
            tally.record("faults: crash points", ok=ok)
            shutil.rmtree(data, ignore_errors=True)

    # Two at a time: the next child runs its save up to its step while this one's aftermath is checked.
    outcomes = {"old": 0, "new": 0}
    running = launch(points[0])
    for point in [*points[1:], None]:
        following = launch(point) if point is not None else None
        outcomes[kill_and_check(*running)] += 1
        running = following
    # Killed before the journal was on disk, a save is undone; after it, it is finished.
    assert outcomes["old"] > 0 and outcomes["new"] > 0, outcomes


def _kill_after_the_commit_point(data: Path, seeds: Path, work: Path) -> dict[str, bytes]:
    """Kill a save just after its change-log append (past the commit point, before any rename); returns
    the bytes the tables will have once the save is finished."""
    steps, new, _ = _all_steps(data, seeds, work)
    point = next(i for i, step in enumerate(steps, 1) if step.startswith("changes.jsonl: fsynced"))
    changes, base = accept_a_new_actor(data)
    pid, stream = _fork_save(data, seeds, changes, base, stop_at=point)
    with stream:
        _readline(stream, pid)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return new


def test_the_next_save_finishes_an_interrupted_one_and_refuses_a_stale_base(data_copy, tmp_path):
    data, seeds = data_copy
    old = file_bytes(data)
    new = _kill_after_the_commit_point(data, seeds, tmp_path)
    assert file_bytes(data) == old  # killed after the commit point, before any rename
    rows = read(data)["statements"]  # a user who loaded before the crash saves another change
    rows.loc[5, "summary"] = "A later change"
    loaded = {"statements": store.file_sha256(data / "statements.csv")}  # the old file's hash
    with pytest.raises(saving.StaleError, match="changed since you loaded it"):
        saving.save(data, seeds, {"statements": rows}, base=loaded)
    assert file_bytes(data) == new and leftovers(data) == []  # that save finished the interrupted one first


# --- a full disk --------------------------------------------------------------------------------------


class _Faulty:
    """store's `os`, with write/fsync/replace counted and the n-th such call failing with ENOSPC."""

    def __init__(self, fail_at: int | None):
        self.calls: list[str] = []
        self.fail_at = fail_at
        self.module = types.SimpleNamespace(
            **{name: getattr(os, name) for name in dir(os) if not name.startswith("__")}
        )
        for name in ("write", "fsync", "replace"):
            setattr(self.module, name, self._wrap(name, getattr(os, name)))

    def _wrap(self, name, real):
        def call(*args, **kwargs):
            self.calls.append(name)
            if len(self.calls) == self.fail_at:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real(*args, **kwargs)

        return call


def _one_change(data: Path, summary: str) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    rows = read(data)["statements"]
    rows.loc[3, "summary"] = summary
    return {"statements": rows}, {"statements": store.file_sha256(data / "statements.csv")}


def test_a_full_disk_at_any_write_leaves_the_old_files_and_says_so(data_copy, monkeypatch, tmp_path):
    template, seeds = data_copy
    start = read(template)
    changes, base = _one_change(template, "An earlier change")
    saving.save(template, seeds, changes, base=base)  # so the log exists already
    counting = _Faulty(None)
    monkeypatch.setattr(saving, "os", counting.module)
    import shutil

    probe = tmp_path / "probe"
    shutil.copytree(template, probe)
    changes, base = _one_change(probe, "The change that meets a full disk")
    saving.save(probe, seeds, changes, base=base)
    new, new_log = file_bytes(probe), (probe / saving.CHANGE_LOG).read_bytes()
    calls = list(counting.calls)
    assert calls.count("write") >= 3 and "replace" in calls and "fsync" in calls
    old, old_log = file_bytes(template), (template / saving.CHANGE_LOG).read_bytes()
    undone = 0
    for fail_at in range(1, len(calls) + 1):
        data = tmp_path / f"full-{fail_at}"
        shutil.copytree(template, data)
        faulty = _Faulty(fail_at)
        monkeypatch.setattr(saving, "os", faulty.module)
        ok = False
        try:
            changes, base = _one_change(data, "The change that meets a full disk")
            with pytest.raises(saving.WriteError) as raised:
                saving.save(data, seeds, changes, base=base)
            message = str(raised.value)
            assert message.startswith("The disk is full") and "Free some space" in message
            if raised.value.saved:  # the disk failed after the table was renamed: the change is in
                assert "the next save finishes it" in message
                assert file_bytes(data) == new
            else:
                assert "Nothing was saved" in message
                assert file_bytes(data) == old and (data / saving.CHANGE_LOG).read_bytes() == old_log
                assert leftovers(data) == []
                undone += 1
            monkeypatch.setattr(saving, "os", os)
            saving.recover(data)
            assert file_bytes(data) == (new if raised.value.saved else old)
            assert (data / saving.CHANGE_LOG).read_bytes().count(b"\n") == (2 if raised.value.saved else 1)
            assert leftovers(data) == []
            assert_log_replays(data, start)
            ok = True
        finally:
            tally.record("faults: disk full", ok=ok)
            monkeypatch.setattr(saving, "os", os)
    # Every failure up to the table's rename undoes the save; only the fsyncs after it come later.
    assert undone == calls.index("replace", calls.index("replace") + 1) + 1
    assert new_log.count(b"\n") == 2


def test_a_full_disk_while_adding_an_article_says_so(data_copy, monkeypatch):
    from analysis.data import curation

    data, seeds = data_copy
    before = sorted(p.name for p in seeds.iterdir())
    monkeypatch.setattr(saving, "os", _Faulty(1).module)
    with pytest.raises(saving.WriteError, match="The disk is full"):
        curation.add_article(
            data,
            seeds,
            text="Kenya welcomed the deal.\n",
            title="Kenya reacts",
            story_id="cartel-de-los-soles-fto",
            base={"sources": store.file_sha256(data / "sources.csv")},
        )
    assert sorted(p.name for p in seeds.iterdir()) == before


def test_a_held_lock_times_out_with_a_clear_message_and_writes_nothing(data_copy):
    data, seeds = data_copy
    old = file_bytes(data)
    changes, base = _one_change(data, "Never saved")
    with filelock.FileLock(data / saving.LOCK_FILE), pytest.raises(saving.LockTimeout) as raised:
        saving.save(data, seeds, changes, base=base, lock_timeout=0.2)
    tally.record("faults: lock timeout", ok=file_bytes(data) == old)
    assert "Another save is still running" in str(raised.value) and "Nothing was saved" in str(raised.value)
    assert file_bytes(data) == old and not (data / saving.CHANGE_LOG).exists() and leftovers(data) == []


# --- what the user sees -------------------------------------------------------------------------------


@pytest.fixture
def correction(data_copy, monkeypatch):
    """The Positions page with its first statement selected and a new stance chosen in its correction form."""
    data, seeds = data_copy
    at = open_app(data, seeds, monkeypatch, page="views/positions.py")
    at.session_state["positions_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    at.selectbox[0].set_value("condemning")
    return at, data


def _submit(at) -> None:
    next(b for b in at.button if b.label == "Save the correction").click().run()


@pytest.mark.parametrize("fault", ["disk full", "lock held"])
def test_the_positions_page_shows_a_failed_save_in_plain_words(correction, monkeypatch, fault):
    at, data = correction
    old = file_bytes(data)
    if fault == "disk full":
        monkeypatch.setattr(saving, "os", _Faulty(1).module)
        _submit(at)
        expected = "The disk is full"
    else:
        monkeypatch.setitem(saving.save.__kwdefaults__, "lock_timeout", 0.2)
        with filelock.FileLock(data / saving.LOCK_FILE):
            _submit(at)
        expected = "Another save is still running"
    monkeypatch.setattr(saving, "os", os)
    shown = [e.value.replace("\\", "") for e in at.error]
    ok = not at.exception and any(expected in text and "Nothing was saved" in text for text in shown)
    tally.record("faults: messages shown", ok=ok and file_bytes(data) == old)
    assert not at.exception and not at.success
    assert any(expected in text and "Nothing was saved" in text for text in shown), shown
    assert file_bytes(data) == old
    _submit(at)  # the fault is gone: the same form now saves
    assert "Saved the correction" in at.success[0].value


# --- 8 processes, 50 saves each ---------------------------------------------------------------------

WORKERS, SAVES = 8, 50


def _saver(data: str, seeds: str, worker: int, rows: list[str], barrier, results) -> None:
    """One user: 50 saves, each a new summary on one of this worker's own rows. A stale save is retried
    on fresh data, as the app asks people to do (reload, change again)."""
    data_dir = Path(data)
    conflicts = 0
    barrier.wait()
    for n in range(SAVES):
        statement_id = rows[n % len(rows)]
        while True:
            # The hash first, then the read: if the file changes in between, the save is refused as stale.
            base = {"statements": store.file_sha256(data_dir / "statements.csv")}
            frame, _ = store.read_raw(data_dir / "statements.csv", "statements")
            frame.loc[frame["statement_id"] == statement_id, "summary"] = f"worker {worker} save {n}"
            try:
                saving.save(
                    data_dir, seeds, {"statements": frame}, base=base, reason=f"worker {worker}", lock_timeout=120
                )
                break
            except saving.StaleError:
                conflicts += 1
    results.put((worker, conflicts))


def test_eight_processes_saving_at_once_lose_no_update_and_the_log_replays(data_copy):
    data, seeds = data_copy
    start = read(data)
    ids = start["statements"]["statement_id"].tolist()
    owned = {w: ids[w::WORKERS] for w in range(WORKERS)}
    context = multiprocessing.get_context("forkserver")  # clean processes, started without 8 imports of pandas
    context.set_forkserver_preload(["analysis.data.store"])
    barrier, results = context.Barrier(WORKERS), context.Queue()
    processes = [
        context.Process(target=_saver, args=(str(data), str(seeds), w, owned[w], barrier, results))
        for w in range(WORKERS)
    ]
    for process in processes:
        process.start()
    conflicts = dict(results.get(timeout=600) for _ in processes)
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    final = read(data)["statements"].set_index("statement_id")["summary"]
    for worker, rows in owned.items():
        last = {rows[n % len(rows)]: f"worker {worker} save {n}" for n in range(SAVES)}
        for statement_id, summary in last.items():
            assert final[statement_id] == summary, (worker, statement_id)
    records = log_records(data)
    assert len(records) == WORKERS * SAVES
    # Each row's history is unbroken: every save started from the value the previous save left.
    seen: dict[str, str] = dict(zip(start["statements"]["statement_id"], start["statements"]["summary"]))
    for record in records:
        (statement_id,) = record["row_ids"]
        unbroken = record["before"][statement_id]["summary"] == seen[statement_id]
        tally.record("faults: concurrent saves", ok=unbroken)
        assert unbroken, record
        seen[statement_id] = record["after"][statement_id]["summary"]
    assert_log_replays(data, start)
    assert sum(conflicts.values()) > 0  # the saves really did collide and were retried


def test_the_app_finishes_an_interrupted_save_when_it_loads(data_copy, tmp_path, monkeypatch):
    """A save killed after its commit point is finished by the next page load, not only by the next save:
    the analyst sees the change that was committed."""
    data, seeds = data_copy
    new = _kill_after_the_commit_point(data, seeds, tmp_path)
    assert (data / saving.JOURNAL).exists()
    app = open_app(data, seeds, monkeypatch)
    assert not app.exception and not app.error
    assert file_bytes(data) == new and leftovers(data) == []
