"""The office's own text files never crash a run (issue 12, item 8): whatever a person types into
profil.toml, narasi.toml, pengaturan.toml, atribut-indikator.csv, riwayat-indikator.csv or
pembanding-indikator.csv, the reader answers with located problems, never with a traceback."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.problems import InputError, Problem
from tasks.reading.atribut import read_atribut
from tasks.reading.narasi import read_narasi
from tasks.reading.pembanding import read_pembanding
from tasks.reading.profile import load_profile, signer_problems
from tasks.reading.riwayat import read_riwayat
from tasks.reading.settings import read_settings

# TOML the way people write it: sections of each file with entries of its own keys, values right and
# wrong, and now and then a syntax slip.
VALUES = ['"x"', '"KPU Kabupaten Pasaman Barat"', '"NAMA KETUA"', '"tidak"', '"Baik"', '""', '"biaya_output"',
          '"sekretaris"', '"19xxxxxxxxxxxxxxxx"', '"197001011990031001"', "197001011990031001", "150", "110", "80",
          "0", "-5", "true", "[1]", '["a", 2]', '["Subbag PDI", "PDI"]', "{ a = 1 }", "[]",
          '"""\nbaris {tahun}\n"""', '"Kinerja {tahun} baik."']
SLIPS = ['"', "=", "[", "]]", 'nama = "tanpa penutup', 'nama = """', "ä = 1", "x = 1\nx = 2"]
PROFILE = (["", "[satker]", "[penandatangan.ketua]", "[penandatangan.sekretaris]", "[penandatangan]", "[laporan]",
            "[[sub_bagian]]", "[[sumber_dana]]"],
           ["kode", "nama", "nama_lengkap", "alamat", "jabatan", "nip", "penandatangan", "alias", "ketua", "satker",
            "sub_bagian", "sumber_dana", "pagu_total"])
SETTINGS_FILE = (["", "[capaian]", "[[capaian.kategori]]", "[lain]"],
                 ["batas", "efisiensi", "bawah", "label", "kategori", "capaian", "btas"])
NARASI = (["", "[kata_pengantar]"], ["kesimpulan", "langkah", "renstra", "organisasi", "struktur", "kesimpulann",
                                     "isi", "kata_pengantar"])


def toml_text(pool: tuple[list[str], list[str]], first: tuple[str, list[str]] | None = None):
    """TOML text of up to four sections from `pool` (headers, keys); `first`, a section always written
    first with the given keys (values still drawn at random), so that the reader gets past it."""
    headers, keys = pool
    block = st.tuples(st.sampled_from(headers), st.dictionaries(st.sampled_from(keys), st.sampled_from(VALUES),
                                                                max_size=4))
    blocks = st.lists(block, max_size=4)
    if first is not None:
        head = st.fixed_dictionaries({key: st.sampled_from(VALUES) for key in first[1]})
        blocks = st.tuples(head.map(lambda entries: (first[0], entries)), blocks).map(lambda t: [t[0], *t[1]])
    lines = blocks.map(
        lambda blocks: [line for header, entries in blocks
                        for line in [header, *(f"{k} = {v}" for k, v in entries.items())]])
    slip = st.one_of(st.none(), st.none(), st.none(), st.sampled_from(SLIPS))
    return st.tuples(lines, slip, st.integers(0, 20)).map(
        lambda t: "\n".join(t[0] if t[1] is None else t[0][:t[2]] + [t[1]] + t[0][t[2]:]))


CSV_LINES = st.sampled_from([
    "kode;satuan;arah;target_tw1", "kode,tahun,target,realisasi", "kode\ttahun\trealisasi", "K01.I01;Persen;naik;25",
    "K01.I01;;turun;x", "K01.I01,2023,100,98", "K01.I01,,1,1", "K01.I01,2023,abc,1", ";;;", "\"", "K99.I99;Dokumen",
    "kode;skala", "K01.I01;A/B/C", "K01.I01;", "", "kode;tingkat;wilayah;tahun;nilai;sumber",
    "K01.I01;nasional;Indonesia;2024;81.78;KPU RI", "K01.I01;Provinsi;Sumbar;2023;81,78%;x", "K01.I01;kota;;24;1.234;",
    "K01.I01;sejawat;KPU Kabupaten Pasaman;2024,5;97,69;\"a;b\"", "K99.I99;nasional;Indonesia;;;",
])


def _problems_are_located(problems: list[Problem], name: str) -> None:
    for problem in problems:
        assert problem.file == name and problem.message.strip(), problem


def _write(folder: Path, text: str, name: str, encoding: str) -> Path:
    path = folder / name  # each example overwrites the last
    path.write_bytes(text.encode(encoding, errors="replace"))
    return path


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"])
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=toml_text(PROFILE, ("[satker]", ["kode", "nama", "alamat"])), encoding=ENCODINGS)
def test_any_profile_is_read_or_refused_with_located_problems(tmp_path, text, encoding):
    path = _write(tmp_path, text, "profil.toml", encoding)
    try:
        profile = load_profile(path)
    except InputError as exc:
        assert exc.problems
        _problems_are_located(exc.problems, "profil.toml")
        return
    _problems_are_located(signer_problems(profile, "profil.toml"), "profil.toml")
    texts = [profile.kode, profile.nama, profile.alamat, *(t for s in profile.penandatangan.values()
                                                          for t in (s.jabatan, s.nama, s.nip))]
    assert all(isinstance(t, str) and not t.startswith(("[", "{")) for t in texts), texts  # no list printed as text


@SETTINGS
@given(text=toml_text(SETTINGS_FILE), encoding=ENCODINGS)
def test_any_settings_file_is_read_with_located_problems(tmp_path, text, encoding):
    settings_, problems = read_settings(_write(tmp_path, text, "pengaturan.toml", encoding))
    _problems_are_located(problems, "pengaturan.toml")
    assert settings_.kategori and settings_.batas_capaian in (None, 100.0, 110.0, 120.0)


@SETTINGS
@given(text=toml_text(NARASI), encoding=ENCODINGS)
def test_any_narasi_file_is_read_with_located_problems(tmp_path, text, encoding):
    narasi, problems = read_narasi(_write(tmp_path, text, "narasi.toml", encoding))
    _problems_are_located(problems, "narasi.toml")
    assert all(isinstance(p, str) and p for paragraphs in narasi.values() for p in paragraphs)
    assert not any("belum diisi" in p for paragraphs in narasi.values() for p in paragraphs)  # no placeholder


@SETTINGS
@given(lines=st.lists(CSV_LINES, max_size=8), encoding=ENCODINGS)
def test_any_attribute_history_or_benchmark_file_is_read_with_located_problems(tmp_path, lines, encoding):
    _, problems = read_atribut(_write(tmp_path, "\n".join(lines), "atribut-indikator.csv", encoding), {"K01.I01"})
    _problems_are_located(problems, "atribut-indikator.csv")
    _, problems = read_riwayat(_write(tmp_path, "\n".join(lines), "riwayat-indikator.csv", encoding))
    _problems_are_located(problems, "riwayat-indikator.csv")
    for units in (None, {"K01.I01": "laporan"}):
        frame, problems = read_pembanding(_write(tmp_path, "\n".join(lines), "pembanding-indikator.csv", encoding),
                                          units)
        _problems_are_located(problems, "pembanding-indikator.csv")
        assert all(p.row is not None for p in problems), problems  # every mistake at its line
        assert frame["sumber"].str.len().gt(0).all()  # a benchmark without its source never gets through
