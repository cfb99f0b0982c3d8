"""The steps of one run, without Prefect: the one retry policy, the publish targets, invalid inputs,
the roll-up's office run (the same steps as the flow)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tasks.measuring.figures import Period
from tasks.pipeline import steps
from tasks.pipeline.office import run_office
from tasks.pipeline.request import RunRequest
from tasks.publishing.names import PublishError
from tasks.reporting.documents import Document

MARCH = "Laporan-Bulanan-2024-03-Maret-KPU-Kabupaten-Pasaman-Barat.docx"  # the sample office's March report

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"


@pytest.fixture
def request_(tmp_path):
    out = tmp_path / "bersama"
    out.mkdir()
    return RunRequest(SAMPLE, out, 2024, month=3)


def test_publish_is_tried_again_after_each_delay_then_reported(request_, sample_inputs, tmp_path, monkeypatch):
    local = tmp_path / "2024-03.docx"
    local.write_bytes(b"isi")
    calls, waits, said = [], [], []

    def failing(*args, **kwargs):
        calls.append(1)
        raise PublishError("folder bersama terputus")

    monkeypatch.setattr(steps, "publish_all", failing)
    with pytest.raises(PublishError, match="terputus; gagal setelah 4 percobaan"):
        steps.publish_documents([Document(local, "bulanan", 3)], request_, sample_inputs, log=said.append,
                                sleep=waits.append, delays=(1, 2, 3))
    assert len(calls) == 4 and waits == [1, 2, 3]
    assert said[0] == "Penerbitan gagal (percobaan 1): folder bersama terputus; dicoba lagi dalam 1 detik"


def test_publish_that_recovers_publishes_once(request_, sample_inputs, tmp_path, monkeypatch):
    local = tmp_path / "2024-03.docx"
    local.write_bytes(b"isi")
    real, calls = steps.publish_all, []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise PublishError("sebentar terputus")
        return real(*args, **kwargs)

    monkeypatch.setattr(steps, "publish_all", flaky)
    (item,) = steps.publish_documents([Document(local, "bulanan", 3)], request_, sample_inputs, sleep=lambda _: None)
    assert item.path == request_.out_dir / "1312" / "2024" / "bulanan" / MARCH and len(calls) == 2


def test_publication_targets_are_built_from_codes(request_, sample_inputs, tmp_path):
    docs = [Document(tmp_path / "LKIP-2024.docx", "lkip"), Document(tmp_path / "2024-03.pdf", "bulanan", 3),
            Document(tmp_path / "2024-TW1.docx", "triwulan", triwulan=1)]
    targets = steps.publication_targets(docs, request_, sample_inputs)
    year = request_.out_dir / "1312" / "2024"
    assert list(targets.values()) == [year / "LKIP-2024-KPU-Kabupaten-Pasaman-Barat.docx",
                                      year / "bulanan" / MARCH.replace(".docx", ".pdf"),
                                      year / "triwulan" / "Laporan-Triwulan-2024-TW1-KPU-Kabupaten-Pasaman-Barat.docx"]


def test_invalid_inputs_carry_every_problem(tmp_path):
    folder = tmp_path / "masukan"
    shutil.copytree(SAMPLE, folder)
    (folder / "RAK-2024.xlsx").write_bytes(b"")
    inputs = steps.read_inputs(RunRequest(folder, tmp_path, 2024))
    with pytest.raises(steps.InvalidInputs) as info:
        steps.require_valid(inputs)
    assert info.value.problems == inputs.problems and "0 byte" in str(info.value)


def test_the_figures_step_computes_the_periods_the_run_reports(request_, sample_inputs):
    figures = steps.compute_office_figures(sample_inputs, request_)
    assert list(figures.periods) == [Period(2024, bulan=3), Period(2024, triwulan=1)]  # March ends TW I
    year = steps.compute_office_figures(sample_inputs, RunRequest(SAMPLE, request_.out_dir, 2024))
    assert list(year.periods) == ([Period(2024)] + [Period(2024, bulan=m) for m in range(1, 13)]
                                  + [Period(2024, triwulan=q) for q in range(1, 5)])


def test_staging_is_removed_whatever_happens():
    with pytest.raises(RuntimeError), steps.staging_folder() as staging:
        (staging / "a.docx").write_bytes(b"x")
        raise RuntimeError("render gagal")
    assert not staging.exists()


def test_an_office_run_publishes_its_month_with_a_manifest_and_its_lock_released(request_):
    from tasks.publishing.lock import lock_path

    run = run_office(request_)
    assert run.ok and run.kode == "1312"
    assert [Path(p).name for p in run.published] == [MARCH,
                                                     "Laporan-Triwulan-2024-TW1-KPU-Kabupaten-Pasaman-Barat.docx"]
    assert (request_.out_dir / "1312" / "2024" / "manifest.json").exists()
    assert not lock_path(request_.out_dir, "1312", 2024).exists()


def read_status(out: Path, kode: str = "1312") -> str:
    return (out / kode / "2024" / "STATUS.txt").read_text(encoding="utf-8-sig")


def test_an_office_run_tells_its_staff_in_its_folder_as_its_own_run_does(request_):
    """The roll-up's unit of work leaves the office's status and, for a warning, its problems workbook;
    the status says the run was part of the national roll-up and leaves the office's schedule to it."""
    run = run_office(request_)
    status = read_status(request_.out_dir)
    assert run.ok and not run.status_error
    assert "(bagian dari rekap nasional)" in status and "SELESAI" in status
    assert "sesuai jadwal satker sendiri (tidak diubah oleh rekap nasional)" in status
    assert MARCH in status


def test_an_invalid_office_is_told_why_and_its_earlier_reports_are_kept(request_, tmp_path):
    folder = tmp_path / "satker"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("sumber"))
    run_office(RunRequest(folder, request_.out_dir, 2024, month=3))
    (folder / "realisasi-2024-TW1.xlsx").write_bytes(b"")
    run = run_office(RunRequest(folder, request_.out_dir, 2024, month=3))
    status = read_status(request_.out_dir)
    assert not run.ok and "GAGAL" in status and "realisasi-2024-TW1.xlsx: berkas kosong (0 byte)" in status
    assert "Laporan yang sudah terbit sebelumnya tidak diubah." in status
    assert (request_.out_dir / "1312" / "2024" / "bulanan" / MARCH).exists()
    assert list((request_.out_dir / "1312" / "2024").glob("Daftar-Masalah-2024-*.xlsx"))


def test_a_share_that_refuses_the_status_leaves_the_run_standing_and_says_so(request_, monkeypatch):
    import tasks.pipeline.office as office

    def refused(*args, **kwargs):
        raise PublishError("berkas status tidak dapat ditulis: STATUS.txt (Permission denied)")

    monkeypatch.setattr(office, "tell_staff", refused)
    run = run_office(request_)
    assert run.ok and run.published
    assert run.status_error == ("status untuk staf tidak dapat ditulis ke folder bersama: berkas status tidak "
                                "dapat ditulis: STATUS.txt (Permission denied)")


def test_a_permanent_failure_is_not_tried_again_and_says_so(request_, sample_inputs, tmp_path, monkeypatch):
    calls = []

    def disk_full(*args, **kwargs):
        calls.append(1)
        raise PublishError("gagal menerbitkan X: ruang penyimpanan folder bersama penuh", permanent=True)

    monkeypatch.setattr(steps, "publish_all", disk_full)
    with pytest.raises(PublishError) as info:
        steps.publish_documents([], request_, sample_inputs, sleep=lambda s: None)
    assert calls == [1] and "tidak dicoba lagi (percobaan ke-1)" in info.value.message


def test_an_office_the_share_stops_is_reported_told_and_its_lock_released(request_, monkeypatch):
    """A run on valid inputs that publishing stops is this office's failure, as in its own run: said in
    its status and in `gagal`, never raised (the roll-up goes on with the other offices)."""
    from tasks.publishing.lock import lock_path

    def refused(*args, **kwargs):
        raise PublishError("laporan tidak dapat diterbitkan: 1312/2024 (Permission denied)",
                           hint="periksa hak tulis folder bersama")

    monkeypatch.setattr(steps, "publish_documents", refused)
    run = run_office(request_)
    assert not run.ok and not run.published and not run.errors
    assert run.gagal == ("laporan tidak dapat diterbitkan: 1312/2024 (Permission denied) Saran: periksa hak tulis "
                         "folder bersama")
    status = read_status(request_.out_dir)
    assert "GAGAL" in status and "Permission denied" in status and "(bagian dari rekap nasional)" in status
    assert not lock_path(request_.out_dir, "1312", 2024).exists()


def test_an_office_whose_lock_is_held_leaves_the_status_to_the_run_holding_it(request_):
    from tasks.publishing.lock import RunLock, lock_path

    with RunLock(lock_path(request_.out_dir, "1312", 2024), "1312 2024"):
        run = run_office(request_)
    assert not run.ok and "laporan 1312 2024 sedang dibuat oleh proses lain" in run.gagal
    assert not (request_.out_dir / "1312" / "2024" / "STATUS.txt").exists()  # the holder tells its own outcome
    assert run.status_error == ("status untuk staf tidak ditulis: laporan sedang dibuat oleh proses lain, yang "
                                "menulis statusnya sendiri")
