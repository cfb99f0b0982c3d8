"""The LKIP rendered once with a Daftar Isi of its own headings (tasks.reporting.render.render_docx_listing):
the document is byte for byte the one the two renders make (its headings, then the report with them),
and a template whose loop would not render alone as in place is rendered twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tasks.measuring.figures import Period, compute_figures
from tasks.reporting import render
from tasks.reporting.docx_package import DOCX_WRITER
from tasks.reporting.loop_split import split_loop
from tasks.reporting.pagination import body_outline, render_with_daftar_isi, style_names
from tasks.reporting.render import render_docx_listing
from tasks.reporting.sandbox import render_env
from tasks.reporting.templates import bundled_templates

CHART = Path(__file__).resolve().parents[2] / "templates" / "contoh-grafik.png"


def _headings(body, tpl) -> list[dict]:
    headings, _ = body_outline(body, style_names(tpl.docx))
    return [{"judul": h.text, "tingkat": str(h.level), "halaman": str(n)} for n, h in enumerate(headings, start=1)]


def _template(tmp_path: Path, blocks: list[tuple[str, str]]) -> Path:
    """A .docx of (style, text) paragraphs: 'h1'/'h2' headings, 'p' body text."""
    doc = Document()
    for style, text in blocks:
        if style.startswith("h"):
            doc.add_heading(text, level=int(style[1]))
        else:
            doc.add_paragraph(text)
    path = tmp_path / "t.docx"
    doc.save(path)
    return path


def _both(tmp_path: Path, template: Path, context: dict, monkeypatch) -> tuple[bytes, bytes, list, list]:
    """(once, twice, the list rendered once, the list rendered twice): the template rendered by
    render_docx_listing, and by the same with the loop never cut out (render_body, then render_docx)."""
    once = render_docx_listing(template, dict(context), tmp_path / "once.docx", "daftar_isi", _headings)
    with monkeypatch.context() as patch:
        patch.setattr(render, "_cut", lambda *args: None)
        twice = render_docx_listing(template, dict(context), tmp_path / "twice.docx", "daftar_isi", _headings)
    return (tmp_path / "once.docx").read_bytes(), (tmp_path / "twice.docx").read_bytes(), once, twice


def _rendered_twice(monkeypatch) -> list[int]:
    """Counts the renders of the rest of the document (render_body calls) made for a listing."""
    calls: list[int] = []
    real = render.render_body

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(render, "render_body", counted)
    return calls


TOC = [("p", "{%p for e in daftar_isi %}"), ("p", "{{ loop.index }}. {{ e.judul }} … {{ e.halaman }} ({{ kota }})"),
       ("p", "{%p endfor %}")]
BODY = [("h1", "BAB I {{ bab1 }}"), ("p", "{{ catatan }} {{ kota }}"), ("h2", "A. {{ sub }}"),
        ("p", "{%p for k in kegiatan %}"), ("h2", "{{ k }}"), ("p", "{%p endfor %}"), ("h1", "BAB II PENUTUP")]
CONTEXT = {"daftar_isi": [], "bab1": "PENDAHULUAN", "sub": "Latar & belakang", "kota": "Simpang Empat",
           "kegiatan": ["Kegiatan 1", "Kegiatan 2"], "catatan": "Isi & <teks>\tdengan tab\nbaris baru"}


ENTRY = "2. A. Latar & belakang … 2 (Simpang Empat)"


@pytest.mark.parametrize("blocks, printed", [
    pytest.param(TOC + BODY, ENTRY, id="daftar-isi-first"),
    pytest.param([("p", "{%p if kota %}")] + TOC + [("p", "{%p endif %}")] + BODY, ENTRY, id="inside-an-if"),
    pytest.param(BODY + TOC, ENTRY, id="daftar-isi-last"),
    pytest.param([("p", "Daftar: {% for e in daftar_isi %}[{{ e.judul }}]{% else %}kosong{% endfor %}")] + BODY,
                 "Daftar: [BAB I PENDAHULUAN][A. Latar & belakang]", id="inside-a-paragraph-with-else"),
])
def test_one_render_gives_the_document_of_two(tmp_path, monkeypatch, blocks, printed):
    template = _template(tmp_path, blocks)
    with render_env() as env:
        assert split_loop(_source(template), env, "daftar_isi") is not None
    once, twice, listed_once, listed_twice = _both(tmp_path, template, CONTEXT, monkeypatch)
    assert once == twice and listed_once == listed_twice
    assert [e["judul"] for e in listed_once] == ["BAB I PENDAHULUAN", "A. Latar & belakang", "Kegiatan 1",
                                                 "Kegiatan 2", "BAB II PENUTUP"]
    assert printed in "\n".join(p.text for p in Document(str(tmp_path / "once.docx")).paragraphs)


def test_the_bundled_lkip_is_rendered_once_into_the_document_of_two(sample_inputs, tmp_path, monkeypatch):
    from tasks.reporting.context import office_view
    from tasks.reporting.documents import lkip_signing_date
    from tasks.reporting.lkip import lkip_context

    figures = compute_figures(sample_inputs, [Period(2024)])
    images = {k: {"path": str(CHART), "lebar_cm": 15.0, "keterangan": f"Grafik {k}"}
              for k in ("jadwal", "capaian", "anggaran")}
    context = lkip_context(sample_inputs, figures[Period(2024)], office_view(sample_inputs, figures), images,
                           lkip_signing_date(2024), True)
    template = bundled_templates().lkip
    calls = _rendered_twice(monkeypatch)
    once = render_with_daftar_isi(template, context, tmp_path / "once.docx", False, DOCX_WRITER)
    assert calls == [] and len(context["daftar_isi"]) > 10
    monkeypatch.setattr(render, "_cut", lambda *args: None)
    twice = render_with_daftar_isi(template, dict(context, daftar_isi=[]), tmp_path / "twice.docx", False,
                                   DOCX_WRITER)
    assert calls == [1] and once == twice
    assert (tmp_path / "once.docx").read_bytes() == (tmp_path / "twice.docx").read_bytes()


@pytest.mark.parametrize("blocks, why", [
    ([("p", "{% set kota = 'Padang' %}")] + TOC + BODY, "the template assigns a name"),
    ([("p", "{%p for b in [1] %}")] + TOC + [("p", "{%p endfor %}")] + BODY, "the loop is inside another loop"),
    (TOC + BODY + [("p", "Ada {{ daftar_isi|length }} entri")], "the list is used twice"),
    ([("p", "{%- for e in daftar_isi %}{{ e.judul }}{% endfor %}")] + BODY, "the loop strips whitespace"),
    (BODY, "there is no loop over the list"),
])
def test_a_loop_that_may_not_render_alone_is_rendered_twice(tmp_path, monkeypatch, blocks, why):
    template = _template(tmp_path, blocks)
    with render_env() as env:
        assert split_loop(_source(template), env, "daftar_isi") is None, why
    calls = _rendered_twice(monkeypatch)
    listed = render_docx_listing(template, dict(CONTEXT), tmp_path / "out.docx", "daftar_isi", _headings)
    assert calls == [1] and [e["judul"] for e in listed][-1] == "BAB II PENUTUP"


def test_an_environment_that_trims_blocks_is_not_cut():
    source = "a\n{% for e in daftar_isi %}{{ e }}{% endfor %}\nb"
    with render_env() as env:
        assert split_loop(source, env, "daftar_isi") is not None
        env.trim_blocks = True
        try:
            assert split_loop(source, env, "daftar_isi") is None
        finally:
            env.trim_blocks = False


def test_the_cut_gives_the_source_back_and_the_loop_whole():
    source = "<w:p>x</w:p>{% if a %}{% for e in daftar_isi %}{% if e %}{{ e }}{% endif %}{% endfor %}{% endif %}<w:p/>"
    with render_env() as env:
        split = split_loop(source, env, "daftar_isi")
    assert split.before + split.loop + split.after == source
    assert split.loop == "{% for e in daftar_isi %}{% if e %}{{ e }}{% endif %}{% endfor %}"


def test_docxtpl_prepares_and_finishes_a_part_as_the_listing_does(tmp_path):
    """render_docx_listing renders the body's Jinja itself: docxtpl's steps before and after Jinja
    (render_xml_part) are those of tasks.reporting.render, tabs and newlines in values included."""
    from tasks.reporting.docx_template import FastTemplate

    tpl = FastTemplate(str(_template(tmp_path, BODY + TOC)))
    tpl.init_docx()
    source = tpl.patch_xml(tpl.get_xml())
    context = dict(CONTEXT, daftar_isi=[{"judul": "Satu\tdua\ntiga", "halaman": "1"}])
    with render_env() as env:
        env.autoescape = True
        theirs = tpl.render_xml_part(source, tpl.docx._part, context, env)
        ours = render._docxtpl_post(tpl, env.from_string(render._docxtpl_pre(source)).render(context))
    assert ours == theirs and "<w:tab/>" in ours and "<w:br/>" in ours


def _source(template: Path) -> str:
    from tasks.reporting.docx_template import FastTemplate

    tpl = FastTemplate(str(template))
    tpl.init_docx()
    return tpl.patch_xml(tpl.get_xml())


def test_a_body_docxtpl_prepares_otherwise_is_rendered_twice(tmp_path, monkeypatch):
    """Should docxtpl hand Jinja the body otherwise than render.py expects, the listing is not cut
    out: the document is made by the two renders, with its Daftar Isi."""
    template = _template(tmp_path, TOC + BODY)
    monkeypatch.setattr(render, "_docxtpl_pre", lambda source: source.replace("<w:p>", "<w:p >"))
    render._cuts.clear()
    calls = _rendered_twice(monkeypatch)
    try:
        listed = render_docx_listing(template, dict(CONTEXT), tmp_path / "out.docx", "daftar_isi", _headings)
    finally:
        render._cuts.clear()
    assert calls == [1] and len(listed) == 5
    assert ENTRY in "\n".join(p.text for p in Document(str(tmp_path / "out.docx")).paragraphs)
