"""Zone lists as real files come: what Excel writes is read, and every file that cannot be trusted is refused
with a message in both languages naming the line (and column) at fault, nothing stored."""

import io
import unicodedata
import zipfile

import pytest

from dashboard.geography.zones.importing import import_zones
from dashboard.geography.zones.report import site_finding_text

HEADER = "zone_code,district_code,kind,name,latitude,longitude\n"
GOOD = HEADER + "PT-KCN-X,227,kcn,KCN Thụy Vân,21.30,105.40\n"


def workbook() -> bytes:
    """Return the bytes of a zip archive, as an XLSX file starts."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("xl/workbook.xml", "<workbook/>")
    return archive.getvalue()


def windows_1258(text: str) -> bytes:
    """Return text as Windows-1258 writes it: letters it holds whole, tone marks as combining characters."""
    encoded = b""
    for char in text:
        try:
            encoded += char.encode("cp1258")
        except UnicodeEncodeError:
            encoded += unicodedata.normalize("NFD", char).encode("cp1258")
    return encoded


def import_bytes(data, tmp_path, content: bytes):
    """Return the report and zone rows of a zone list of Phú Thọ holding these bytes."""
    path = tmp_path / "zones.csv"
    path.write_bytes(content)
    return import_zones(path, "25", data.zones, data.units, data.layer, 2025)


@pytest.mark.parametrize(
    ("content", "key", "named"),
    [
        (workbook(), "workbook_named_csv", ".xlsx"),
        (bytes(range(256)) * 20, "binary_file", "CSV"),
        (GOOD.encode() + "PT-KCN-Y,227,kcn,KCN Phù Ninh,21.3,105.4\n".encode("cp1258"), "mixed_encoding", "3"),
        ((GOOD.strip() + "," + "x" * 140_000 + "\n").encode(), "cell_too_long", "131"),
        (GOOD.replace("Thụy", "Th\x00y").encode(), "nul_character", "name"),
        ((GOOD.strip() + ",thừa\n").encode(), "row_too_wide", "7"),
        (GOOD.replace("21.30", "1e309").encode(), "bad_coordinate", "1e309"),
        (GOOD.replace("21.30", "nan").encode(), "bad_coordinate", "nan"),
        (GOOD.replace("21.30", "2" * 400).encode(), "bad_coordinate", "latitude"),
    ],
    ids=["xlsx named csv", "binary", "two encodings", "huge cell", "NUL", "row too wide", "1e309", "NaN", "400 digits"],
)
def test_a_zone_list_that_cannot_be_trusted_is_refused_naming_where(data, tmp_path, content, key, named):
    report, rows = import_bytes(data, tmp_path, content)
    assert rows is None and report.status == "refused"
    assert [finding.key for finding in report.refusals] == [key]
    finding = {"key": key, "params": report.refusals[0].params}
    messages = [site_finding_text(finding, language) for language in ("vi", "en")]
    assert messages[0] != messages[1] and all(named in message for message in messages)


@pytest.mark.parametrize(
    "content",
    [
        GOOD.replace("\n", "\r").encode(),
        b"\xef\xbb\xbf" + GOOD.encode(),
        "\ufeff".encode("utf-16-le") + GOOD.replace(",", "\t").encode("utf-16-le"),
        GOOD.replace(",", ";").replace("21.30", "21,30").replace("105.40", "105,40").encode(),
        windows_1258(GOOD),
        (GOOD + "\n\n").encode(),
    ],
    ids=["Excel for Mac (CR)", "UTF-8 with BOM", "UTF-16 tabs", "decimal commas", "Windows-1258", "blank lines"],
)
def test_a_zone_list_as_excel_writes_it_is_read_exactly(data, tmp_path, content):
    report, rows = import_bytes(data, tmp_path, content)
    assert report.status != "refused" and not report.refusals
    assert rows[["zone_code", "name", "latitude", "longitude"]].values.tolist() == [
        ["PT-KCN-X", "KCN Thụy Vân", 21.3, 105.4]
    ]
