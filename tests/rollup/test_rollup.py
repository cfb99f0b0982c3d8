"""The national roll-up on synthetic offices (one invalid), under the session's Prefect harness."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from openpyxl import load_workbook

from tasks.reading.office import load_inputs
from tasks.rollup.synthetic import generate

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"


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
    folders = generate(SAMPLE, root, 5, invalid_every=5)
    indicators = sum(load_inputs([f], 2024).counts()["indikator"] for f in folders[1:])  # each office its own
    flow = rekap_nasional.with_options(task_runner=task_runner(workers=2))
    xlsx, docx = (Path(p) for p in flow(str(root), 2024, str(out), grafik=False))
    book = load_workbook(xlsx)
    assert book["Capaian"].max_row == 1 + indicators  # four valid offices, every indicator of each once
    bad = [row for row in book["Satker Bermasalah"].iter_rows(min_row=2, values_only=True)]
    assert [row[1] for row in bad] == ["9001"] and "0 byte" in bad[0][3]
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert f"4 satker melaporkan {indicators} indikator" in text and "1 satker belum dapat direkap" in text
    assert len(list((out / "9002" / "2024" / "bulanan").glob("*.docx"))) == 12
    # each office's staff are told in its own folder, the invalid one why nothing was published
    told = (out / "9001" / "2024" / "STATUS.txt").read_text(encoding="utf-8-sig")
    assert "GAGAL" in told and "0 byte" in told and "(bagian dari rekap nasional)" in told
    assert "(bagian dari rekap nasional)" in (out / "9002" / "2024" / "STATUS.txt").read_text(encoding="utf-8-sig")


def test_rollup_on_a_dask_local_cluster(prefect, tmp_path):
    """The same flow on prefect-dask's runner with a real LocalCluster (two worker processes)."""
    from flows.rollup import rekap_nasional, task_runner

    root, out = tmp_path / "satker", tmp_path / "bersama"
    out.mkdir()
    folders = generate(SAMPLE, root, 3, invalid_every=3)
    indicators = sum(load_inputs([f], 2024).counts()["indikator"] for f in folders[1:])
    import dask

    runner = task_runner("dask", workers=2)
    assert runner.cluster_kwargs == {"n_workers": 2, "threads_per_worker": 1}
    # the workers inherit this process's Dask configuration: no statistical profiling (memory grows with it)
    assert dask.config.get("distributed.worker.profile.enabled") is False
    xlsx, _ = (Path(p) for p in rekap_nasional.with_options(task_runner=runner)(str(root), 2024, str(out),
                                                                                 grafik=False))
    book = load_workbook(xlsx)
    assert book["Capaian"].max_row == 1 + indicators
    assert [row[1] for row in book["Satker Bermasalah"].iter_rows(min_row=2, values_only=True)] == ["9001"]
    assert sorted(p.name for p in out.iterdir()) == ["9001", "9002", "9003", "rekap"]
    # the invalid office's folder tells why and holds no report
    assert not list((out / "9001").rglob("*.docx")) and (out / "9001" / "2024" / "STATUS.txt").exists()


def test_dask_workers_report_to_one_server(monkeypatch, tmp_path):
    """`lkip rekap --runner dask` gives its workers a server to report to before the cluster starts
    (PREFECT_API_URL, or the local one lkip serve uses); process and thread runners need none."""
    import flows.rollup
    import flows.serve
    from flows.cli import main

    calls = []
    monkeypatch.setattr(flows.serve, "ensure_server", lambda: calls.append("server") or "http://127.0.0.1:4200/api")
    monkeypatch.setattr(flows.rollup, "task_runner", lambda *args: calls.append(("runner", args[0])) or None)

    class Flow:
        def with_options(self, task_runner):
            return lambda *args: calls.append("flow") or []

    monkeypatch.setattr(flows.rollup, "rekap_nasional", Flow())
    (tmp_path / "out").mkdir()
    for runner, expected in (("dask", ["server", ("runner", "dask"), "flow"]),
                             ("process", [("runner", "process"), "flow"])):
        calls.clear()
        assert main(["rekap", "--root", str(tmp_path), "--year", "2024", "--out", str(tmp_path / "out"),
                     "--runner", runner]) == 0
        assert calls == expected


def test_rekap_refuses_an_empty_root_and_a_dask_address_without_dask(monkeypatch, tmp_path, capsys):
    """Told before Prefect starts; --dask-address alone means the Dask runner."""
    import flows.rollup
    import flows.serve
    from flows.cli import main

    calls = []
    monkeypatch.setattr(flows.serve, "ensure_server", lambda: "http://127.0.0.1:4200/api")
    monkeypatch.setattr(flows.rollup, "task_runner", lambda *args: calls.append(args) or None)
    monkeypatch.setattr(flows.rollup, "rekap_nasional", type("Flow", (), {
        "with_options": lambda self, task_runner: lambda *args: []})())
    root, out = tmp_path / "satker", tmp_path / "bersama"
    root.mkdir(), out.mkdir()
    base = ["rekap", "--root", str(root), "--year", "2024", "--out", str(out)]
    assert main(base) == 1 and not calls
    assert f"tidak ada folder satker di {root}" in capsys.readouterr().err
    (root / "satker-1312-2024").mkdir()
    assert main([*base, "--dask-address", "tcp://10.0.0.5:8786", "--runner", "process"]) == 2 and not calls
    assert "--dask-address hanya untuk --runner dask" in capsys.readouterr().err
    assert main([*base, "--dask-address", "tcp://10.0.0.5:8786"]) == 0
    assert calls == [("dask", None, "tcp://10.0.0.5:8786")]
