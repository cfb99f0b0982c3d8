"""An office's indicators tied to KPU RI's sasaran / IKU: read from either file, every mistake located."""

from __future__ import annotations

import pytest

from tasks.reading.nasional import NATIONAL_LIST, has_mapping_column, load_national, read_pemetaan

KNOWN = {"K01.I01", "K01.I02", "K02.I01"}


@pytest.fixture(scope="module")
def national() -> set[str]:
    return set(load_national()["kode"])


def test_the_shipped_national_list_is_valid():
    frame = load_national(NATIONAL_LIST)
    assert len(frame) >= 10 and frame["kode"].is_unique and frame["sasaran"].str.len().min() > 0


def test_a_mapping_file_is_read_and_an_unmapped_indicator_is_left_out(tmp_path, national):
    path = tmp_path / "pemetaan-nasional.csv"
    path.write_text("kode;kode_nasional\nK01.I01;SS3.IKU01\nk01.i02; ss1.iku02 \nK02.I01;\n", encoding="utf-8")
    frame, problems = read_pemetaan(path, KNOWN, national)
    assert not problems
    assert dict(zip(frame["kode"], frame["kode_nasional"])) == {"K01.I01": "SS3.IKU01", "K01.I02": "SS1.IKU02"}
    assert list(frame["sumber"]) == ["pemetaan-nasional.csv:2", "pemetaan-nasional.csv:3"]


def test_each_mistake_at_its_line(tmp_path, national):
    path = tmp_path / "pemetaan-nasional.csv"
    path.write_text("kode,kode_nasional\nK09.I09,SS1.IKU01\nK01.I01,SS9.IKU99\nK01.I02,IKU-1\n"
                    "K02.I01,SS1.IKU01\nK02.I01,SS2.IKU01\n", encoding="utf-8")
    frame, problems = read_pemetaan(path, KNOWN, national)
    found = {(p.row, p.value): p for p in problems}
    assert set(found) == {(2, "K09.I09"), (3, "SS9.IKU99"), (4, "IKU-1"), (6, "SS2.IKU01")}
    assert "tidak ada di RAK" in found[(2, "K09.I09")].message
    assert "tidak ada dalam daftar" in found[(3, "SS9.IKU99")].message
    # the hint names codes of the list, closest first, not a file of lkip's install staff cannot open
    assert found[(3, "SS9.IKU99")].hint.startswith(f"tulis salah satu kode sasaran/IKU KPU RI ({len(national)} kode, "
                                                   "mis. SS")
    assert "data/" not in found[(4, "IKU-1")].hint
    assert "dua kode nasional" in found[(6, "SS2.IKU01")].message and "pemetaan-nasional.csv:5" in \
        found[(6, "SS2.IKU01")].message
    assert list(frame["kode"]) == ["K02.I01"]  # nothing wrong is kept, nothing right is dropped


def test_the_attributes_file_may_carry_the_codes_and_both_files_must_agree(tmp_path, national):
    atribut = tmp_path / "atribut-indikator.csv"
    atribut.write_text("kode;polaritas;agregasi;kode_nasional\nK01.I01;+;LAST;SS3.IKU01\n", encoding="utf-8")
    assert has_mapping_column(atribut)
    first, problems = read_pemetaan(atribut, KNOWN, national)
    assert not problems
    mapping = tmp_path / "pemetaan-nasional.csv"
    mapping.write_text("kode;kode_nasional\nK01.I01;SS1.IKU01\nK01.I02;SS1.IKU02\n", encoding="utf-8")
    both, problems = read_pemetaan(mapping, KNOWN, national, first)
    assert [p.row for p in problems] == [2] and "atribut-indikator.csv:2" in problems[0].message
    assert dict(zip(both["kode"], both["kode_nasional"])) == {"K01.I01": "SS3.IKU01", "K01.I02": "SS1.IKU02"}


def test_the_sample_maps_most_indicators(sample_inputs):
    mapped = set(sample_inputs.pemetaan["kode"])
    assert len(mapped) == 43 and not mapped - set(sample_inputs.rak.indikator["kode"])


def test_a_mistyped_header_is_an_error_not_every_mapping_skipped(tmp_path, national):
    path = tmp_path / "pemetaan-nasional.csv"
    path.write_text("kode;kode nasionall\nK01.I01;SS3.IKU01\n", encoding="utf-8")
    frame, [problem] = read_pemetaan(path, KNOWN, national)
    assert frame.empty and problem.row == 1 and "kode_nasional" in problem.message and problem.hint
