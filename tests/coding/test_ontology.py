"""CAMEO table loader and PLOVER ontology helpers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from spillover import records
from spillover.coding import ontology
from spillover.coding.ontology import (
    EVENT_TYPES,
    CameoTable,
    quad_class_of_root,
)
from spillover.coding.plover import PLOVER_MODES, compatible_types
from spillover.errors import DataFileError

HEADER = "code\tlabel\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\n"


@pytest.fixture(scope="module")
def table() -> CameoTable:
    return CameoTable.load()


def test_loads_every_code(table: CameoTable) -> None:
    assert len(table) == 318
    codes = {c.code for c in table}
    assert {f"{r:02d}" for r in range(1, 21)} <= codes
    for extra in ("1213", "1214", "155", "176", "1834", "1951", "1952", "106"):
        assert extra in codes
    for c in table:
        assert c.parent is None or c.parent in codes
        assert c.label and c.label == c.label.strip()


def test_aerial_weapons_code(table: CameoTable) -> None:
    code = table.get("195")
    assert code.quad_class == 4
    assert code.goldstein < 0
    assert table.quad_class("195") == 4
    assert table.goldstein("195") == -10.0
    assert table.plover("195") == ("ASSAULT", "heavy-weapons", "military")


@pytest.mark.parametrize(
    ("code", "quad"),
    [
        ("010", 1),
        ("0256", 1),
        ("046", 1),
        ("057", 1),
        ("073", 2),
        ("0874", 2),
        ("090", 3),
        ("141", 3),
        ("139", 3),
        ("154", 4),
        ("163", 4),
        ("173", 4),
        ("186", 4),
        ("2042", 4),
    ],
)
def test_quad_class_by_root(table: CameoTable, code: str, quad: int) -> None:
    assert table.quad_class(code) == quad


def test_quad_class_matches_root_everywhere(table: CameoTable) -> None:
    for c in table:
        assert c.quad_class == quad_class_of_root(int(c.root))
        assert -10.0 <= c.goldstein <= 10.0


def test_goldstein_sign_follows_cooperation(table: CameoTable) -> None:
    assert table.goldstein("057") > 0  # sign formal agreement
    assert table.goldstein("0874") == 10.0  # retreat/surrender, most cooperative
    assert table.goldstein("173") < 0
    assert table.goldstein("1951") == table.goldstein("195")  # added code inherits parent's value


def test_unknown_subcode_falls_back_to_parent(table: CameoTable) -> None:
    assert table.get("1959").code == "195"
    assert table.get("19599").code == "195"
    assert table.get(" 0831 ").code == "0831"
    assert table.quad_class("1459") == 3
    assert "1959" not in table
    assert "195" in table


def test_unknown_code_raises_key_error(table: CameoTable) -> None:
    with pytest.raises(KeyError):
        table.get("77")
    with pytest.raises(KeyError):
        table.get("")


def test_codes_without_plover_type(table: CameoTable) -> None:
    untyped = {c.code for c in table if c.plover_type is None}
    assert untyped == {"01", "010", "011", "012", "013", "014", "015", "017"}
    assert table.plover("010") == (None, None, None)


def test_crosswalk_values_and_our_extensions(table: CameoTable) -> None:
    assert table.plover("163") == ("COERCE", "restrict", "diplomatic")  # kept as the crosswalk says
    assert table.plover("018")[0] == "SUPPORT"
    assert table.plover("0256") == ("REQUEST", "yield", "military")
    assert table.plover("176") == ("COERCE", None, "cyber")
    assert table.get("091").contexts == ("crime", "corruption")
    assert table.get("175").contexts == ("pro_autocracy", "military")
    assert table.get("040").contexts == ()


def test_every_mode_is_a_plover_mode(table: CameoTable) -> None:
    for c in table:
        if c.plover_mode is not None:
            assert c.plover_type is not None
            assert c.plover_mode in PLOVER_MODES[c.plover_type]


def test_event_types_reexported() -> None:
    assert EVENT_TYPES is records.EVENT_TYPES
    assert set(PLOVER_MODES) == set(EVENT_TYPES)


@pytest.mark.parametrize(
    ("ptype", "mode", "expected"),
    [
        ("ASSAULT", None, "190"),
        ("REQUEST", None, "100"),
        ("RETREAT", None, "087"),
        ("SANCTION", None, "160"),
        ("ASSAULT", "assassinate", "186"),
        ("ASSAULT", "firearms", "193"),
        ("COERCE", "arrest", "173"),
        ("CONSULT", "phone", "041"),
        ("RETREAT", "withdraw", "0874"),
        ("SANCTION", "convict", "160"),
        ("MOBILIZE", "troops", "154"),
    ],
)
def test_default_cameo(table: CameoTable, ptype: str, mode: str | None, expected: str) -> None:
    assert table.default_cameo(ptype, mode) == expected


def test_default_cameo_is_consistent_for_every_type_and_mode(table: CameoTable) -> None:
    for ptype in EVENT_TYPES:
        for mode in (None, *PLOVER_MODES[ptype]):
            code = table.default_cameo(ptype, mode)
            assert code in table, (ptype, mode)
            assert compatible_types(ptype, table.get(code).plover_type), (ptype, mode, code)


def test_default_cameo_rejects_unknown_type_or_mode(table: CameoTable) -> None:
    with pytest.raises(ValueError, match="FIGHT"):
        table.default_cameo("FIGHT")
    with pytest.raises(ValueError, match="phone"):
        table.default_cameo("ASSAULT", "phone")


def test_compatible_types() -> None:
    assert compatible_types("ASSAULT", "ASSAULT")
    assert compatible_types("CONCEDE", "RETREAT")
    assert compatible_types("RETREAT", "CONCEDE")
    assert not compatible_types("SANCTION", "COERCE")
    assert not compatible_types("SUPPORT", None)


def test_quad_class_of_root_bounds() -> None:
    assert [quad_class_of_root(r) for r in (1, 5, 6, 8, 9, 14, 15, 20)] == [1, 1, 2, 2, 3, 3, 4, 4]
    with pytest.raises(ValueError):
        quad_class_of_root(21)


def test_no_table_loaded_at_import() -> None:
    assert not any(isinstance(v, CameoTable) for v in vars(ontology).values())


# -- malformed files -------------------------------------------------------------
def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "cameo.tsv"
    path.write_text("# comment\n" + HEADER + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("19\tfight\t-10.0\t3\tASSAULT\t\t\n", 3, "quad_class 3 disagrees"),
        ("19\tfight\tlots\t4\tASSAULT\t\t\n", 3, "goldstein must be a number"),
        ("19\tfight\t-11\t4\tASSAULT\t\t\n", 3, "outside -10..10"),
        ("19\tfight\t-10.0\t4\tFIGHT\t\t\n", 3, "unknown PLOVER type"),
        ("19\tfight\t-10.0\t4\tASSAULT\tphone\t\n", 3, "not a PLOVER mode"),
        ("19\tfight\t-10.0\t4\tASSAULT\t\t\n1951\tdrone\t-10.0\t4\tASSAULT\t\t\n", 4, "before its parent 195"),
        ("19\tfight\t-10.0\t4\tASSAULT\t\t\n19\tagain\t-10.0\t4\tASSAULT\t\t\n", 4, "duplicate code"),
        ("1x\tbad\t0\t1\t\t\t\n", 3, "2-4 digits"),
        ("21\tbad\t0\t4\t\t\t\n", 3, "not a CAMEO root"),
        ("19\tfight\t-10.0\n", 3, "missing quad_class"),
        ("19\tfight\t-10.0\t4\tASSAULT\t\t\textra\n", 3, "8 fields"),
    ],
)
def test_malformed_row_reports_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(DataFileError) as err:
        CameoTable.load(path)
    assert f"{path}:{line}:" in str(err.value)
    assert message in str(err.value)


def test_bad_header_and_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("code\tlabel\tgoldstein\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(f"{path}:1: missing column")):
        CameoTable.load(path)
    with pytest.raises(DataFileError, match="cannot read"):
        CameoTable.load(tmp_path / "absent.tsv")
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(DataFileError, match="not UTF-8"):
        CameoTable.load(path)


def test_replacement_table_loads(tmp_path: Path) -> None:
    path = _write(tmp_path, "19\tfight\t-10.0\t4\tASSAULT\t\t\n195\tair\t-10.0\t4\tASSAULT\theavy-weapons\tmilitary\n")
    table = CameoTable.load(path)
    assert len(table) == 2
    assert table.get("1951").label == "air"


# -- agreement with the third-party crosswalk (development machines only) --------
_MODE_NORMALISED = {"085", "105", "124", "1241", "1242", "112", "1321", "171", "1711", "192", "1712", "175"}


def test_plover_types_follow_the_crosswalk(table: CameoTable, shared_eval: Path) -> None:
    crosswalk = shared_eval / "plover_gsr" / "CAMEO2PLOVER-2021.txt"
    if not crosswalk.is_file():
        pytest.skip("crosswalk not present")
    seen: set[str] = set()
    for raw in crosswalk.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([^#]*)", raw.strip())
        if not m or m.group(1) in seen:
            continue
        code = m.group(1)
        seen.add(code)
        parts = [p.strip() for p in m.group(2).split(",")]
        ptype, mode = parts[0], parts[1] if len(parts) > 1 else ""
        entry = table.get(code)
        assert entry.code == code
        assert entry.plover_type == ptype, code
        if code not in _MODE_NORMALISED:
            assert (entry.plover_mode or "") == mode, code
    assert len(seen) > 250
