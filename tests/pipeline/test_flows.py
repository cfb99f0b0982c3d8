"""Flow-level tests under the session's Prefect harness: few, on the recorded sample."""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from flows.laporan import laporan, laporan_bulanan
from tasks.pipeline import steps
from tasks.pipeline.years import ENV_ROOT, ENV_SHARE
from tasks.publishing.lock import RunLock, RunLockError, lock_path
from tasks.publishing.names import MONTHS, PublishError
from tests.builders import office_year_without_forms, set_form_cell, settled_copy

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"


def artifacts(keys: list[str]) -> dict[str, object]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=keys)))
    return {a.key: a for a in found}


def run_logs(state) -> list[str]:
    """Every log line of the flow run that ended in `state` (tasks included)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    run_id = state.state_details.flow_run_id
    with get_client(sync_client=True) as client:
        logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[run_id])))
    return [log.message for log in logs]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_on_demand_flow_publishes_the_year_with_artifacts(prefect, tmp_path):
    out = tmp_path / "bersama"
    out.mkdir()
    state = laporan(str(SAMPLE), 2024, out_dir=str(out), return_state=True)
    paths = state.result()
    year = out / "1312" / "2024"
    office = "KPU-Kabupaten-Pasaman-Barat"
    assert [Path(p).name for p in paths] == ([f"LKIP-2024-{office}.docx", f"LKIP-2024-{office}-sumber.xlsx",
                                              f"LKIP-2024-{office}-penilaian.xlsx"]
                                             + [f"Laporan-Bulanan-2024-{m:02d}-{name}-{office}.docx"
                                                for m, name in enumerate(MONTHS, start=1)]
                                             + [f"Laporan-Triwulan-2024-TW{q}-{office}.docx" for q in range(1, 5)])
    assert all(Path(p).exists() for p in paths)
    manifest = json.loads((year / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["riwayat"][-1]["keluaran"]) == 19
    assert sorted(f["berkas"] for f in manifest["berkas"]) == sorted(
        Path(p).relative_to(year).as_posix() for p in paths)  # the index lists exactly what is there
    found = artifacts(["capaian-1312-2024", "terbit-1312-2024"])
    assert set(found) == {"capaian-1312-2024", "terbit-1312-2024"}
    assert len(json.loads(found["capaian-1312-2024"].data)) == 46
    assert not lock_path(out, "1312", 2024).exists()
    # The sample's attribute file leaves ten attributes inferred: warnings, so not a plain success.
    assert state.is_completed() and state.name == "Selesai dengan peringatan"
    assert "10 peringatan" in state.message
    assert (year / "STATUS.txt").read_text(encoding="utf-8-sig").count("SELESAI DENGAN PERINGATAN") == 1
    assert any(line.startswith("PERINGATAN: atribut-indikator.csv") for line in run_logs(state))


def test_a_share_full_after_the_first_document_keeps_the_previous_set_and_a_true_index(prefect, tmp_path,
                                                                                       monkeypatch):
    from tasks.publishing import share

    out = tmp_path / "bersama"
    out.mkdir()
    paths = [Path(p) for p in laporan(str(SAMPLE), 2024, out_dir=str(out))]
    before = {p: sha256(p) for p in paths}
    index = out / "1312" / "2024" / "manifest.json"
    index_before = index.read_bytes()
    copies = []
    real_copy = share._copy_to

    def full_after_the_first(source, tmp):
        copies.append(tmp)
        if len(copies) > 1:
            raise OSError(28, "No space left on device")
        real_copy(source, tmp)

    # Every document counts as changed (new figures), and the share fills up after the first copy.
    monkeypatch.setattr(share, "_same_content", lambda path, digest: False)
    monkeypatch.setattr(share, "_copy_to", full_after_the_first)
    state = laporan(str(SAMPLE), 2024, out_dir=str(out), return_state=True)
    assert state.is_failed() and "ruang penyimpanan folder bersama penuh" in state.message
    assert "tidak dicoba lagi" in state.message and len(copies) == 2
    assert {p: sha256(p) for p in paths} == before  # the previous set, every file as it was
    assert index.read_bytes() == index_before
    listed = {f["berkas"]: f["sha256"] for f in json.loads(index_before)["berkas"]}
    assert listed == {p.relative_to(index.parent).as_posix(): digest for p, digest in before.items()}
    assert not list(out.rglob(".lkip-tmp-*"))


def test_a_bad_cell_is_told_in_the_shared_folder_and_cleared_after_the_fix(prefect, tmp_path):
    folder = settled_copy(tmp_path / "masukan")
    form = folder / "realisasi-2024-TW1.xlsx"
    good = form.read_bytes()
    set_form_cell(form, "Indikator", "F4", "sembilan")
    before = sha256(form)
    out = tmp_path / "bersama"
    out.mkdir()

    state = laporan(str(folder), 2024, bulan=1, out_dir=str(out), return_state=True)
    assert state.is_failed()
    assert "\n" not in state.message and state.message.startswith("Masukan belum valid")
    assert "realisasi-2024-TW1.xlsx" in state.message and "F4" in state.message
    assert not any("Traceback" in line for line in run_logs(state))
    year = out / "1312" / "2024"
    assert not list(out.rglob("*.docx"))
    workbook = year / "Daftar-Masalah-2024-KPU-Kabupaten-Pasaman-Barat.xlsx"
    rows = [[c.value for c in row] for row in load_workbook(workbook).active.iter_rows(min_row=3)]
    assert any(r[1] == "realisasi-2024-TW1.xlsx" and r[3] == "F4" and r[5] == "sembilan" for r in rows)
    annotated = load_workbook(year / "perbaikan" / "realisasi-2024-TW1-ditandai.xlsx")
    assert "GALAT" in annotated["Indikator"]["F4"].comment.text
    assert annotated["Indikator"]["F4"].fill.fgColor.rgb.endswith("F8CBAD")
    assert sha256(form) == before  # the staffer's own form is never written
    assert "GAGAL" in (year / "STATUS.txt").read_text(encoding="utf-8-sig")

    form.write_bytes(good)
    state = laporan(str(folder), 2024, bulan=1, out_dir=str(out), return_state=True)
    assert state.is_completed() and state.name == "Selesai", state.message
    assert not workbook.exists() and not (year / "perbaikan").exists()
    assert "Hasil             : SELESAI" in (year / "STATUS.txt").read_text(encoding="utf-8-sig")


def test_scheduled_runs_pick_the_year_folder_from_the_date(prefect, tmp_path, monkeypatch):
    root, out = tmp_path / "satker", tmp_path / "bersama"
    root.mkdir()
    out.mkdir()
    (root / "2024").symlink_to(SAMPLE, target_is_directory=True)
    office_year_without_forms(root, 2025)
    monkeypatch.setenv(ENV_ROOT, str(root))
    monkeypatch.setenv(ENV_SHARE, str(out))

    paths = laporan_bulanan(tanggal=datetime.date(2025, 2, 5))
    assert [Path(p).relative_to(out).as_posix() for p in paths] == [
        "1312/2025/bulanan/Laporan-Bulanan-2025-01-Januari-KPU-Kabupaten-Pasaman-Barat.docx"]

    state = laporan_bulanan(tanggal=datetime.date(2026, 2, 5), return_state=True)
    assert state.is_completed() and state.name == "Menunggu data"
    assert "folder" in state.message and "2026" in state.message
    assert not any("Traceback" in line for line in run_logs(state))
    assert "MENUNGGU DATA" in (out / "1312" / "2026" / "STATUS.txt").read_text(encoding="utf-8-sig")

    paths = laporan_bulanan(tanggal=datetime.date(2025, 1, 5))
    assert Path(paths[0]).relative_to(out).as_posix() == "1312/2024/LKIP-2024-KPU-Kabupaten-Pasaman-Barat.docx"
    assert len(paths) == 19  # the LKIP with its two workbooks, twelve months and four quarters


def test_second_run_for_the_same_office_year_is_refused(prefect, tmp_path):
    out = tmp_path / "bersama"
    out.mkdir()
    with RunLock(lock_path(out, "1312", 2024), "1312 2024"):
        with pytest.raises(RunLockError, match="sedang dibuat oleh proses lain"):
            laporan(str(SAMPLE), 2024, bulan=2, out_dir=str(out))
    assert not (out / "1312" / "2024" / "bulanan").exists()


def test_publish_failure_is_retried_then_reported(prefect, tmp_path, monkeypatch):
    calls = []

    def failing_publish(*args, **kwargs):
        calls.append(1)
        raise PublishError("folder bersama terputus saat menulis")

    monkeypatch.setattr(steps, "publish_all", failing_publish)
    monkeypatch.setattr(steps, "PUBLISH_RETRY_DELAYS", (0, 0, 0))
    out, scratch = tmp_path / "bersama", tmp_path / "tmp"
    out.mkdir()
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where the flow renders before publishing
    with pytest.raises(PublishError, match="terputus"):
        laporan(str(SAMPLE), 2024, bulan=1, out_dir=str(out))
    assert len(calls) == 1 + len(steps.PUBLISH_RETRY_DELAYS)
    assert not lock_path(out, "1312", 2024).exists()  # released after the failure
    assert not list(out.rglob("*.docx"))
    assert not list(scratch.iterdir())  # the rendered documents did not stay behind either


def test_a_failed_render_keeps_nothing_it_rendered(prefect, tmp_path, monkeypatch):
    def failing_render(inputs, figures, staging, *args, **kwargs):
        (staging / "LKIP-2024.docx").write_bytes(b"setengah")
        raise RuntimeError("template rusak")

    monkeypatch.setattr(steps, "render_documents", failing_render)
    out = tmp_path / "bersama"
    out.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    with pytest.raises(RuntimeError, match="template rusak"):
        laporan(str(SAMPLE), 2024, bulan=1, out_dir=str(out))
    assert not list((tmp_path / "tmp").iterdir())
    assert not lock_path(out, "1312", 2024).exists()


def test_invalid_inputs_are_never_retried(prefect, tmp_path):
    folder = tmp_path / "masukan"
    shutil.copytree(SAMPLE, folder)
    (folder / "RAK-2024.xlsx").write_bytes(b"")
    out = tmp_path / "bersama"
    out.mkdir()
    with pytest.raises(steps.InvalidInputs, match="0 byte"):
        laporan(str(folder), 2024, out_dir=str(out))
    assert not list(out.rglob("*.docx"))
    assert (out / "1312" / "2024" / "STATUS.txt").exists()
