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


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_listing_rewrite_only_where_needed_gives_docxtpls_result():
    """Paragraphs without \\t, \\a, \\n or \\f are skipped; the others are rewritten exactly as docxtpl does."""
    from docxtpl import DocxTemplate

    from tasks.reporting.docx_template import FastTemplate as _Template

    xml = ('<?xml version="1.0"?>\n<w:body><w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
           '<w:t>satu\ndua\ttiga\a empat\flima</w:t></w:r></w:p><w:p><w:r><w:t>biasa</w:t></w:r></w:p>'
           '<w:p>\n  <w:r>\n<w:drawing/></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x\ny</w:t></w:r></w:p>'
           '</w:tc></w:tr></w:tbl></w:body>')
    assert _Template.resolve_listing(None, xml) == DocxTemplate.resolve_listing(None, xml)
    assert "<w:br/>" in _Template.resolve_listing(None, xml)


def _table(grid: int, *rows: str) -> str:
    cols = "".join('<w:gridCol w:w="1000"/>' for _ in range(grid))
    return f"<w:tbl><w:tblGrid>{cols}</w:tblGrid>{''.join(rows)}</w:tbl>"


@pytest.mark.parametrize("body", [
    _table(2, "<w:tr><w:tc/><w:tc/></w:tr>", "<w:tr><w:tc/><w:tc/></w:tr>"),  # fits: left as is
    _table(2, "<w:tr><w:tc/><w:tc/><w:tc/></w:tr>"),  # a column loop added a cell: the grid widens
    _table(3, "<w:tr><w:tc/><w:tc/></w:tr>"),  # a column loop removed one: the grid narrows
    _table(3, '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr></w:tc><w:tc/></w:tr>'),  # merged: fits
    _table(2, "<w:tr><w:tc>" + _table(1, "<w:tr><w:tc/><w:tc/><w:tc/></w:tr>") + "</w:tc><w:tc/></w:tr>"),
])
def test_table_fix_up_matches_docxtpl(body):
    from docxtpl import DocxTemplate
    from lxml import etree

    from tasks.reporting.docx_template import FastTemplate as _Template

    xml = f"<w:document {W_NS}><w:body>{body}</w:body></w:document>"
    ours, theirs = _Template.fix_tables(None, xml), DocxTemplate.fix_tables(None, xml)
    assert etree.tostring(ours) == etree.tostring(theirs)


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
    png.write_bytes((Path(__file__).resolve().parents[1] / "templates" / "contoh-grafik.png").read_bytes())
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


def test_written_package_is_a_plain_zip_keeping_the_templates_untouched_parts(tmp_path):
    """Our zip writer: every entry readable and checked by zipfile, dated 1980-01-01, media stored;
    styles (kept as the template's bytes) equal to the template's; a second render the same bytes."""
    import zipfile

    tpl = template(tmp_path, "Judul: {{ judul }}", table=[["{{ judul }}"]])
    first = render_docx(tpl, {"judul": "Capaian"}, tmp_path / "a.docx")
    second = render_docx(tpl, {"judul": "Capaian"}, tmp_path / "b.docx")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as out, zipfile.ZipFile(tpl) as source:
        assert out.testzip() is None
        assert {i.date_time for i in out.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert out.read("word/styles.xml") == source.read("word/styles.xml")
        assert sorted(out.namelist()) == sorted(source.namelist())
    assert "Judul: Capaian" in text_of(first)


def test_docxtpls_own_save_gives_the_same_document(tmp_path):
    """The switch back (writer="docxtpl"): docxtpl's save gives every part with the same content as
    our package writer, for a template with a table, a loop and a picture; both are byte-stable."""
    import zipfile

    from lxml import etree

    image = tmp_path / "g.png"
    from PIL import Image

    Image.new("L", (40, 20), 128).save(image)
    tpl = template(tmp_path, "{%p for i in items %}", "{{ i }} & <b>", "{%p endfor %}", "{{ gambar }}",
                   table=[["{{ judul }}"]])
    context = {"items": ["a", "b"], "judul": "Capaian", "gambar": {"path": str(image), "lebar_cm": 3,
                                                                  "keterangan": ""}}
    ours = render_docx(tpl, context, tmp_path / "ours.docx")
    theirs = render_docx(tpl, context, tmp_path / "theirs.docx", writer="docxtpl")
    again = render_docx(tpl, context, tmp_path / "again.docx", writer="docxtpl")
    assert theirs.read_bytes() == again.read_bytes()

    def parts(path):
        with zipfile.ZipFile(path) as package:
            return {name: package.read(name) for name in package.namelist()}

    a, b = parts(ours), parts(theirs)
    assert sorted(a) == sorted(b)
    for name in a:
        if name.endswith((".xml", ".rels")):
            assert etree.tostring(etree.fromstring(a[name]), method="c14n") == \
                etree.tostring(etree.fromstring(b[name]), method="c14n"), name
        else:
            assert a[name] == b[name], name
