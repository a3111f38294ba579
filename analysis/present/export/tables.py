"""The filtered statements as CSV and XLSX, with every column including the quote and the source.

Text cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a line break) are
neutralised with a leading apostrophe (OWASP "CSV injection"); numbers stay numbers.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from analysis.present import theme
from analysis.present.wording import format_date

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
COLUMNS = {  # export column -> source column in the statement view (or a derived one)
    "statement_id": "statement_id",
    "actor": "actor_name",
    "actor_id": "actor_id",
    "bloc": "bloc",
    "kind": "kind",
    "country": "country",
    "stance": "stance",
    "score": "score",
    "target": "target_label",
    "target_id": "target_id",
    "quote": "quote",
    "cue": "cue",
    "summary": "summary",
    "mode": "mode",
    "date": "date",
    "date_precision": "date_precision",
    "date_shown": "date_shown",
    "confidence": "confidence",
    "origin": "origin",
    "reviewed": "reviewed",
    "source": "source_title",
    "source_id": "source_id",
    "outlets": "outlets",
    "carried_by": "carried_by",
    "start": "start",
    "end": "end",
}
NUMERIC = ("score", "confidence", "start", "end", "outlets")
WIDTHS = {"quote": 80, "summary": 50, "source": 40, "actor": 26, "target": 30, "bloc": 22, "cue": 24}


def neutralise(value: object) -> object:
    """A text cell made safe for spreadsheets; anything that is not text is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def statement_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The export's columns, in order, with text neutralised and numbers left numeric."""
    table = pd.DataFrame(
        {
            name: (rows[column] if column in rows else pd.Series(dtype=object))
            for name, column in COLUMNS.items()
            if column != "date_shown"
        }
    )
    table.insert(
        list(COLUMNS).index("date_shown"),
        "date_shown",
        [format_date(d, p) for d, p in zip(rows["date"], rows["date_precision"])],
    )
    table["date"] = [d.date().isoformat() if pd.notna(d) else "" for d in rows["date"]]
    table["stance"] = rows["stance"].astype(str)
    table["reviewed"] = rows["reviewed"].map({True: "true", False: "false"})
    for column in table.columns:
        if column in NUMERIC:
            table[column] = pd.to_numeric(table[column])
        else:
            table[column] = table[column].astype(object).map(lambda v: neutralise("" if pd.isna(v) else str(v)))
    return table.reset_index(drop=True)


def table_csv(rows: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark, so that Excel reads the accents right."""
    return statement_table(rows).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def table_xlsx(rows: pd.DataFrame) -> bytes:
    """An XLSX sheet: bold header, frozen header row, filters, readable widths, stance cells in colour."""
    table = statement_table(rows)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Statements"
    sheet.append(list(table.columns))
    for record in table.itertuples(index=False):
        # Control characters cannot be stored in XLSX at all; show them as U+FFFD instead of failing.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("\ufffd", v) if isinstance(v, str) else v for v in record])
    header_fill = PatternFill("solid", fgColor="1A1A1A")
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = header_fill
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, even if neutralising missed something
    stance_column = list(table.columns).index("stance") + 1
    for (cell,) in sheet.iter_rows(min_row=2, min_col=stance_column, max_col=stance_column):
        if cell.value in theme.STANCE_COLORS:
            cell.fill = PatternFill("solid", fgColor=theme.STANCE_COLORS[cell.value].lstrip("#"))
            cell.font = Font(color=theme.STANCE_TEXT_COLORS[cell.value].lstrip("#"), bold=True)
    for index, name in enumerate(table.columns, start=1):
        longest = max([len(name), *(len(str(v)) for v in table[name].head(200))])
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(name, min(max(10, longest + 2), 30))
    quote_column = get_column_letter(list(table.columns).index("quote") + 1)
    for cell in sheet[quote_column][1:]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
