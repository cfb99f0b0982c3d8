"""Rendering safety (BAD_INPUTS.md 16, 26, 27): sandbox, autoescape, undeclared variables, limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tasks.reporting.render import RenderError, render_docx


def template(tmp_path: Path, *paragraphs: str, table: list[list[str]] | None = None) -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    if table:
        grid = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    path = tmp_path / "t.docx"
    doc.save(path)
    return path


def text_of(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_special_characters_print_verbatim_in_text_and_tables(tmp_path):
    tricky = 'Jadwal & anggaran <revisi> "mendesak" \'ya\''
    tpl = template(tmp_path, "Judul: {{ judul }}", table=[["Kendala"], ["{{ judul }}"]])
    out = render_docx(tpl, {"judul": tricky}, tmp_path / "out.docx")
    assert text_of(out).count(tricky) == 2


def test_newlines_and_tabs_in_values_still_become_breaks_and_tabs(tmp_path):
    """docxtpl's rewrite of \\n and \\t runs when a rendered part has them (and is skipped when not)."""
    from tasks.reporting.docx_template import FastTemplate as _Template

    tpl = template(tmp_path, "{{ a }}", "{{ b }}")
    plain = render_docx(tpl, {"a": "satu", "b": "dua"}, tmp_path / "plain.docx")
    broken = render_docx(tpl, {"a": "satu\ndua", "b": "tiga\tempat"}, tmp_path / "broken.docx")
    body = Document(str(broken)).element.body.xml
    assert "<w:br/>" in body and "<w:tab/>" in body
    assert "<w:br/>" not in Document(str(plain)).element.body.xml
    xml = '<?xml version="1.0"?>\r\n<w:p><w:r><w:t>satu</w:t></w:r></w:p>'
    assert _Template.resolve_listing(None, xml) is xml  # nothing to rewrite: the text is returned as is


@pytest.mark.parametrize("attack", [
    "{{ cycler.__init__.__globals__.os.popen('touch /tmp/lkip-pwned').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ judul.__class__.__init__.__globals__ }}",
])
def test_attribute_walks_are_refused(tmp_path, attack):
    out = tmp_path / "out.docx"
    with pytest.raises(RenderError, match="tidak diizinkan"):
        render_docx(template(tmp_path, attack), {"judul": "x"}, out)
    assert not out.exists() and not Path("/tmp/lkip-pwned").exists()


def test_misspelt_variable_is_found_before_rendering(tmp_path):
    out = tmp_path / "out.docx"
    with pytest.raises(RenderError, match="judull"):
        render_docx(template(tmp_path, "{{ judull }}"), {"judul": "x"}, out)
    assert not out.exists()


def test_syntax_error_names_the_template(tmp_path):
    with pytest.raises(RenderError, match="t.docx salah tulis"):
        render_docx(template(tmp_path, "{% if judul %}tanpa penutup"), {"judul": "x"}, tmp_path / "o.docx")


@pytest.mark.parametrize("loop", [
    "{% for i in range(10**9) %}x{% endfor %}",
    "{% for i in range(1000) %}{% for j in range(1000) %}x{% endfor %}{% endfor %}",
    "{{ 'x' * 100000000 }}",
])
def test_huge_work_is_stopped(tmp_path, loop):
    out = tmp_path / "o.docx"
    with pytest.raises(RenderError, match="tidak diizinkan"):
        render_docx(template(tmp_path, loop), {"judul": "x"}, out)
    assert not out.exists()


def test_failed_render_keeps_the_previous_file(tmp_path):
    out = tmp_path / "o.docx"
    out.write_bytes(b"laporan lama")
    with pytest.raises(RenderError):
        render_docx(template(tmp_path, "{{ tidak_ada }}"), {}, out)
    assert out.read_bytes() == b"laporan lama"


def test_damaged_template_is_a_clear_error(tmp_path):
    bad = tmp_path / "t.docx"
    bad.write_bytes(b"bukan docx")
    with pytest.raises(RenderError, match="tidak dapat dibuka"):
        render_docx(bad, {}, tmp_path / "o.docx")


@pytest.mark.parametrize("attack", [
    "{{ g.tpl.save('/tmp/lkip-pwned.docx') }}",
    "{{ g.tpl.docx.save('/tmp/lkip-pwned.docx') }}",
    "{{ g.tpl.template_file }}",
    "{{ judul.upper.__self__ }}",
    "{{ judul.format('x') }}",
    "{{ '%300000000s' % judul }}",
    "{{ judul|center(300000000) }}",
    "{{ 'x' * 10000 * 10000 }}",
    "{% for a in xs %}{% for b in xs %}{% for c in xs %}{% for d in xs %}x{% endfor %}{% endfor %}{% endfor %}"
    "{% endfor %}",
])
def test_objects_in_the_context_cannot_be_walked_into_and_work_is_bounded(tmp_path, attack):
    from tasks.reporting.context import gambar

    png = tmp_path / "g.png"
    png.write_bytes((Path(__file__).resolve().parents[2] / "templates" / "contoh-grafik.png").read_bytes())
    out = tmp_path / "out.docx"
    with pytest.raises(RenderError, match="tidak diizinkan|salah tulis"):
        render_docx(template(tmp_path, attack), {"g": gambar(png, "x"), "judul": "x", "xs": list(range(100))},
                    out)
    assert not out.exists() and not Path("/tmp/lkip-pwned.docx").exists()


def test_loops_and_loop_variables_still_work(tmp_path):
    tpl = template(tmp_path, "{% for k in items %}{{ loop.index }}. {{ k.nama }}{% if not loop.last %}, "
                             "{% endif %}{% endfor %}")
    out = render_docx(tpl, {"items": [{"nama": "a"}, {"nama": "b"}]}, tmp_path / "o.docx")
    assert "1. a, 2. b" in text_of(out)


@pytest.mark.parametrize("body, tag, words", [
    ("Halo {{ x.__class__ }}", "{{ x.__class__ }}", "akses ke atribut '__class__' tidak diizinkan"),
    ("A {{ nama }} B {{ tidakada }}", "{{ tidakada }}", "variabel yang tidak ada: tidakada"),
    ("{{ i.nama }", "{{ i.nama }", "tidak pada tempatnya"),
    ("{% for a in items %}{{ a.capaain }}{% endfor %}", "{{ a.capaain }}", "isian 'capaain' tidak ada"),
    ("{% for a in items %}{{ a }}", "{% for a in items %}", "tag pembuka tanpa tag penutup"),
    ("{{ items|sum }}", "{{ items|sum }}", "filter 'sum' tidak tersedia"),
    ("{{ '%s' % nama }}", "{{ '%s' % nama }}", "operator % tidak diizinkan"),
])
def test_a_refused_template_names_the_tag_in_indonesian(tmp_path, body, tag, words):
    tpl = template(tmp_path, "Judul", body)
    with pytest.raises(RenderError) as info:
        render_docx(tpl, {"nama": "n", "items": [{"nama": 1}], "x": "s", "i": {}}, tmp_path / "o.docx")
    assert info.value.tag == tag and tag in info.value.message and words in info.value.message
    assert not (tmp_path / "o.docx").exists()
