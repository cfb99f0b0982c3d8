"""Which offices a roll-up runs: a root with none is refused; two folders of one office code are
listed, neither run; an office stopped for any reason is one row of the offices not rolled up."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from tasks.pipeline.office import OfficeRun
from tasks.problems import Problem
from tasks.rollup.consolidate import invalid
from tasks.rollup.offices import RollupError, office_folders, shared_code_reason, shared_codes
from tasks.rollup.synthetic import generate

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"


def test_a_root_without_office_folders_is_refused(tmp_path):
    (tmp_path / ".lkip-rekap").mkdir()  # the roll-up's own markers are not an office
    (tmp_path / "catatan.txt").write_text("bukan satker", encoding="utf-8")
    with pytest.raises(RollupError) as caught:
        office_folders(tmp_path)
    assert caught.value.message == f"tidak ada folder satker di {tmp_path}"
    assert "profil.toml" in caught.value.hint and "--root" in caught.value.hint


def give_code(folder: Path, kode: str) -> None:
    profile = folder / "profil.toml"
    text = profile.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("kode = "))
    profile.write_text(text.replace(old, f'kode = "{kode}"', 1), encoding="utf-8")


def test_the_folders_sharing_an_office_code_are_found_whatever_else_is_wrong(tmp_path):
    folders = generate(SAMPLE, tmp_path, 4, invalid_every=0)
    give_code(folders[3], "9002")
    (folders[0] / "profil.toml").write_text("[satker\n", encoding="utf-8")  # unreadable: its own run says why
    shared = shared_codes(office_folders(tmp_path))
    assert {kode: list(profiles) for kode, profiles in shared.items()} == {
        "9002": ["satker-9002-2024", "satker-9004-2024"]}
    assert shared["9002"]["satker-9004-2024"].nama == "KPU Kabupaten Sintetis 004"  # named in the roll-up
    assert shared_code_reason("9002", "satker-9004-2024", ["satker-9002-2024", "satker-9004-2024"]) == (
        "Kode satker 9002 juga dipakai oleh folder satker-9002-2024; tidak ada yang direkap agar laporan dan "
        "capaiannya tidak tertukar. Saran: perbaiki kode satker di profil.toml salah satu folder")


def test_each_office_not_rolled_up_says_why_in_full_and_in_a_sentence():
    errors = [Problem("realisasi-2024-TW1.xlsx", "realisasi bukan angka", sheet="Indikator", cell="F4", value="x"),
              Problem("RAK-2024.xlsx", "target kosong", sheet="RAK", cell="H9")]
    held = ("laporan 3 2024 sedang dibuat oleh proses lain (pid 7 di pc, sejak 05-12-2026 08:00); kunci: "
            "/bersama/.lkip-lock-3-2024.json Saran: tunggu")
    runs = [OfficeRun("a", "1", "KPU A", problems=errors[:1]), OfficeRun("b", "2", "KPU B", problems=errors),
            OfficeRun("c", "3", "KPU C", gagal=held), OfficeRun("d"), OfficeRun("e", "5", "KPU E", ok=True)]
    rows = invalid(runs)
    assert [r["folder"] for r in rows] == ["a", "b", "c", "d"]
    assert rows[1]["masalah"] == "\n".join(p.describe() for p in errors)  # the workbook: every problem, located
    assert [r["ringkasan"] for r in rows] == [  # the document: no file, no cell
        "Realisasi bukan angka.", "2 galat pada data masukan, antara lain: realisasi bukan angka.",
        "Laporan 3 2024 sedang dibuat oleh proses lain (pid 7 di pc, sejak 05-12-2026 08:00).", "Tidak ada data."]


def test_a_rollup_goes_on_past_an_office_that_fails_and_two_that_share_a_code(prefect, tmp_path, monkeypatch):
    """A fault in one office (here lkip's own: the office's run raises) and two folders of one code are
    listed in the roll-up; every other office is rolled up as usual."""
    import flows.rollup
    from flows.rollup import rekap_nasional, task_runner

    root, out = tmp_path / "satker", tmp_path / "bersama"
    out.mkdir()
    folders = generate(SAMPLE, root, 5, invalid_every=0)
    give_code(folders[4], "9004")
    real = flows.rollup.run_office

    def faulty(request, *args, **kwargs):
        if request.input_dir.name == "satker-9001-2024":
            raise KeyError("kategori")
        return real(request, *args, **kwargs)

    monkeypatch.setattr(flows.rollup, "run_office", faulty)
    flow = rekap_nasional.with_options(task_runner=task_runner("thread", workers=2))
    xlsx, docx = (Path(p) for p in flow(str(root), 2024, str(out), grafik=False))
    book = load_workbook(xlsx)
    bad = {row[0]: row[3] for row in book["Satker Bermasalah"].iter_rows(min_row=2, values_only=True)}
    assert sorted(bad) == ["satker-9001-2024", "satker-9004-2024", "satker-9005-2024"]
    assert bad["satker-9001-2024"].startswith("kesalahan program lkip (KeyError)")
    assert "Kode satker 9004 juga dipakai oleh folder satker-9005-2024" in bad["satker-9004-2024"]
    names = {row[0]: row[2] for row in book["Satker Bermasalah"].iter_rows(min_row=2, values_only=True)}
    assert names["satker-9005-2024"] == "KPU Kabupaten Sintetis 005"  # named from its profile though not run
    assert sorted({row[0] for row in book["Capaian"].iter_rows(min_row=2, values_only=True)}) == ["9002", "9003"]
    assert not (out / "9004").exists()  # neither office of the shared code published into its one folder
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "2 satker melaporkan" in text and "3 satker belum dapat direkap" in text


def test_a_share_that_refuses_the_rollup_says_so_and_keeps_the_previous_one(tmp_path, monkeypatch):
    import errno

    import flows.rollup
    from tasks.publishing.names import PublishError

    out = tmp_path / "bersama"
    previous = out / "rekap" / "2024" / "rekap-2024.xlsx"
    previous.parent.mkdir(parents=True)
    previous.write_bytes(b"rekap sebelumnya")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(flows.rollup, "write_xlsx", full)
    with pytest.raises(PublishError) as refused:
        flows.rollup.write_rollup.fn([OfficeRun("a", "1", "KPU A", ok=True)], 2024, str(out))
    assert refused.value.message == (f"rekap nasional tidak dapat ditulis ke {previous.parent}: ruang penyimpanan "
                                     "folder bersama penuh (No space left on device)")
    assert refused.value.permanent and "berkas rekap sebelumnya tidak diubah" in refused.value.hint
    assert previous.read_bytes() == b"rekap sebelumnya"
