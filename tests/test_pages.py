"""The page models, called directly on a small literal dataset (frames.small_tables): everything a page
shows, exactly, without Streamlit. The pages themselves are smoke-tested in test_app.py."""

import datetime as dt
import io

import pandas as pd
import pytest

from analysis.present import pages, registry
from analysis.present.figures import DEFAULT, ViewOptions
from analysis.present.pages import (
    briefing,
    matrix,
    network,
    overview,
    positions,
    profile,
    reader,
    review,
    shot,
    sidebar,
    timeline,
)
from analysis.present.pages import map as world
from analysis.query.filters import FilterSpec
from analysis.query.scope import Scope
from conftest import SEED_STORY
from frames import SOURCE_TEXT, small_tables

AS_OF = dt.date(2026, 11, 29)
NOTHING = FilterSpec(query="no such words")


@pytest.fixture(scope="module")
def small():
    return small_tables()


def scope_of(tables, **spec) -> Scope:
    return Scope.of(tables, FilterSpec(**spec), as_of=AS_OF)


class Recorder:
    """A figure source that builds each figure as registry.figure does, and remembers what was asked."""

    def __init__(self):
        self.calls = []

    def __call__(self, view_id, scope, *, options=DEFAULT):
        self.calls.append((view_id, options))
        return registry.figure(view_id, scope, options=options)


def title(fig) -> str:
    return fig.layout.meta["title"]


def test_overview_headline_tiles_and_one_quote_per_bloc(small):
    recorder = Recorder()
    page = overview.overview_page(scope_of(small), figure=recorder)
    assert page.headline == (
        "5 statements by 4 actors in 1 source: 1 supportive, 1 cautious, 2 opposed or condemning, 1 neutral."
    )
    assert page.showing == "All statements"
    assert [(t.label, t.value, t.help) for t in page.tiles] == [
        ("Statements", 5, None),
        ("Actors", 4, None),
        ("Supportive", "20%", "1 statements"),
        ("Cautious", "20%", "1 statements"),
        ("Opposing", "40%", "2 statements opposed or condemning"),
    ]
    # In the bloc chart's order (most supportive bloc first); in each bloc the clearest position.
    assert [(q.bloc, q.statement_id, q.date) for q in page.quotes] == [
        ("Bloc A", "a1", "16 Nov 2025"),
        ("Observers", "a4", "undated"),
        ("Bloc B", "a3", "19 Nov 2025"),
    ]
    assert page.no_quotes == ""
    assert title(page.spectrum) == "1 of 3 actors support the plan; 1 oppose or condemn, 1 urge caution"
    assert title(page.blocs) == "Support from Bloc A; opposition from Bloc B"
    assert recorder.calls == [("spectrum", ViewOptions()), ("blocs", ViewOptions())]


def test_overview_spectrum_follows_its_target(small):
    scope = scope_of(small)
    assert overview.spectrum_targets(scope) == ["plan", "talks"]  # most statements first: the default
    page = overview.overview_page(scope, target_id="talks")
    assert title(page.spectrum) == "0 of 2 actors support the talks; 1 oppose or condemn"


def test_overview_with_no_match_says_so(small):
    page = overview.overview_page(scope_of(small, query=NOTHING.query))
    assert page.headline == "No statements match the filters."
    assert [t.value for t in page.tiles] == [0, 0, "–", "–", "–"]
    assert page.quotes == [] and page.no_quotes.startswith("No statements match the filters. Clear a filter")


def test_positions_lists_the_most_supportive_first_and_reads_a_row_in_its_sentence(small):
    page = positions.positions_page(scope_of(small))
    table = page.table.data
    assert table["Actor"].tolist() == ["Gov A", "Pundits", "Gov B", "Gov C", "Gov C"]
    assert table["Date"].tolist() == ["16 Nov 2025", "undated", "Nov 2025", "16 Nov 2025", "19 Nov 2025"]
    assert set(table["Review"]) == {"✓ curated"} and page.capped == "" and page.empty == ""
    assert page.height == 38 + 35 * 5
    detail = positions.statement_detail(scope_of(small), page, 2)
    assert (detail.statement_id, detail.heading, detail.stance) == ("a2", "Gov B · The plan", "cautious")
    assert (detail.before, detail.quote, detail.after) == ("Gov B said: ", "We urge caution on the plan.", "")
    start = SOURCE_TEXT.index(detail.quote)
    assert detail.details == (
        f"Cue: “said” · direct · Nov 2025 · source: A source · characters "
        f"{start}–{start + len(detail.quote)} · statement a2"
    )
    assert detail.correction.stance == "cautious" and detail.correction.targets == ["plan", "talks"]
    assert detail.correction.reviewed is True


def test_positions_with_no_match_says_so(small):
    page = positions.positions_page(scope_of(small, query=NOTHING.query))
    assert page.table is None and page.empty.startswith("No statements match the filters.")


def test_matrix_lists_each_actor_and_target_with_its_shares_in_percent(small):
    page = matrix.matrix_page(scope_of(small))
    beliefs = page.beliefs
    assert list(zip(beliefs["Actor"], beliefs["Target"])) == [
        ("Gov A", "The plan"),
        ("Gov B", "The plan"),
        ("Pundits", "Talks"),
        ("Gov C", "The plan"),
        ("Gov C", "Talks"),
    ]
    assert beliefs["% supportive"].tolist() == [100.0, 0.0, 0.0, 0.0, 0.0]
    assert beliefs["% opposed or condemning"].tolist() == [0.0, 0.0, 0.0, 100.0, 100.0]
    assert page.share_columns == ["% supportive", "% cautious", "% opposed or condemning", "% neutral"]
    assert title(page.figure).startswith("Most positions are on the plan (3 actors)")
    empty = matrix.matrix_page(scope_of(small, query=NOTHING.query))
    assert empty.beliefs is None and empty.empty == "No statements match the filters."


@pytest.mark.parametrize("edges", ["congruence", "conflict"])
def test_network_explains_its_polarization_figure(small, edges):
    page = network.network_page(scope_of(small), edges=edges)
    assert page.explanation == (
        "Polarization 67%: of the 3 pairs of actors who took a side on the same target, "
        "2 took opposite sides (one supportive, the other cautious or against)."
    )
    assert title(page.figure).endswith("showing agreement" if edges == "congruence" else "showing conflict")


def test_map_lists_each_country_by_name_with_its_net_stance(small):
    page = world.map_page(scope_of(small))
    countries = page.countries.set_index("Country")
    assert sorted(countries.index) == ["Russian Federation", "United States"]
    # USA: supportive and cautious net to +1/3, nearest neutral; RUS: condemning and opposed tie, the milder.
    assert countries.loc["United States", "Net stance"] == "neutral"
    assert countries.loc["United States", "Net score"] == 0.33
    assert countries.loc["Russian Federation", "Net stance"] == "opposed"
    assert countries.loc["United States", "Actors"] == "Gov A, Gov B"
    assert world.map_page(scope_of(small, query=NOTHING.query)).countries is None


def test_timeline_lags_never_invent_days_and_silent_actors_follow_the_filter(small):
    page = timeline.timeline_page(scope_of(small))
    lags = page.lags.set_index("Actor")
    assert page.lags.index.tolist() == [0, 1, 2, 3]
    assert lags.index.tolist() == ["Gov A", "Gov C", "Gov B", "Pundits"]  # finest precision, then lag, then name
    assert lags["Lag"].tolist() == [
        "same day",
        "same day",
        "within Nov 2025 (month precision: no exact lag)",
        "undated",
    ]
    assert lags["First statement"].tolist() == ["16 Nov 2025", "16 Nov 2025", "Nov 2025", "undated"]
    assert title(page.figure) == "2 actors reacted the same day; 1 more in Nov 2025 (month precision); 1 with no date"
    assert page.silent_caption == "Actors in the tables with no statement on The plan."
    assert page.silent["Actor"].tolist() == ["Quiet Party", "Pundits"]  # by bloc, then name
    in_bloc = timeline.timeline_page(scope_of(small, blocs=("Bloc A",)))
    assert in_bloc.silent["Actor"].tolist() == ["Quiet Party"]
    assert in_bloc.lags["Actor"].tolist() == ["Gov A", "Gov B"]


def test_timeline_with_no_match_has_no_lags_and_everyone_silent(small):
    page = timeline.timeline_page(scope_of(small, query=NOTHING.query))
    assert page.lags is None
    assert page.silent_caption == "Actors in the tables with no statement on any target."
    assert title(page.figure) == "No statements match the filters"


def test_reader_highlights_the_filtered_statements_and_selects_one(small):
    page = reader.reader_page(scope_of(small))
    assert page.source_id == "src" and len(page.statements) == 5
    assert page.highlighting == "Highlighting 5 of 5 statements in this source."
    assert page.about == "A source · outlet not given · Nov 2025 · sha256 000000000000…"
    assert page.scroll_to == "" and not any(p.holds_selected for p in page.paragraphs)
    assert page.statements["a3"].label == "Gov C · condemning · The plan · “We condemn the plan.”"
    filtered = reader.reader_page(scope_of(small, stances=("condemning",)), statement_id="a1")
    assert filtered.highlighting == (
        "Highlighting 2 of 5 statements in this source; the sidebar filters hide the others."
    )  # the condemning one, and the one selected
    text = "".join(p.markdown for p in filtered.paragraphs)
    assert "**:blue-background[We back the plan fully\\.]** :blue-badge[Gov A · supportive] " in text
    assert ":red-background[We condemn the plan\\.] :red-badge[Gov C · condemning] " in text
    assert text.count("-badge[") == 2
    assert [p.holds_selected for p in filtered.paragraphs] == [False, True, False, False]
    assert filtered.scroll_to == "a1"
    assert reader.reader_page(scope_of(small), statement_id="nope").scroll_to == ""


def test_reader_lists_the_sources_a_search_finds(small):
    scope = scope_of(small)
    assert not reader.needs_search(scope)
    assert reader.reader_choices(scope) == reader.ReaderChoices(["src"], "")
    assert reader.reader_choices(scope, search="no title like this").sources == []
    assert reader.reader_choices(scope, search="SOURCE").sources == ["src"]


def test_profile_shows_everything_an_actor_said_whatever_the_filters(small):
    scope = scope_of(small, stances=("supportive",))
    choices = profile.actor_choices(scope)
    assert choices.actor_ids == ["gov-a", "gov-b", "gov-c", "pundits", "quiet"] and choices.default == "gov-a"
    page = profile.profile_page(scope, actor_id="gov-c")
    assert page.about == "Bloc B · government · Russian Federation (RUS) · all statements, whatever the filters"
    assert [(t.label, t.value) for t in page.tiles] == [
        ("Statements", 2),
        ("Targets", 2),
        ("Sources", 1),
        ("Net stance", "opposed"),
    ]
    assert page.targets.values.tolist() == [["The plan", "condemning", 1], ["Talks", "opposed", 1]]
    assert page.chart is None and page.no_chart.startswith("Stance over time appears once")  # one source only
    assert [card.statement_id for card in page.cards] == ["a3", "a5"]  # latest first
    assert page.cards_note == "" and page.empty == ""
    assert profile.profile_page(scope, actor_id="gov-b").about == (
        "Bloc A · government · United States (USA) · also: B-land · all statements, whatever the filters"
    )


def test_profile_of_an_actor_without_statements_says_so(small):
    page = profile.profile_page(scope_of(small), actor_id="quiet")
    assert [t.value for t in page.tiles] == [0, 0, 0, "–"]
    assert page.empty.startswith("This actor appears in the tables") and page.cards == []
    assert page.about == "Bloc A · party · United States (USA) · party: Quiet · all statements, whatever the filters"


def test_briefing_lists_the_slides_and_names_the_files(small):
    scope = scope_of(small)
    assert briefing.default_title(scope) == "Who stands where on the plan"
    page = briefing.briefing_page(scope)
    assert page.file_stem == "who-stands-where-on-the-plan"
    assert page.slides[0] == "Title: Who stands where on the plan"
    assert page.slides[2] == "Stances by bloc: Support from Bloc A; opposition from Bloc B (native, editable chart)"
    assert page.slides[3].endswith("(image with alt text)")
    assert page.slides[7:] == [
        "Key quotes: Bloc A",
        "Key quotes: Observers",
        "Key quotes: Bloc B",
        "Sources, with sha256 prefixes",
    ]
    assert page.statements.startswith("5 statements in the tables.") and page.empty == ""
    only_map = briefing.briefing_page(scope, title="Weekly: the plan!", views=("map",))
    assert only_map.slides[:2] == [
        "Title: Weekly: the plan!",
        "Map: Russian Federation opposed; United States neutral (image with alt text)",
    ]
    assert only_map.file_stem == "weekly-the-plan"
    assert briefing.briefing_page(scope_of(small, query=NOTHING.query)).empty.startswith("No statements match")


def test_briefing_downloads_follow_the_filter(small):
    page = briefing.briefing_page(scope_of(small, blocs=("Bloc B",)))
    rows = pd.read_csv(io.BytesIO(page.csv()), encoding="utf-8-sig")
    assert rows["statement_id"].tolist() == ["a3", "a5"]


def test_sidebar_widgets_come_from_the_filter_definitions(small):
    widgets = {w.key: w for w in sidebar.filter_widgets(small)}
    assert [w.label for w in widgets.values()] == ["Source", "Bloc", "Actor kind", "Country", "Stance", "Target"]
    assert widgets["bloc"].options == ["Bloc A", "Bloc B", "Observers"]
    assert widgets["country"].names == {"RUS": "Russian Federation (RUS)", "USA": "United States (USA)"}
    assert widgets["target"].names == {"plan": "The plan", "talks": "Talks"}
    assert widgets["source"].help is None


def test_sidebar_reads_a_link_and_reports_what_it_cannot_show(small):
    params = {"bloc": ["Bloc A", "Nope"], "actor": ["gov-a"], "from": ["2025-11-01"], "q": ["plan"]}
    spec, notes = sidebar.read_url(small, params)
    assert spec == FilterSpec(blocs=("Bloc A",), query="plan")
    assert notes == [
        "Ignored bloc 'Nope': not a known bloc.",
        "Ignored actor 'gov-a': the sidebar has no actor filter; open the actor's profile instead.",
        "Ignored from '2025-11-01': the sidebar has no date filter (screenshot mode honours it).",
    ]
    assert sidebar.widget_values(spec, params) == {"bloc": ["Bloc A"], "q": "plan"}
    shot_spec, _ = sidebar.read_url(small, params, on_page=False)  # screenshot mode honours them
    assert shot_spec.actors == ("gov-a",) and shot_spec.date_from == dt.date(2025, 11, 1)
    assert sidebar.spec_of({"bloc": ["Bloc A"], "stance": []}, query=" plan ", reviewed=True) == FilterSpec(
        blocs=("Bloc A",), query="plan", reviewed_only=True
    )


@pytest.mark.parametrize(
    ("params", "exit_page"),
    [
        ({"view": ["matrix"], "bloc": ["Bloc B"]}, "views/matrix.py"),
        ({"view": ["network"], "edges": ["conflict"]}, "views/network.py"),
        ({"view": ["profile"], "profile": ["gov-c"]}, "views/profile.py"),
    ],
)
def test_screenshot_mode_draws_one_view_at_16_9(small, params, exit_page):
    page = shot.shot_page(small, {**params, "shot": ["1"]}, as_of=AS_OF)
    assert page.warning == "" and page.exit_page == exit_page
    assert (page.figure.layout.width, page.figure.layout.height) == (1280, 720)
    assert page.back == {k: v for k, v in params.items() if k != "view"}
    if "edges" in params:
        assert title(page.figure).endswith("showing conflict")


@pytest.mark.parametrize(
    "params", [{"view": ["<pie>"]}, {"view": ["profile"]}, {"view": ["profile"], "profile": ["nobody"]}]
)
def test_screenshot_mode_refuses_what_it_cannot_show(small, params):
    page = shot.shot_page(small, {**params, "shot": ["1"], "colour": ["red"]}, as_of=AS_OF)
    assert page.figure is None and page.warning.startswith("Screenshot mode cannot show view")
    assert page.exit_page == "views/overview.py"
    assert "Ignored the unknown URL parameter 'colour'." in page.notes


def literal_proposals(rows) -> pd.DataFrame:
    """Proposals shaped like the extractor's, at the quotes' offsets in SOURCE_TEXT."""
    frame = pd.DataFrame(
        [
            {
                "actor": actor,
                "actor_id": actor_id,
                "stance": stance,
                "target_id": "plan",
                "evidence": quote,
                "quote": quote,
                "start": SOURCE_TEXT.index(quote),
                "end": SOURCE_TEXT.index(quote) + len(quote),
                "cue": "said",
                "mode": "direct",
                "confidence": confidence,
                "actor_kind": "government",
                "actor_country": "",
                "actor_bloc": "",
                "rule": "subject",
                # the cue is the quote's first word; the sentence is the quote's line
                "cue_start": SOURCE_TEXT.index(quote),
                "cue_end": SOURCE_TEXT.index(quote) + len(quote.split()[0]),
                "sentence_start": SOURCE_TEXT.rfind("\n", 0, SOURCE_TEXT.index(quote)) + 1,
                "sentence_end": SOURCE_TEXT.index("\n", SOURCE_TEXT.index(quote)),
            }
            for actor, actor_id, stance, quote, confidence in rows
        ]
    )
    frame.index = [f"p{i:03d}" for i in range(1, len(frame) + 1)]
    return frame


PROPOSALS = [
    ("Gov A", "gov-a", "supportive", "We back the plan fully.", 0.9),  # Gov A said it already
    ("Gov C", "gov-c", "supportive", "We back the plan fully.", 0.9),  # the same span, another actor
    ("Gov B", "gov-b", "cautious", "Talks may follow.", 0.3),  # under the confidence to keep
    ("New Ministry", "new-ministry", "opposed", "We reject talks.", 0.8),
]  # an actor not in the tables


def test_review_table_starts_from_the_proposals_it_should_keep(small):
    proposals = literal_proposals(PROPOSALS)
    assert review.already_stated(small, "src", proposals).tolist() == [True, False, False, False]
    start = review.proposals_table(small, "src", proposals)
    assert start.table["include"].tolist() == [False, True, False, True]
    assert start.table["actor"].tolist() == ["Gov A", "Gov C", "Gov B", "new: New Ministry"]
    assert "new: New Ministry" in start.actors and "Quiet Party" in start.actors
    assert start.caption.endswith("and so do the 1 that repeat a statement in the tables.")
    assert review.save_label(start.table) == "Save 2 accepted statements"
    assert review.new_actor_names(start.table) == {"New Ministry"}
    guesses = review.new_actor_guesses(proposals, start.table)
    assert guesses.to_dict("records") == [
        {"actor_id": "new-ministry", "name": "New Ministry", "kind": "government", "country": "", "bloc": "Unsorted"}
    ]
    context = review.in_context(small, "src", proposals, "p004")
    assert context.pieces == [("Later Gov C said: ", False), ("We", True), (" reject talks.", False)]
    assert context.why == "“said” (opposed) · holder: the subject of the cue · confidence 0.80"
    assert start.table.at["p004", "why"] == "“said” (opposed) · holder: the subject of the cue"


def test_review_shows_the_proposals_judged_unlikely_unticked_and_says_so(small):
    proposals = literal_proposals(PROPOSALS).assign(left_out=[False, False, False, True])
    start = review.proposals_table(small, "src", proposals)
    # New Ministry's row is confident (0.8) but was judged unlikely to be a position at all
    assert start.table["include"].tolist() == [False, True, False, False]
    assert start.table.at["p004", "why"].startswith("left out as unlikely to be a position · “said” (opposed)")
    assert not start.table.at["p002", "why"].startswith("left out")
    assert "unticked, and so do the 1 that the extractor judged unlikely to be a position at all, and the 1 that" in (
        start.caption
    )
    # left unticked at a save, a row the extractor judged unlikely is not the curator's rejection
    assert review.rejected(proposals, start.table) == review.rejected(
        proposals.drop(index="p004"), start.table.drop(index="p004")
    )
    assert (
        len(review.rejected(proposals.assign(left_out=False), start.table))
        == len(review.rejected(proposals, start.table)) + 1
    )
    assert review.proposals_summary(proposals, 1.25) == (
        "3 proposals from 1 article in 1.2 s; 1 more, judged unlikely to be a position, is listed unticked"
    )
    assert review.proposals_summary(proposals.drop(columns="left_out"), 2) == "4 proposals from 1 article in 2.0 s"


def test_page_registry_runs_every_timed_page_model(small):
    assert pages.TIMED == (
        "overview",
        "positions",
        "matrix",
        "network",
        "map",
        "timeline",
        "reader",
        "profile",
        "changes",
    )
    for page_id in pages.TIMED:
        result = pages.BY_ID[page_id].model(scope_of(small))
        assert type(result).__name__.lower().startswith(page_id.replace("_", "")), page_id


# The same page models on the project's own tables (the seed story).


def test_overview_of_the_seed_story(tables):
    page = overview.overview_page(scope_of(tables.story(SEED_STORY)))
    assert [t.label for t in page.tiles] == ["Statements", "Actors", "Supportive", "Cautious", "Opposing"]
    for fig in (page.spectrum, page.blocs):
        assert fig.layout.meta["footer"].startswith("Source:")
    assert "FTO designation" in title(page.spectrum)
    assert len(page.quotes) == 7  # one key quote for each of the 7 blocs


def test_timeline_of_the_seed_story_lists_lags_and_who_is_silent(tables):
    page = timeline.timeline_page(scope_of(tables.story(SEED_STORY)))
    lags = page.lags.set_index("Actor")
    assert lags.loc["Marco Rubio", "Lag"] == "same day"
    assert "month precision" in lags.loc["Republican lawmakers", "Lag"]
    silent = set(page.silent["Actor"])
    assert {"Russia", "China", "Iran", "Donald Trump"} <= silent
    assert "Republican lawmakers" not in silent


def test_profile_of_an_actor_in_the_seed_story(tables):
    page = profile.profile_page(scope_of(tables.story(SEED_STORY)), actor_id="donald-trump")
    assert [t.value for t in page.tiles][:3] == [3, 2, 1]
    assert len(page.cards) == 3
    assert page.chart is None and "over time appears once" in page.no_chart


@pytest.mark.parametrize("view", list(registry.BY_ID))
def test_screenshot_mode_draws_every_view_of_the_seed_story(tables, view):
    params = {"view": [view], "shot": ["1"], "profile": ["marco-rubio"], "bloc": ["US administration"]}
    page = shot.shot_page(tables, params, as_of=AS_OF)
    assert (page.figure.layout.width, page.figure.layout.height) == (1280, 720)
    assert "bloc: US administration" in page.figure.layout.meta["subtitle"] or view == "profile"
    assert page.exit_page == registry.BY_ID[view].page


def test_reader_labels_spans_that_end_together_by_actor_name(tables):
    text = "".join(p.markdown for p in reader.reader_page(scope_of(tables.story(SEED_STORY))).paragraphs)
    badges = [text.index(f":red-badge[{name} · condemning]") for name in ("China", "Iran", "Russia")]
    assert badges == sorted(badges)
