"""Overview: the headline, a few numbers, where each actor stands, stances by bloc, one quote per bloc."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from analysis import charts, filters, metrics
from analysis.text import escape_markdown
from views import state, ui
from views.state import Context


def render(ctx: Context) -> None:
    rows = ctx.rows
    numbers = metrics.headline_numbers(rows)
    st.title("Overview")
    st.markdown("#### " + escape_markdown(metrics.headline_sentence(numbers)))
    st.caption("Showing: " + escape_markdown(filters.describe(ctx.spec, labels=ctx.labels)))

    share = (lambda n: f"{n / numbers['statements']:.0%}") if numbers["statements"] else (lambda n: "–")
    tiles = st.columns(5)
    tiles[0].metric("Statements", numbers["statements"], border=True)
    tiles[1].metric("Actors", numbers["actors"], border=True)
    tiles[2].metric("Supportive", share(numbers["supportive"]), border=True,
                    help=f"{numbers['supportive']} statements")
    tiles[3].metric("Cautious", share(numbers["cautious"]), border=True, help=f"{numbers['cautious']} statements")
    tiles[4].metric("Opposing", share(numbers["opposing"]), border=True,
                    help=f"{numbers['opposing']} statements opposed or condemning")

    targets = rows["target_id"].value_counts().index.tolist()
    if targets:
        target = st.selectbox("Spectrum for", targets, key="spectrum_target",
                              format_func=lambda t: ctx.labels.targets.get(t, t))
        target_spec = replace(ctx.spec, targets=(target,))
        target_rows = rows[rows["target_id"] == target]
        positions = metrics.actor_positions(target_rows)
        topic = metrics.topic_phrase(ctx.labels.targets.get(target, target))
        subtitle = filters.describe(target_spec, rows=target_rows, labels=ctx.labels)
        spectrum = charts.stance_spectrum(positions, title=metrics.spectrum_finding(positions, topic=topic),
                                          subtitle=subtitle, footer=ctx.footer)
    else:
        spectrum = charts.empty_figure("No statements match the filters", title="Where actors stand",
                                       subtitle=ctx.subtitle, footer=ctx.footer)
    ui.chart(spectrum, key="spectrum", filename="stance-spectrum")

    counts = metrics.stance_counts(rows, by="bloc")
    ui.chart(charts.stance_by_bloc(counts, title=metrics.bloc_finding(counts), subtitle=ctx.subtitle,
                                   footer=ctx.footer), key="by_bloc", filename="stance-by-bloc")

    st.subheader("Key quote per bloc")
    quotes = metrics.key_quotes(rows)
    if quotes.empty:
        st.info("No statements match the filters. Clear a filter in the sidebar to see quotes.")
    columns = st.columns(3)
    for i, row in enumerate(quotes.itertuples(index=False)):
        with columns[i % 3]:
            ui.quote_card(row)


if __name__ == "__main__":
    render(state.current())
