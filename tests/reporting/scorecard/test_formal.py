"""The formal criteria (tasks/reporting/scorecard/formal.py), each on the minimal LKIP changed in one way:
the outline (D.1), signatures (3.a.3), reviu (3.a.4), date (3.a.6), quarterly tables (3.a.2), leftovers
(D.2), the table of contents (D.3), tables (D.4), cover and years (D.6)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from tests.reporting.scorecard.docs import (
    FACTS,
    h,
    inserted_after,
    not_passed,
    p,
    passing_spec,
    replaced,
    replaced_part,
    scored,
    table,
    toc,
    without,
)


def only(spec, folder, facts=FACTS) -> dict[str, str]:
    return not_passed(scored(spec, folder, facts))


# --- D.1 outline ---------------------------------------------------------------------------------

def test_outline_missing_part_fails(tmp_path):
    spec = replaced_part(passing_spec(), h(1, "IKHTISAR EKSEKUTIF"), h(1, "RINGKASAN"))
    results = scored(spec, tmp_path)
    assert results["D.1"].hasil == "gagal" and "Ikhtisar Eksekutif" in results["D.1"].temuan


def test_outline_out_of_order_fails(tmp_path):
    spec = passing_spec()
    toc_parts = [x for x in spec if x[0] in ("tocheading", "toc")]
    spec = [x for x in spec if x not in toc_parts]
    spec = inserted_after(spec, "DIREVIU", *toc_parts)  # Daftar Isi before Kata Pengantar
    results = scored(spec, tmp_path)
    assert results["D.1"].hasil == "gagal" and "Tidak pada urutannya: Daftar Isi" in results["D.1"].temuan


def test_outline_wrong_chapter_number_fails(tmp_path):
    spec = replaced(passing_spec(), "BAB III AKUNTABILITAS", "BAB II AKUNTABILITAS")
    results = scored(spec, tmp_path)
    assert results["D.1"].hasil == "gagal" and "seharusnya Bab III" in results["D.1"].temuan


def test_outline_missing_subpart_fails(tmp_path):
    spec = replaced(passing_spec(), "B. Realisasi Anggaran", "B. Keuangan")
    results = scored(spec, tmp_path)
    assert results["D.1"].hasil == "gagal" and "Realisasi Anggaran" in results["D.1"].temuan


@pytest.mark.parametrize("old, new", [
    ("BAB III AKUNTABILITAS KINERJA", "Bab III Akuntabilitas Kinerja"),  # case
    ("BAB III AKUNTABILITAS KINERJA", "BAB 3 AKUNTABILITAS KINERJA"),  # arabic numeral
])
def test_outline_is_tolerant_of_how_a_chapter_is_written(tmp_path, old, new):
    assert only(replaced(passing_spec(), old, new), tmp_path) == {}


def test_outline_accepts_a_chapter_title_over_two_lines(tmp_path):
    spec = replaced_part(passing_spec(), h(1, "BAB III AKUNTABILITAS KINERJA"), h(1, "BAB III"),
                         h(1, "AKUNTABILITAS KINERJA"))
    assert only(spec, tmp_path) == {}


# --- 3.a.3 signed ------------------------------------------------------------------------------

SIGNER = p("Budi Santoso, S.H.")


@pytest.mark.parametrize("placeholder", ["NAMA KETUA", "[nama ketua]", "........"])
def test_a_placeholder_signer_fails(tmp_path, placeholder):
    spec = replaced_part(passing_spec(), SIGNER, p(placeholder))
    assert only(spec, tmp_path) == {"3.a.3": "gagal"}


def test_a_placeholder_nip_fails(tmp_path):
    spec = inserted_after(passing_spec(), "Budi Santoso, S.H.", p("NIP. 19xxxxxxxxxxxxxx"))
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.a.3": "gagal"} and "NIP contoh" in results["3.a.3"].temuan


def test_kata_pengantar_without_date_fails(tmp_path):
    spec = without(passing_spec(), "Simpang Empat, 31 Januari 2025")
    results = scored(spec, tmp_path)
    assert results["3.a.3"].hasil == "gagal" and "tempat dan tanggal" in results["3.a.3"].temuan
    assert results["3.a.6"].hasil == "peringatan"


def test_kata_pengantar_without_signature_fails(tmp_path):
    spec = replaced_part(passing_spec(), SIGNER)
    results = scored(spec, tmp_path)
    assert results["3.a.3"].hasil == "gagal" and "blok tanda tangan" in results["3.a.3"].temuan


def test_an_expected_signer_not_printed_fails(tmp_path):
    facts = dataclasses.replace(FACTS, penandatangan=["Budi Santoso, S.H.", "Siti Aminah"])
    results = scored(passing_spec(), tmp_path, facts)
    assert not_passed(results) == {"3.a.3": "gagal"} and "Siti Aminah" in results["3.a.3"].temuan


# --- 3.a.4 reviewed ----------------------------------------------------------------------------

def _without_reviu(spec):
    return [x for x in spec if "DIREVIU" not in repr(x) and "mereviu" not in repr(x)
            and "Rudi Hartono" not in repr(x) and "Inspektur" not in repr(x) and "Jakarta" not in repr(x)]


def test_a_missing_reviu_page_fails_when_the_profile_names_a_reviewer(tmp_path):
    results = scored(_without_reviu(passing_spec()), tmp_path)
    assert not_passed(results) == {"3.a.4": "gagal"}


def test_a_missing_reviu_page_is_a_warning_otherwise(tmp_path):
    results = scored(_without_reviu(passing_spec()), tmp_path, dataclasses.replace(FACTS, reviu=False))
    assert not_passed(results) == {"3.a.4": "peringatan"}
    assert "Inspektorat" in results["3.a.4"].saran


def test_an_unsigned_reviu_page_fails(tmp_path):
    spec = [x for x in passing_spec() if "Rudi Hartono" not in repr(x)]
    assert only(spec, tmp_path) == {"3.a.4": "gagal"}


# --- 3.a.6 on time ------------------------------------------------------------------------------

def test_a_date_before_the_year_ends_fails(tmp_path):
    spec = replaced(passing_spec(), "Simpang Empat, 31 Januari 2025", "Simpang Empat, 31 Januari 2024")
    assert only(spec, tmp_path) == {"3.a.6": "gagal"}


def test_a_date_after_the_deadline_warns_and_the_deadline_is_the_offices(tmp_path):
    spec = replaced(passing_spec(), "Simpang Empat, 31 Januari 2025", "Simpang Empat, 20 Maret 2025")
    assert only(spec, tmp_path) == {"3.a.6": "peringatan"}
    assert only(spec, tmp_path, dataclasses.replace(FACTS, batas_waktu=date(2025, 3, 31))) == {}


# --- 3.a.2 periodic ------------------------------------------------------------------------------

def test_no_quarterly_table_warns(tmp_path):
    spec = without(passing_spec(), "TW I")
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.a.2": "peringatan"} and "hanya disebut" in results["3.a.2"].temuan


def test_a_quarter_column_with_quarters_in_its_rows_counts(tmp_path):
    rows = [["Indikator", "Triwulan", "Capaian"], ["A", "TW I", "50%"], ["A", "TW II", "100%"]]
    spec = without(passing_spec(), "TW I") + [table(rows)]
    assert only(spec, tmp_path) == {}


def test_quarters_in_the_rows_of_a_table_whose_header_does_not_speak_of_them_do_not_count(tmp_path):
    rows = [["Indikator", "Periode", "Capaian"], ["A", "Tahunan", "75%"], ["A", "TW I", "50%"], ["A", "TW II", "100%"]]
    spec = without(passing_spec(), "TW I") + [table(rows)]  # the header: its first two rows
    assert only(spec, tmp_path) == {"3.a.2": "peringatan"}


# --- D.2 leftovers ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("Capaian {{ i.capaian }} tercatat.", "tag template"),
    ("Realisasi nan pada triwulan ini.", "nilai kosong"),
    ("Nilai None dilaporkan.", "nilai kosong"),
    ("Bagian ini belum diisi.", "belum diisi"),
    ("Klik kanan lalu pilih Update Field untuk memperbarui.", "petunjuk"),
    ("Sumber data: RAK-2024.xlsx!RAK 2024!E7.", "nama berkas"),
    ("Sumber data: Indikator!F4.", "rujukan sel"),
])
def test_leftovers_in_the_text_fail_with_where(tmp_path, text, kind):
    spec = inserted_after(passing_spec(), "A. Rencana Strategis", p(text))
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"D.2": "gagal"}
    assert kind in results["D.2"].temuan and "Bab II Perencanaan Kinerja" in results["D.2"].temuan


def test_a_minang_place_name_is_not_a_leftover(tmp_path):
    spec = inserted_after(passing_spec(), "A. Rencana Strategis", p("Kecamatan Luhak Nan Duo dan Koto Balingka."))
    assert only(spec, tmp_path) == {}


# --- D.3 table of contents ---------------------------------------------------------------------

def test_an_unfilled_toc_field_fails(tmp_path):
    spec = [toc([("Daftar isi diperbarui saat dokumen dibuka di Word (klik kanan > Update Field).", "")])
            if x[0] == "toc" else x for x in passing_spec()]
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"D.3": "gagal"} and "belum berisi entri" in results["D.3"].temuan


def test_a_toc_without_a_chapter_fails(tmp_path):
    spec = [toc([e for e in x[1] if "PENUTUP" not in e[0]]) if x[0] == "toc" else x for x in passing_spec()]
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"D.3": "gagal"} and "Bab IV Penutup" in results["D.3"].temuan


def test_a_typed_toc_with_leaders_counts(tmp_path):
    typed = [p(f"{title} {'.' * 20} {page}") for title, page in next(x for x in passing_spec() if x[0] == "toc")[1]]
    spec = [y for x in passing_spec() for y in (typed if x[0] == "toc" else [x])]
    assert only(spec, tmp_path) == {}


# --- D.4 tables ----------------------------------------------------------------------------------

def test_rows_that_may_split_warn(tmp_path):
    spec = [("table", x[1], False, x[3]) if x[0] == "table" and "Pagu" in repr(x) else x for x in passing_spec()]
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"D.4": "peringatan"} and "«Kegiatan | Pagu" in results["D.4"].temuan


def test_a_long_table_without_repeated_header_warns(tmp_path):
    rows = [["No", "Aktivitas"]] + [[str(n), f"Aktivitas {n}"] for n in range(1, 20)]
    spec = passing_spec() + [table(rows, header=False)]
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"D.4": "peringatan"} and "20 baris" in results["D.4"].temuan
    assert only(passing_spec() + [table(rows)], tmp_path) == {}


# --- D.6 cover and years ------------------------------------------------------------------------

def test_a_cover_without_the_year_fails(tmp_path):
    spec = replaced_part(passing_spec(), ("title", "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2024"),
                         ("title", "LAPORAN KINERJA INSTANSI PEMERINTAH"))
    spec = replaced_part(spec, p("2024"))
    spec = [x for x in spec if "Kami telah mereviu" not in repr(x)]  # the reviu page names the year too
    spec = inserted_after(spec, "DIREVIU", p("Kami telah mereviu laporan kinerja ini sesuai pedoman reviu."))
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"D.6": "gagal"} and "tahun 2024" in results["D.6"].temuan


def test_a_title_naming_another_year_warns(tmp_path):
    spec = replaced_part(passing_spec(), h(2, "Capaian per Triwulan"), h(2, "Capaian per Triwulan Tahun 2023"))
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"D.6": "peringatan"} and "Tahun 2023" in results["D.6"].temuan


def test_a_title_on_last_years_evaluation_may_name_last_year(tmp_path):
    spec = inserted_after(passing_spec(), "BAB IV PENUTUP",
                          h(2, "C. Tindak Lanjut Rekomendasi Evaluasi Tahun 2023"))
    assert "D.6" not in only(spec, tmp_path)
    spec = inserted_after(passing_spec(), "BAB IV PENUTUP", h(2, "C. Tindak Lanjut Rekomendasi Evaluasi Tahun 2021"))
    assert only(spec, tmp_path).get("D.6") == "peringatan"  # two years back is not last year's follow-up
