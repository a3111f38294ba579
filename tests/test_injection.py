"""Hostile links and hostile data (issue 7, section 2).

URL cases (tests/corpus/urls.txt): garbage, huge values, unknown keys and values, repeated keys, on every
page path. None may raise, and whatever is ignored is reported on the page, escaped and shortened.

Injection payloads (tests/corpus/injection.txt) are put in every text place of a copy of the data. Every
page is rendered in AppTest and in chromium: no markdown is rendered as HTML, no script runs, no injected
element or `javascript:` link appears, and every CSV/XLSX/PPTX export reads back with no formula trigger.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import unicodedata
import urllib.parse
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

import tally
from analysis.data import saving, store
from analysis.data.schema import COLUMNS, STANCES, URL_PATTERN
from analysis.present import export
from analysis.present.export.tables import FORMULA_TRIGGERS, NUMERIC
from analysis.present.text import escape_markdown
from analysis.query.filters import FilterSpec
from conftest import ROOT, AppServer, copy_data

CORPUS = Path(__file__).resolve().parent / "corpus"
NOTE_PREFIX = ":material/link_off: "
MAX_NOTE_LENGTH = 240
PAGES = {  # url path -> (page file, the start of its title)
    "overview": ("views/overview.py", "Overview"),
    "positions": ("views/positions.py", "Positions"),
    "matrix": ("views/matrix.py", "Matrix"),
    "network": ("views/network.py", "Alignment network"),
    "map": ("views/map.py", "Map"),
    "timeline": ("views/timeline.py", "Timeline"),
    "reader": ("views/reader.py", "Source reader"),
    "profile": ("views/profile.py", "Actor profile"),
    "briefing": ("views/briefing.py", "Briefing exports"),
    "review": ("views/review.py", "Review new articles"),
    "stories": ("views/stories.py", "Stories"),
    "changes": ("views/changes.py", "What changed"),
}
SHOT_VIEWS = ("spectrum", "blocs", "matrix", "network", "map", "timeline", "profile")


# ---------------------------------------------------------------------------------------------------
# The corpora


@dataclass(frozen=True)
class UrlCase:
    line: int
    path: str
    query: str
    expected: tuple[str, ...]
    browser: bool

    @property
    def page(self) -> str:
        return self.path.strip("/") or "overview"

    @property
    def params(self) -> dict[str, list[str]]:
        """As Streamlit reads a URL's query string (runtime/state/query_params.py)."""
        return urllib.parse.parse_qs(self.query, keep_blank_values=True)


PLAIN_TEXT = dict(format="txt", original="", original_sha256="", text_extractor="", copy_of="")  # added as text


def _expand(text: str) -> str:
    return re.sub(
        r"\{(\d+)\*([^}]*)\}", lambda m: "".join(m.group(2).replace("#", str(i)) for i in range(int(m.group(1)))), text
    )


def url_cases() -> list[UrlCase]:
    cases = []
    for number, line in enumerate((CORPUS / "urls.txt").read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        browser = line.startswith("browser ")
        link, _, expected = line.removeprefix("browser ").partition("=>")
        path, _, query = _expand(link.strip()).partition("?")
        fragments = tuple(f.strip() for f in expected.split(" | ") if f.strip())
        cases.append(UrlCase(number, path, query, fragments, browser))
    return cases


@dataclass(frozen=True)
class Payload:
    number: int
    label: str
    text: str

    def marked(self, place: str) -> str:
        """The payload as put in one place: its own text first (formula triggers act on the start of a
        cell), then a marker that says which payload and place it is."""
        return f"{self.text} {marker(place, self.number)}"


def marker(place: str, number: int) -> str:
    return f"⟦{PLACES[place]}{number:02d}⟧"


def payloads() -> list[Payload]:
    found = []
    for line in (CORPUS / "injection.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, _, text = line.partition(": ")
        label, _, times = label.partition("*")
        text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
        found.append(Payload(len(found), label, text * int(times or 1)))
    return found


PAYLOADS = payloads()
# Each text place of the tables, with the code of its marker.
PLACES = {
    "quote": "QU",
    "cue": "CU",
    "summary": "SU",
    "actor name": "AN",
    "bloc": "BL",
    "party": "PA",
    "source title": "ST",
    "outlet": "OU",
    "source url": "UR",
    "target label": "TL",
    "target description": "TD",
    "event title": "ET",
    "event description": "ED",
    "story title": "SY",
    "story description": "SD",
}
# Places the pages show somewhere: each payload placed there must reach the screen (escaped), or the test
# proves nothing. Target descriptions are not shown; a source URL must never be shown.
SHOWN = (
    "quote",
    "cue",
    "summary",
    "actor name",
    "bloc",
    "party",
    "source title",
    "outlet",
    "target label",
    "event title",
    "event description",
    "story title",
    "story description",
)
COUNTRIES = ("FRA", "BRA", "IND", "ZAF", "", "MEX", "JPN")
CORPUS_SOURCE = "injection-corpus"
REVIEW_SOURCE = "injection-review"
INJECTED_STORY = "injected-story"  # every injected source, target and event; the app opens it by ?story=


def test_the_corpora_are_big_enough():
    assert len(PAYLOADS) >= 20
    labels = {p.label for p in PAYLOADS}
    assert {
        "script-tag",
        "img-onerror",
        "javascript-url",
        "markdown-js-link",
        "long-word",
        "rtl-override",
        "zero-width",
        "dde-cmd",
    } <= labels
    assert max(len(p.text) for p in PAYLOADS) >= 5000
    cases = url_cases()
    assert len(cases) >= 40 and {case.page for case in cases} == set(PAGES)
    assert any(len(case.query) >= 100_000 for case in cases)


# ---------------------------------------------------------------------------------------------------
# URL parameters


def page_notes(at) -> list[str]:
    """The notes the page shows about the link, as the reader sees them (markdown escapes removed)."""
    bodies = [c.value for c in at.caption if c.value.startswith(NOTE_PREFIX)]
    for body in bodies:  # shown as literal text: every character of the note is escaped
        note = unescape(body.removeprefix(NOTE_PREFIX))
        assert body == NOTE_PREFIX + escape_markdown(note), body
    return [unescape(body.removeprefix(NOTE_PREFIX)) for body in bodies]


def unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown, flags=re.S)


def open_link(case: UrlCase) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, values in case.params.items():
        at.query_params[key] = values if len(values) > 1 else values[0]
    at.switch_page(PAGES[case.page][0])
    return at.run()


@pytest.mark.parametrize("case", url_cases(), ids=lambda c: f"line{c.line}")
def test_a_link_never_raises_and_reports_what_it_ignores(case):
    at = open_link(case)
    notes = page_notes(at)
    missing = [fragment for fragment in case.expected if not any(fragment in note for note in notes)]
    shot = case.params.get("shot", [""])[-1] == "1"
    right_page = (
        bool(at.get("plotly_chart") or at.warning)
        if shot
        else (bool(at.title) and at.title[0].value.startswith(PAGES[case.page][1]))
    )
    ok = (
        not at.exception
        and not missing
        and right_page
        and (notes == [] if not case.expected else True)
        and all(len(note) <= MAX_NOTE_LENGTH for note in notes)
    )
    tally.record("url", ok=ok)
    assert not at.exception, at.exception
    assert right_page, [t.value for t in at.title]
    assert not missing, notes
    if not case.expected:
        assert notes == []
    assert all(len(note) <= MAX_NOTE_LENGTH for note in notes), notes


@pytest.mark.parametrize(
    ("params", "expected_spec", "note_words"),
    [
        ({"profile": "nobody"}, FilterSpec(), ["Ignored profile 'nobody': not a known actor."]),
        ({"profile": ["a", "b"]}, FilterSpec(), ["Used the last of 2 values of 'profile'."]),
        (
            {"q": ["a", "b"], "bloc": ["Bloc A", "Bloc A"]},
            FilterSpec(blocs=("Bloc A",), query="b"),
            ["Used the last of 2 values of 'q'."],
        ),
        (
            {"from": "2025-11-01", "actor": "a"},
            FilterSpec(),
            ["Ignored from '2025-11-01': no dates here.", "Ignored actor 'a': no actors here."],
        ),
        ({"edges": "x" * 5000}, FilterSpec(), ["Ignored edges '" + "x" * 39 + "…': not a known kind of edge."]),
        (
            {f"k{i}": "1" for i in range(40)},
            FilterSpec(),
            [
                *(f"Ignored the unknown URL parameter 'k{i}'." for i in range(11)),
                "… and 29 more ignored URL parameters.",
            ],
        ),
    ],
)
def test_query_params_report_app_values_repeats_unsupported_filters_and_cap_the_notes(
    params, expected_spec, note_words
):
    spec, notes = FilterSpec.from_query_params(
        params,
        vocabulary={"bloc": {"Bloc A"}, "actor": {"a"}},
        other_keys={"profile": {"a", "b"}, "edges": {"conflict"}, "view": None},
        unsupported={"from": "no dates here", "actor": "no actors here"},
    )
    assert spec == expected_spec
    assert notes == note_words


def test_a_reported_link_stays_reported_until_the_next_link_and_valid_parts_are_used():
    at = open_link(UrlCase(0, "/matrix", "bloc=Nope&bloc=US+administration&colour=red", (), False))
    assert at.sidebar.multiselect(key="bloc").value == ["US administration"]
    first = page_notes(at)
    assert len(first) == 2
    at.sidebar.multiselect(key="stance").set_value(["supportive"]).run()  # a widget change keeps the notes
    assert page_notes(at) == first
    assert at.query_params["stance"] == "supportive" and at.query_params["bloc"] == "US administration"
    at.sidebar.multiselect(key="bloc").set_value([]).run()
    assert page_notes(at) == first
    at.query_params.clear()  # a new, clean link: the old notes go
    at.query_params["bloc"] = "Observers"
    at.run()
    assert page_notes(at) == [] and at.sidebar.multiselect(key="bloc").value == ["Observers"]


def test_clear_all_filters_also_clears_the_notes():
    at = open_link(UrlCase(0, "/", "stance=furious&stance=condemning", (), False))
    assert page_notes(at)
    next(b for b in at.sidebar.button if b.label == "Clear all filters").click().run()
    assert page_notes(at) == [] and at.sidebar.multiselect(key="stance").value == []


@pytest.mark.browser
def test_links_in_the_browser_render_and_report(app_server, page):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for case in [c for c in url_cases() if c.browser]:
        errors.clear()
        page.goto(f"{app_server.url}/{case.path.strip('/')}?{case.query}")
        page.wait_for_selector("[data-testid='stSidebar'] [data-testid='stMultiSelect']", timeout=60_000)
        page.wait_for_selector("h1", timeout=60_000)
        if case.expected:
            page.wait_for_selector("[data-testid='stSidebar'] [data-testid='stCaptionContainer']", timeout=30_000)
        page.wait_for_timeout(500)
        shown = " ".join(page.get_by_test_id("stSidebar").get_by_test_id("stCaptionContainer").all_inner_texts())
        title = page.locator("h1").first.inner_text()
        ok = (
            page.get_by_test_id("stException").count() == 0
            and not errors
            and title.startswith(PAGES[case.page][1])
            and all(f in shown for f in case.expected)
        )
        tally.record("url", ok=ok)
        assert page.get_by_test_id("stException").count() == 0, case
        assert errors == [], (case, errors)
        assert title.startswith(PAGES[case.page][1]), (case, title)
        assert all(fragment in shown for fragment in case.expected), (case, shown)


# ---------------------------------------------------------------------------------------------------
# A copy of the data with a payload in every text place


def build_injected(data: Path, seeds: Path) -> None:
    """Add, for each payload: a source (title, outlet, URL) whose text holds it, an actor (name, bloc, party),
    a target (label, description), two statements quoting it (one in its own source, one in a source that
    holds every payload) with it as cue and summary, and an event quoting it."""
    raw, problems = store.read_tables(data)
    assert problems == []
    added: dict[str, list[dict[str, str]]] = {table: [] for table in COLUMNS}
    story = dict(created="2025-11-29", status="active", default_target="", feeds="")
    added["stories"].append(dict(story, story_id=INJECTED_STORY, title="Injected story", description=""))
    for p in PAYLOADS:  # an empty story per payload, for its title and description
        added["stories"].append(
            dict(
                story,
                story_id=f"injected-story-{p.number:02d}",
                title=p.marked("story title"),
                description=p.marked("story description"),
            )
        )
    corpus_text, corpus_spans = "Every payload, one a line.\n", []
    for p in PAYLOADS:
        quote = p.marked("quote")
        corpus_spans.append((len(corpus_text), len(corpus_text) + len(quote)))
        corpus_text += quote + "\n"
    path, digest = saving.add_seed(seeds, f"{CORPUS_SOURCE}.txt", corpus_text)
    added["sources"].append(
        dict(
            source_id=CORPUS_SOURCE,
            story_id=INJECTED_STORY,
            title="Injection corpus",
            outlet="",
            published="2025-11-20",
            date_precision="day",
            url="",
            path=path,
            sha256=digest,
            **PLAIN_TEXT,
            added="2025-11-29",
            date_note="",
        )
    )
    # An article for the review page's extractor: each injected actor, by name, reacting with a payload.
    review_text = "".join(
        f"{p.marked('actor name')} strongly condemned the designation as {p.text}.\n" for p in PAYLOADS
    )
    path, digest = saving.add_seed(seeds, f"{REVIEW_SOURCE}.txt", review_text)
    added["sources"].append(
        dict(
            source_id=REVIEW_SOURCE,
            story_id=INJECTED_STORY,
            title="Injection review article",
            outlet="",
            published="2025-11-21",
            date_precision="day",
            url="",
            path=path,
            sha256=digest,
            **PLAIN_TEXT,
            added="2025-11-29",
            date_note="",
        )
    )
    for p, (corpus_start, corpus_end) in zip(PAYLOADS, corpus_spans):
        n, quote = f"{p.number:02d}", p.marked("quote")
        head = f"Article {n} reports:\n"
        path, digest = saving.add_seed(seeds, f"injection-{n}.txt", f"{head}{quote}\nEnd of article {n}.\n")
        start, end = str(len(head)), str(len(head) + len(quote))
        # A payload inside an http(s) URL passes validation; it must never be shown, let alone as a link.
        url = "https://example.invalid/source?" + "".join(p.marked("source url").split())
        assert re.fullmatch(URL_PATTERN, url)
        added["sources"].append(
            dict(
                source_id=f"injection-{n}",
                story_id=INJECTED_STORY,
                title=p.marked("source title"),
                outlet=p.marked("outlet"),
                published="2025-11-20",
                date_precision="day",
                url=url,
                path=path,
                sha256=digest,
                **PLAIN_TEXT,
                added="2025-11-29",
                date_note="",
            )
        )
        actor, target = f"injected-actor-{n}", f"injected-target-{n}"
        added["actors"].append(
            dict(
                actor_id=actor,
                name=p.marked("actor name"),
                kind="person",
                country=COUNTRIES[p.number % len(COUNTRIES)],
                bloc=p.marked("bloc"),
                party=p.marked("party"),
                aliases="",
            )
        )
        added["targets"].append(
            dict(
                target_id=target,
                story_id=INJECTED_STORY,
                label=p.marked("target label"),
                description=p.marked("target description"),
                keywords="",
            )
        )
        day = f"2025-11-{1 + p.number % 28:02d}"
        for statement_id, source_id, (s, e) in (
            (f"inj-{n}", f"injection-{n}", (start, end)),
            (f"inj-corpus-{n}", CORPUS_SOURCE, (str(corpus_start), str(corpus_end))),
        ):
            added["statements"].append(
                dict(
                    statement_id=statement_id,
                    source_id=source_id,
                    actor_id=actor,
                    target_id=target,
                    stance=STANCES[p.number % len(STANCES)],
                    quote=quote,
                    start=s,
                    end=e,
                    cue=p.marked("cue"),
                    summary=p.marked("summary"),
                    mode="direct",
                    date=day,
                    date_precision="day",
                    confidence="0.9",
                    origin="curated",
                    reviewed="true",
                )
            )
        added["events"].append(
            dict(
                event_id=f"injected-event-{n}",
                story_id=INJECTED_STORY,
                date=day,
                date_precision="day",
                role="milestone",
                title=p.marked("event title"),
                description=p.marked("event description"),
                actor_ids=actor,
                source_id=f"injection-{n}",
                quote=quote,
                start=start,
                end=end,
                date_note="",
            )
        )
    for table, rows in added.items():
        frame = pd.concat([raw[table], pd.DataFrame(rows, columns=list(COLUMNS[table]))], ignore_index=True)
        (data / f"{table}.csv").write_bytes(saving.to_csv_bytes(frame, table))


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    data, seeds = copy_data(tmp_path_factory.mktemp("injected"))
    build_injected(data, seeds)
    return data, seeds, store.load(data, seeds, cache=False)


def test_the_injected_tables_load_with_every_payload_verbatim(injected):
    _, _, tables = injected
    view = tables.view.set_index("statement_id")
    for p in PAYLOADS:
        row = view.loc[f"inj-{p.number:02d}"]
        assert row["quote"] == p.marked("quote") and row["actor_name"] == p.marked("actor name")
        assert tables.texts[row["source_id"]][row["start"] : row["end"]] == row["quote"]
        assert row["source_title"] == p.marked("source title") and row["target_label"] == p.marked("target label")


def test_a_link_in_the_data_must_be_http(data_copy):
    """`javascript:` and every other non-http(s) URL is refused when the tables load: the app never shows a
    source URL, and the validation keeps any that a later version might show to http(s)."""
    data, seeds = data_copy
    sources = pd.read_csv(data / "sources.csv", dtype=str, keep_default_na=False)
    tricks = [p.text for p in PAYLOADS] + [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "jav&#x61;script:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//example.invalid/x",
        "https:javascript:alert(1)",
        "http://",
        "https://example.invalid/ x",
        "file:///etc/passwd",
        "\u202ehttps://example.invalid",
    ]
    for trick in tricks:
        sources.loc[0, "url"] = trick
        (data / "sources.csv").write_bytes(saving.to_csv_bytes(sources, "sources"))
        with pytest.raises(store.DataError) as error:
            store.load(data, seeds, cache=False)
        ok = [(p.file, p.column) for p in error.value.problems] == [("sources.csv", "url")]
        tally.record("injection", ok=ok)
        assert ok, (trick, error.value.problems)


# ---------------------------------------------------------------------------------------------------
# AppTest: every page, with the payloads everywhere


def _strings(message) -> list[str]:
    """Every string field of a proto message, recursively."""
    found = []
    for _, value in message.ListFields():
        single = isinstance(value, str | bytes | int | float) or hasattr(value, "ListFields")
        values = [value] if single else list(value)
        for item in values:
            if isinstance(item, str):
                found.append(item)
            elif hasattr(item, "ListFields"):
                found += _strings(item)
    return found


def unescaped_part(markdown: str) -> str:
    """The characters of a markdown body that are not backslash-escaped (escaped ones become spaces)."""
    out, i = [], 0
    while i < len(markdown):
        if markdown[i] == "\\" and i + 1 < len(markdown):
            out.append("  ")
            i += 2
        else:
            out.append(markdown[i])
            i += 1
    return "".join(out)


# Markdown that would turn data into HTML, a link, an image, maths or a heading, were it not escaped.
ACTIVE_MARKDOWN = re.compile(r"<|>|\]\(|\]\[|\$|javascript:|https?:|www\.|!\[|#|`|~~|:material/|:red\[|:smile:", re.I)


_URL_START = re.compile(r"https?://|www\.|[-.+\w]+@[-\w]+\.", re.IGNORECASE | re.ASCII)


def gfm_autolinks(shown: str) -> list[str]:
    """The bare URLs and e-mail addresses that GitHub-flavoured markdown (remark-gfm, as Streamlit runs it)
    would turn into links in text that reads `shown`: those starting the text or after white space or
    punctuation."""
    links = []
    for match in _URL_START.finditer(shown):
        before = shown[match.start() - 1] if match.start() else " "
        if before.isspace() or unicodedata.category(before)[0] in "PS":
            links.append(shown[match.start() : match.end() + 20])
    return links


def test_bare_urls_in_data_do_not_become_links():
    autolinks = next(p for p in PAYLOADS if p.label == "autolinks")
    assert len(gfm_autolinks(autolinks.text)) == 4  # the check sees what remark-gfm would link
    for p in PAYLOADS:
        assert gfm_autolinks(unescape(escape_markdown(p.text))) == [], p.label


@dataclass
class Rendered:
    """What one run put on the screen: readable text (for 'did the payload get there') and problems."""

    text: list[str]
    problems: list[str]


def _inspect_markdown(node, proto, where: str) -> Rendered:
    body = proto.body
    problems = []
    if getattr(proto, "allow_html", False) and "⟦" in body:
        problems.append(f"{where}: data in markdown with allow_html: {body[:120]!r}")
    if "⟦" in body:
        # The app's own markdown (badges, bold, the colour of a highlight) is fine; data's is not.
        own = re.sub(r"^#+ ", "", body)  # a page's own heading level
        active = [m.group(0) for m in ACTIVE_MARKDOWN.finditer(unescaped_part(own))]
        active += gfm_autolinks(unescape(body))
        if active:
            problems.append(f"{where}: unescaped {active[:3]} in {body[:160]!r}")
    return Rendered([unescape(body)], problems)


def _inspect_html(node, proto, where: str) -> Rendered:
    strings = _strings(proto)
    if any("⟦" in s or "xss-" in s for s in strings):
        return Rendered([], [f"{where}: data in raw HTML: {strings!r:.160}"])
    return Rendered([], [])


def _inspect_chart(node, proto, where: str) -> Rendered:
    spec = json.loads(proto.spec)
    return Rendered([html.unescape(json.dumps(spec, ensure_ascii=False).replace("<br>", " "))], [])


def _inspect_table(node, proto, where: str) -> Rendered:
    try:
        frame = node.value
    except Exception:  # an element AppTest cannot decode
        return Rendered([], [])
    if not isinstance(frame, pd.DataFrame):
        return Rendered([], [])
    return Rendered([" ".join(frame.astype(str).to_numpy().ravel().tolist()), " ".join(map(str, frame.columns))], [])


INSPECTORS = {
    "Markdown": _inspect_markdown,
    "Alert": _inspect_markdown,
    "Toast": _inspect_markdown,
    "Html": _inspect_html,
    "IFrame": _inspect_html,
    "PlotlyChart": _inspect_chart,
    "Arrow": _inspect_table,
}


def inspect_run(at, where: str) -> Rendered:
    """Every element of one run: its readable text, and any data that reached it as markup."""
    text, problems = [], []
    if at.exception:
        problems.append(f"{where}: exception {at.exception[0].value}")
    for node in at._tree:
        proto = getattr(node, "proto", None)
        if proto is None or not hasattr(proto, "ListFields"):
            continue
        kind = proto.DESCRIPTOR.name
        if kind not in INSPECTORS and node.type in ("arrow_data_frame", "dataframe"):
            kind = "Arrow"
        if kind in INSPECTORS:
            rendered = INSPECTORS[kind](node, proto, where)
            text += rendered.text
            problems += rendered.problems
        else:
            text += _strings(proto)
    return Rendered(text, problems)


def _visit_sources_profiles_and_rows(at, run) -> None:
    """The reader at every source, the profile of every injected actor, each injected row on Positions."""
    run(at.switch_page("views/reader.py"), "reader")
    for source_id in [CORPUS_SOURCE, *(f"injection-{p.number:02d}" for p in PAYLOADS)]:
        at.selectbox(key="read").set_value(source_id)
        run(at, f"reader {source_id}")
    at.selectbox(key="statement").set_value(f"inj-{PAYLOADS[-1].number:02d}")  # in the last source read
    run(at, "reader with a selected statement")
    run(at.switch_page("views/profile.py"), "profile")
    for p in PAYLOADS:
        at.selectbox(key="profile").set_value(f"injected-actor-{p.number:02d}")
        run(at, f"profile {p.label}")
    run(at.switch_page("views/positions.py"), "positions")
    table = at.dataframe[0].value
    for p in PAYLOADS:
        row = table.index[table["Quote"] == p.marked("quote")][0]
        at.session_state["positions_table"] = {"selection": {"rows": [int(row)], "columns": [], "cells": []}}
        run(at, f"positions row {p.label}")


def _visit_review(at, run) -> None:
    """The review page proposes statements from the corpus of payloads, and shows each in its sentence."""
    run(at.switch_page("views/review.py"), "review")
    for source_id in (CORPUS_SOURCE, REVIEW_SOURCE):  # no proposals; then one per injected actor
        at.selectbox(key="review_article").set_value(source_id)
        run(at, f"review {source_id}")
        next(b for b in at.button if b.key == "run_extract").click()
        run(at, f"review proposals from {source_id}")
    proposals = at.session_state[f"proposals:{REVIEW_SOURCE}"]
    assert len(proposals) >= len(PAYLOADS) // 2
    for row_id in proposals.index:
        at.selectbox(key="context_row").set_value(row_id)
        run(at, f"review proposal {row_id} in context")


def _payloads_misplaced(runs: list[Rendered]) -> list[str]:
    """Each payload in each place: shown if and only if the place is one that shows it, and never as markup."""
    problems = [problem for rendered in runs for problem in rendered.problems]
    screen = "\n".join(t for rendered in runs for t in rendered.text)
    failed = []
    for p in PAYLOADS:
        for place in PLACES:
            shown = marker(place, p.number) in screen
            ok = shown == (place in SHOWN) and not any(marker(place, p.number) in problem for problem in problems)
            tally.record("injection", ok=ok)
            if not ok:
                failed.append(f"{p.label} in {place}: {'shown' if shown else 'not shown'}")
    return failed


def test_every_page_shows_the_payloads_as_text_in_apptest(injected, monkeypatch):
    data, seeds, _ = injected
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_SEEDS_DIR", str(seeds))
    runs: list[Rendered] = []

    def run(at, where):
        at.run()
        runs.append(inspect_run(at, where))
        return at

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["story"] = INJECTED_STORY
    run(at, "overview")
    for name, (file, _) in PAGES.items():
        run(at.switch_page(file), name)
    _visit_sources_profiles_and_rows(at, run)
    # The sidebar filters take every injected bloc; every chart then shows them.
    at.sidebar.multiselect(key="bloc").set_value([p.marked("bloc") for p in PAYLOADS])
    for name in ("overview", "matrix", "network", "map", "timeline", "briefing"):
        run(at.switch_page(PAGES[name][0]), f"{name} filtered to the injected blocs")
    _visit_review(at, run)
    for view in SHOT_VIEWS:  # screenshot mode, every view
        shot = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        shot.query_params.update({"view": view, "shot": "1", "profile": "injected-actor-01", "story": INJECTED_STORY})
        run(shot, f"screenshot {view}")
        assert shot.get("plotly_chart"), view
    failed = _payloads_misplaced(runs)
    assert [problem for rendered in runs for problem in rendered.problems] == []
    assert failed == []


def test_the_checks_catch_data_that_is_not_escaped(injected, monkeypatch):
    """The checks above are not vacuous: with the quote cards' escaping switched off, they fail."""
    data, seeds, _ = injected
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_SEEDS_DIR", str(seeds))
    import views.ui

    monkeypatch.setattr(views.ui, "escape_markdown", lambda text: text)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["story"] = INJECTED_STORY
    rendered = inspect_run(at.run(), "overview")
    caught = {p.label for p in PAYLOADS if any(marker("quote", p.number) in problem for problem in rendered.problems)}
    assert {
        "script-tag",
        "img-onerror",
        "markdown-js-link",
        "markdown-image",
        "autolinks",
        "math",
        "streamlit-directives",
    } <= caught


# ---------------------------------------------------------------------------------------------------
# The browser: no script runs, no injected element appears


# Elements the payloads would create if any of them were rendered as HTML or markdown.
INJECTED_ELEMENTS_JS = """() => {
  const found = [];
  const selectors = ["img[src='x']", "svg[onload]", "iframe[srcdoc*='alert']", "[id^='injected']",
    "details[ontoggle]", "a[href^='javascript:' i]", "a[href*='example.invalid']", "img[src*='example.invalid']",
    "[src^='javascript:' i]", ".katex", "[style*='font-size:80px']", "[style*='font-size: 80px']"];
  for (const s of selectors) {
    for (const e of document.querySelectorAll(s)) found.push(s + " " + e.outerHTML.slice(0, 120));
  }
  for (const e of document.querySelectorAll("script")) {
    if (e.textContent.includes("xss-")) found.push("script " + e.textContent.slice(0, 120));
  }
  for (const e of document.querySelectorAll("*")) {
    for (const name of e.getAttributeNames()) {
      const value = e.getAttribute(name) || "";
      if (/^on/i.test(name) && /alert|xss/i.test(value)) found.push(name + "=" + value.slice(0, 80));
      if (/href$/i.test(name) && value.includes("example.invalid")) found.push(name + "=" + value.slice(0, 80));
      if ((name === "href" || name === "src" || name === "action" || name === "formaction" || name === "xlink:href")
          && /^\\s*(javascript:|vbscript:|data:(?!image\\/))/i.test(value)) found.push(name + "=" + value.slice(0, 80));
    }
  }
  return found;
}"""
# Markdown from data would make these (the app's own markdown makes headings, lists and bold, never these).
MARKDOWN_FROM_DATA_JS = """() => [...document.querySelectorAll("blockquote,code,pre,del,s,em,i,sup,hr")]
  .filter(e => e.textContent.includes("⟦") || /italic|red text|gone/.test(e.textContent))
  .map(e => e.tagName + " " + e.textContent.slice(0, 80))"""


def browser_pages() -> list[tuple[str, str]]:
    """(what, path) for every page, the reader at the corpus source, the profile of an injected actor, and
    every screenshot-mode view."""
    first = f"{PAYLOADS[0].number:02d}"
    pages = [(name, "" if name == "overview" else name) for name in PAGES if name not in ("reader", "profile")]
    pages += [
        ("reader", f"reader?read={CORPUS_SOURCE}&statement=inj-corpus-{first}"),
        ("reader of one source", f"reader?read=injection-{first}&statement=inj-{first}"),
        ("profile", f"profile?profile=injected-actor-{first}"),
    ]
    pages += [(f"screenshot {view}", f"?view={view}&shot=1&profile=injected-actor-{first}") for view in SHOT_VIEWS]
    story = f"story={INJECTED_STORY}"
    return [(what, f"{path}{'&' if '?' in path else '?'}{story}") for what, path in pages]


@pytest.fixture(scope="module")
def injected_server(injected):
    data, seeds, _ = injected
    server = AppServer(env={"DASHBOARD_DATA_DIR": str(data), "DASHBOARD_SEEDS_DIR": str(seeds)})
    yield server
    server.stop()


def _check_frames(page) -> list[str]:
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate(INJECTED_ELEMENTS_JS)
        except Exception as error:  # a frame that went away while it was checked
            if "detached" not in str(error).lower():
                raise
    return found


@pytest.mark.browser
def test_no_script_runs_and_no_injected_element_appears_in_the_browser(injected_server, page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    problems: list[str] = []
    for what, path in browser_pages():
        page.goto(f"{injected_server.url}/{path}")
        if what.startswith("screenshot") or what in ("overview", "matrix", "network", "map", "timeline"):
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        else:
            page.wait_for_selector("h1", timeout=60_000)
        page.wait_for_timeout(1500)  # let every element mount (and any payload have its chance to run)
        if what.startswith("screenshot"):
            # Hover every point: plotly builds hover labels (which hold quotes) only then.
            for point in page.locator(".js-plotly-plot .scatterlayer .point").all()[:80]:
                point.hover(force=True, timeout=2_000)
        problems += [f"{what}: {found}" for found in _check_frames(page)]
        problems += [f"{what}: {found}" for found in page.evaluate(MARKDOWN_FROM_DATA_JS)]
        if page.get_by_test_id("stException").count() or page.get_by_role("dialog").count():
            problems.append(f"{what}: an exception or a dialog (e.g. 'Page not found') is shown")
    page.goto(f"{injected_server.url}/")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    page.wait_for_timeout(1500)
    # The payloads are on the page, verbatim: the Overview's quote cards show every one as text.
    main_text = " ".join(page.get_by_test_id("stMain").inner_text().replace("\u2060", "").split())
    garbled = [p.label for p in PAYLOADS if " ".join(p.marked("quote").split()) not in main_text]
    # The checks see what they look for: elements planted in the page the way a payload would be.
    page.evaluate("""() => {
      document.body.insertAdjacentHTML("beforeend", '<a href="javascript:void(0)">x</a><img src="x">');
      const svg = document.querySelector(".js-plotly-plot svg");
      const a = document.createElementNS("http://www.w3.org/2000/svg", "a");
      a.setAttributeNS("http://www.w3.org/1999/xlink", "xlink:href", "https://example.invalid/planted");
      svg.appendChild(a);
    }""")
    planted = _check_frames(page)
    assert len(planted) >= 4, planted
    for _ in range(len(PAYLOADS) * len(PLACES)):  # every payload × place was on these pages
        tally.record("injection", ok=not dialogs and not errors and not problems and not garbled)
    assert dialogs == [], dialogs
    assert errors == [], errors
    assert problems == [], problems
    assert garbled == []


# ---------------------------------------------------------------------------------------------------
# Exports


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _formula_risks(cells: list[tuple[str, object]]) -> list[str]:
    """(where, value) cells that a spreadsheet would run: text starting with a trigger, unless it is a number."""
    return [
        f"{where}: {value!r:.80}"
        for where, value in cells
        if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not is_number(value)
    ]


def _record_exported(kind: str, cells: list[tuple[str, object]], places: tuple[str, ...]) -> list[str]:
    """One tally entry per payload × place the export holds: the payload is there, whole (neutralised by the
    project's rule where it starts with a trigger, not dropped), and no cell holding it can run."""
    texts = [str(v) for _, v in cells]
    failed = []
    for p in PAYLOADS:
        for place in places:
            holding = [t for t in texts if marker(place, p.number) in t]
            ok = any(p.text[:60] in t for t in holding) and not _formula_risks([("", t) for t in holding])
            tally.record("injection", ok=ok)
            if not ok:
                failed.append(f"{kind}: {p.label} in {place}: {holding[:2]!r:.160}")
    return failed


EXPORTED = ("quote", "cue", "summary", "actor name", "bloc", "target label", "source title")


def test_csv_export_reads_back_with_no_formula(injected):
    _, _, tables = injected
    rows = list(csv.reader(io.StringIO(export.table_csv(tables.view).decode("utf-8-sig"), newline="")))
    header = rows[0]
    cells = [(f"row {i} {header[j]}", value) for i, row in enumerate(rows[1:], start=2) for j, value in enumerate(row)]
    text_cells = [(where, value) for where, value in cells if where.split()[-1] not in NUMERIC]
    numbers = [(where, value) for where, value in cells if where.split()[-1] in NUMERIC]
    assert all(is_number(v) for _, v in numbers)
    assert _formula_risks(text_cells) == []
    assert _record_exported("csv", text_cells, EXPORTED) == []


def test_xlsx_export_reads_back_with_no_formula(injected):
    _, _, tables = injected
    sheet = load_workbook(io.BytesIO(export.table_xlsx(tables.view))).active
    header = [c.value for c in sheet[1]]
    formulas = [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    cells = [(f"{c.coordinate} {header[c.column - 1]}", c.value) for row in sheet.iter_rows(min_row=2) for c in row]
    assert formulas == []
    assert all(isinstance(v, int | float) for where, v in cells if where.split()[-1] in NUMERIC)
    assert _formula_risks(cells) == []
    assert _record_exported("xlsx", cells, EXPORTED) == []


def _shape_cells(shape, where: str) -> list[tuple[str, object]]:
    """A shape's text: its paragraphs, its table's cells, its chart's categories and series names."""
    cells: list[tuple[str, object]] = []
    if shape.has_text_frame:
        cells += [(where, p.text) for p in shape.text_frame.paragraphs]
    if shape.has_table:
        cells += [
            (f"{where} cell", p.text)
            for row in shape.table.rows
            for cell in row.cells
            for p in cell.text_frame.paragraphs
        ]
    if shape.has_chart:
        plot = shape.chart.plots[0]
        cells += [(f"{where} category", str(c)) for c in plot.categories]
        cells += [(f"{where} series", s.name) for s in plot.series]
    return cells


def _workbook_cells(name: str, data: bytes) -> list[tuple[str, object]]:
    """Every cell of a workbook embedded in a deck (formulas marked as such)."""
    cells: list[tuple[str, object]] = []
    for sheet in load_workbook(io.BytesIO(data)).worksheets:
        for c in (c for row in sheet.iter_rows() for c in row):
            if c.data_type == "f":
                cells.append((f"{name} {c.coordinate} formula", "=" + str(c.value).lstrip("=")))
            elif c.value is not None:
                cells.append((f"{name} {c.coordinate}", c.value))
    return cells


def _pptx_cells(deck_bytes: bytes) -> list[tuple[str, object]]:
    """Every paragraph of every text frame and table cell, the chart categories and series, the notes,
    and every cell of every workbook embedded in the deck (a native chart keeps its data in one)."""
    from pptx import Presentation

    cells: list[tuple[str, object]] = []
    for number, slide in enumerate(Presentation(io.BytesIO(deck_bytes)).slides, start=1):
        for shape in slide.shapes:
            cells += _shape_cells(shape, f"slide {number} {shape.name}")
        if slide.has_notes_slide:
            cells += [(f"slide {number} notes", p.text) for p in slide.notes_slide.notes_text_frame.paragraphs]
    with zipfile.ZipFile(io.BytesIO(deck_bytes)) as archive:
        for name in archive.namelist():
            if name.endswith(".xlsx"):
                cells += _workbook_cells(name, archive.read(name))
    return cells


def test_pptx_deck_reads_back_with_no_formula(injected):
    _, _, tables = injected
    spec = FilterSpec(blocs=tuple(p.marked("bloc") for p in PAYLOADS))
    deck_bytes = export.deck(
        tables, spec, title="Injection", as_of=dt.date(2025, 11, 29), views=export.DECK_VIEWS, quotes_per_bloc=1
    )
    cells = _pptx_cells(deck_bytes)
    assert any("formula" not in where and ".xlsx" in where for where, _ in cells)  # the chart's data was read
    assert _formula_risks(cells) == []
    assert _record_exported("pptx", cells, ("quote", "cue", "actor name", "bloc", "source title", "outlet")) == []
