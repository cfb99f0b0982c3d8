"""The national roll-up on synthetic offices (one invalid), under the session's Prefect harness."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from openpyxl import load_workbook

from tasks.synthetic import generate

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "pasaman-barat-2024"


def test_synthetic_offices_differ_and_one_is_broken(tmp_path):
    folders = generate(SAMPLE, tmp_path, 3, invalid_every=5)
    assert [f.name for f in folders] == ["satker-9001-2024", "satker-9002-2024", "satker-9003-2024"]
    assert 'kode = "9002"' in (folders[1] / "profil.toml").read_text(encoding="utf-8")
    assert (folders[0] / "realisasi-2024-TW2.xlsx").stat().st_size == 0  # office 1 is the broken one


def test_rollup_of_five_offices_with_one_invalid(prefect, tmp_path):
    """With the default runner (a process pool); the thread pool runs the same code in-process."""
    from flows.rollup import rekap_nasional, task_runner

    root, out = tmp_path / "satker", tmp_path / "bersama"
    out.mkdir()
    generate(SAMPLE, root, 5, invalid_every=5)
    flow = rekap_nasional.with_options(task_runner=task_runner(workers=2))
    xlsx, docx = (Path(p) for p in flow(str(root), 2024, str(out), grafik=False))
    book = load_workbook(xlsx)
    assert book["Capaian"].max_row == 1 + 4 * 46  # four valid offices, 46 indicators each
    bad = [row for row in book["Satker Bermasalah"].iter_rows(min_row=2, values_only=True)]
    assert [row[1] for row in bad] == ["9001"] and "0 byte" in bad[0][3]
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "4 satker melaporkan 184 indikator" in text and "1 satker belum dapat direkap" in text
    assert len(list((out / "9002" / "2024" / "bulanan").glob("*.docx"))) == 12


def test_rollup_on_a_dask_local_cluster(prefect, tmp_path):
    """The same flow on prefect-dask's runner with a real LocalCluster (two worker processes)."""
    from flows.rollup import rekap_nasional, task_runner

    root, out = tmp_path / "satker", tmp_path / "bersama"
    out.mkdir()
    generate(SAMPLE, root, 3, invalid_every=3)
    runner = task_runner("dask", workers=2)
    assert runner.cluster_kwargs == {"n_workers": 2, "threads_per_worker": 1}
    xlsx, _ = (Path(p) for p in rekap_nasional.with_options(task_runner=runner)(str(root), 2024, str(out),
                                                                                 grafik=False))
    book = load_workbook(xlsx)
    assert book["Capaian"].max_row == 1 + 2 * 46
    assert [row[1] for row in book["Satker Bermasalah"].iter_rows(min_row=2, values_only=True)] == ["9001"]
    assert sorted(p.name for p in out.iterdir()) == ["9002", "9003", "rekap"]
