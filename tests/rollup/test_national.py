"""The roll-up by KPU RI's framework: per national code, per province, unmapped indicators listed."""

from __future__ import annotations

import openpyxl
import pandas as pd
from docx import Document

from tasks.pipeline.office import OfficeRun
from tasks.rollup.consolidate import FRAMEWORK_SHEETS, write_docx, write_xlsx
from tasks.rollup.national import NO_PROVINCE, per_national, per_province, unmapped, with_framework

NATIONAL = pd.DataFrame({"kode": ["SS1.IKU01", "SS2.IKU01"], "sasaran": ["A", "B"], "iku": ["Tahapan", "Sosialisasi"]})


def rows() -> pd.DataFrame:
    return pd.DataFrame({
        "kode_satker": ["1", "1", "1", "2", "2"], "nama_satker": ["KPU A", "KPU A", "KPU A", "KPU B", "KPU B"],
        "kode": ["K01.I01", "K01.I02", "K02.I01", "K01.I01", "K09.I09"], "indikator": list("vwxyz"),
        "target": ["1"] * 5, "realisasi": [1, 0.5, 1, 1, 1], "capaian": [100.0, 50.0, 100.0, 80.0, 100.0],
        "kategori": ["Sangat Baik"] * 5, "status": ["tercapai", "belum tercapai", "tercapai", "belum tercapai",
                                                    "tercapai"]})


RUNS = [OfficeRun("a", "1", "KPU A", provinsi="Aceh", ok=True,
                  pemetaan={"K01.I01": "SS1.IKU01", "K01.I02": "SS1.IKU01", "K02.I01": "SS2.IKU01"}),
        OfficeRun("b", "2", "KPU B", provinsi="", ok=True, pemetaan={"K01.I01": "SS1.IKU01"}),
        OfficeRun("c", "3", "KPU C", provinsi="Aceh", ok=False)]


def test_per_national_code_an_office_counts_once_by_its_mean():
    framed = with_framework(rows(), RUNS)
    table = per_national(framed, NATIONAL).set_index("kode_nasional")
    first = table.loc["SS1.IKU01"]
    assert (first.jumlah_satker, first.jumlah_indikator) == (2, 3)
    assert (first.rata_rata, first.terendah, first.tertinggi) == (77.5, 75.0, 80.0)  # A: mean of 100 and 50
    assert first.satker_belum_tercapai == 2 and first.daftar_belum_tercapai == "KPU A; KPU B"
    assert table.loc["SS2.IKU01"].jumlah_satker == 1


def test_per_province_with_the_invalid_offices_and_a_missing_province():
    table = per_province(with_framework(rows(), RUNS), RUNS).set_index("provinsi")
    assert table.loc["Aceh"].tolist() == [1, 1, 3, 250 / 3, 1, "KPU A; KPU C"]
    assert table.loc[NO_PROVINCE].satker_dilaporkan == 1 and table.loc[NO_PROVINCE].daftar_satker == "KPU B"


def test_a_province_is_counted_by_its_official_name_and_an_unknown_one_kept_apart():
    runs = [OfficeRun("a", "1", "KPU A", provinsi="aceh", ok=True), OfficeRun("b", "2", "KPU B", provinsi="Acheh",
                                                                             ok=True), RUNS[2]]
    table = per_province(with_framework(rows(), runs), runs).set_index("provinsi")
    assert table.index.tolist() == ["Aceh", "Acheh (bukan nama provinsi yang dikenal)"]
    assert table.loc["Aceh"].tolist()[:2] == [1, 1]  # KPU A reported, KPU C (invalid) in Aceh too


def test_unmapped_indicators_are_listed_not_guessed():
    missing = unmapped(with_framework(rows(), RUNS))
    assert missing[["kode_satker", "kode"]].values.tolist() == [["2", "K09.I09"]]


def test_the_workbook_and_document_carry_the_framework(tmp_path):
    framed = with_framework(rows(), RUNS)
    framework = dict(zip(FRAMEWORK_SHEETS, (per_national(framed, NATIONAL), per_province(framed, RUNS),
                                            unmapped(framed))))
    xlsx = write_xlsx(framed, pd.DataFrame({"kode_satker": []}), [], tmp_path / "r.xlsx", framework)
    assert set(FRAMEWORK_SHEETS) <= set(openpyxl.load_workbook(xlsx).sheetnames)
    docx = write_docx(framed, pd.DataFrame({"kode_satker": ["1"], "nama_satker": ["KPU A"]}), [], 2024,
                      tmp_path / "r.docx", framework)
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "1 indikator dari 1 satker belum dipetakan" in text and "2 dari 2 IKU nasional" in text
    assert "Provinsi belum diisi pada profil KPU B." in text
    runs = [RUNS[0], OfficeRun("b", "2", "KPU B", provinsi="Acheh", ok=True), RUNS[2]]
    framed = with_framework(rows(), runs)
    framework[FRAMEWORK_SHEETS[1]] = per_province(framed, runs)
    dist = pd.DataFrame({"kode_satker": ["1"], "nama_satker": ["KPU A"]})
    text = "\n".join(p.text for p in Document(str(write_docx(framed, dist, [], 2024, tmp_path / "s.docx",
                                                              framework))).paragraphs)
    assert "Provinsi «Acheh» pada profil KPU B bukan nama salah satu dari 38 provinsi." in text
