"""Sentence pieces: names in the middle of a sentence read as the office writes them."""

import pytest

from tasks.reporting.words import join_id, lower_first


@pytest.mark.parametrize("text, name, expected", [
    ("Penyusunan rencana program tahunan", True, "penyusunan rencana program tahunan"),
    ("Penyusunan dokumen Rencana Kerja Anggaran Kementerian/Lembaga (RKAKL)", True,
     "penyusunan dokumen Rencana Kerja Anggaran Kementerian/Lembaga (RKAKL)"),  # a description holding a name
    ("Perencanaan Penganggaran Pemilu", True, "Perencanaan Penganggaran Pemilu"),  # a kegiatan's name
    ("Perencanaan Penganggaran Pemilu", False, "perencanaan Penganggaran Pemilu"),
    ("DPT diperbarui", False, "DPT diperbarui"),  # an acronym
    ("Pilkada serentak", False, "Pilkada serentak"),  # a word the office capitalises throughout
    ("Rekrutmen dan seleksi PPK, PPS, KPPS", True, "rekrutmen dan seleksi PPK, PPS, KPPS"),
])
def test_lower_first(text, name, expected):
    assert lower_first(text, name=name) == expected


def test_join_id():
    assert join_id(["a"]) == "a" and join_id(["a", "b"]) == "a dan b" and join_id(["a", "b", "c"]) == "a, b, dan c"
