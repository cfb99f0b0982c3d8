"""The criteria that hold the report to its plan and its own figures (tasks/reporting/scorecard/alignment.py):
the Perjanjian Kinerja (3.b.1), efficiency and absorption (3.b.8), recommendations (3.b.9), summaries
(D.5), last year's follow-up (3.c); each on the minimal LKIP changed in one way."""

from __future__ import annotations

import dataclasses

import pytest
from docx.oxml import OxmlElement

from tests.reporting.scorecard.docs import (
    FACTS,
    I2,
    I3,
    KETUA,
    KETUA_PROV,
    SEKRETARIS,
    h,
    inserted_after,
    not_passed,
    p,
    passing_spec,
    pk,
    replaced,
    scored,
    without,
)

PK_KETUA = pk(KETUA, "Budi Santoso, S.H.", KETUA_PROV, "Dedi Kurniawan")


def without_pk_ketua(keep_title: bool = False) -> list:
    """The minimal LKIP without the Ketua's Perjanjian Kinerja (the last of the two)."""
    spec = passing_spec()
    i = max(n for n, x in enumerate(spec) if x == PK_KETUA[0])
    return spec[:i + keep_title] + spec[i + len(PK_KETUA):]


# --- 3.b.1 Perjanjian Kinerja ---------------------------------------------------------------------

def test_a_missing_perjanjian_kinerja_fails(tmp_path):
    spec = without_pk_ketua(keep_title=True)
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.b.1": "gagal"}
    assert f"{KETUA} - {KETUA_PROV} tidak ditemukan" in results["3.b.1"].temuan


def test_a_pk_signed_by_one_party_fails(tmp_path):
    spec = replaced(passing_spec(), "\n\n\nDedi Kurniawan", "")
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.b.1": "gagal"} and "dua tanda tangan (ditemukan 1)" in results["3.b.1"].temuan


def test_an_indicator_missing_from_the_pk_tables_fails(tmp_path):
    spec = [("table", [r for r in x[1] if r[1:2] != [I3.nama]], *x[2:]) if x[0] == "table"
            and "'Target']" in repr(x[1][0]) else x for x in passing_spec()]
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.b.1": "gagal"}
    assert "tidak ada di tabel Perjanjian Kinerja: no. 3" in results["3.b.1"].temuan


def test_an_indicator_not_reported_in_bab_iii_fails(tmp_path):
    facts = dataclasses.replace(FACTS, indikator=FACTS.indikator + [dataclasses.replace(I2, nama="Indeks baru")])
    results = scored(passing_spec(), tmp_path, facts)
    assert results["3.b.1"].hasil == "gagal" and "tidak dilaporkan di Bab III: no. 5" in results["3.b.1"].temuan


def test_a_document_without_a_pk_table_fails(tmp_path):
    spec = replaced(passing_spec(), "Perjanjian Kinerja", "Kesepakatan")
    spec = replaced(spec, "PERJANJIAN KINERJA", "KESEPAKATAN")
    assert "Tabel Perjanjian Kinerja (indikator dan target) tidak ditemukan" in scored(spec, tmp_path)["3.b.1"].temuan


# --- 3.b.8 efficiency -----------------------------------------------------------------------------------

def test_no_capaian_against_serapan_fails(tmp_path):
    spec = [x for x in without(passing_spec(), "Efisiensi") if "'Capaian Kinerja', 'Serapan" not in repr(x)]
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.b.8": "gagal"} and "serapan anggaran" in results["3.b.8"].temuan


def test_a_sentence_comparing_both_percentages_is_enough(tmp_path):
    spec = [x for x in passing_spec() if "'Capaian Kinerja', 'Serapan" not in repr(x)]
    assert not_passed(scored(spec, tmp_path)) == {}


def test_a_budget_total_that_contradicts_the_computed_one_fails(tmp_path):
    spec = [("table", [["Jumlah", "Rp100.000.000", "Rp91.070.000", "92,00%"] if r[0] == "Jumlah" else r
                       for r in x[1]], *x[2:]) if x[0] == "table" else x for x in passing_spec()]
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.b.8": "gagal"} and "«92,00%»" in results["3.b.8"].temuan


def _budget_with_merged_total(total: str):
    """The budget table as Word holds it when 'Jumlah' is merged over two columns (one cell, gridSpan 2)."""
    def add(doc):
        rows = [["Kegiatan", "Sumber", "Pagu", "Serapan"], ["Perencanaan", "APBN", "Rp1", "95,10%"],
                ["Jumlah", "", "Rp1", total]]
        t = doc.add_table(rows=3, cols=4)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                t.cell(r, c).text = value
            t.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        t.cell(2, 0).merge(t.cell(2, 1)).text = "Jumlah"
    return [("raw", add) if x[0] == "table" and "'Pagu'" in repr(x) else x for x in passing_spec()]


def test_a_total_row_merged_over_its_first_columns_is_read_from_the_right(tmp_path):
    assert not_passed(scored(_budget_with_merged_total("91,07%"), tmp_path)) == {}
    results = scored(_budget_with_merged_total("92,00%"), tmp_path)
    assert not_passed(results) == {"3.b.8": "gagal"} and "«92,00%»" in results["3.b.8"].temuan


def test_an_ikhtisar_without_serapan_warns(tmp_path):
    results = scored(without(passing_spec(), "Serapan anggaran mencapai"), tmp_path)
    assert not_passed(results) == {"3.b.8": "peringatan"}


# --- 3.b.9 recommendations -----------------------------------------------------------------------

def test_a_missed_target_without_recommendation_fails(tmp_path):
    spec = passing_spec()
    i = spec.index(h(2, "B. Realisasi Anggaran"))
    spec = spec[:i] + without(spec[i:], "Rekomendasi:") + []  # Bab IV keeps its own
    spec = without(spec[:i], "Rekomendasi: Sub Bagian") + spec[i:]
    spec = inserted_after(spec, "Kesimpulan", p("Rekomendasi: Sub Bagian Teknis menyusun daftar periksa kampanye "
                                                "paling lambat Triwulan I 2025."))
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.b.9": "gagal"} and "tanpa rekomendasi: no. 2" in results["3.b.9"].temuan


@pytest.mark.parametrize("vague", [
    "Rekomendasi: perlu meningkatkan koordinasi dengan peserta kampanye paling lambat Triwulan I 2025.",
    "Rekomendasi: Sub Bagian Teknis Penyelenggaraan dan Hukum meningkatkan koordinasi dengan peserta.",
])
def test_a_recommendation_without_who_or_when_fails(tmp_path, vague):
    spec = replaced(passing_spec(), "Rekomendasi: Sub Bagian Teknis Penyelenggaraan dan Hukum menyusun daftar "
                    "periksa kepatuhan kampanye paling lambat Triwulan I 2025.", vague)
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.b.9": "gagal"} and "tanpa penanggung jawab atau waktu" in results["3.b.9"].temuan


def test_bab_iv_without_recommendations_fails(tmp_path):
    spec = passing_spec()
    i = spec.index(h(1, "BAB IV PENUTUP"))
    spec = spec[:i] + [x for x in spec[i:] if "Rekomendasi" not in repr(x)]
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.b.9": "gagal"} and "Bab IV" in results["3.b.9"].temuan


def test_a_bab_iv_heading_of_next_steps_counts(tmp_path):
    spec = passing_spec()
    i = spec.index(h(1, "BAB IV PENUTUP"))
    spec = spec[:i] + [x for x in spec[i:] if "Rekomendasi" not in repr(x)]
    spec = inserted_after(spec, "Sebagian besar indikator", h(2, "B. Langkah ke Depan"),
                          p("Memperkuat pemantauan kepatuhan peserta kampanye sejak awal tahapan."))
    assert not_passed(scored(spec, tmp_path)) == {}


# --- D.5 summaries agree ---------------------------------------------------------------------------

@pytest.mark.parametrize("claim", ["Seluruh indikator kinerja telah tercapai.", "Semua target tercapai."])
def test_all_met_beside_an_indicator_not_met_fails(tmp_path, claim):
    results = scored(inserted_after(passing_spec(), "Serapan anggaran mencapai", p(claim)), tmp_path)
    assert not_passed(results) == {"D.5": "gagal"} and "1 indikator belum tercapai" in results["D.5"].temuan


def test_all_met_is_true_when_every_indicator_is(tmp_path):
    facts = dataclasses.replace(FACTS, indikator=[dataclasses.replace(i, tercapai=True) for i in FACTS.indikator])
    spec = replaced(passing_spec(), "3 indikator tercapai dan 1 indikator belum tercapai", "seluruh indikator "
                    "tercapai")
    assert "D.5" not in not_passed(scored(spec, tmp_path, facts))


def test_a_count_that_contradicts_the_figures_fails(tmp_path):
    spec = replaced(passing_spec(), "3 indikator tercapai", "4 indikator tercapai")
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"D.5": "gagal"} and "hasil perhitungan 3" in results["D.5"].temuan


# --- 3.c follow-up of last year's recommendations ---------------------------------------------------

def test_no_follow_up_of_last_years_recommendations_warns(tmp_path):
    results = scored(without(passing_spec(), "ditindaklanjuti"), tmp_path)
    assert not_passed(results) == {"3.c": "peringatan"} and "2023" in results["3.c"].temuan


def test_pk_pihak_of_a_sekretaris_only_office(tmp_path):
    """An office whose profile expects one PK only: the second one in the document is not needed."""
    facts = dataclasses.replace(FACTS, pk_pihak=[(SEKRETARIS, KETUA)])
    spec = without_pk_ketua()
    assert not_passed(scored(spec, tmp_path, facts)) == {}
