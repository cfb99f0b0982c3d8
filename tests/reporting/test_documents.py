"""The rendered documents, opened back with python-docx: what a reader must find in them."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from docx import Document

from flows.cli import main
from tasks.measuring.figures import Period, measure
from tasks.reporting.documents import render_period
from tasks.reporting.fmt import format_percent
from tasks.reporting.pdf import soffice

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"


@pytest.fixture(scope="module")
def inputs(sample_inputs):
    return sample_inputs


@pytest.fixture(scope="module")
def lkip(sample_lkip):
    return sample_lkip.local


def full_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_lkip_holds_every_indicator_with_its_capaian(inputs, lkip):
    """Each indicator's row of the Bab III summary table carries its own target, capaian and band."""
    text = full_text(lkip)
    m = measure(inputs, Period(2024))
    rows = {}
    for table in Document(str(lkip)).tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            if len(cells) == 6 and cells[0].isdigit():
                rows.setdefault(cells[1], cells)
    for rec in m.capaian.itertuples():
        row = rows[rec.indikator]
        expected = format_percent(rec.capaian_dicap) if rec.capaian_dicap == rec.capaian_dicap else "-"
        assert row[4] == expected and row[5] == (rec.kategori if isinstance(rec.kategori, str) else "-")
    for label in set(m.capaian["kategori"].dropna()) | set(m.capaian["status"]):
        assert label in text
    assert "{{" not in text and "{%" not in text
    assert not {"nan", "NaN", "None", "inf", "NaT"} & set(re.findall(r"\w+", text))


def test_lkip_outline_signature_and_charts(lkip):
    text = full_text(lkip)
    for heading in ("KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "BAB I", "BAB II", "BAB III", "BAB IV", "LAMPIRAN"):
        assert heading in text.upper()
    assert "Simpang Empat, 31 Januari 2025" in text and "KETUA KPU KABUPATEN PASAMAN BARAT" in text
    assert "NAMA KETUA" not in text and "xxxx" not in text  # the profile's placeholders are never printed
    doc = Document(str(lkip))
    assert len(doc.inline_shapes) >= 3  # capaian, budget and schedule charts
    assert "TOC" in doc.element.xml  # a real table of contents field, which Word can refresh
    entries = [p.text for p in doc.paragraphs if p.style.name == "toc 1"]
    assert any(e.startswith("BAB IV PENUTUP\t") for e in entries)
    if soffice():  # paginated: every entry has its printed page, the front matter in roman numerals
        assert "KATA PENGANTAR\tii" in entries and all(re.search(r"\t([ivx]+|\d+)$", e) for e in entries if e)


def test_daftar_isi_lists_the_headings_the_lkip_prints(inputs, lkip, tmp_path):
    """The outline read from the rendered body alone (no images, no package) is the saved LKIP's own,
    and its Daftar Isi has one entry per heading, in order, with the heading's text."""
    from tasks.measuring.figures import compute_figures
    from tasks.reporting.context import office_view
    from tasks.reporting.documents import lkip_signing_date
    from tasks.reporting.lkip import lkip_context
    from tasks.reporting.pagination import document_outline, render_outline
    from tasks.reporting.templates import bundled_templates

    headings, numbering = document_outline(lkip)
    toc = [p.text.split("\t")[0] for p in Document(str(lkip)).paragraphs if p.style.name.startswith("toc ")
           and p.text]  # the TOC field's begin and end paragraphs carry no text
    assert [h.text for h in headings if h.level <= 2] == toc and len(toc) > 10
    m = measure(inputs, Period(2024))
    images = {k: {"path": str(tmp_path / "none.png"), "lebar_cm": 1.0, "keterangan": ""}
              for k in ("jadwal", "capaian", "anggaran")}  # never opened: the outline places no image
    context = lkip_context(inputs, m, office_view(inputs, compute_figures(inputs, [Period(2024)])), images,
                           lkip_signing_date(2024), True)
    assert render_outline(bundled_templates().lkip, context) == (headings, numbering)


def test_monthly_report_lists_the_late_activity(inputs, tmp_path):
    doc = render_period(inputs, Period(2024, bulan=6), tmp_path).local
    text = full_text(doc)
    assert "Bulan Juni Tahun 2024" in text
    assert "Rekrutmen dan seleksi PPK, PPS, KPPS, dan PPDP" in text  # K01.I05.A01, late since May
    assert "Simpang Empat, 30 Juni 2024" in text
    assert "s.d. Triwulan II yang berakhir 30 Juni 2024" in text  # the quarter the indicator figures come from
    assert len(Document(str(doc)).inline_shapes) >= 2


def test_same_inputs_same_text(inputs, lkip, tmp_path):
    again = render_period(inputs, Period(2024), tmp_path).local
    assert full_text(again) == full_text(lkip)


def test_run_publishes_and_writes_manifest_last(prefect, tmp_path, capsys):
    out = tmp_path / "bersama"
    out.mkdir()
    code = main(["run", "--year", "2024", "--bulan", "6", "--input", str(SAMPLE), "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0
    report = out / "1312" / "2024" / "bulanan" / "Laporan-Bulanan-2024-06-Juni-KPU-Kabupaten-Pasaman-Barat.docx"
    quarterly = out / "1312" / "2024" / "triwulan" / "Laporan-Triwulan-2024-TW2-KPU-Kabupaten-Pasaman-Barat.docx"
    assert str(report) in printed and report.exists()
    manifest = json.loads((out / "1312" / "2024" / "manifest.json").read_text(encoding="utf-8"))
    assert [o["berkas"] for o in manifest["riwayat"][-1]["keluaran"]] == [f"bulanan/{report.name}",
                                                                          f"triwulan/{quarterly.name}"]
    assert {i["berkas"] for i in manifest["riwayat"][-1]["masukan"]} >= {"RAK-2024.xlsx", "realisasi-2024-TW2.xlsx"}
    assert not list(out.rglob(".lkip-tmp-*"))


def test_run_on_invalid_input_writes_nothing(prefect, tmp_path, capfd):
    folder = tmp_path / "masukan"
    shutil.copytree(SAMPLE, folder)
    (folder / "realisasi-2024-TW1.xlsx").write_bytes(b"")
    out = tmp_path / "bersama"
    out.mkdir()
    code = main(["run", "--year", "2024", "--input", str(folder), "--out", str(out)])
    err = capfd.readouterr().err  # the command's own lines and Prefect's console log together
    # each problem's line told once (the run's failed state lines repeat only its first sentence)
    assert code == 1 and err.count("mungkin penyalinan belum selesai") == 1, err
    assert not list(out.rglob("*.docx"))  # no report; what staff need to fix is told beside the reports
    told = {p.name for p in (out / "1312" / "2024").iterdir()}
    assert {"STATUS.txt", "Daftar-Masalah-2024-KPU-Kabupaten-Pasaman-Barat.xlsx"} <= told


def test_run_with_a_missing_share_fails_fast(prefect, tmp_path, capsys):
    code = main(["run", "--year", "2024", "--input", str(SAMPLE), "--out", str(tmp_path / "tidak-ada")])
    assert code == 1 and "folder bersama tidak dapat diakses" in capsys.readouterr().err


def test_broken_template_publishes_nothing(prefect, tmp_path, capsys):
    from docx import Document as New

    folder = tmp_path / "masukan"
    shutil.copytree(SAMPLE, folder)
    (folder / "templat").mkdir()
    doc = New()
    doc.add_paragraph("{{ judull }}")
    doc.save(folder / "templat" / "bulanan.docx")
    out = tmp_path / "bersama"
    out.mkdir()
    code = main(["run", "--year", "2024", "--bulan", "3", "--input", str(folder), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "templat/bulanan.docx" in err and "{{ judull }}" in err
    assert not list(out.rglob("*.docx"))


@pytest.mark.skipif(soffice() is None and not os.environ.get("CI"),
                    reason="LibreOffice not installed here; .ci/run installs it and CI requires this test")
def test_pdf_conversion(inputs, tmp_path):
    from tasks.reporting.pdf import to_pdf

    doc = render_period(inputs, Period(2024, bulan=3), tmp_path).local
    pdf = to_pdf(doc, tmp_path)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    (tmp_path / "lagi").mkdir()
    assert to_pdf(doc, tmp_path / "lagi").read_bytes() == pdf.read_bytes()  # a rerun gives the same PDF


def test_stable_pdf_fixes_what_libreoffice_varies():
    from tasks.reporting.pdf import stable_pdf

    def made(when: bytes, ident: bytes) -> bytes:
        return (b"%PDF-1.7\n<</CreationDate(D:" + when + b"Z')>>\ntrailer\n/ID [ <" + ident + b">\n<" + ident
                + b"> ]\n/DocChecksum /" + ident + b"\n")

    one, two = made(b"20261202065924", b"A" * 32), made(b"20261203101010", b"B" * 32)
    assert stable_pdf(one, b"docx") == stable_pdf(two, b"docx") != stable_pdf(one, b"lain")
    assert len(stable_pdf(one, b"docx")) == len(one)  # same length: the xref offsets still hold


def test_second_run_for_the_same_office_year_is_refused(prefect, tmp_path, capsys):
    import socket
    import subprocess
    import sys
    import time

    from tasks.publishing.lock import lock_path

    out = tmp_path / "bersama"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock_path(out, "1312", 2024).write_text(json.dumps(
            {"pid": holder.pid, "host": socket.gethostname(), "mulai": time.time()}), encoding="utf-8")
        code = main(["run", "--year", "2024", "--bulan", "1", "--input", str(SAMPLE), "--out", str(out)])
    finally:
        holder.kill()
        holder.wait()
    assert code == 1 and "sedang dibuat oleh proses lain" in capsys.readouterr().err
    assert not (out / "1312").exists()


def test_same_inputs_same_bytes(inputs, lkip, tmp_path):
    again = render_period(inputs, Period(2024), tmp_path).local
    assert again.read_bytes() == lkip.read_bytes()


def test_rerun_converges_and_a_final_report_is_kept(prefect, tmp_path, capsys):
    out = tmp_path / "bersama"
    out.mkdir()
    args = ["run", "--year", "2024", "--bulan", "3", "--input", str(SAMPLE), "--out", str(out)]
    assert main(args + ["--final"]) == 0
    report = out / "1312" / "2024" / "bulanan" / "Laporan-Bulanan-2024-03-Maret-KPU-Kabupaten-Pasaman-Barat.docx"
    before = (report.read_bytes(), report.stat().st_mtime_ns)
    (report.parent / ("~$" + report.name[2:])).write_bytes(b"x")  # now open in Word
    assert main(args) == 0  # same content: nothing to do, no -v2
    assert (report.read_bytes(), report.stat().st_mtime_ns) == before
    assert not list(report.parent.glob("Laporan-Bulanan-2024-03-Maret-KPU-Kabupaten-Pasaman-Barat-v*.docx"))
