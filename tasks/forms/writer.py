"""Writing the four quarterly realisation forms from a RAK (`lkip template`).

Everything the RAK already says is pre-filled and locked; only input cells (yellow) are left to
fill, with drop-down lists for statuses. Text from the RAK is always written as text, so a cell
that starts with '=' can never become a live formula.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from contracts.rak import AktivitasBulan
from tasks.files import atomic_save, put_text_safe
from tasks.reading import form_layout as form
from tasks.reading.form_check import FINGERPRINT_LABEL, META_SHEET, rak_fingerprint
from tasks.reading.parse import MONTHS_ID, ROMAN
from tasks.reading.profile import Profile
from tasks.reading.rak import Rak
from tasks.reading.scales import builtin_scale

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # light yellow: "fill me in"
PLANNED_FILL = PatternFill("solid", fgColor="FFD966")  # darker yellow: planned this month
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


def form_name(tahun: int, triwulan: int) -> str:
    """File name of a quarter's form, built from codes only."""
    return f"realisasi-{int(tahun)}-TW{int(triwulan)}.xlsx"


def write_forms(rak: Rak, profile: Profile, tahun: int, out_dir: Path, force: bool = False) -> list[Path]:
    """Write TW I-IV forms into out_dir; an existing form is never overwritten unless force=True."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = [out_dir / form_name(tahun, tw) for tw in range(1, 5)]
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        names = ", ".join(p.name for p in existing)
        raise FileExistsError(f"formulir sudah ada dan tidak ditimpa: {names} (gunakan --force untuk menimpa)")
    for tw, path in zip(range(1, 5), targets):
        atomic_save(path, build_form(rak, profile, tahun, tw).save)
    return targets


def build_form(rak: Rak, profile: Profile, tahun: int, triwulan: int) -> Workbook:
    """The realisation workbook of one quarter, in memory."""
    book = Workbook()
    _petunjuk(book.active, tahun, triwulan)
    _identitas(book.create_sheet(form.SHEET_IDENTITAS), profile, tahun, triwulan)
    _indikator(book.create_sheet(form.SHEET_INDIKATOR), rak, tahun, triwulan)
    _aktivitas(book.create_sheet(form.SHEET_AKTIVITAS), rak, tahun, triwulan)
    _anggaran(book.create_sheet(form.SHEET_ANGGARAN), rak, profile, tahun, triwulan)
    _meta(book.create_sheet(META_SHEET), rak)
    return book


def _meta(ws, rak: Rak) -> None:
    """What the form was made from, on a sheet staff cannot unhide from Excel's menu: the RAK's
    fingerprint, checked when the form is read (tasks.reading.form_check)."""
    for row, (label, value) in enumerate((("format", form.FORMAT_VERSION), (FINGERPRINT_LABEL, rak_fingerprint(rak)),
                                          ("rak", rak.file)), start=1):
        put_text_safe(ws, row, 1, label)
        put_text_safe(ws, row, 2, value)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


def put(ws, row: int, col: int, value, *, bold: bool = False, fill=None, editable: bool = False):
    """Write a value (strings stay strings even when they look like formulas) with the form's styling."""
    cell = put_text_safe(ws, row, col, value)
    if bold:
        cell.font = Font(bold=True)
    if fill is not None:
        cell.fill = fill
    cell.protection = Protection(locked=not editable)
    return cell


def _petunjuk(ws, tahun: int, triwulan: int) -> None:
    ws.title = form.SHEET_PETUNJUK
    lines = [
        f"PETUNJUK PENGISIAN REALISASI TRIWULAN {ROMAN[triwulan]} TAHUN {tahun}",
        "",
        "1. Isi hanya sel berwarna kuning muda. Sel lain diambil dari RAK dan dikunci.",
        "2. Sheet Indikator: isi Realisasi dengan angka saja (misalnya 1 atau 95,5); satuan mengikuti kolom Satuan.",
        "   Pilih Jenis Nilai: 'Triwulan ini' bila angka hanya untuk triwulan ini, atau 'Kumulatif s.d. triwulan "
        "ini' bila angka adalah capaian sejak awal tahun.",
        "   Biarkan Realisasi kosong bila belum ada data: indikator akan dilaporkan 'belum dilaporkan', bukan 0.",
        "   Indikator bersatuan 'kualitatif' (misalnya opini BPK): pilih realisasinya dari daftar (WTP, WDP, ...).",
        "   Isi Kendala/Hambatan, Upaya/Tindak Lanjut dan Bukti Dukung (nama berkas atau tautan).",
        "3. Sheet Aktivitas: pilih status setiap bulan (Belum Mulai, Dalam Proses, Selesai; atau Ditunda, "
        "Dibatalkan, Tidak Dilaksanakan bila aktivitas diputuskan tidak berjalan sesuai rencana). Sel kuning tua "
        "menandai bulan yang direncanakan dalam RAK.",
        "4. Sheet Anggaran: isi Pagu (revisi terakhir), RPD dan Realisasi per bulan dalam rupiah, tanpa rumus.",
        "5. Jangan menambah, menghapus atau mengubah kode. Jangan mengganti nama sheet.",
        "6. Simpan sebagai .xlsx dan letakkan di folder masukan satker.",
        "",
        "Angka dihitung ulang oleh aplikasi; rumus dan persentase yang diketik di berkas ini tidak dipakai.",
    ]
    for row, text in enumerate(lines, start=1):
        put(ws, row, 1, text, bold=row == 1).alignment = WRAP
        ws.row_dimensions[row].height = _height(text, PETUNJUK_WIDTH)
    ws.column_dimensions["A"].width = PETUNJUK_WIDTH
    _print_setup(ws, landscape=False)


PETUNJUK_WIDTH = 80  # characters: A4 portrait at the default font
LINE_HEIGHT = 15.0  # points per line of 11 pt text


def _height(text, width: float) -> float:
    """The height a wrapped cell needs: LibreOffice does not fit row heights of a file it did not
    write, and Excel only when asked, so the rows are sized here (about one line per width
    characters, 5 % spare for proportional glyphs)."""
    lines = sum(max(1, -(-int(len(part) * 1.05) // max(int(width), 1))) for part in str(text or "").split("\n"))
    return LINE_HEIGHT * lines


def _print_setup(ws, landscape: bool = True, title_rows: str | None = None) -> None:
    """A4, one page wide (as many pages tall as needed), the header row repeated on every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    if title_rows:
        ws.print_title_rows = title_rows


def _identitas(ws, profile: Profile, tahun: int, triwulan: int) -> None:
    put(ws, 1, 1, "IDENTITAS LAPORAN REALISASI", bold=True)
    values = {"kode_satker": profile.kode, "nama_satker": profile.nama, "tahun": int(tahun),
              "triwulan": int(triwulan), "tanggal": None, "pengisi": None, "versi": form.FORMAT_VERSION}
    for row, (key, label) in enumerate(form.IDENTITAS_FIELDS.items(), start=form.HEADER_ROW):
        put(ws, row, 1, label, bold=True)
        editable = key in ("tanggal", "pengisi")
        cell = put(ws, row, 2, values[key], fill=INPUT_FILL if editable else None, editable=editable)
        if key == "tanggal":
            cell.number_format = "DD/MM/YYYY"
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 40
    _print_setup(ws, landscape=False)
    ws.protection.sheet = True


def _table_header(ws, columns, title: str, note: str) -> None:
    put(ws, 1, 1, title, bold=True)
    put(ws, 2, 1, note)
    for col, spec in enumerate(columns, start=1):
        cell = put(ws, form.HEADER_ROW, col, spec.label, bold=True, fill=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = BORDER
        ws.column_dimensions[get_column_letter(col)].width = spec.width
    ws.freeze_panes = ws.cell(row=form.HEADER_ROW + 1, column=3)
    ws.row_dimensions[form.HEADER_ROW].height = max(_height(c.label, c.width) for c in columns)
    _print_setup(ws, title_rows=f"{form.HEADER_ROW}:{form.HEADER_ROW}")
    # Protected with the defaults: rows and columns cannot be hidden (a hidden row's figures would be
    # easy to miss), nor sorted or filtered; Excel still fits the wrapped rows' height to their text.
    ws.protection.sheet = True


def _row(ws, row: int, columns, values: dict, planned: set[int] = frozenset()) -> None:
    ws.row_dimensions[row].height = max(_height(values.get(c.key), c.width) for c in columns)
    for col, spec in enumerate(columns, start=1):
        fill = (PLANNED_FILL if spec.month in planned else INPUT_FILL) if spec.input else None
        cell = put(ws, row, col, values.get(spec.key), fill=fill, editable=spec.input)
        cell.border = BORDER
        cell.alignment = WRAP
        if spec.key.startswith(("pagu", "rpd_", "realisasi_")):
            cell.number_format = "#,##0"


def _list_validation(ws, choices, columns, keys, n_rows: int) -> None:
    if n_rows == 0:
        return
    rule = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                          showErrorMessage=True, errorTitle="Pilihan tidak valid",
                          error="Pilih salah satu dari daftar: " + ", ".join(choices))
    for col, spec in enumerate(columns, start=1):
        if spec.key in keys:
            letter = get_column_letter(col)
            rule.add(f"{letter}{form.HEADER_ROW + 1}:{letter}{form.HEADER_ROW + n_rows}")
    ws.add_data_validation(rule)


def _indikator(ws, rak: Rak, tahun: int, triwulan: int) -> None:
    columns = form.indikator_columns()
    _table_header(ws, columns, f"REALISASI INDIKATOR KINERJA TRIWULAN {ROMAN[triwulan]} TAHUN {tahun}",
                  "Isi sel kuning. Realisasi kosong = belum dilaporkan.")
    kegiatan = dict(zip(rak.kegiatan["kode"], rak.kegiatan["nama"]))
    realisasi = get_column_letter(next(i for i, c in enumerate(columns, start=1) if c.key == "realisasi"))
    for offset, ind in enumerate(rak.indikator.itertuples(), start=1):
        jenis = "Kumulatif s.d. triwulan ini" if ind.target_satuan == "%" else "Triwulan ini"
        scale = builtin_scale(ind.target_kualitatif) if isinstance(ind.target_kualitatif, str) else None
        row = form.HEADER_ROW + offset
        _row(ws, row, columns, {
            "kode": ind.kode, "kegiatan": kegiatan.get(ind.kegiatan_kode, ""), "indikator": ind.nama,
            "satuan": "kualitatif" if scale else ind.target_satuan, "target": ind.target_teks, "jenis_nilai": jenis})
        if scale:  # a qualitative realisation is picked from its scale
            rule = DataValidation(type="list", formula1='"' + ",".join(scale.labels) + '"', allow_blank=True,
                                  showErrorMessage=True, errorTitle="Pilihan tidak valid",
                                  error="Pilih salah satu: " + ", ".join(scale.labels))
            rule.add(f"{realisasi}{row}")
            ws.add_data_validation(rule)
    _list_validation(ws, list(form.JENIS_NILAI), columns, {"jenis_nilai"}, len(rak.indikator))


def _aktivitas(ws, rak: Rak, tahun: int, triwulan: int) -> None:
    columns = form.aktivitas_columns(triwulan)
    _table_header(ws, columns, f"PROGRES AKTIVITAS TRIWULAN {ROMAN[triwulan]} TAHUN {tahun}",
                  "Pilih status setiap bulan. Sel kuning tua = bulan rencana pelaksanaan menurut RAK.")
    planned = rak.bulan.groupby(AktivitasBulan.aktivitas_kode)[AktivitasBulan.bulan].apply(set).to_dict()
    for offset, act in enumerate(rak.aktivitas.itertuples(), start=1):
        months = planned.get(act.kode, set())
        _row(ws, form.HEADER_ROW + offset, columns, {
            "kode": act.kode, "indikator_kode": act.indikator_kode, "aktivitas": act.nama,
            "pelaksana": act.pelaksana, "rencana": ", ".join(MONTHS_ID[m - 1][:3] for m in sorted(months))},
            planned=months)
    status_keys = {c.key for c in columns if c.key.startswith("status_")}
    _list_validation(ws, form.STATUS_CHOICES, columns, status_keys, len(rak.aktivitas))


def _anggaran(ws, rak: Rak, profile: Profile, tahun: int, triwulan: int) -> None:
    columns = form.anggaran_columns(triwulan)
    _table_header(ws, columns, f"REALISASI ANGGARAN TRIWULAN {ROMAN[triwulan]} TAHUN {tahun}",
                  "Isi dalam rupiah tanpa rumus. Kosongkan baris sumber dana yang tidak membiayai kegiatan.")
    row = form.HEADER_ROW
    for keg in rak.kegiatan.itertuples():
        for sumber in profile.sumber_dana:
            row += 1
            _row(ws, row, columns, {"kegiatan_kode": keg.kode, "kegiatan": keg.nama, "sumber_dana": sumber.kode})
