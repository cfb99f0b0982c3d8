"""score_document as a whole: the minimal LKIP passes everything; one change flips exactly its criterion;
an unreadable file is one 'gagal'; the LKIP the pipeline renders is judged without a fault of ours."""

from __future__ import annotations

import zipfile

import pytest

from tasks.reporting.scorecard import score_document
from tasks.reporting.scorecard.score import CRITERIA
from tests.reporting.scorecard.docs import (
    FACTS,
    I1,
    I2,
    I3,
    I4,
    build,
    inserted_after,
    large,
    not_passed,
    p,
    passing_spec,
    replaced,
    replaced_part,
    scored,
)

REPEATED = p("Seluruh kegiatan dilaksanakan sesuai jadwal dengan dukungan penuh dari pegawai sekretariat.")


def test_the_minimal_lkip_passes_every_criterion(tmp_path):
    results = scored(passing_spec(), tmp_path)
    assert [k.nomor for k in results.values()] == [nomor for nomor, _, _ in CRITERIA]
    assert not_passed(results) == {}
    assert all(k.temuan and not k.saran for k in results.values())


def test_a_long_lkip_in_its_own_words_passes_too(tmp_path):
    """The 60-page LKIP bench/scorecard_bench.py times: 31 indicators, each analysis in its own words."""
    spec, facts = large(31)
    assert not_passed(scored(spec, tmp_path, facts)) == {}


def _repeat_in_four(spec):
    for n, fakta in enumerate((I1, I2, I3, I4), 1):
        spec = inserted_after(spec, f"{n}. {fakta.nama}", REPEATED)
    return spec


MUTATIONS = {
    "PK tanpa PIHAK KEDUA": (lambda s: replaced(s, "PIHAK KEDUA", "PIHAK LAIN"), {"3.b.1": "gagal"}),
    "kalimat sama di 4 analisis": (_repeat_in_four, {"3.b.7-F": "gagal"}),
    "NAMA KETUA": (lambda s: replaced_part(s, p("Budi Santoso, S.H."), p("NAMA KETUA")), {"3.a.3": "gagal"}),
    "serapan berbeda": (lambda s: replaced(s, "91,07%", "90,07%"), {"3.b.8": "gagal"}),
}


@pytest.mark.parametrize("name", MUTATIONS)
def test_one_change_flips_exactly_its_criterion(tmp_path, name):
    mutate, expected = MUTATIONS[name]
    assert not_passed(scored(mutate(passing_spec()), tmp_path)) == expected


def test_the_messages_say_what_and_where(tmp_path):
    results = scored(_repeat_in_four(passing_spec()), tmp_path)
    assert "«Seluruh kegiatan dilaksanakan sesuai jadwal" in results["3.b.7-F"].temuan
    assert "di 4 indikator" in results["3.b.7-F"].temuan
    results = scored(MUTATIONS["NAMA KETUA"][0](passing_spec()), tmp_path)
    assert "«NAMA KETUA»" in results["3.a.3"].temuan and "Kata Pengantar" in results["3.a.3"].temuan
    results = scored(MUTATIONS["serapan berbeda"][0](passing_spec()), tmp_path)
    assert "90,07%" in results["3.b.8"].temuan and "91,07%" in results["3.b.8"].temuan


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04 truncated"])
def test_a_file_that_is_not_a_docx_is_one_gagal_without_traceback(tmp_path, content):
    path = tmp_path / "LKIP-2024.docx"
    path.write_bytes(content)
    results = score_document(path, FACTS)
    assert [(k.nomor, k.hasil) for k in results] == [("D.0", "gagal")]
    assert "LKIP-2024.docx tidak dapat dibaca" in results[0].temuan and "Traceback" not in results[0].temuan


def test_a_zip_without_a_document_is_one_gagal(tmp_path):
    path = tmp_path / "LKIP-2024.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    [result] = score_document(path, FACTS)
    assert result.hasil == "gagal" and "dokumen utama" in result.temuan


def test_a_damaged_document_part_is_one_gagal(tmp_path):
    good = build(passing_spec(), tmp_path / "good.docx")
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            out.writestr(info, data[: len(data) // 2] if info.filename == "word/document.xml" else data)
    [result] = score_document(bad, FACTS)
    assert result.hasil == "gagal" and "bad.docx" in result.temuan


def test_a_missing_file_is_one_gagal(tmp_path):
    [result] = score_document(tmp_path / "absent.docx", FACTS)
    assert result.hasil == "gagal"


@pytest.mark.parametrize("spec", [[], [p("Hanya satu paragraf.")], [("table", [["a", "b"]], True, True)],
                                  [("title", "LAPORAN AKUNTABILITAS KINERJA INSTANSI PEMERINTAH 2024")]])
def test_a_document_without_the_expected_parts_is_judged_by_every_criterion(tmp_path, spec):
    results = scored(spec, tmp_path)
    assert len(results) == len(CRITERIA) and not [k for k in results.values() if "tidak dapat" in k.temuan]
    assert results["D.1"].hasil == "gagal" and "Tidak ditemukan judul: Kata Pengantar" in results["D.1"].temuan
    assert "urutannya" not in results["D.1"].temuan  # a LAKIP cover title is not a misplaced Bab III


def test_the_lkip_the_pipeline_renders_is_judged_by_every_criterion(sample_inputs, tmp_path):
    """Whatever the template of the day prints, every criterion runs (no 'tidak dapat dijalankan')."""
    from tasks.measuring.figures import Period
    from tasks.reporting.documents import render_period

    lkip = render_period(sample_inputs, Period(2024), tmp_path).local
    results = score_document(lkip, FACTS)
    assert len(results) == len(CRITERIA)
    assert not [k for k in results if "tidak dapat dijalankan" in k.temuan]
