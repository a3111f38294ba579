"""Source reader: a source's full text with every evidence span highlighted in its stance colour and
labelled with its actor. Opening a statement from any page lands here, scrolled to its span."""

from __future__ import annotations

import streamlit as st

from analysis.present.pages import reader
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import evidence, state, urlstate

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


def render(scope: Scope) -> None:
    st.title("Source reader")
    urlstate.adopt("read", parse=urlstate.one_of(scope.tables.source_ids()))
    search = ""
    if reader.needs_search(scope):
        search = st.text_input("Find a source", key="read_search", placeholder="Part of its title", max_chars=200)
    choices = reader.reader_choices(scope, search=search, current=st.session_state.get("read"))
    if not choices.sources:
        st.info("No source title contains that text.")
        return
    source_id = st.selectbox(
        "Source", choices.sources, key="read", format_func=lambda s: scope.labels.sources.get(s, s)
    )
    if choices.listing_note:
        st.caption(choices.listing_note)
    urlstate.publish("read", [source_id])
    statements = reader.spans(scope, source_id)
    urlstate.adopt("statement", parse=urlstate.one_of(statements))
    if st.session_state.get("statement") not in statements:
        st.session_state["statement"] = ""
    selected = st.selectbox(
        "Statement",
        ["", *statements],
        key="statement",
        format_func=lambda s: statements[s].label if s else "Pick a statement to jump to it",
    )
    urlstate.publish("statement", [selected] if selected else [])
    with st.expander("Add a statement the extractor missed", icon=":material/add_comment:"):
        evidence.statement_adder(scope, source_id, key=f"reader_add:{source_id}")
    page = reader.reader_page(scope, source_id=source_id, statement_id=selected, statements=statements)
    st.caption(escape_markdown(page.about))
    if page.date_note:
        st.caption(escape_markdown(page.date_note))
    st.caption(page.highlighting)
    for paragraph in page.paragraphs:
        with st.container(
            key=f"span-{selected}" if paragraph.holds_selected else None, border=paragraph.holds_selected
        ):
            st.markdown(paragraph.markdown)
    if page.scroll_to:
        st.iframe(SCROLL_SCRIPT.format(statement_id=page.scroll_to), height=1)


if __name__ == "__main__":
    render(state.current())
