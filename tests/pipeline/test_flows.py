"""Flow-level tests under the session's Prefect harness: few, on the recorded sample."""

from __future__ import annotations

import datetime
import json
import tempfile
from pathlib import Path

import pytest

from flows.laporan import laporan, laporan_bulanan, month_just_ended
from tasks.pipeline import flow_tasks, steps
from tasks.publishing.lock import RunLock, RunLockError, lock_path
from tasks.publishing.names import PublishError

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"


def artifacts(keys: list[str]) -> dict[str, object]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=keys)))
    return {a.key: a for a in found}


def test_on_demand_flow_publishes_the_year_with_artifacts(prefect, tmp_path):
    out = tmp_path / "bersama"
    out.mkdir()
    paths = laporan(str(SAMPLE), 2024, out_dir=str(out))
    year = out / "1312" / "2024"
    assert [Path(p).name for p in paths] == (["LKIP-2024.docx", "LKIP-2024-sumber.xlsx", "LKIP-2024-penilaian.xlsx"]
                                             + [f"2024-{m:02d}.docx" for m in range(1, 13)]
                                             + [f"2024-TW{q}.docx" for q in range(1, 5)])
    assert all(Path(p).exists() for p in paths)
    manifest = json.loads((year / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["keluaran"]) == 19
    found = artifacts(["capaian-1312-2024", "terbit-1312-2024"])
    assert set(found) == {"capaian-1312-2024", "terbit-1312-2024"}
    assert len(json.loads(found["capaian-1312-2024"].data)) == 46
    assert not lock_path(out, "1312", 2024).exists()


def test_second_run_for_the_same_office_year_is_refused(prefect, tmp_path):
    out = tmp_path / "bersama"
    out.mkdir()
    with RunLock(lock_path(out, "1312", 2024), "1312 2024"):
        with pytest.raises(RunLockError, match="sedang dibuat oleh proses lain"):
            laporan(str(SAMPLE), 2024, bulan=2, out_dir=str(out))
    assert not (out / "1312").exists()


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
    import shutil

    folder = tmp_path / "masukan"
    shutil.copytree(SAMPLE, folder)
    (folder / "RAK-2024.xlsx").write_bytes(b"")
    out = tmp_path / "bersama"
    out.mkdir()
    with pytest.raises(flow_tasks.InvalidInputs, match="0 byte"):
        laporan(str(folder), 2024, out_dir=str(out))
    assert list(out.iterdir()) == []


def test_monthly_flow_reports_the_month_just_ended(prefect, tmp_path):
    out = tmp_path / "bersama"
    out.mkdir()
    paths = laporan_bulanan(str(SAMPLE), str(out), tanggal=datetime.date(2024, 4, 5))
    assert [Path(p).name for p in paths] == ["2024-03.docx", "2024-TW1.docx"]  # March ends TW I: its measurement


@pytest.mark.parametrize("today, expected", [
    (datetime.date(2024, 4, 5), (2024, 3)), (datetime.date(2025, 1, 5), (2024, 12)),
    (datetime.date(2024, 3, 1), (2024, 2)),
])
def test_month_just_ended(today, expected):
    assert month_just_ended(today) == expected
