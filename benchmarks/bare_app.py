"""The floor Streamlit itself sets: the same number of sidebar widgets and charts as the Overview, on tiny
static data. The benchmark times a filter change here and on the real app; the ratio is the honest figure."""

import plotly.graph_objects as go
import streamlit as st

OPTIONS = ["a", "b", "c", "d"]
with st.sidebar:
    chosen = [
        st.multiselect(label, OPTIONS, key=label)
        for label in ("Source", "Bloc", "Actor kind", "Country", "Stance", "Target")
    ]
    st.text_input("Search", key="q")
title = "Chosen: " + (", ".join(chosen[1]) or "none")
for key in ("one", "two"):
    st.plotly_chart(
        go.Figure(go.Bar(x=OPTIONS, y=[1, 2, 3, len(chosen[1])]), layout=dict(title=title)), key=key, theme=None
    )
