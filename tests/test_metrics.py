"""Aggregations on a 5-row literal frame; inputs are never mutated."""

import datetime as dt

import pandas as pd
import pytest

from analysis.data.schema import STANCES
from analysis.present import wording
from analysis.query import aggregates, listings
from frames import SMALL


def unchanged(function, *args, **kwargs):
    before = SMALL.copy(deep=True)
    result = function(*args, **kwargs)
    pd.testing.assert_frame_equal(SMALL, before)
    return result


def test_headline_numbers():
    numbers = unchanged(aggregates.headline_numbers, SMALL)
    assert numbers == {
        "statements": 5,
        "actors": 4,
        "blocs": 3,
        "sources": 1,
        "supportive": 1,
        "cautious": 1,
        "opposing": 2,
        "neutral": 1,
    }


def test_stance_counts_by_bloc():
    counts = unchanged(aggregates.stance_counts, SMALL, by="bloc")
    expected = pd.DataFrame(
        {
            "bloc": ["Bloc A", "Observers", "Bloc B"],
            "condemning": [0, 0, 1],
            "opposed": [0, 0, 1],
            "cautious": [1, 0, 0],
            "neutral": [0, 1, 0],
            "supportive": [1, 0, 0],
            "n": [2, 1, 2],
            "net": [1 / 3, 0.0, -5 / 6],
        }
    )
    expected = expected.astype({s: "int64" for s in STANCES} | {"n": "int64"})
    pd.testing.assert_frame_equal(counts, expected, check_dtype=False, check_exact=False)
    assert list(counts.columns[1:6]) == list(STANCES)


def test_stance_counts_of_nothing_is_empty():
    assert aggregates.stance_counts(SMALL.head(0), by="bloc").empty


def test_actor_positions_order_and_means():
    positions = unchanged(aggregates.actor_positions, SMALL)
    assert positions["actor_id"].tolist() == ["gov-a", "gov-b", "pundits", "gov-c"]
    gov_c = positions.set_index("actor_id").loc["gov-c"]
    assert gov_c["n"] == 2 and gov_c["score"] == pytest.approx(-5 / 6)
    assert gov_c["stance"] in ("condemning", "opposed")
    assert gov_c["targets"] == ["Plan", "Talks"]


@pytest.mark.parametrize(
    ("score", "stance"),
    [
        (1.0, "supportive"),
        (0.4, "neutral"),
        (0.6, "supportive"),
        (-1 / 6, "neutral"),
        (-0.2, "cautious"),
        (-0.9, "condemning"),
    ],
)
def test_nearest_stance(score, stance):
    assert aggregates.nearest_stance(score) == stance


def test_key_quotes_one_per_bloc():
    quotes = unchanged(aggregates.key_quotes, SMALL)
    assert sorted(quotes["bloc"]) == ["Bloc A", "Bloc B", "Observers"]
    assert quotes.set_index("bloc").loc["Bloc B", "statement_id"] == "a3"  # the stronger position wins


def test_findings_state_the_result():
    counts = aggregates.stance_counts(SMALL, by="bloc")
    assert wording.bloc_finding(counts) == "Support from Bloc A; opposition from Bloc B"
    positions = aggregates.actor_positions(SMALL[SMALL["target_id"] == "plan"])
    assert wording.spectrum_finding(positions, topic="the plan") == (
        "1 of 3 actors support the plan; 1 oppose or condemn, 1 urge caution"
    )
    assert wording.bloc_finding(counts.head(0)) == "No statements match the filters"


@pytest.mark.parametrize(
    ("value", "precision", "shown"),
    [
        ("2025-11-16", "day", "16 Nov 2025"),
        ("2025-11-01", "month", "Nov 2025"),
        ("2015-01-01", "year", "2015"),
        ("2000-01-01", "decade", "2000s"),
        (None, "unknown", "undated"),
    ],
)
def test_format_date_never_claims_more_precision(value, precision, shown):
    assert wording.format_date(pd.Timestamp(value) if value else pd.NaT, precision) == shown


def test_source_line():
    sources = pd.DataFrame(
        {"title": ["A report"], "outlet": [""], "published": [pd.Timestamp("2025-11-01")], "date_precision": ["month"]}
    )
    assert wording.source_line(sources, as_of=dt.date(2026, 11, 29)) == (
        "Source: A report (Nov 2025) · As of 29 Nov 2026 · Stance & Reaction Dashboard"
    )


def test_headline_sentence():
    assert wording.headline_sentence(aggregates.headline_numbers(SMALL)) == (
        "5 statements by 4 actors in 1 source: 1 supportive, 1 cautious, 2 opposed or condemning, 1 neutral."
    )


def test_latest_statements_come_latest_first_then_undated():
    rows = SMALL.copy()
    rows["date"] = pd.to_datetime([f"2025-11-{10 + i}" for i in range(len(rows))]).astype("datetime64[ns]")
    rows.loc[rows.index[-1], ["date", "date_precision"]] = [pd.NaT, "unknown"]
    latest = listings.latest_statements(rows, limit=len(rows))
    dated = latest["date"].iloc[:-1]
    assert dated.is_monotonic_decreasing and dated.notna().all() and pd.isna(latest["date"].iloc[-1])
    assert listings.latest_statements(rows, limit=2)["statement_id"].tolist() == latest["statement_id"].tolist()[:2]
