"""The presentation layer: theme, wording, the view registry and its figures, one page model per page,
and the exports. It reads the query and data layers and never imports streamlit."""
