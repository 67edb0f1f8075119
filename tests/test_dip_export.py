"""The DIP downloads never carry a formula a spreadsheet would run (CSV/formula injection)."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from pipeline.site.dip_export import COLUMNS, csv_bytes, xlsx_bytes

ROW = [
    "1",
    '=HYPERLINK("http://x.invalid","klik")',
    "+62 812",
    "@kpu",
    "-",
    "a",
    "b",
    "c",
    "d",
    "e",
]


def test_csv_cells_starting_like_a_formula_are_quoted_as_text() -> None:
    rows = list(csv.reader(io.StringIO(csv_bytes([ROW]).decode("utf-8-sig"))))
    assert rows[0] == list(COLUMNS)
    assert rows[1][:5] == ["1", "'" + ROW[1], "'+62 812", "'@kpu", "'-"]


def test_xlsx_cells_are_text_not_formulas() -> None:
    book = load_workbook(io.BytesIO(xlsx_bytes([ROW], "DIP uji")))
    cell = book["DIP"]["B3"]
    assert cell.data_type == "s" and cell.value == "'" + ROW[1]
