"""One office-year folder: files found, cross-file checks (BAD_INPUTS.md 20, 21, 23)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tasks.problems import Severity
from tasks.reading import form_layout as form
from tasks.reading.office import load_inputs

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "pasbar-2024"
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns("sumber"))
    return target


def edit(path: Path, sheet: str, ref: str, value) -> None:
    book = load_workbook(path)
    book[sheet][ref] = value
    book.save(path)


def errors(inputs):
    return [p for p in inputs.problems if p.severity is Severity.ERROR]


def test_lock_and_system_files_are_ignored(folder):
    (folder / "~$RAK-2024.xlsx").write_bytes(b"\0" * 10)
    (folder / "desktop.ini").write_text("[.ShellClassInfo]")
    inputs = load_inputs([folder])
    assert inputs.ok
    assert {f["file"]: f["jenis"] for f in inputs.files}["~$RAK-2024.xlsx"] == "diabaikan"


def test_quarter_of_another_office_is_an_error(folder):
    edit(folder / "realisasi-2024-TW2.xlsx", form.SHEET_IDENTITAS, "B3", "0101")
    (problem,) = errors(load_inputs([folder]))
    assert problem.file == "realisasi-2024-TW2.xlsx" and "satker lain" in problem.message


def test_quarter_of_another_year_is_an_error(folder):
    edit(folder / "realisasi-2024-TW3.xlsx", form.SHEET_IDENTITAS, "B5", 2023)
    (problem,) = errors(load_inputs([folder]))
    assert problem.file == "realisasi-2024-TW3.xlsx" and "2023" in problem.message


def test_two_files_for_one_quarter_is_an_error(folder):
    shutil.copy(folder / "realisasi-2024-TW1.xlsx", folder / "realisasi-2024-TW1-revisi.xlsx")
    assert any("triwulan 1 juga ada" in p.message for p in errors(load_inputs([folder])))


def test_falling_cumulative_value_is_a_warning(folder):
    # K01.I01 is cumulative in the sample; TW III below TW II
    edit(folder / "realisasi-2024-TW3.xlsx", form.SHEET_INDIKATOR, "F4", 0)
    edit(folder / "realisasi-2024-TW2.xlsx", form.SHEET_INDIKATOR, "F4", 1)
    inputs = load_inputs([folder])
    assert inputs.ok
    (warning,) = [p for p in inputs.problems if "turun" in p.message]
    assert warning.file == "realisasi-2024-TW3.xlsx" and warning.cell == "F4"


def test_all_problems_of_all_files_are_reported_together(folder):
    edit(folder / "realisasi-2024-TW1.xlsx", form.SHEET_INDIKATOR, "F4", "95.5")
    edit(folder / "realisasi-2024-TW4.xlsx", form.SHEET_ANGGARAN, "D4", "#REF!")
    (folder / "RAK-2024.xlsx").write_bytes(b"")
    files = {p.file for p in errors(load_inputs([folder]))}
    assert files == {"realisasi-2024-TW1.xlsx", "realisasi-2024-TW4.xlsx", "RAK-2024.xlsx"}


def test_folder_without_rak(folder):
    (folder / "RAK-2024.xlsx").unlink()
    assert any("RAK tidak ditemukan" in p.message for p in errors(load_inputs([folder])))


def test_attribute_file_problems_name_the_line(folder):
    path = folder / "atribut-indikator.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",+,", ",naik turun,", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (problem,) = errors(load_inputs([folder]))
    assert problem.file == "atribut-indikator.csv" and problem.row == 2 and "polaritas" in problem.message


def test_gap_in_quarters_is_a_warning(folder):
    (folder / "realisasi-2024-TW2.xlsx").unlink()
    inputs = load_inputs([folder])
    assert inputs.ok
    (warning,) = [p for p in inputs.problems if p.severity is Severity.WARNING and "formulir realisasi" in p.message]
    assert "triwulan 2 tidak ada" in warning.message


def test_rak_of_another_year_is_an_error(folder):
    inputs = load_inputs([folder], tahun=2025)
    assert any("RAK untuk tahun 2024, bukan 2025" in p.message for p in errors(inputs))


@pytest.mark.parametrize("name, content, word", [
    ("pengaturan.toml", 'capaian = 5\n', "capaian"),
    ("pengaturan.toml", '[capaian]\nbatas = "abc"\n', "batas capaian 'abc' tidak didukung"),
    ("pengaturan.toml", '[capaian]\nbatas = 150\n', "batas capaian 150 tidak didukung"),
    ("pengaturan.toml", '[capaian]\nefisiensi = 3\n', "aturan efisiensi '3'"),
    ("pengaturan.toml", '[[capaian.kategori]]\nlabel = "A"\n', "batas bawah kategori harus angka"),
    ("pengaturan.toml", '[[capaian.kategori]]\nbawah = 80\n', "label kategori kosong"),
    ("pengaturan.toml", '[capaian]\nbatas = 100\nbatas = 110\n', "isian ditulis dua kali"),
    ("atribut-indikator.csv", "", None),
    ("riwayat-indikator.csv", "kode;tahun;realisasi\nK01.I01;;1\nK01.I02;2023;1\nK01.I02;2023;2\n", "tahun kosong"),
    ("narasi.toml", "kesimpulan = 5\n", "bagian 'kesimpulan' harus teks"),
    ("narasi.toml", 'langkah = ["a", 2]\n', "bagian 'langkah' harus teks"),
    ("narasi.toml", 'kesimpulan = "tanpa penutup\n', "tanda kutip pembuka tanpa penutup"),
    ("profil.toml", "satker = 5\n", "[satker] harus berupa bagian"),
    ("profil.toml", '[satker]\nkode = "1312"\nnama = ["a"]\n', "isian 'nama' harus teks"),
    ("profil.toml", '[satker]\nkode = "1312"\nnama = "x"\n[penandatangan]\nketua = "A"\n',
     "[penandatangan.ketua] harus berupa bagian"),
    ("profil.toml", 'sub_bagian = "PDI"\n[satker]\nkode = "1312"\nnama = "x"\n', "[[sub_bagian]] harus"),
    ("profil.toml", '[satker]\nkode = "1312"\nnama = "x"\n[[sumber_dana]]\nkode = "HIBAH"\nnama = "Hibah"\n'
                    'pagu_total = "banyak"\n', "isian 'pagu_total' bukan jumlah rupiah"),
    ("pembanding-indikator.csv", "kode;tingkat;wilayah;tahun;nilai;sumber\nK02.I02;nasional;Indonesia;2023;96,88;\n",
     "sumber kosong"),
])
def test_broken_side_files_are_reported_not_crashed(folder, name, content, word):
    path = folder / name
    path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    inputs = load_inputs([folder])
    if word is None:
        assert inputs.ok
    else:
        assert any(p.file == name and word in p.message for p in errors(inputs))


def test_every_mistake_in_a_settings_file_is_reported_at_once(folder):
    (folder / "pengaturan.toml").write_text('[capaian]\nbatas = 150\nefisiensi = "cepat"\n[[capaian.kategori]]\n'
                                            'bawah = "x"\nlabel = "A"\n', encoding="utf-8")
    found = [p for p in errors(load_inputs([folder])) if p.file == "pengaturan.toml"]
    assert len(found) == 3 and all(p.hint and p.sheet for p in found)


def test_settings_and_narasi_entries_that_mean_nothing_are_warned(folder):
    (folder / "pengaturan.toml").write_text('[capaian]\nbatas = 100\nbtas = 110\n', encoding="utf-8")
    (folder / "narasi.toml").write_text('kesimpulann = "Kinerja baik."\n', encoding="utf-8")
    inputs = load_inputs([folder])
    warnings = {p.file: p for p in inputs.problems if p.severity is Severity.WARNING and "tidak dikenal" in p.message}
    assert "btas" in warnings["pengaturan.toml"].message
    assert "kesimpulann" in warnings["narasi.toml"].message and "'kesimpulan'" in warnings["narasi.toml"].hint
    assert inputs.ok


def test_office_text_files_saved_as_ansi_or_utf16_are_read(folder):
    path = folder / "profil.toml"
    text = path.read_text(encoding="utf-8").replace('alamat = "Jl.', 'alamat = "Jl. Pahlawan Nagari Koto Baru – Jl.')
    path.write_bytes(text.replace("–", "\u2013").encode("cp1252"))
    (folder / "narasi.toml").write_bytes('kesimpulan = "Capaian tahun {tahun} baik."\n'.encode("utf-16"))
    (folder / "riwayat-indikator.csv").write_bytes("kode\ttahun\trealisasi\nK01.I01\t2023\t1\n".encode("utf-16"))
    inputs = load_inputs([folder])
    assert inputs.ok, [p.describe() for p in errors(inputs)]
    assert "\u2013" in inputs.profile.alamat and inputs.narasi["kesimpulan"] == ["Capaian tahun {tahun} baik."]
    assert list(inputs.riwayat["kode"]) == ["K01.I01"]


def test_report_signer_missing_is_an_error_and_placeholder_a_warning(folder):
    path = folder / "profil.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('penandatangan = "ketua"', 'penandatangan = "kepala"'), encoding="utf-8")
    (problem,) = [p for p in errors(load_inputs([folder])) if p.file == "profil.toml"]
    assert "penandatangan laporan (kepala)" in problem.message and "[penandatangan.kepala]" in problem.hint
    path.write_text(text, encoding="utf-8")  # the sample's (illustrative) names: nothing to say
    assert not [p for p in load_inputs([folder]).problems if p.file == "profil.toml"]
    placeholders = text.replace('nama = "Andri Saputra"', 'nama = "NAMA KETUA"')
    path.write_text(placeholders, encoding="utf-8")
    inputs = load_inputs([folder])
    warned = [p.message for p in inputs.problems if p.file == "profil.toml"]
    assert inputs.ok and any("NAMA KETUA" in m for m in warned)
    path.write_text(placeholders.replace('penandatangan = "ketua"', 'penandatangan = "sekretaris"')
                    .replace('nama = "Rina Marlina, S.E., M.Si."', 'nama = "NAMA SEKRETARIS"')
                    .replace('nip = "198207142008012005"', 'nip = "19xxxxxxxxxxxxxxxx"'), encoding="utf-8")
    warned = [p.message for p in load_inputs([folder]).problems if p.file == "profil.toml"]
    assert any("NAMA SEKRETARIS" in m for m in warned) and any("NIP" in m for m in warned)


def test_grant_pagu_adds_up_to_the_nphd_and_a_difference_is_warned(folder):
    assert not [p for p in load_inputs([folder]).problems if "pagu_total" in p.message]
    edit(folder / "realisasi-2024-TW4.xlsx", form.SHEET_ANGGARAN, "D5", 9_000_000_000)  # K01 HIBAH, revised down
    inputs = load_inputs([folder])
    (warning,) = [p for p in inputs.problems if "pagu_total" in p.message]
    assert inputs.ok and warning.severity is Severity.WARNING
    assert (warning.file, warning.sheet) == ("realisasi-2024-TW4.xlsx", form.SHEET_ANGGARAN)
    assert "HIBAH" in warning.message and "Rp30.050.000.000" in warning.message


def test_profile_without_unit_code_is_reported(folder):
    path = folder / "profil.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('kode = "PDI"\n', "", 1), encoding="utf-8")
    assert any(p.file == "profil.toml" and "kode" in p.message for p in errors(load_inputs([folder])))


@pytest.mark.parametrize("sheet, ref, value, word", [
    (form.SHEET_IDENTITAS, "B5", 2204, "tidak masuk akal"),
    (form.SHEET_INDIKATOR, "A4", "K1.I1", "tidak valid"),
])
def test_implausible_form_values_are_reported_at_their_cell(folder, sheet, ref, value, word):
    edit(folder / "realisasi-2024-TW1.xlsx", sheet, ref, value)
    (problem,) = [p for p in errors(load_inputs([folder])) if word in p.message]
    assert problem.cell == ref and problem.file == "realisasi-2024-TW1.xlsx"


def test_damaged_sheet_is_reported_with_the_other_files_problems(folder):
    """A sheet part cut short in one quarter's form: that file is named, nothing of it is half-read,
    and the other files are still read and their problems still reported."""
    import zipfile

    damaged = folder / "realisasi-2024-TW2.xlsx"
    with zipfile.ZipFile(damaged) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    sheets = sorted(n for n in parts if n.startswith("xl/worksheets/sheet"))
    for name in sheets:
        parts[name] = parts[name][:500]
    with zipfile.ZipFile(damaged, "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    edit(folder / "realisasi-2024-TW3.xlsx", form.SHEET_IDENTITAS, "B5", 2023)  # a second problem elsewhere
    inputs = load_inputs([folder], 2024)
    found = {(p.file, "tidak dapat dibaca" in p.message) for p in errors(inputs)}
    assert ("realisasi-2024-TW2.xlsx", True) in found
    assert any(p.file == "realisasi-2024-TW3.xlsx" for p in errors(inputs))
    tw2 = next(r for r in inputs.realisasi if r.file == "realisasi-2024-TW2.xlsx")
    assert tw2.indikator.empty and tw2.aktivitas.empty and tw2.anggaran.empty
    assert inputs.counts() == {"kegiatan": 13, "indikator": 46, "aktivitas": 76}
