"""The prose helpers of the scorecard (tasks/reporting/scorecard/text.py), each rule both ways."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.reporting.scorecard import text
from tasks.reporting.scorecard.text import (
    has_figure,
    labelled,
    masked,
    mentions,
    norm,
    percent_value,
    percents,
    place_date,
    placeholder_hits,
    placeholder_hits_each,
    sentences,
    signature_names,
)


def test_norm_keeps_sentences_by_the_thousand_but_only_the_last_few_chapters():
    sentence = "Capaian\u00a0Indikator  “Laporan” – 100 %"
    chapter = ("Realisasi anggaran TW\u00a0IV mencapai 91,07 %. " * 200).strip()
    assert len(chapter) > text.KEPT_UP_TO
    text._kept_norm.cache_clear()
    text._long_norm.cache_clear()
    assert norm(sentence) == 'capaian indikator "laporan" - 100 %'
    assert norm(chapter) == ("realisasi anggaran tw iv mencapai 91,07 %. " * 200).strip()
    assert text._kept_norm.cache_info().currsize == 1  # the chapter is not among the sentences
    for n in range(text.LONG_KEPT + 5):  # more chapters than are kept: the oldest go
        norm(f"{n} {chapter}")
    assert text._long_norm.cache_info().currsize == text.LONG_KEPT
    assert norm(chapter) == norm(chapter.replace("\u00a0", " "))


def test_place_and_date():
    assert place_date("Simpang Empat, 31 Januari 2025") == date(2025, 1, 31)
    assert place_date("Padang,  5 mei 2025") == date(2025, 5, 5)
    assert place_date("Simpang Empat,     Januari 2025") is None  # the day left for the pen
    assert place_date("Simpang Empat, 31 Februari 2025") is None
    assert place_date("Pada 31 Januari 2025 laporan disusun") is None


@pytest.mark.parametrize("lines, names", [
    (["KETUA KPU KABUPATEN PASAMAN BARAT,", "", "", "Budi Santoso, S.H."], ["Budi Santoso, S.H."]),
    (["Sekretaris,", "ttd", "", "ANI LESTARI", "NIP. 198001012005012001"], ["ANI LESTARI"]),
    (["KETUA", "KPU KABUPATEN PASAMAN BARAT", "", "Budi Santoso"], ["Budi Santoso"]),  # jabatan on two lines
    (["KETUA KPU KABUPATEN PASAMAN BARAT,", "", "NAMA KETUA"], []),  # a placeholder is no name
    (["KETUA KPU KABUPATEN PASAMAN BARAT,", "Laporan ini disusun bersama seluruh jajaran sekretariat."], []),
    (["Budi Santoso"], []),  # a name without a jabatan above it is not a signature block
    (["KETUA,", "TTD", "(Tanda Tangan)", "Budi Santoso"], ["Budi Santoso"]),  # the marks of a signature
    (["Jabatan: Ketua KPU Kabupaten", "Nama: Budi Santoso"], []),  # the PK's identification, not a signature
])
def test_signature_blocks(lines, names):
    assert signature_names(lines) == names


@pytest.mark.parametrize("line, found", [
    ("NAMA KETUA", True), ("Nama Sekretaris", True), ("NIP. 19xxxxxxxxxxxxxx", True), ("NIP. ..........", True),
    ("[nama]", True), ("<NIP>", True), ("......", True), ("Nama: ……", True),
    ("Budi Santoso, S.H.", False), ("NIP. 198001012005012001", False), ("Nama : Budi Santoso", False),
    ("dan seterusnya…", False),
])
def test_placeholders(line, found):
    assert bool(placeholder_hits(line)) is found


def test_figures_are_found_whole():
    assert has_figure("Target 1 laporan, realisasi 1 laporan.", "1 laporan")
    assert has_figure("capaian 100,00 %", "100,00%")
    assert has_figure("pagu Rp 30.050.000.000,00", "Rp30.050.000.000,00")
    assert not has_figure("realisasi 10 laporan", "1")
    assert not has_figure("capaian 100,005%", "100,00%")
    assert not has_figure("capaian 91,07% dan 1,5", "1")
    assert percents("serapan 91,07% dan 1.234,5 %") == ["91,07%", "1.234,5%"]
    assert percent_value("106,19%") == 106.19 and percent_value("1 laporan") is None


def test_labels_and_masking():
    assert labelled("5)\tPenyebab keberhasilan/kegagalan: TW IV: Jumlah personel terbatas.") == (
        "5) penyebab keberhasilan/kegagalan tw iv", "Jumlah personel terbatas.")
    assert labelled("Pukul 10:30 rapat dimulai.") == ("", "Pukul 10:30 rapat dimulai.")
    a = masked("Upaya peningkatan Indeks A dilakukan melalui 3 kali rapat.", ("Indeks A",))
    b = masked("Upaya peningkatan Indeks B dilakukan melalui 12 kali rapat.", ("Indeks B",))
    assert a == b == "upaya peningkatan § dilakukan melalui # kali rapat"


def test_sentences_and_keywords():
    assert sentences("Target 100%. Realisasi 70,5%! Tahun 2024 berakhir.\nBaris baru") == (
        "Target 100%.", "Realisasi 70,5%!", "Tahun 2024 berakhir.", "Baris baru")
    assert mentions("Seluruh Kendala diatasi", ("kendala",))
    assert not mentions("Berkendala", ("kendala",))  # whole words only


# Pieces of the texts the placeholder and leftover patterns look for, and what sits around them: line
# breaks inside and between texts, dots, colons, brackets, case, letters that fold to ASCII.
PIECES = ("nama", "NAMA", " ", "  ", "ketua", "pihak", "kedua", "xxxx", "XXXXX", "x", "19", "nip", "NIP", ".",
          "...", "…", ":", "[", "]", "<", ">", "\n", "\t", "-", "_", "{{", "}}", "{%", "%}", "{#", "nan", "NaN",
          "None", "null", "a", "A1:B2", "!A1", "$", "laporan.xlsx", ".docx", "klik", "TODO", "lorem ipsum",
          "#N/A", "#REF!", "İ", "ı", "ſ", "K", "tempat", "tanggal", "KLIK", "Click", "\u212alik", "update FIELD",
          "Perbarui Daftar Isi", "TEKAN F9", "ketik di sini", "Bagian Ini Belum Diisi", "LOREM IPSUM", "NaT",
          "Nama", "nıp", "NİP", "Lap.CSV", "x.JSON", "ẞ")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=8).map("".join), max_size=8))
def test_searching_texts_together_finds_what_searching_each_finds(texts):
    """OneOf.each (one needle search over all texts joined) gives exactly what one call per text gives,
    for both pattern sets that use it."""
    from tasks.reporting.scorecard.formal import LEFTOVERS
    from tasks.reporting.scorecard.text import _PLACEHOLDERS

    for patterns in (LEFTOVERS, _PLACEHOLDERS):
        assert patterns.each(texts) == [patterns(text) for text in texts]
    assert placeholder_hits_each(texts) == [placeholder_hits(text) for text in texts]


def test_words_are_found_in_any_case_and_with_the_letters_that_fold_to_ascii():
    """The case-insensitive patterns' words are searched in the texts' lower case: 'KLIK', 'Klik' and
    the Kelvin sign's 'Klik' are found; a text whose lower case is longer (the dotted capital I) is
    looked at text by text, so a hit after it is still found in its own text."""
    from tasks.reporting.scorecard.formal import LEFTOVERS

    texts = ["Rencana aksi.", "KLIK di sini", "\u212alik", "Kinerja İndikator", "Perbarui DAFTAR ISI"]
    assert [bool(hits) for hits in LEFTOVERS.each(texts)] == [False, True, True, False, True]
    assert [bool(hits) for hits in LEFTOVERS.each(texts[:3] + texts[4:])] == [False, True, True, True]


def test_a_placeholder_in_one_text_of_many_is_found_in_that_text():
    texts = ["Simpang Empat, 31 Januari 2025", "NIP. 19xxxxxxxxxx", "Kepala", "NIP :", "…"]
    assert placeholder_hits_each(texts) == [[], ["NIP contoh ('19xxxx…')"], [], [], ["titik-titik isian"]]
