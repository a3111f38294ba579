"""The project's shape: the design card's top-level items exist, and analysis/ stays free of streamlit."""

import ast

from conftest import ROOT

TOP_LEVEL = ["dashboard.py", "views", "analysis", "data", "seeds", "tests", "requirements.txt", "Makefile",
             ".streamlit/config.toml", "README.md", ".ci/run"]
ANALYSIS_MODULES = ["data/schema.py", "data/store.py", "data/saving.py", "data/paths.py", "query/selection.py",
                    "query/filters.py", "query/aggregates.py", "present/theme.py", "present/charts/__init__.py",
                    "cli.py", "__main__.py"]


def test_top_level_items_exist():
    missing = [item for item in TOP_LEVEL if not (ROOT / item).exists()]
    assert missing == []


def test_analysis_modules_exist():
    assert [m for m in ANALYSIS_MODULES if not (ROOT / "analysis" / m).is_file()] == []


def _imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_analysis_never_imports_streamlit():
    offenders = {str(path.relative_to(ROOT)): module
                 for path in (ROOT / "analysis").rglob("*.py")
                 for module in _imported_modules(path) if module.split(".")[0] == "streamlit"}
    assert offenders == {}


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci/run").read_text()
    assert "make test" in (ROOT / "README.md").read_text()
    assert "make run" in (ROOT / "README.md").read_text()


def _html_calls(path):
    """(call name, first argument) of every st.html / st.iframe call and unsafe_allow_html keyword."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if name in ("st.html", "st.iframe", "components.html"):
                yield name, ast.unparse(node.args[0]) if node.args else ""
            for keyword in node.keywords:
                if keyword.arg == "unsafe_allow_html":
                    yield "unsafe_allow_html", ast.unparse(keyword.value)


def test_no_data_reaches_html():
    """HTML is only ever fed module constants: screenshot mode's CSS and the reader's scroll script
    (formatted with a statement id that has passed the slug pattern)."""
    allowed = {("views/shot.py", "st.html", "CHROME_CSS"),
               ("views/reader.py", "st.iframe", "SCROLL_SCRIPT.format(statement_id=page.scroll_to)")}
    found = {(str(p.relative_to(ROOT)), name, argument)
             for p in [ROOT / "dashboard.py", *(ROOT / "views").rglob("*.py")] for name, argument in _html_calls(p)}
    assert found <= allowed, found - allowed
    assert not any(name == "unsafe_allow_html" for _, name, _ in found)


def test_pages_stay_thin():
    long_pages = {p.name: n for p in (ROOT / "views").glob("*.py")
                  if (n := len(p.read_text().splitlines())) > 150}
    assert long_pages == {}
