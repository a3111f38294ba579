"""Source reader: a source's full text with every evidence span highlighted in its stance colour and
labelled with its actor. Opening a statement from any page lands here, scrolled to its span."""

from __future__ import annotations

import re

import streamlit as st

from analysis.data.schema import SLUG_PATTERN
from analysis.present import pagework
from analysis.present.figures import Scope
from analysis.present.text import escape_markdown, span_segments
from analysis.query import aggregates
from analysis.query.selection import Selection
from views import state, ui, urlstate

# Scrolls the page to the selected span's paragraph. The only dynamic part is a statement id that has
# passed the slug pattern, so no data text can reach this script.
SCROLL_SCRIPT = """<script>
const wanted = ".st-key-span-{statement_id}";
let tries = 0;
const timer = setInterval(() => {{
  const target = window.parent.document.querySelector(wanted);
  if (target || ++tries > 40) {{ clearInterval(timer); }}
  if (target) {{ target.scrollIntoView({{block: "center"}}); }}
}}, 100);
</script>"""


def _label(statement) -> str:
    return (f"{statement.actor_name} · {statement.stance} · {statement.target_label} · "
            f"“{statement.quote[:70]}{'…' if len(statement.quote) > 70 else ''}”")


def _paragraph_markdown(text: str, segments, statements, selected: str | None) -> str:
    parts = []
    for start, end, keys in segments:
        piece = escape_markdown(text[start:end])
        if keys:
            # The selected span wins; otherwise the shortest (most specific) covering span sets the colour.
            key = selected if selected in keys else min(keys, key=lambda k: statements[k].end - statements[k].start)
            color = ui.BADGE_COLORS[str(statements[key].stance)]
            piece = f":{color}-background[{piece}]"
            if key == selected:
                piece = f"**{piece}**"
        parts.append(piece)
        for key in keys:
            if statements[key].end == end:
                statement = statements[key]
                label = escape_markdown(f"{statement.actor_name} · {statement.stance}")
                parts.append(f" :{ui.BADGE_COLORS[str(statement.stance)]}-badge[{label}] ")
    return "".join(parts)


def render(scope: Scope) -> None:
    st.title("Source reader")
    sources = scope.tables.sources
    urlstate.adopt("read", parse=urlstate.one_of(sources["source_id"]))
    search = ""
    if len(sources) > pagework.MAX_SOURCE_CHOICES:
        search = st.text_input("Find a source", key="read_search", placeholder="Part of its title", max_chars=200)
    current = st.session_state.get("read")
    choices = pagework.source_choices(scope.tables, scope.selection, search=search, keep=[current] if current else [])
    if not choices:
        st.info("No source title contains that text.")
        return
    source_id = st.selectbox("Source", choices, key="read", format_func=lambda s: scope.labels.sources.get(s, s))
    if len(choices) < len(sources):
        st.caption(f"Listing {len(choices)} of {len(sources):,} sources, those with most statements in the filter "
                   "first; type part of a title above to find another.")
    urlstate.publish("read", [source_id])
    source = sources.set_index("source_id").loc[source_id]
    text = scope.tables.texts[source_id]
    everything = Selection.everything(scope.tables)
    of_source = everything.where(everything.is_in("source_id", [source_id]))  # a mask over the shared view, no copy
    in_source = of_source.take(of_source.runs((), within=("start",)).order)
    statements = {row.statement_id: row for row in in_source.itertuples(index=False)}
    urlstate.adopt("statement", parse=urlstate.one_of(statements))
    if st.session_state.get("statement") not in statements:
        st.session_state["statement"] = ""
    selected = st.selectbox("Statement", ["", *statements], key="statement",
                            format_func=lambda s: _label(statements[s]) if s else "Pick a statement to jump to it")
    urlstate.publish("statement", [selected] if selected else [])
    selected = selected or None
    st.caption(escape_markdown(
        f"{source['title']} · {source['outlet'] or 'outlet not given'} · "
        f"{aggregates.format_date(source['published'], source['date_precision'])} · sha256 {source['sha256'][:12]}…"))
    if source["date_note"]:
        st.caption(escape_markdown("Dates: " + source["date_note"]))

    in_filter = scope.selection.where(scope.selection.is_in("source_id", [source_id])).rows
    shown_ids = set(in_filter["statement_id"]) | {selected} - {None}
    st.caption(f"Highlighting {len(shown_ids)} of {len(statements)} statements in this source"
               + ("" if len(shown_ids) == len(statements) else "; the sidebar filters hide the others") + ".")
    spans = [(statements[s].start, statements[s].end, s) for s in shown_ids]
    for segments in span_segments(text, spans):
        markdown = _paragraph_markdown(text, segments, statements, selected)
        holds_selected = selected and any(selected in keys for _, _, keys in segments)
        with st.container(key=f"span-{selected}" if holds_selected else None, border=bool(holds_selected)):
            st.markdown(markdown)
    if selected and re.fullmatch(SLUG_PATTERN, selected):
        st.iframe(SCROLL_SCRIPT.format(statement_id=selected), height=1)


if __name__ == "__main__":
    render(state.current())
