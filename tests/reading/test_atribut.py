"""The attributes in force (issue 12, items 5 and 7): the office's file where given, inferred well
otherwise (lower-is-better from the indicator's words and from a threshold target), every inference
a warning; qualitative and threshold targets measured on their own terms."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from tasks.measuring.capaian import BELUM_TERCAPAI, TERCAPAI, compute_capaian, compute_capaian_table
from tasks.problems import Severity
from tasks.reading.atribut import attributes, infer_attribute, read_atribut
from tasks.reading.office import load_inputs
from tasks.reading.parse import parse_target
from tasks.reading.scales import builtin_scale, parse_scale
from tasks.reading.settings import Settings

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"


@pytest.mark.parametrize("nama, satuan, agregasi", [
    ("Jumlah Laporan Sistem Akuntansi", "laporan", "SUM"),
    ("Tingkat kepatuhan pelaksanaan kampanye terhadap regulasi", "laporan", "LAST"),
    ("Tingkat ketersediaan logistik pemilu di TPS tepat waktu", "laporan", "LAST"),
    ("Persentase rekapitulasi yang diselesaikan tepat waktu", "laporan", "LAST"),
    ("Persentase anggaran yang terserap", "%", "LAST"),
    ("Indeks kepuasan layanan", "indeks", "AVG"),
    ("Rencana program disusun", "laporan", "SUM"),
])
def test_attribute_inference(nama, satuan, agregasi):
    polaritas, rule, _, reason = infer_attribute(nama, satuan)
    assert rule == agregasi and polaritas == "+" and reason


@pytest.mark.parametrize("nama, polaritas", [
    ("Persentase penyelenggara yang terbukti melakukan Pelanggaran kode etik", "-"),
    ("Jumlah kesalahan input data pemilih", "-"), ("Persentase keterlambatan penyampaian laporan", "-"),
    ("Persentase pemilih tidak masuk daftar", "-"), ("Jumlah aduan masyarakat", "-"),
    ("Jumlah temuan BPK", "-"), ("Jumlah sengketa proses pemilihan", "-"),
    ("Jumlah sengketa yang selesai tepat waktu", "+"), ("Persentase temuan yang ditindaklanjuti", "+"),
    ("Persentase aduan yang diselesaikan", "+"), ("Persentase partisipasi pemilih", "+"),
    # what was done about the bad thing keeps it higher-is-better (issue 14): the sample's K01.I11, K08.I02, K11.I02
    ("Rasio penyelesaian sengketa hukum pemilu yang difasilitasi", "+"),
    ("Tingkat penyelesaian pelanggaran kampanye yang ditangani", "+"),
    ("Jumlah sengketa hasil pemilu yang selesai tepat waktu", "+"), ("Persentase pengaduan yang tertangani", "+"),
    ("Jumlah sengketa yang difasilitasi", "+"), ("Persentase penanganan pelanggaran", "+"),
    ("Jumlah sengketa hukum pemilu", "-"), ("Jumlah pelanggaran kampanye", "-"), ("Persentase kasus sengketa", "-"),
])
def test_lower_is_better_is_recognised_from_the_words(nama, polaritas):
    assert infer_attribute(nama, "%")[0] == polaritas


def test_a_threshold_target_gives_the_direction():
    assert infer_attribute("Persentase kesalahan", "%", ">=")[0] == "+"
    assert infer_attribute("Persentase partisipasi", "%", "<=")[0] == "-"
    assert "target '<='" in infer_attribute("Persentase partisipasi", "%", "<=")[3]


def test_attributes_given_win_and_inferences_are_listed():
    indikator = pd.DataFrame({"kode": ["K01.I01", "K01.I02"], "nama": ["Jumlah laporan", "Persentase x"],
                              "target_satuan": ["laporan", "%"]})
    atribut = pd.DataFrame({"kode": ["K01.I01"], "polaritas": ["-"], "agregasi": ["MAX"], "jenis_nilai": [None],
                            "target_tw1": [None], "target_tw2": [None], "target_tw3": [None], "target_tw4": [None],
                            "skala": [None]})
    attrs = attributes(indikator, atribut).set_index("kode")
    assert tuple(attrs.loc["K01.I01", ["polaritas", "agregasi", "asal"]]) == ("-", "MAX", "berkas")
    assert tuple(attrs.loc["K01.I02", ["agregasi", "asal"]]) == ("LAST", "dugaan")
    assert attrs.loc["K01.I02", "alasan"]


def test_every_inferred_attribute_is_a_warning_to_confirm():
    inputs = load_inputs([SAMPLE])
    inferred = set(inputs.attributes.loc[inputs.attributes["asal"] == "dugaan", "kode"])
    warned = {p.value for p in inputs.problems if p.severity is Severity.WARNING and "diduga" in p.message}
    assert inferred and warned == inferred
    assert all(p.file == "atribut-indikator.csv" for p in inputs.problems if "diduga" in p.message)


def test_a_duplicate_code_in_the_attribute_file_is_located_not_a_crash(tmp_path):
    path = tmp_path / "atribut-indikator.csv"
    path.write_text("kode;polaritas;agregasi\nK01.I01;+;SUM\nK01.I02;+;LAST\nK01.I01;-;LAST\n", encoding="utf-8")
    frame, problems = read_atribut(path)
    assert list(frame["kode"]) == ["K01.I01", "K01.I02"]
    (problem,) = problems
    assert problem.row == 4 and "baris 2 dan 4" in problem.message


def test_an_attribute_file_saved_as_ansi_is_read(tmp_path):
    path = tmp_path / "atribut-indikator.csv"
    path.write_bytes("kode;polaritas;agregasi;catatan\nK01.I01;+;SUM;rekapitulasi – final\n".encode("cp1252"))
    frame, problems = read_atribut(path)
    assert problems == [] and list(frame["kode"]) == ["K01.I01"]


# --- qualitative and threshold targets ----------------------------------------------------------------

@pytest.mark.parametrize("text, label", [("WTP", "WTP"), ("Opini WTP", "WTP"), ("wajar tanpa pengecualian", "WTP"),
                                         ("Tersedia", "Tersedia"), ("Tepat Waktu", "Tepat Waktu")])
def test_qualitative_targets_find_their_scale(text, label):
    target = parse_target(text)
    assert target.kualitatif == text and builtin_scale(text).canonical(text) == label


def test_an_office_writes_its_own_scale():
    scale = parse_scale("Kurang|Cukup|Baik|Sangat Baik")
    assert scale.position("baik") == 2 and parse_scale("WTP > WDP > TW > TMP").labels == ("TMP", "TW", "WDP", "WTP")
    with pytest.raises(ValueError):
        parse_scale("Baik")


@pytest.mark.parametrize("realised, capaian, status", [("WTP", 100, TERCAPAI), ("WDP", 200 / 3, BELUM_TERCAPAI),
                                                       ("TMP", 0, BELUM_TERCAPAI)])
def test_a_qualitative_realisation_is_measured_on_its_scale(realised, capaian, status):
    scale = builtin_scale("WTP")
    hasil = compute_capaian(scale.position(realised), scale.position("WTP"), on_scale=True)
    assert hasil.capaian == pytest.approx(capaian) and hasil.status == status


@pytest.mark.parametrize("target, realised, met", [
    ("≥ 75%", 75, True), ("> 75%", 75, False), ("minimal 80%", 79, False), ("maksimal 2%", 2, True),
    ("< 2%", 2, False), ("< 2%", 1.5, True)])
def test_a_threshold_target_is_met_when_its_comparison_holds(target, realised, met):
    parsed = parse_target(target)
    polaritas = "+" if parsed.arah in (">=", ">") else "-"
    hasil = compute_capaian(realised, parsed.nilai, polaritas, arah=parsed.arah)
    assert (hasil.status == TERCAPAI) == met


def _office_with_targets(tmp_path, targets: dict[int, str], atribut: str | None = None):
    """A copy of the sample with kegiatan 1's first targets replaced (RAK rows 7, 9, ...)."""
    from openpyxl import load_workbook

    folder = tmp_path / "masukan"
    shutil.copytree(SAMPLE, folder)
    book = load_workbook(folder / "RAK-2024.xlsx")
    for row, text in targets.items():
        book.active.cell(row=row, column=5).value = text
    book.save(folder / "RAK-2024.xlsx")
    if atribut is not None:
        (folder / "atribut-indikator.csv").write_text(atribut, encoding="utf-8")
    return folder


def test_qualitative_and_threshold_targets_no_longer_stop_the_office(tmp_path):
    folder = _office_with_targets(tmp_path, {7: "Opini WTP", 9: "≥ 75%", 11: "maksimal 2%"},
                                  atribut="kode;polaritas;agregasi\n")
    inputs = load_inputs([folder])
    errors = [p for p in inputs.problems if p.severity is Severity.ERROR]
    assert not [p for p in errors if p.file == "RAK-2024.xlsx"]
    ind = inputs.rak.indikator.set_index("kode")
    assert ind.loc["K01.I01", "target_kualitatif"] == "WTP"
    assert (ind.loc["K01.I02", "target_arah"], ind.loc["K01.I02", "target_nilai"]) == (">=", 75)
    attrs = inputs.attributes.set_index("kode")
    assert attrs.loc["K01.I01", "skala"] == "TMP|TW|WDP|WTP" and attrs.loc["K01.I03", "polaritas"] == "-"


def test_a_threshold_against_the_given_polarity_is_an_error_at_the_target(tmp_path):
    folder = _office_with_targets(tmp_path, {9: "≥ 75%"}, atribut="kode;polaritas;agregasi\nK01.I02;-;LAST\n")
    (problem,) = [p for p in load_inputs([folder]).problems if "berarti" in p.message]
    assert problem.cell == "E9" and problem.severity is Severity.ERROR


def test_a_qualitative_target_without_a_scale_is_an_error_at_the_target(tmp_path):
    folder = _office_with_targets(tmp_path, {7: "Terakreditasi"})
    (problem,) = [p for p in load_inputs([folder]).problems if "tanpa skala" in p.message]
    assert problem.cell == "E7" and "skala" in problem.hint


def test_a_qualitative_realisation_is_read_by_its_label_and_printed_so(tmp_path):
    from openpyxl import load_workbook

    from tasks.measuring.figures import Period, measure
    from tasks.reading import form_layout as form

    folder = _office_with_targets(tmp_path, {7: "WTP"})
    cols = {c.key: i for i, c in enumerate(form.indikator_columns(), start=1)}
    for tw, label in ((1, "WDP"), (2, None), (3, None), (4, "Wajar Tanpa Pengecualian")):
        path = folder / f"realisasi-2024-TW{tw}.xlsx"
        book = load_workbook(path)
        ws = book[form.SHEET_INDIKATOR]
        row = next(r for r in range(form.HEADER_ROW + 1, ws.max_row + 1)
                   if ws.cell(row=r, column=1).value == "K01.I01")
        ws.cell(row=row, column=cols["target"]).value = "WTP"  # the form as made from the revised RAK
        ws.cell(row=row, column=cols["realisasi"]).value = label
        book.save(path)
    inputs = load_inputs([folder])
    assert inputs.ok, [p.describe() for p in inputs.problems if p.severity is Severity.ERROR]
    year = measure(inputs, Period(2024)).capaian.set_index("kode").loc["K01.I01"]
    assert (year["realisasi_teks"], year["capaian"], year["status"]) == ("WTP", 100, TERCAPAI)
    march = measure(inputs, Period(2024, bulan=3)).capaian.set_index("kode").loc["K01.I01"]
    assert march["realisasi_teks"] == "WDP" and march["capaian"] == pytest.approx(200 / 3)
    assert compute_capaian_table  # the table builder is the one the figures use
    assert Settings().batas_capaian == 100
