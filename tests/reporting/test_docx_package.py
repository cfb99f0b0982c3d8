"""Saving a rendered .docx (tasks/reporting/docx_package.py): a plain, byte-stable zip, and the switch
back to docxtpl's own save giving the same document."""

from __future__ import annotations

from tests.reporting.test_render import render_docx, template, text_of


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
