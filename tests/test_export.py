"""Exports read back: the PPTX deck, PNG/SVG images, the PNG bundle, XLSX/CSV tables and the CLI."""

import datetime as dt
import io
import xml.etree.ElementTree as ET
import zipfile

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from PIL import Image, ImageStat
from pptx import Presentation

from analysis.cli import main
from analysis.data import paths
from analysis.data.schema import STANCES
from analysis.present import export, registry, theme
from analysis.present.export import images
from analysis.query import aggregates
from analysis.query.filters import FilterSpec, apply
from analysis.query.scope import Scope
from frames import SMALL

AS_OF = dt.date(2026, 11, 29)
TITLE = "Who stands where on the designation"


@pytest.fixture(scope="module")
def tables(seed_tables):
    """A briefing covers one story: these tests export the first one, as the app does when it is picked."""
    return seed_tables


@pytest.fixture(scope="module")
def full_deck(tables):
    return Presentation(io.BytesIO(export.deck(tables, FilterSpec(), title=TITLE, as_of=AS_OF)))


def texts(slide):
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_deck_slides_in_order_with_their_titles(tables, full_deck):
    scope = Scope.of(tables, FilterSpec(), as_of=AS_OF)
    blocs = aggregates.key_quotes(scope.rows)["bloc"].tolist()
    slides = list(full_deck.slides)
    assert len(slides) == 1 + len(export.DECK_VIEWS) + len(blocs) + 1
    assert slides[0].shapes.title.text == TITLE
    assert "As of 29 November 2026" in slides[0].placeholders[1].text_frame.text
    for slide, view in zip(slides[1:], export.DECK_VIEWS):
        meta = registry.figure(view, scope).layout.meta
        assert slide.shapes.title.text == meta["title"]
        assert meta["subtitle"] in texts(slide) and meta["footer"] in texts(slide)
    assert [s.shapes.title.text for s in slides[-1 - len(blocs) : -1]] == [f"Key quotes: {b}" for b in blocs]
    assert slides[-1].shapes.title.text == "Sources"


def test_bloc_slide_is_a_native_chart_with_the_filtered_counts(tables, full_deck):
    slide = list(full_deck.slides)[1 + export.DECK_VIEWS.index("blocs")]
    charts = [shape.chart for shape in slide.shapes if shape.has_chart]
    assert len(charts) == 1
    counts = aggregates.stance_counts(tables.view, by="bloc").iloc[::-1]
    chart = charts[0]
    assert list(chart.plots[0].categories) == counts["bloc"].tolist()
    for series in chart.series:
        assert list(series.values) == [float(v) for v in counts[series.name]]
        assert str(series.format.fill.fore_color.rgb) == theme.STANCE_COLORS[series.name].lstrip("#")
    assert [s.name for s in chart.series] == list(STANCES)


def test_image_slides_carry_alt_text(full_deck):
    slide = list(full_deck.slides)[1 + export.DECK_VIEWS.index("map")]
    pictures = [shape for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) == 1
    descr = pictures[0]._element.nvPicPr.cNvPr.get("descr")
    assert descr.startswith("Map: ") and "condemning" in descr
    assert "net stance" in slide.notes_slide.notes_text_frame.text


def test_quote_slides_hold_verbatim_quotes_and_the_sources_slide_the_hashes(tables, full_deck):
    slides = list(full_deck.slides)
    quotes = {f"“{quote}”" for quote in tables.statements["quote"]}
    shown = [
        line
        for slide in slides
        if slide.shapes.title.text.startswith("Key quotes")
        for text in texts(slide)
        for line in text.split("\n")
        if line.startswith(("SUPPORTIVE", "CAUTIOUS", "OPPOSED", "CONDEMNING", "NEUTRAL"))
    ]
    assert shown and all(line.split("  ", 1)[1] in quotes for line in shown)
    table = next(shape.table for shape in slides[-1].shapes if shape.has_table)
    cells = [cell.text for row in table.rows for cell in row.cells]
    assert tables.sources["sha256"].iloc[0][:12] in cells


def test_deck_follows_the_filters(tables):
    deck = Presentation(
        io.BytesIO(
            export.deck(tables, FilterSpec(blocs=("Venezuela's allies",)), title="t", as_of=AS_OF, views=("blocs",))
        )
    )
    slides = list(deck.slides)
    assert [s.shapes.title.text for s in slides[2:-1]] == ["Key quotes: Venezuela's allies"]
    chart = next(shape.chart for shape in slides[1].shapes if shape.has_chart)
    assert {s.name: list(s.values) for s in chart.series}["condemning"] == [3.0]


def test_png_has_the_requested_size_and_is_not_blank(tables):
    fig = registry.figure("blocs", Scope.of(tables, FilterSpec(), as_of=AS_OF))
    image = Image.open(io.BytesIO(export.figure_png(fig, width=800, height=450, scale=2)))
    assert image.size == (1600, 900)
    assert max(ImageStat.Stat(image.convert("L")).var) > 100


def test_svg_parses_and_holds_the_title(tables):
    fig = registry.figure("spectrum", Scope.of(tables, FilterSpec(), as_of=AS_OF))
    root = ET.fromstring(export.figure_svg(fig, width=1000, height=700))
    text = " ".join(t for t in root.itertext())
    assert "actors support" in text and "As of 29 Nov 2026" in text


def test_png_bundle_has_every_view_and_a_readme(tables):
    bundle = zipfile.ZipFile(
        io.BytesIO(export.png_bundle(tables, FilterSpec(stances=("condemning",)), as_of=AS_OF, views=("blocs", "map")))
    )
    assert sorted(bundle.namelist()) == ["01-blocs.png", "01-blocs.svg", "02-map.png", "02-map.svg", "README.txt"]
    readme = bundle.read("README.txt").decode()
    assert "Filter: 3 statements by 3 actors · stance: condemning" in readme and "As of: 2026-11-29" in readme
    assert "sha256 c79cdf70" in readme


def test_missing_chromium_gives_a_clear_error(monkeypatch, tables):
    monkeypatch.setattr(images, "chromium_path", lambda: None)
    images._server.cache_clear()
    try:
        with pytest.raises(export.ExportError, match="apt-get install -y chromium"):
            export.figure_png(
                registry.figure("blocs", Scope.of(tables, FilterSpec(), as_of=AS_OF)), width=400, height=300
            )
    finally:
        images._server.cache_clear()


def read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)


def read_xlsx(data: bytes) -> pd.DataFrame:
    sheet = load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    return pd.DataFrame(rows[1:], columns=rows[0])


@pytest.mark.parametrize("reader,writer", [(read_csv, export.table_csv), (read_xlsx, export.table_xlsx)])
def test_tables_read_back_as_the_filtered_rows(tables, reader, writer):
    rows = apply(FilterSpec(blocs=("US Democrats", "Venezuela's allies")), tables.view)
    back = reader(writer(rows))
    assert back["statement_id"].tolist() == rows["statement_id"].tolist()
    assert back["quote"].tolist() == rows["quote"].tolist()
    assert back["source"].tolist() == rows["source_title"].tolist()
    assert pd.api.types.is_numeric_dtype(back["start"]) and back["start"].tolist() == rows["start"].tolist()
    assert back["score"].round(6).tolist() == rows["score"].round(6).tolist()
    assert back["stance"].tolist() == rows["stance"].astype(str).tolist()


def test_xlsx_is_readable_and_coloured(tables):
    sheet = load_workbook(io.BytesIO(export.table_xlsx(tables.view))).active
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    header = [c.value for c in sheet[1]]
    stance_cell = sheet.cell(row=2, column=header.index("stance") + 1)
    assert stance_cell.fill.fgColor.rgb.endswith(theme.STANCE_COLORS[stance_cell.value].lstrip("#"))
    assert sheet.column_dimensions["K"].width >= 60  # the quote column is wide


hostile = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(quote=hostile, name=hostile, score=st.floats(-1, 1, allow_nan=False), start=st.integers(0, 10_000))
def test_no_exported_cell_can_run_as_a_formula(quote, name, score, start):
    rows = SMALL.head(1).assign(quote=quote, actor_name=name, summary="=" + name, score=-abs(score) - 0.5, start=start)
    for reader, writer in ((read_csv, export.table_csv), (read_xlsx, export.table_xlsx)):
        back = reader(writer(rows))
        for column in back.columns:
            value = back[column].iloc[0]
            if isinstance(value, str) and value.startswith(export.FORMULA_TRIGGERS):
                pytest.fail(f"{writer.__name__}: {column} starts with a formula trigger: {value!r}")
        assert float(back["score"].iloc[0]) < 0  # negative numbers stay numbers
        assert int(back["start"].iloc[0]) == start
        assert str(back["summary"].iloc[0]).startswith("'=")


def test_cli_writes_files_and_filters_change_them(tmp_path, data_copy):
    from analysis.data import briefings

    folders = ["--data", str(data_copy[0]), "--seeds", str(data_copy[1])]
    everything, some = tmp_path / "all.csv", tmp_path / "some.csv"
    assert main(["export", *folders, "--csv", str(everything)]) == 0
    assert main(["export", *folders, "--csv", str(some), "--stance", "cautious", "--stance", "condemning"]) == 0
    assert len(read_csv(everything.read_bytes())) == 25
    assert sorted(read_csv(some.read_bytes())["stance"].unique()) == ["cautious", "condemning"]
    # Each export is a briefing on record: the statements it held, with their stances then.
    first, second = briefings.read(data_copy[0])
    assert len(first.statement_ids) == 25 and first.exports == ("csv",) and first.filter == ""
    assert set(second.stances) == {"cautious", "condemning"} and "stance=cautious" in second.filter
    assert set(second.statement_ids) == set(read_csv(some.read_bytes())["statement_id"])


def test_cli_writes_a_deck_and_a_png_folder(tmp_path, data_copy):
    deck, folder = tmp_path / "deck.pptx", tmp_path / "png"
    assert (
        main(
            [
                "export",
                "--data",
                str(data_copy[0]),
                "--seeds",
                str(data_copy[1]),
                "--pptx",
                str(deck),
                "--png",
                str(folder),
                "--views",
                "blocs,map",
                "--bloc",
                "Venezuela's allies",
                "--title",
                "Allies",
                "--as-of",
                "2026-11-29",
            ]
        )
        == 0
    )
    assert next(iter(Presentation(str(deck)).slides)).shapes.title.text == "Allies"
    assert sorted(p.name for p in folder.iterdir()) == [
        "01-blocs.png",
        "01-blocs.svg",
        "02-map.png",
        "02-map.svg",
        "README.txt",
    ]


@pytest.mark.parametrize(
    "argv,message",
    [
        (["export", "--csv", "x.csv", "--bloc", "Martians"], "Unknown filter value: bloc 'Martians'"),
        (["export", "--csv", "x.csv", "--views", "pie"], "Unknown view(s): pie"),
        (["export"], "Nothing to write"),
    ],
)
def test_cli_refuses_bad_values_clearly(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


def test_cli_bad_date_exits_nonzero(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--csv", "x.csv", "--as-of", "29/11/2026"])
    assert exit_info.value.code == 2
    assert "expected a date as YYYY-MM-DD" in capsys.readouterr().err


def test_cli_has_a_flag_for_every_filter(tmp_path, data_copy):
    data, seeds = data_copy
    statements = data / "statements.csv"
    statements.write_text(statements.read_text(encoding="utf-8").replace(",true\n", ",false\n", 1), encoding="utf-8")
    folders = ["--data", str(data), "--seeds", str(seeds)]
    dated, reviewed, everything = tmp_path / "dated.csv", tmp_path / "reviewed.csv", tmp_path / "all.csv"
    assert main(["export", *folders, "--csv", str(dated), "--from", "2025-11-16", "--to", "2025-11-16"]) == 0
    assert set(read_csv(dated.read_bytes())["date"]) == {"2025-11-16"}
    assert main(["export", *folders, "--csv", str(everything)]) == 0
    assert main(["export", *folders, "--csv", str(reviewed), "--reviewed"]) == 0
    assert len(read_csv(reviewed.read_bytes())) == len(read_csv(everything.read_bytes())) - 1
    assert set(read_csv(reviewed.read_bytes())["reviewed"].astype(str).str.lower()) == {"true"}


def test_the_command_line_reads_the_data_folders_from_the_environment(data_copy, tmp_path, monkeypatch, capsys):
    data, seeds = data_copy
    statements = data / "statements.csv"
    statements.write_text(
        statements.read_text(encoding="utf-8").replace(",supportive,", ",supportve,", 1), encoding="utf-8"
    )
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_SEEDS_DIR", str(seeds))
    monkeypatch.chdir(tmp_path)  # whatever the working directory
    assert main(["validate"]) == 1
    assert "got 'supportve'" in capsys.readouterr().err
    assert (
        main(["validate", "--data", str(paths.PROJECT_ROOT / "data"), "--seeds", str(paths.PROJECT_ROOT / "seeds")])
        == 0
    )
    assert paths.lexicon_file() == data / "lexicon.csv"
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))  # a folder without its own lexicon
    assert paths.lexicon_file() == paths.PROJECT_ROOT / "data" / "lexicon.csv"
