"""The project's shape: the design card's top-level items exist, and analysis/ stays free of streamlit."""

import ast

from conftest import ROOT

TOP_LEVEL = [
    "dashboard.py",
    "views",
    "analysis",
    "data",
    "seeds",
    "tests",
    "requirements.txt",
    "Makefile",
    ".streamlit/config.toml",
    "README.md",
    ".ci/run",
]
ANALYSIS_MODULES = [
    "data/schema.py",
    "data/store.py",
    "data/saving.py",
    "data/paths.py",
    "query/selection.py",
    "query/filters.py",
    "query/aggregates.py",
    "present/theme.py",
    "present/charts/__init__.py",
    "cli.py",
    "__main__.py",
]


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
    offenders = {
        str(path.relative_to(ROOT)): module
        for path in (ROOT / "analysis").rglob("*.py")
        for module in _imported_modules(path)
        if module.split(".")[0] == "streamlit"
    }
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
    allowed = {
        ("views/shot.py", "st.html", "CHROME_CSS"),
        ("views/reader.py", "st.iframe", "SCROLL_SCRIPT.format(statement_id=page.scroll_to)"),
    }
    found = {
        (str(p.relative_to(ROOT)), name, argument)
        for p in [ROOT / "dashboard.py", *(ROOT / "views").rglob("*.py")]
        for name, argument in _html_calls(p)
    }
    assert found <= allowed, found - allowed
    assert not any(name == "unsafe_allow_html" for _, name, _ in found)


def test_pages_stay_thin():
    long_pages = {p.name: n for p in (ROOT / "views").glob("*.py") if (n := len(p.read_text().splitlines())) > 150}
    assert long_pages == {}


def _module_name(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _analysis_imports() -> dict[str, set[str]]:
    """Each module of analysis/ and the modules of analysis/ it imports (anywhere in its code): the module
    named, or for `from package import name` the module `package.name` when there is one."""
    modules = {_module_name(path): path for path in (ROOT / "analysis").rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names if alias.name in modules}
            elif isinstance(node, ast.ImportFrom) and node.module in modules:
                names = {f"{node.module}.{alias.name}" for alias in node.names}
                imported |= (names & modules.keys()) or {node.module}
        graph[name] = imported - {name, "analysis"}
    return graph


LAYERS = ("analysis.data", "analysis.extract", "analysis.query", "analysis.present")
# What each layer may import from analysis/: data flows one way, data -> query -> present. The extractor
# reads the data layer's schema; the review page model (present) runs the extractor.
MAY_IMPORT = {
    "analysis.data": {"analysis.data"},
    "analysis.extract": {"analysis.data", "analysis.extract"},
    "analysis.query": {"analysis.data", "analysis.query"},
    "analysis.present": {"analysis.data", "analysis.query", "analysis.present", "analysis.extract"},
}


def _layer(module: str) -> str | None:
    return next((layer for layer in LAYERS if module == layer or module.startswith(layer + ".")), None)


def test_the_layers_import_one_way():
    wrong = {
        module: sorted(m for m in imported if _layer(m) not in MAY_IMPORT[_layer(module)])
        for module, imported in _analysis_imports().items()
        if _layer(module)
    }
    assert {module: found for module, found in wrong.items() if found} == {}


def test_no_module_of_analysis_imports_itself_through_others():
    graph = _analysis_imports()
    cycles, done = [], set()

    def visit(module, path):
        if module in path:
            cycles.append([*path[path.index(module) :], module])
            return
        if module in done:
            return
        for imported in sorted(graph.get(module, ())):
            visit(imported, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    assert cycles == []


def test_analysis_shows_its_layers_with_few_modules_at_its_top():
    top = {p.name for p in (ROOT / "analysis").glob("*.py")} - {"__init__.py", "__main__.py"}
    assert len(top) <= 4, top
    assert {p.name for p in (ROOT / "analysis").iterdir() if p.is_dir() and (p / "__init__.py").exists()} == {
        "data",
        "query",
        "present",
        "extract",
    }


WRITES = {
    "open",
    "write_text",
    "write_bytes",
    "to_csv",
    "to_parquet",
    "to_excel",
    "mkdir",
    "unlink",
    "rename",
    "atomic_write",
}


def test_views_import_no_pandas_or_numpy_and_write_no_files():
    files = [ROOT / "dashboard.py", *(ROOT / "views").glob("*.py")]
    heavy = {
        str(p.relative_to(ROOT)): m
        for p in files
        for m in _imported_modules(p)
        if m.split(".")[0] in ("pandas", "numpy")
    }
    assert heavy == {}
    writes = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in WRITES:
                    writes.add((str(path.relative_to(ROOT)), ast.unparse(node)[:80]))
    assert writes == set()
