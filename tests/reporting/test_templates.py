"""The templates: bundled ones agree with the context contract and are what their source writes; an
office's own templates are used, checked, and refused exactly as `lkip check-template` refuses them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import get_type_hints

import pytest
from docx import Document

from contracts.context import BulananContext, LkipContext
from contracts.context_triwulan import TriwulanContext
from flows.cli import main
from tasks.pipeline.office import run_office
from tasks.pipeline.request import RunRequest
from tasks.reporting.render import check_variables
from tasks.reporting.sandbox import jinja_env
from tasks.reporting.template_builder import build_templates
from tasks.reporting.templates import BUNDLED_DIR, check_template, office_templates

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "pasaman-barat-2024"
CASES = [("lkip", LkipContext), ("bulanan", BulananContext), ("triwulan", TriwulanContext)]


@pytest.mark.parametrize("name, contract", CASES)
def test_sample_context_has_exactly_the_contract_keys(name, contract):
    sample = json.loads((BUNDLED_DIR / f"{name}.sample.json").read_text(encoding="utf-8"))
    assert set(sample) == set(get_type_hints(contract))


@pytest.mark.parametrize("name, contract", CASES)
def test_template_variables_are_all_in_the_contract(name, contract):
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(BUNDLED_DIR / f"{name}.docx"))
    check_variables(tpl, dict.fromkeys(get_type_hints(contract)), jinja_env(), f"{name}.docx")


@pytest.mark.parametrize("name", ["lkip", "bulanan", "triwulan"])
def test_bundled_template_renders_its_sample(name, tmp_path):
    out = check_template(BUNDLED_DIR / f"{name}.docx", name, tmp_path / "contoh.docx")
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "{{" not in text and out.stat().st_size > 10_000


def test_committed_templates_are_what_the_builder_writes(tmp_path):
    for path in build_templates(tmp_path):
        assert path.read_bytes() == (BUNDLED_DIR / path.name).read_bytes(), path.name


# --- the office's own templates ---------------------------------------------------------------

def office_folder(tmp_path: Path, kind: str, template: Path) -> Path:
    folder = tmp_path / "masukan"
    shutil.copytree(SAMPLE, folder)
    (folder / "templat").mkdir()
    shutil.copy(template, folder / "templat" / f"{kind}.docx")
    return folder


def with_paragraph(source: Path, text: str, target: Path) -> Path:
    doc = Document(str(source))
    doc.add_paragraph(text)
    doc.save(str(target))
    return target


def minimal(tmp_path: Path, body: str, name: str = "t.docx") -> Path:
    doc = Document()
    doc.add_paragraph(body)
    doc.save(str(tmp_path / name))
    return tmp_path / name


def text_of(path: Path) -> str:
    doc = Document(str(path))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])


def test_an_office_template_is_used_instead_of_the_bundled_one(tmp_path):
    edited = with_paragraph(BUNDLED_DIR / "bulanan.docx", "Disusun oleh Subbag PDI untuk rapat pimpinan.",
                            tmp_path / "bulanan.docx")
    folder = office_folder(tmp_path, "bulanan", edited)
    out = tmp_path / "bersama"
    out.mkdir()
    run = run_office(RunRequest(folder, out, 2024, month=3, charts=False))
    assert run.ok, [p.describe() for p in run.errors]
    (report,) = [Path(p) for p in run.published if p.endswith(".docx") and "/bulanan/" in p]
    assert "Disusun oleh Subbag PDI untuk rapat pimpinan." in text_of(report)
    manifest = json.loads((out / "1312" / "2024" / "manifest.json").read_text(encoding="utf-8"))
    assert "bulanan.docx" in {item["berkas"] for item in manifest["riwayat"][-1]["masukan"]}


@pytest.mark.parametrize("body, tag", [
    ("{{ judull }}", "{{ judull }}"),
    ("Satker {{ satker.__class__ }}", "{{ satker.__class__ }}"),
    ("{{ judul }", "{{ judul }"),
    ("{% for a in aktivitas %}{{ a.nama }}", "{% for a in aktivitas %}"),
])
def test_a_broken_office_template_is_refused_naming_file_and_tag(tmp_path, body, tag):
    folder = office_folder(tmp_path, "bulanan", minimal(tmp_path, body))
    out = tmp_path / "bersama"
    out.mkdir()
    run = run_office(RunRequest(folder, out, 2024, month=3, charts=False))
    assert not run.ok and not list(out.rglob("*.docx"))  # nothing published; the status tells staff why
    assert "templat/bulanan.docx" in (out / "1312" / "2024" / "STATUS.txt").read_text(encoding="utf-8-sig")
    (problem,) = run.errors
    assert problem.file == "templat/bulanan.docx" and problem.value == tag and tag in problem.message


def test_an_unknown_file_in_the_template_folder_is_said(tmp_path):
    folder = office_folder(tmp_path, "bulanan", BUNDLED_DIR / "bulanan.docx")
    shutil.copy(BUNDLED_DIR / "lkip.docx", folder / "templat" / "LKIP kantor.docx")
    _, problems = office_templates(folder)
    (problem,) = problems
    assert problem.file == "templat/LKIP kantor.docx" and "tidak dikenal" in problem.message


TEMPLATE_CASES = {
    "bundled": None, "extra paragraph": "Paragraf tambahan kantor.", "unknown variable": "{{ judull }}",
    "attribute walk": "{{ satker.__class__.__mro__ }}", "syntax error": "{{ judul }",
    "unclosed loop": "{%p for a in aktivitas %}", "sum filter": "{{ aktivitas|sum }}",
    "dict method": "{{ satker.items()|list }}", "percent formatting": "{{ '%s' % judul }}",
    "nested misspelling": "{%p for a in aktivitas %}{{ a.namaa }}{%p endfor %}",
}


@pytest.mark.parametrize("case", list(TEMPLATE_CASES))
def test_check_template_and_the_pipeline_accept_and_refuse_the_same_templates(tmp_path, case, capsys):
    extra = TEMPLATE_CASES[case]
    template = BUNDLED_DIR / "bulanan.docx" if extra is None else with_paragraph(
        BUNDLED_DIR / "bulanan.docx", extra, tmp_path / "bulanan.docx")
    checked = main(["check-template", str(template)]) == 0
    folder = office_folder(tmp_path, "bulanan", template)
    out = tmp_path / "bersama"
    out.mkdir()
    run = run_office(RunRequest(folder, out, 2024, month=1, charts=False))
    assert checked == run.ok, (case, capsys.readouterr().err, [p.describe() for p in run.errors])
    assert checked == (case in ("bundled", "extra paragraph"))
    assert bool(list(out.rglob("*.docx"))) == run.ok
