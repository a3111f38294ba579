"""Matrix cells, alignment network, map aggregation and time shaping, on literal frames."""

import pandas as pd
import pytest

from analysis.present import wording
from analysis.query import aggregates, alignment, timeline
from frames import SMALL, view

WITH_ALLY = pd.concat(
    [
        SMALL,
        view(
            [
                ("a6", "gov-d", "Gov D", "Bloc A", "government", "USA", "plan", "supportive", "We also back the plan."),
            ]
        ),
    ],
    ignore_index=True,
)


def test_actor_target_cells_shares_and_order():
    before = SMALL.copy(deep=True)
    cells = aggregates.actor_target_cells(SMALL)
    pd.testing.assert_frame_equal(SMALL, before)
    assert list(zip(cells["actor_id"], cells["target_id"])) == [
        ("gov-a", "plan"),
        ("gov-b", "plan"),
        ("pundits", "talks"),
        ("gov-c", "plan"),
        ("gov-c", "talks"),
    ]
    gov_c_plan = cells[(cells["actor_id"] == "gov-c") & (cells["target_id"] == "plan")].iloc[0]
    assert gov_c_plan["share_opposed"] == 1.0 and gov_c_plan["share_supportive"] == 0.0
    assert gov_c_plan["stance"] == "condemning" and gov_c_plan["quotes"] == ["We condemn the plan."]


def test_matrix_finding_names_the_busiest_and_most_divided_target():
    cells = aggregates.actor_target_cells(SMALL)
    assert wording.matrix_finding(cells) == (
        "Most positions are on the plan (3 actors), which also divides them most (1 for, 2 against or cautious)"
    )


def test_congruence_and_conflict_edges():
    cells = aggregates.actor_target_cells(WITH_ALLY)
    congruence = alignment.alignment_edges(cells, kind="congruence")
    assert congruence[["source", "target", "weight"]].values.tolist() == [["gov-a", "gov-d", 1]]
    conflict = alignment.alignment_edges(cells, kind="conflict")
    assert sorted(map(tuple, conflict[["source", "target"]].values.tolist())) == [
        ("gov-a", "gov-b"),
        ("gov-a", "gov-c"),
        ("gov-b", "gov-d"),
        ("gov-c", "gov-d"),
    ]
    with pytest.raises(ValueError):
        alignment.alignment_edges(cells, kind="friendship")


def test_polarization_counts_pairs_on_shared_targets():
    figures = alignment.polarization(aggregates.actor_target_cells(SMALL))
    assert figures["pairs"] == 3 and figures["conflicts"] == 2
    assert figures["conflict_share"] == pytest.approx(2 / 3)
    assert figures["modularity"] is None  # no two actors share a stance
    with_ally = alignment.polarization(aggregates.actor_target_cells(WITH_ALLY))
    assert with_ally["modularity"] is not None
    assert "Polarization 67%" in wording.polarization_sentence(figures)


def test_layout_is_seeded_and_the_same_for_both_edge_kinds():
    cells = aggregates.actor_target_cells(WITH_ALLY)
    first = alignment.network_nodes(cells, alignment.alignment_edges(cells, kind="congruence"))
    second = alignment.network_nodes(cells, alignment.alignment_edges(cells, kind="conflict"))
    pd.testing.assert_frame_equal(first[["actor_id", "x", "y"]], second[["actor_id", "x", "y"]])
    assert sorted(first["actor_id"]) == ["gov-a", "gov-b", "gov-c", "gov-d", "pundits"]


def test_country_stances_nets_several_actors():
    countries = aggregates.country_stances(WITH_ALLY).set_index("country")
    assert set(countries.index) == {"USA", "RUS"}  # the pundits have no country
    usa = countries.loc["USA"]
    assert usa["n"] == 3 and usa["net"] == pytest.approx((1 - 1 / 3 + 1) / 3)
    assert usa["stance"] == "supportive" and usa["actors"] == ["Gov A", "Gov B", "Gov D"]
    assert countries.loc["RUS", "stance"] in ("condemning", "opposed")


@pytest.mark.parametrize(
    ("date", "precision", "start", "end"),
    [
        ("2025-11-16", "day", "2025-11-16", "2025-11-17"),
        ("2025-11-01", "month", "2025-11-01", "2025-12-01"),
        ("2015-01-01", "year", "2015-01-01", "2016-01-01"),
        ("2000-01-01", "decade", "2000-01-01", "2010-01-01"),
    ],
)
def test_period_spans_the_whole_precision(date, precision, start, end):
    assert timeline.period(pd.Timestamp(date), precision) == (pd.Timestamp(start), pd.Timestamp(end))


def test_period_of_an_undated_statement_is_none():
    assert timeline.period(pd.NaT, "unknown") is None


def test_reaction_lags_never_invent_days():
    rows = SMALL.copy()
    rows.loc[rows["actor_id"] == "gov-b", ["date", "date_precision"]] = [pd.Timestamp("2025-11-01"), "month"]
    rows.loc[rows["actor_id"] == "pundits", ["date", "date_precision"]] = [pd.NaT, "unknown"]
    rows.loc[rows["actor_id"] == "gov-c", "date"] = pd.Timestamp("2025-11-19")
    lags = wording.reaction_lags(rows, trigger_date=pd.Timestamp("2025-11-16")).set_index("actor_id")
    assert lags.loc["gov-a", "lag"] == "same day" and lags.loc["gov-a", "lag_days"] == 0
    assert lags.loc["gov-c", "lag"] == "3 days after"
    assert lags.loc["gov-b", "lag"].startswith("within Nov 2025 (month precision")
    assert pd.isna(lags.loc["gov-b", "lag_days"])
    assert lags.loc["pundits", "lag"] == "undated"
    assert wording.lag_finding(lags.reset_index()) == (
        "1 actor reacted the same day; 1 within 3 days; 1 more in Nov 2025 (month precision); 1 with no date"
    )


def test_silent_actors_are_those_without_a_statement_on_the_target():
    actors = pd.DataFrame(
        {
            "actor_id": ["gov-a", "gov-b", "pundits", "quiet"],
            "name": ["Gov A", "Gov B", "P", "Q"],
            "bloc": ["Bloc A", "Bloc A", "Observers", "Bloc A"],
            "kind": ["government"] * 4,
            "country": ["USA", "USA", "", "USA"],
        }
    )
    silent = timeline.silent_actors(SMALL, actors, target_ids=["plan"])
    assert silent["actor_id"].tolist() == ["quiet", "pundits"]  # by bloc, then name


def test_trigger_event_is_the_earliest_dated_trigger(tables):
    event = timeline.trigger_event(tables.events)
    assert event["event_id"] == "fto-announcement"
    assert timeline.trigger_event(tables.events, source_ids=["other"]) is None
