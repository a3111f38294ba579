"""Bringing articles in (issue 15): web pages, PDFs and Word files read by trafilatura, pypdf and
python-docx; links fetched by httpx from a real local server, with every hop checked against server-side
request forgery; folders and zips walked with their limits; exact copies never stored twice."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile

import pandas as pd
import pytest
from ingest_fixtures import (
    ARTICLE_HTML,
    ARTICLE_PARAGRAPHS,
    ARTICLE_TEXT,
    FRONT_HTML,
    OTHER_TEXT,
    STUB_HTML,
    LocalSite,
    article_docx,
    article_pdf,
)
from pypdf import PdfReader, PdfWriter

from analysis.cli import main
from analysis.data import store
from analysis.data.curation import CurationError
from analysis.data.ingest import fetch, formats
from analysis.present.pages import positions, reader
from analysis.query.filters import FilterSpec
from analysis.query.scope import Scope
from conftest import DEMO_STORY

LEAKS = ("MUST-NOT-APPEAR", "trackers", "buy ferry tickets")


@pytest.fixture(scope="module")
def site():
    with LocalSite() as running:
        yield running


def run_cli(argv: list[str], data, seeds) -> int:
    return main([*argv, "--data", str(data), "--seeds", str(seeds)])


def sources_of(data) -> pd.DataFrame:
    return pd.read_csv(data / "sources.csv", dtype=str, keep_default_na=False)


# --- formats -----------------------------------------------------------------------------------------


def test_a_web_page_gives_its_main_text_and_metadata_without_navigation_scripts_hidden_text_or_comments():
    document = formats.read_document(ARTICLE_HTML.encode(), "html")
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in document.text
    assert not [leak for leak in LEAKS if leak in document.text]
    assert document.title == "Port Alderny closes its old ferry terminal"
    assert document.outlet == "The Alderny Gazette"
    assert document.author == "Mira Tollan"
    assert str(document.published) == "2026-11-17"
    assert document.format == "html" and document.text_extractor.startswith("trafilatura ")


def test_a_pdf_keeps_its_paragraphs_and_page_breaks():
    document = formats.read_document(article_pdf(), "pdf")
    pages = document.text.split(formats.PAGE_BREAK)
    assert len(pages) == 2
    assert ARTICLE_PARAGRAPHS[0] in pages[0] and ARTICLE_PARAGRAPHS[3] in pages[1]
    assert document.text_extractor.startswith("pypdf ")


def test_a_word_file_gives_its_paragraphs_and_title():
    document = formats.read_document(article_docx(), "docx")
    assert document.text == ARTICLE_TEXT
    assert document.title == "Port Alderny closes its old ferry terminal" and document.published is None


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(article_pdf())))
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "fmt", "words"),
    [
        (STUB_HTML.encode(), "html", "paywall"),
        (FRONT_HTML.encode(), "html", "no article on it"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "pdf", "could not be read"),
        (b"PK\x03\x04 not really a word file", "docx", "could not be read"),
        (b"", "txt", "empty"),
        (b"\x00\x01\x02" * 50, "txt", "binary"),
    ],
)
def test_what_is_not_an_article_is_refused_with_a_reason(data, fmt, words):
    with pytest.raises(CurationError, match=words):
        formats.read_document(data, fmt)


def test_an_encrypted_pdf_is_refused_with_a_reason():
    with pytest.raises(CurationError, match="encrypted"):
        formats.read_document(encrypted_pdf(), "pdf")


# --- links and server-side request forgery --------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "allowed_when_private_allowed"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("10.1.2.3", True),
        ("172.16.5.4", True),
        ("192.168.0.10", True),
        ("fd12:3456::1", True),
        ("::ffff:10.0.0.1", True),
        ("169.254.1.1", False),  # link-local
        ("fe80::1", False),
        ("169.254.169.254", False),  # cloud metadata, always refused
        ("fd00:ec2::254", False),
        ("0.0.0.0", False),
        ("100.64.0.1", False),  # carrier-grade NAT
        ("224.0.0.1", False),  # multicast
    ],
)
def test_every_inside_address_class_is_refused_and_only_loopback_and_private_can_be_allowed(
    address, allowed_when_private_allowed
):
    with pytest.raises(CurationError, match="not fetched"):
        fetch.check_address(address, allow_private=False)
    if allowed_when_private_allowed:
        fetch.check_address(address, allow_private=True)
    else:
        with pytest.raises(CurationError, match="not fetched"):
            fetch.check_address(address, allow_private=True)
    fetch.check_address("93.184.216.34", allow_private=False)  # a public address passes


@pytest.mark.parametrize(
    "inside",
    ["http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://169.254.7.7/", "http://0.0.0.0/"],
)
def test_a_redirect_to_an_address_that_is_always_refused_is_stopped_at_that_hop(site, inside):
    with pytest.raises(CurationError, match="not fetched"):
        fetch.fetch(f"{site.base}/to?url={inside}", allow_private=True)


def test_a_local_server_is_refused_unless_the_team_allows_private_addresses(site, monkeypatch):
    monkeypatch.delenv(fetch.ALLOW_PRIVATE_ENV, raising=False)
    for url in (f"{site.base}/article.html", site.base.replace("127.0.0.1", "localhost") + "/article.html"):
        with pytest.raises(CurationError, match="inside this machine"):
            fetch.fetch(url)
    monkeypatch.setenv(fetch.ALLOW_PRIVATE_ENV, "1")
    assert fetch.fetch(f"{site.base}/article.html").format == "html"


def test_a_redirect_from_a_public_looking_start_into_the_machine_is_refused(site):
    """Allowed private addresses still never open the way to loopback for a link that starts public: here
    the first hop (private allowed) redirects to 127.0.0.1, which a caller that did not allow it refuses."""
    with pytest.raises(CurationError, match="inside this machine"):
        fetch.fetch(f"{site.base}/to?url={site.base}/article.html", allow_private=False)


def test_links_are_fetched_with_their_limits(site, monkeypatch):
    assert fetch.fetch(f"{site.base}/hops/5", allow_private=True).url.endswith("/article.html")
    assert fetch.fetch(f"{site.base}/statement.pdf", allow_private=True).format == "pdf"
    assert fetch.fetch(f"{site.base}/notes.txt", allow_private=True).format == "txt"
    refusals = {
        "/hops/6": "more than 5 times",
        "/loop": "more than 5 times",
        "/image.png": "image/png",
        "/huge": "50 MB",
        "/endless": "over 10 MB",
        "/missing": "404",
    }
    for route, words in refusals.items():
        with pytest.raises(CurationError, match=words):
            fetch.fetch(site.base + route, allow_private=True)
    with pytest.raises(CurationError, match="http:// and https://"):
        fetch.fetch("file:///etc/passwd", allow_private=True)
    monkeypatch.setattr(fetch, "TIMEOUT", fetch.httpx.Timeout(0.5))
    with pytest.raises(CurationError, match="too long"):
        fetch.fetch(f"{site.base}/slow?seconds=3", allow_private=True)


# --- the command line: files, links, folders, zips, duplicates -------------------------------------------


def test_ingest_takes_every_format_and_a_link_and_keeps_each_original_beside_its_text(
    site, data_copy, tmp_path, capsys
):
    data, seeds = data_copy
    (tmp_path / "statement.pdf").write_bytes(article_pdf())
    (tmp_path / "notes.docx").write_bytes(article_docx())
    page = tmp_path / "page.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    files = [str(page), str(tmp_path / "statement.pdf"), str(tmp_path / "notes.docx")]
    argv = ["ingest", *files, f"{site.base}/hops/2", "--story", DEMO_STORY, "--allow-private-addresses"]
    assert run_cli(argv, data, seeds) == 0
    out = capsys.readouterr().out
    # The link leads to the same page as page.html; the PDF and the Word file hold the article without its
    # headline, near copies of it.
    assert "Added 3 (near copies 2), duplicates 1, refused 0." in out
    assert f"{site.base}/hops/2 = 2026-11-port-alderny-closes-its-old-ferry-terminal" in out
    assert run_cli(["validate"], data, seeds) == 0
    added = sources_of(data).tail(3)
    assert added["format"].tolist() == ["html", "pdf", "docx"]
    assert added["copy_of"].tolist() == ["", *[added["source_id"].iloc[0]] * 2]
    assert added["outlet"].tolist()[0] == "The Alderny Gazette"
    assert added["published"].tolist()[0] == "2026-11-17"  # from the page's metadata
    for row in added.itertuples():
        original = seeds / row.original.removeprefix("seeds/")
        assert hashlib.sha256(original.read_bytes()).hexdigest() == row.original_sha256
        assert (seeds / row.path.removeprefix("seeds/")).read_text(encoding="utf-8").count("Orla Venn") == 1
    assert (seeds / added["original"].iloc[0].removeprefix("seeds/")).read_bytes() == page.read_bytes()


def test_an_edited_original_is_a_problem_that_names_its_row_and_column(data_copy, tmp_path):
    data, seeds = data_copy
    (tmp_path / "statement.pdf").write_bytes(article_pdf())
    assert run_cli(["ingest", str(tmp_path / "statement.pdf"), "--story", DEMO_STORY], data, seeds) == 0
    row = sources_of(data).iloc[-1]
    (seeds / row["original"].removeprefix("seeds/")).write_bytes(b"%PDF-1.4 edited")
    with pytest.raises(store.DataError) as error:
        store.load(data, seeds, cache=False)
    problems = [p for p in error.value.problems if p.column == "original_sha256"]
    assert problems and problems[0].file == "sources.csv" and problems[0].row == len(sources_of(data))


WIRE_COPY = (
    ARTICLE_HTML.replace("The Alderny Gazette", "Harbour Wire")
    .replace("<h1>Port Alderny", "<p>PORT ALDERNY, Nov 17 (Harbour Wire) -</p><h1>Port Alderny")
    .replace("</article>", "<p>Reporting by Tam Isk; editing by Lee Oran.</p></article>")
)


def test_a_near_copy_is_linked_to_its_original_and_its_positions_count_once(data_copy, tmp_path, capsys):
    from analysis.query.aggregates import stance_counts
    from analysis.query.selection import Selection

    data, seeds = data_copy
    alone = tmp_path / "alone"
    alone.mkdir()
    clean = copy_data_to(alone, data, seeds)
    (tmp_path / "gazette.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "wire.html").write_text(WIRE_COPY, encoding="utf-8")
    both = [str(tmp_path / "gazette.html"), str(tmp_path / "wire.html")]
    assert run_cli(["ingest", *both, "--story", DEMO_STORY, "--extract"], data, seeds) == 0
    assert "near copy of 2026-11-port-alderny-closes-its-old-ferry-terminal" in capsys.readouterr().out
    assert run_cli(["ingest", both[0], "--story", DEMO_STORY, "--extract"], *clean) == 0
    with_copy, original_only = store.load(data, seeds, cache=False), store.load(*clean, cache=False)
    wire_id = sources_of(data)["source_id"].iloc[-1]
    assert (with_copy.statements["source_id"] == wire_id).sum() >= 2  # the copy's own evidence is kept...
    assert wire_id not in set(with_copy.view["source_id"].astype(str))  # ...and counted under the original
    story_a, story_b = with_copy.story(DEMO_STORY), original_only.story(DEMO_STORY)
    counts_a = stance_counts(Selection.everything(story_a), by="bloc")
    counts_b = stance_counts(Selection.everything(story_b), by="bloc")
    pd.testing.assert_frame_equal(counts_a.reset_index(drop=True), counts_b.reset_index(drop=True))
    carried = story_a.view[story_a.view["outlets"] > 1]
    assert len(carried) >= 2
    assert set(carried["carried_by"]) == {"The Alderny Gazette; Harbour Wire"}
    assert (story_b.view["outlets"] == 1).all()
    page = positions.positions_page(Scope.of(story_a, FilterSpec(), as_of=dt.date(2026, 12, 1)))
    sources = page.table.data["Source"].tolist()
    assert sum("reported by 2 outlets (The Alderny Gazette; Harbour Wire)" in s for s in sources) == len(carried)
    scope = Scope.of(story_a, FilterSpec(), as_of=dt.date(2026, 12, 1))
    assert (
        "a near copy of “Port Alderny closes its old ferry terminal”"
        in reader.reader_page(scope, source_id=wire_id).about
    )


def copy_data_to(folder, data, seeds):
    import shutil

    shutil.copytree(data, folder / "data", ignore=shutil.ignore_patterns(".cache", "*.lock"))
    shutil.copytree(seeds, folder / "seeds")
    return folder / "data", folder / "seeds"


def zip_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_folder_and_a_zip_are_walked_and_end_with_a_summary(data_copy, tmp_path, capsys):
    data, seeds = data_copy
    folder = tmp_path / "archive"
    (folder / "week1").mkdir(parents=True)
    (folder / "week1" / "terminal.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (folder / "week1" / "copy-of-terminal.txt").write_text(
        formats.read_document(ARTICLE_HTML.encode(), "html").text, encoding="utf-8"
    )
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff" + b"\0" * 10)
    (folder / "stub.html").write_text(STUB_HTML, encoding="utf-8")
    other = OTHER_TEXT
    bundle = tmp_path / "bundle.zip"
    bundle.write_bytes(
        zip_of(
            {
                "other.txt": other.encode(),
                "../escape.txt": b"a name that climbs out of the archive " * 20,
                "bomb.txt": b"a" * 5_000_000,
                "again.txt": other.encode(),
            }
        )
    )
    assert run_cli(["ingest", str(folder), str(bundle), "--story", DEMO_STORY], data, seeds) == 0
    out = capsys.readouterr().out
    assert "Added 2, duplicates 2, refused 4." in out, out
    assert "week1/terminal.html = copy-of-terminal" in out and "again.txt = " in out  # walked in name order
    refused = [line for line in out.splitlines() if line.strip().startswith("refused")]
    reasons = " ".join(refused)
    for words in ("photo.jpg", "paywall", "outside the archive", "zip bomb"):
        assert words in reasons
    assert run_cli(["validate"], data, seeds) == 0
    assert len(sources_of(data)) == len(store.load(data, seeds).sources)


def test_a_zip_over_its_limits_is_refused_whole(data_copy, tmp_path, capsys, monkeypatch):
    from analysis.data.ingest import batch

    data, seeds = data_copy
    monkeypatch.setattr(batch, "MAX_ZIP_FILES", 3)
    bundle = tmp_path / "many.zip"
    bundle.write_bytes(zip_of({f"{n}.txt": ARTICLE_TEXT.encode() + bytes([65 + n]) for n in range(4)}))
    before = (data / "sources.csv").read_bytes()
    assert run_cli(["ingest", str(bundle), "--story", DEMO_STORY], data, seeds) == 2
    assert "the limits are 3 files" in capsys.readouterr().out
    assert (data / "sources.csv").read_bytes() == before


def test_a_refused_article_named_on_the_command_line_adds_nothing(site, data_copy, tmp_path, capsys):
    data, seeds = data_copy
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE_TEXT, encoding="utf-8")
    stub = tmp_path / "stub.html"
    stub.write_text(STUB_HTML, encoding="utf-8")
    before = (data / "sources.csv").read_bytes()
    for bad in (str(stub), f"{site.base}/image.png", "http://169.254.169.254/"):
        argv = ["ingest", str(good), bad, "--story", DEMO_STORY, "--allow-private-addresses"]
        assert run_cli(argv, data, seeds) == 2
        assert "Nothing was added" in capsys.readouterr().err
        assert (data / "sources.csv").read_bytes() == before


# --- in the app -------------------------------------------------------------------------------------------


def test_a_link_is_read_in_the_app_its_metadata_corrected_and_saved_in_the_story(site, data_copy, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from conftest import ROOT

    data, seeds = data_copy
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_SEEDS_DIR", str(seeds))
    monkeypatch.setenv(fetch.ALLOW_PRIVATE_ENV, "1")  # the fixture site is on 127.0.0.1
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.query_params["story"] = DEMO_STORY
    at.switch_page("views/review.py").run()
    at.radio(key="add_how").set_value("From a link").run()
    at.text_input(key="link_url").input(f"{site.base}/hops/1")
    next(b for b in at.button if b.label == "Read the page").click().run()
    assert not at.exception and not at.error
    assert at.text_input(key="link_title").value == "Port Alderny closes its old ferry terminal"
    assert at.text_input(key="link_outlet").value == "The Alderny Gazette"
    assert str(at.date_input(key="link_published").value) == "2026-11-17"
    at.text_input(key="link_outlet").input("The Alderny Gazette (weekend edition)")
    next(b for b in at.button if b.label == "Add the article").click().run()
    assert not at.exception and not at.error
    row = sources_of(data).iloc[-1]
    assert (row["story_id"], row["format"]) == (DEMO_STORY, "html")
    assert row["outlet"] == "The Alderny Gazette (weekend edition)"
    assert row["url"] == f"{site.base}/article.html"
    assert at.selectbox(key="review_article").value == row["source_id"]  # ready to review at once
    # The same link again is a duplicate, said so, and nothing is written.
    before = (data / "sources.csv").read_bytes()
    at.radio(key="add_how").set_value("From a link").run()
    at.text_input(key="link_url").input(f"{site.base}/article.html")
    next(b for b in at.button if b.label == "Read the page").click().run()
    next(b for b in at.button if b.label == "Add the article").click().run()
    assert (data / "sources.csv").read_bytes() == before
    assert "it was not added twice" in " ".join(s.value for s in at.success).replace("\\", "")


def test_a_refused_link_in_the_app_says_why_and_writes_nothing(site, data_copy, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from conftest import ROOT

    data, seeds = data_copy
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_SEEDS_DIR", str(seeds))
    monkeypatch.delenv(fetch.ALLOW_PRIVATE_ENV, raising=False)
    before = (data / "sources.csv").read_bytes()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.switch_page("views/review.py").run()
    at.radio(key="add_how").set_value("From a link").run()
    at.text_input(key="link_url").input(f"{site.base}/article.html")
    next(b for b in at.button if b.label == "Read the page").click().run()
    assert not at.exception
    assert "inside this machine" in " ".join(e.value for e in at.error)
    assert (data / "sources.csv").read_bytes() == before


# --- feeds ------------------------------------------------------------------------------------------------


def test_a_story_follows_a_feed_and_only_new_entries_come_in(site, data_copy, capsys):
    data, seeds = data_copy
    assert run_cli(["story", "feed", DEMO_STORY, f"{site.base}/feed.xml"], data, seeds) == 0
    argv = ["ingest", "--feeds", "--story", DEMO_STORY, "--allow-private-addresses"]
    assert run_cli(argv, data, seeds) == 0
    out = capsys.readouterr().out
    # /article.html and /hops/1 are one article under two links; /notes.txt is its text without the headline.
    assert "Added 2 (near copies 1), duplicates 1, refused 0." in out, out
    added = sources_of(data).tail(2)
    assert added["url"].tolist() == [f"{site.base}/article.html", f"{site.base}/notes.txt"]
    assert run_cli(["validate"], data, seeds) == 0
    before = (data / "sources.csv").read_bytes()
    assert run_cli(argv, data, seeds) == 0  # nothing new the second time (the duplicate's link is fetched again)
    assert "Added 0" in capsys.readouterr().out
    assert (data / "sources.csv").read_bytes() == before


def test_a_feed_that_is_huge_or_not_a_feed_is_capped_or_refused(site, data_copy, capsys):
    data, seeds = data_copy
    feeds_given = [f"{site.base}/big-feed.xml", f"{site.base}/not-a-feed.xml", f"{site.base}/image.png"]
    assert run_cli(["story", "feed", DEMO_STORY, *feeds_given], data, seeds) == 0
    assert run_cli(["ingest", "--feeds", "--story", DEMO_STORY, "--allow-private-addresses"], data, seeds) == 0
    out = capsys.readouterr().out
    assert "lists 10,000 entries; the 100 newest were read." in out
    assert "Added 1, duplicates 99, refused 2." in out, out
    assert "not-a-feed.xml: " in out and "is not an RSS or Atom feed" in out and "only a feed can be read" in out
    assert run_cli(["story", "feed", DEMO_STORY, "ftp://nope"], data, seeds) == 2
    assert "Not a feed link: 'ftp://nope'" in capsys.readouterr().err


def test_checking_the_feeds_in_the_app_queues_the_new_articles_for_review(site, data_copy, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from conftest import ROOT

    data, seeds = data_copy
    assert run_cli(["story", "feed", DEMO_STORY, f"{site.base}/feed.xml"], data, seeds) == 0
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_SEEDS_DIR", str(seeds))
    monkeypatch.setenv(fetch.ALLOW_PRIVATE_ENV, "1")
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.query_params["story"] = DEMO_STORY
    at.switch_page("views/review.py").run()
    at.radio(key="add_how").set_value("The story's feeds").run()
    next(b for b in at.button if b.label == "Check the feeds").click().run()
    assert not at.exception and not at.error
    new = sources_of(data).tail(2)["source_id"].tolist()
    picker = at.selectbox(key="review_article")
    assert picker.options[:2] == [f"● new, to review: {t}" for t in sources_of(data).tail(2)["title"][::-1]]
    assert picker.value == new[-1]
    # It waits with its proposals, proposed without a press, and nothing is accepted on its own.
    assert any(b.label.startswith("Save ") and "accepted statement" in b.label for b in at.button)
    assert not (pd.read_csv(data / "statements.csv", dtype=str)["source_id"].isin(new)).any()


# --- extraction over many articles: every core, or a Dask cluster ------------------------------------------


def folder_of_articles(folder, count: int) -> None:
    """Distinct articles (not copies of each other), each with two positions the extractor should find."""
    folder.mkdir()
    for n in range(count):
        town = f"Port Town{'abcdefghij'[n]}"
        (folder / f"{n:02d}.txt").write_text(
            f"{town} council approves the new harbour wall\n\n"
            f"The council of {town} approved a new harbour wall on Monday after a vote of {n + 5} to 3.\n\n"
            f"Mayor Orla Venn welcomed the decision, calling it long overdue for {town}.\n\n"
            f"The Ferry Workers' Guild criticised the plan, saying the cost would fall on crews in {town}.\n",
            encoding="utf-8",
        )


def extracted_positions(data) -> list[tuple[str, str, str]]:
    statements = pd.read_csv(data / "statements.csv", dtype=str, keep_default_na=False)
    fresh = statements[statements["origin"] == "extracted"]
    return sorted(zip(fresh["source_id"], fresh["actor_id"], fresh["stance"]))


def test_ingest_extract_on_a_dask_cluster_saves_what_every_core_saves(data_copy, tmp_path, capsys, monkeypatch):
    from dask.distributed import LocalCluster

    from analysis.data.ingest import batch

    data, seeds = data_copy
    other = tmp_path / "other"
    other.mkdir()
    clean = copy_data_to(other, data, seeds)
    folder_of_articles(tmp_path / "articles", 5)
    monkeypatch.setattr(batch, "SAVE_EVERY", 2)  # three batches: two, two and one
    argv = ["ingest", str(tmp_path / "articles"), "--story", DEMO_STORY, "--extract"]
    assert run_cli(argv, *clean) == 0
    assert "from 5 articles" in capsys.readouterr().out
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None
    ) as cluster:
        assert run_cli([*argv, "--dask", cluster.scheduler_address], data, seeds) == 0
    out = capsys.readouterr().out
    assert f"on {cluster.scheduler_address}" in out and "from 5 articles" in out
    on_dask, on_cores = extracted_positions(data), extracted_positions(clean[0])
    assert on_dask == on_cores and len(on_dask) >= 10
    assert "orla-venn" in {actor for _, actor, _ in on_dask}, on_dask
    assert run_cli(["validate"], data, seeds) == 0
