"""Hostile and broken input, one test per family, driven by the cases in tests/corpus/ (see its README).

- tables: each case breaks a copy of data/ in one way; `store.load` must report exactly the problems the
  case lists (file, row, column and words of what was expected), or load when the case says it loads.
- uploads: each case is a file a curator might upload; it is refused with a message, or handled within
  its time limit, and a refused one writes nothing.
The app test checks that broken tables give an error page, not an exception, on every page.
"""

from __future__ import annotations

import csv
import hashlib
import io
import random
import re
import time
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import tally
from analysis.data import curation, store
from analysis.data.schema import STANCES, TABLES
from analysis.extract import PROPOSAL_COLUMNS, extract
from analysis.extract.segment import MAX_SENTENCE_CHARS, sentences
from conftest import ROOT, SEED_STORY

CORPUS = ROOT / "tests" / "corpus"
TABLE_CASES = sorted((CORPUS / "tables").glob("*.toml"))
UPLOAD_CASES = sorted((CORPUS / "uploads").glob("*.toml"))
ANY = "any"
# What the issue asks the tables corpus to cover; each case names what it covers in `covers`.
REQUIRED_TABLE_COVERAGE = {
    "wrong delimiter",
    "missing column",
    "extra column",
    "broken quoting",
    "BOM",
    "CRLF",
    "Latin-1 bytes",
    "empty file",
    "header only",
    "NUL bytes",
    "10 MB of garbage",
    "duplicate ids",
    "dangling references",
    "negative offset",
    "offset past the end",
    "quote that doesn't match",
    "unknown stance",
    "mis-cased stance",
    "bad ISO country",
    "impossible date",
}
REQUIRED_UPLOAD_COVERAGE = {
    "binary",
    "empty",
    "oversized",
    "invalid UTF-8",
    "path traversal",
    "100k sentences without punctuation",
}
PLACEHOLDER = "\x01cell\x01"


def read_case(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


# --- Changing a table file as a case says ------------------------------------------------------------


def _records(raw: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))


def _write_records(records: list[list[str]], *, raw_cells: dict[str, bytes] | None = None) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(records)
    data = buffer.getvalue().encode("utf-8")
    for token, value in (raw_cells or {}).items():
        data = data.replace(token.encode("utf-8"), value)
    return data


def _cell(raw: bytes, change: dict) -> bytes:
    """Set one cell (row 1 is the first data row). `raw = true` writes the value exactly as given, quotes
    and all, instead of as csv would quote it; `encoding` encodes it otherwise than as UTF-8."""
    records = _records(raw)
    column = records[0].index(change["column"])
    value = change["value"]
    if change.get("raw") or change.get("encoding"):
        token = f"{PLACEHOLDER}{change['row']}{PLACEHOLDER}"
        records[change["row"]][column] = token
        return _write_records(records, raw_cells={token: value.encode(change.get("encoding", "utf-8"))})
    records[change["row"]][column] = value
    return _write_records(records)


def _fields(raw: bytes, change: dict) -> bytes:
    records = _records(raw)
    record = records[change["row"]]
    del record[len(record) - change.get("drop", 0) :]
    record.extend(change.get("add", []))
    return _write_records(records)


def _column(raw: bytes, change: dict, *, add: bool) -> bytes:
    records = _records(raw)
    if add:
        for number, record in enumerate(records):
            record.append(change["column"] if number == 0 else change.get("value", ""))
    else:
        index = records[0].index(change["column"])
        for record in records:
            del record[index]
    return _write_records(records)


def _random_bytes(change: dict) -> bytes:
    generator = random.Random(change.get("seed", 0))
    if "alphabet" in change:
        alphabet = change["alphabet"].encode("utf-8")
        return bytes(generator.choices(alphabet, k=change["size"]))
    return generator.randbytes(change["size"])


def _replace(raw: bytes, change: dict, path: Path) -> bytes:
    new = change["new"].encode(change.get("encoding", "utf-8"))
    assert change["old"].encode("utf-8") in raw, f"{change['old']!r} is not in {path.name}: update the case"
    return raw.replace(change["old"].encode("utf-8"), new, change.get("count", 1) or -1)


# What each op does to a file's bytes: (bytes, the change, the file, the case's folder) -> new bytes.
BYTE_CHANGES = {
    "replace": lambda raw, change, path, folder: _replace(raw, change, path),
    "cell": lambda raw, change, path, folder: _cell(raw, change),
    "fields": lambda raw, change, path, folder: _fields(raw, change),
    "add_column": lambda raw, change, path, folder: _column(raw, change, add=True),
    "drop_column": lambda raw, change, path, folder: _column(raw, change, add=False),
    "keep_lines": lambda raw, change, path, folder: b"".join(raw.splitlines(keepends=True)[: change["count"]]),
    "content": lambda raw, change, path, folder: (
        (folder / change["file"]).read_bytes() if "file" in change else change["text"].encode("utf-8")
    ),
    "random_bytes": lambda raw, change, path, folder: _random_bytes(change),
    "bom": lambda raw, change, path, folder: b"\xef\xbb\xbf" + raw,
    "crlf": lambda raw, change, path, folder: raw.replace(b"\n", b"\r\n"),
    "cr": lambda raw, change, path, folder: raw.replace(b"\n", b"\r"),
    "encode": lambda raw, change, path, folder: raw.decode("utf-8").encode(change["encoding"]),
}


def apply_change(path: Path, change: dict, folder: Path) -> None:
    op = change["op"]
    if op == "delete":
        path.unlink()
    elif op == "folder":
        path.unlink()
        path.mkdir()
        (path / "inside.csv").write_text("a folder, not a table\n", encoding="utf-8")
    elif op in BYTE_CHANGES:
        path.write_bytes(BYTE_CHANGES[op](path.read_bytes(), change, path, folder))
    else:
        raise AssertionError(f"unknown op {op!r} in the corpus (see tests/corpus/README.md)")


def break_tables(case: dict, data: Path, seeds: Path, folder: Path) -> None:
    for change in case.get("change", []):
        base = seeds if change.get("in") == "seeds" else data
        target = base / (change.get("file_name") or f"{case['table']}.csv")
        apply_change(target, change, folder)


# --- Judging the outcome -----------------------------------------------------------------------------


def _matches(problem, wanted: dict) -> bool:
    for key in ("row", "column"):
        want = wanted.get(key)
        if want != ANY and getattr(problem, key) != want:
            return False
    text = " | ".join([str(problem), problem.value, problem.expected])  # str() shortens long values
    return problem.file == wanted["file"] and all(word in text for word in wanted.get("words", []))


def _judge_loaded(case: dict, outcome, original) -> list[str]:
    """For a case whose tables must still load: they do, with the rows the case says or as the original."""
    if not isinstance(outcome, store.Tables):
        return [f"expected the tables to load, got {type(outcome).__name__}: {outcome}"]
    table = getattr(outcome, case["table"])
    if "rows" in case:
        return [] if len(table) == case["rows"] else [f"expected {case['rows']} rows, got {len(table)}"]
    try:
        pd.testing.assert_frame_equal(table, getattr(original, case["table"]))
    except AssertionError as error:
        return [f"loaded, but {case['table']} differs from the original: {error}"]
    return []


def _unreadable_problems(problems: list) -> list[str]:
    """Problems that name no table file or no expectation, or that are too long to read."""
    errors = []
    for problem in problems:
        if problem.file not in {f"{t}.csv" for t in TABLES} or not problem.expected:
            errors.append(f"a problem without a table file or an expectation: {problem!r}")
        if len(str(problem)) > 600:
            errors.append(f"a problem too long to read: {str(problem)[:200]}...")
    return errors


def _listed_problems(case: dict, problems: list) -> list[str]:
    """Each problem the case lists is found (as often as it says), and, for an exact case, nothing else."""
    errors = []
    for wanted in case.get("problem", []):
        found = [p for p in problems if _matches(p, wanted)]
        count = wanted.get("count", 1)
        if (count == ANY and not found) or (count != ANY and len(found) != count):
            errors.append(f"expected {count} problem(s) like {wanted}, found {len(found)}")
    if case.get("exact", True):
        stray = [p for p in problems if not any(_matches(p, w) for w in case.get("problem", []))]
        errors += [f"a problem the case does not list: {p}" for p in stray[:5]]
    return errors


def judge_tables(case: dict, outcome, seconds: float, original) -> list[str]:
    """What is wrong with `outcome` (Tables, DataError or another exception) for this case; [] if right."""
    if seconds > case.get("seconds", 20):
        return [f"took {seconds:.1f} s, more than the case's {case.get('seconds', 20)} s"]
    if case.get("loads"):
        return _judge_loaded(case, outcome, original)
    if not isinstance(outcome, store.DataError):
        return [f"expected store.DataError, got {type(outcome).__name__}: {str(outcome)[:300]}"]
    problems = outcome.problems
    errors = (
        [f"{len(problems)} problems, more than {case['max_problems']}"]
        if len(problems) > case.get("max_problems", 1000)
        else []
    )
    return errors + _unreadable_problems(problems) + _listed_problems(case, problems)


@pytest.mark.parametrize("path", TABLE_CASES, ids=lambda path: path.stem)
def test_tables_case(path, data_copy, tables):
    case = read_case(path)
    data, seeds = data_copy
    break_tables(case, data, seeds, path.parent)
    started = time.perf_counter()
    try:
        outcome = store.load(data, seeds)
    except Exception as error:  # anything but DataError is a failure, judged (and counted) below
        outcome = error
    errors = judge_tables(case, outcome, time.perf_counter() - started, tables)
    tally.record("tables", ok=not errors)
    assert not errors, f"{path.name}: {case['description']}\n" + "\n".join(errors)


def test_the_tables_corpus_covers_every_breakage_in_the_issue():
    covered = {read_case(path)["covers"] for path in TABLE_CASES}
    assert covered >= REQUIRED_TABLE_COVERAGE, REQUIRED_TABLE_COVERAGE - covered
    assert all(read_case(path)["description"] for path in TABLE_CASES)


def test_broken_tables_show_an_error_on_every_page_and_the_app_keeps_running(data_copy, monkeypatch):
    data, seeds = data_copy
    case = read_case(CORPUS / "tables" / "broken-quoting-text-after-quote.toml")
    break_tables(case, data, seeds, CORPUS / "tables")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_SEEDS_DIR", str(seeds))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    checks = []
    for page in [None, "views/review.py", "views/positions.py", "views/overview.py"]:
        if page:
            at.switch_page(page).run()
        message = at.error[0].value.replace("\\", "") if at.error else ""
        where = at.dataframe[0].value.iloc[0][["file", "row", "column"]].tolist() if at.dataframe else None
        checks.append(
            (
                page,
                not at.exception,
                "could not be loaded" in message and "statements.csv" in message,
                where == ["statements.csv", 1, "quote"],
            )
        )
    # Fixed on disk, the same session serves the data again, without a restart.
    (data / "statements.csv").write_bytes((ROOT / "data" / "statements.csv").read_bytes())
    at.switch_page("views/positions.py").run()
    recovered = not at.exception and not at.error and len(at.dataframe) > 0
    ok = all(all(flags) for _, *flags in checks) and recovered
    tally.record("tables", ok=ok)  # the app case counts with the corpus
    assert all(all(flags) for _, *flags in checks), checks
    assert recovered, [e.value for e in at.error]


# --- Uploads -----------------------------------------------------------------------------------------


def run_on_sentences(count: int, *, limit: int | None = None) -> str:
    """`count` sentences of the seed article with their punctuation removed, run together in one paragraph;
    cut at a word boundary to at most `limit` bytes of UTF-8."""
    seed = (ROOT / "seeds" / "2025-11-cartel-de-los-soles-fto.txt").read_text(encoding="utf-8")
    words = [re.sub(r"[^\w\s]", "", seed[a:b]).split() for a, b in sentences(seed)]
    plain = [" ".join(w) for w in words if w]
    text = " ".join(plain[i % len(plain)] for i in range(count))
    if limit is not None and len(text.encode("utf-8")) > limit:
        text = text.encode("utf-8")[:limit].decode("utf-8", "ignore")
        text = text[: text.rfind(" ")]
    return text


def upload_bytes(case: dict, folder: Path) -> bytes:
    if "file" in case:
        return (folder / case["file"]).read_bytes()
    if "text" in case:
        return case["text"].encode(case.get("encoding", "utf-8"))
    generate = case["generate"]
    if generate["kind"] == "run-on sentences":
        limit = curation.MAX_UPLOAD_BYTES if generate.get("upload_limit") else None
        return run_on_sentences(generate["sentences"], limit=limit).encode("utf-8")
    if generate["kind"] == "repeat":
        unit = generate["unit"].encode("utf-8")
        return (unit * (generate["size"] // len(unit) + 1))[: generate["size"]]
    if generate["kind"] == "random_bytes":
        return random.Random(generate.get("seed", 0)).randbytes(generate["size"])
    raise AssertionError(f"unknown generator {generate['kind']!r} (see tests/corpus/README.md)")


def folder_digest(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            digest.update(str(path.relative_to(folder.parent)).encode("utf-8", "surrogateescape"))
            if path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _judge_accepted(text: str, tables) -> list[str]:
    """What is wrong with how an accepted upload reaches the extractor, and with what it proposes."""
    errors = []
    proposals = extract(text, actors=tables.actors, targets=tables.targets, main_target="fto-designation")
    if list(proposals.columns) != PROPOSAL_COLUMNS or not set(proposals["stance"]) <= set(STANCES):
        errors.append("extract returned a malformed table")
    if any(text[s:e] != q or s >= e for s, e, q in zip(proposals["start"], proposals["end"], proposals["quote"])):
        errors.append("a proposal's quote is not the text at its offsets")
    if text.startswith("\ufeff") or "\r\n" in text:
        errors.append("the accepted text keeps a byte-order mark or CR LF line ends")
    if max((e - s for s, e in sentences(text)), default=0) > MAX_SENTENCE_CHARS:
        errors.append("a sentence longer than MAX_SENTENCE_CHARS reached the extractor")
    return errors


def _judge_check(case: dict, refusal, text: str | None, tables) -> list[str]:
    """A refused upload is refused with the case's words; an accepted one reaches the extractor whole."""
    if case["refused"]:
        if refusal is None:
            return ["the upload was accepted; the case expects it refused"]
        if not all(word in str(refusal) for word in case.get("words", [])):
            return [f"message {str(refusal)!r} lacks {case['words']}"]
        return []
    if refusal is not None:
        return [f"the upload was refused: {refusal}"]
    return _judge_accepted(text, tables)


def judge_upload(case: dict, data: Path, seeds: Path, folder: Path, tables) -> list[str]:
    """Run the Review page's steps on one upload: check it; if it is accepted, propose statements from
    it and (if the case says so) add it. Returns what went wrong; [] if all is as the case says."""
    content = upload_bytes(case, folder)
    before = folder_digest(data, seeds)
    started = time.perf_counter()
    try:
        text, refusal = curation.check_upload(case["name"], content), None
    except curation.CurationError as error:
        text, refusal = None, error
    except Exception as error:
        return [f"check_upload raised {type(error).__name__}: {error}"]
    errors = _judge_check(case, refusal, text, tables)
    elapsed = time.perf_counter() - started
    if elapsed > case["seconds"]:
        errors.append(f"took {elapsed:.1f} s, more than the case's {case['seconds']} s")
    if folder_digest(data, seeds) != before:
        errors.append("something was written to data/ or seeds/")
    return errors


@pytest.mark.parametrize("path", UPLOAD_CASES, ids=lambda path: path.stem)
def test_uploads_case(path, data_copy, tables):
    case = read_case(path)
    data, seeds = data_copy
    errors = judge_upload(case, data, seeds, path.parent, tables)
    tally.record("uploads", ok=not errors)
    assert not errors, f"{path.name}: {case['description']}\n" + "\n".join(errors)


def test_the_uploads_corpus_covers_every_kind_in_the_issue():
    covered = {read_case(path)["covers"] for path in UPLOAD_CASES}
    assert covered >= REQUIRED_UPLOAD_COVERAGE, REQUIRED_UPLOAD_COVERAGE - covered


def test_add_article_refuses_hostile_text_and_a_title_cannot_reach_another_folder(data_copy):
    """The last gate: add_article itself refuses hostile text (not only the upload widget's check), and
    the stored file's name is a slug of the title, so no title can climb out of seeds/."""
    data, seeds = data_copy
    before = folder_digest(data, seeds)
    base = {"sources": store.file_sha256(data / "sources.csv")}
    hostile = [
        dict(text="", title="Empty"),
        dict(text="caf\x00e", title="Binary"),
        dict(text="x" * (curation.MAX_UPLOAD_BYTES + 1), title="Too big"),
        dict(text="Fine.", title="   "),
        dict(text="Fine.", title="Link", url="javascript:alert(1)"),
    ]
    refused = []
    for attempt in hostile:
        try:
            curation.add_article(data, seeds, base=base, story_id=SEED_STORY, **attempt)
        except curation.CurationError:
            refused.append(True)
        else:
            refused.append(False)
    unchanged = folder_digest(data, seeds) == before
    outside_before = sorted(p.name for p in data.parent.iterdir())
    source_id = curation.add_article(
        data, seeds, base=base, text="Fine text.", title="../../etc/passwd", story_id=SEED_STORY
    )
    ok = (
        all(refused)
        and unchanged
        and source_id == "etc-passwd"
        and (seeds / "etc-passwd.txt").is_file()
        and sorted(p.name for p in data.parent.iterdir()) == outside_before
    )
    tally.record("uploads", ok=ok)
    assert all(refused), refused
    assert unchanged, "a refused article wrote something"
    assert source_id == "etc-passwd" and (seeds / "etc-passwd.txt").is_file(), source_id
    assert sorted(p.name for p in data.parent.iterdir()) == outside_before
