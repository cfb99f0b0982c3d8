"""The templates and their sample contexts agree with the context contract (contracts/context.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import get_type_hints

import pytest
from docx import Document

from contracts.context import BulananContext, LkipContext
from tasks.reporting.render import check_template, render_docx
from tasks.reporting.sandbox import jinja_env

ROOT = Path(__file__).resolve().parents[1]
CASES = [("lkip", LkipContext), ("bulanan", BulananContext)]


@pytest.mark.parametrize("name, contract", CASES)
def test_sample_context_has_exactly_the_contract_keys(name, contract):
    sample = json.loads((ROOT / "templates" / f"{name}.sample.json").read_text(encoding="utf-8"))
    assert set(sample) == set(get_type_hints(contract))


@pytest.mark.parametrize("name, contract", CASES)
def test_template_variables_are_all_in_the_contract(name, contract):
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(ROOT / "templates" / f"{name}.docx"))
    check_template(tpl, dict.fromkeys(get_type_hints(contract)), jinja_env(), f"{name}.docx")


@pytest.mark.parametrize("name", ["lkip", "bulanan"])
def test_sample_renders_alone(name, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # sample image paths are relative to the repository
    sample = json.loads((ROOT / "templates" / f"{name}.sample.json").read_text(encoding="utf-8"))
    out = render_docx(ROOT / "templates" / f"{name}.docx", sample, tmp_path / "out.docx")
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "{{" not in text and os.path.getsize(out) > 10_000
