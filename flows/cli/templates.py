"""`lkip check-template`: check a Word template the way a run renders it, and show its sample rendered."""

from __future__ import annotations

import sys
from pathlib import Path

from flows.cli.common import EXIT_INVALID, EXIT_OK, existing
from tasks.reporting.render import RenderError
from tasks.reporting.templates import KINDS, check_template


def register(sub) -> None:
    p = sub.add_parser("check-template", help="periksa templat Word (LKIP atau bulanan) seperti saat laporan dibuat",
                       description="Merender templat dengan konteks contoh jenisnya (templates/<jenis>.sample.json) "
                                   "memakai sandbox dan perender yang sama dengan 'lkip run'. Templat yang lolos di "
                                   "sini dipakai oleh laporan; yang ditolak disebut tag yang salah. Letakkan templat "
                                   "kantor di folder masukan sebagai templat/lkip.docx atau templat/bulanan.docx.")
    p.add_argument("file", type=Path, metavar="FILE", help="templat .docx")
    p.add_argument("--jenis", "--kind", dest="kind", choices=KINDS,
                   help="jenis dokumen (bawaan: dari nama berkas, lkip.docx atau bulanan.docx)")
    p.add_argument("--out", type=Path, metavar="FILE", help="simpan contoh hasil render ke berkas ini")
    p.set_defaults(func=cmd_check_template)


def cmd_check_template(args) -> int:
    path = existing([args.file])[0]
    kind = args.kind or path.stem.casefold()
    if kind not in KINDS:
        print(f"GALAT: jenis templat {path.name} tidak dapat diketahui dari namanya; tambahkan --jenis lkip atau "
              "--jenis bulanan", file=sys.stderr)
        return EXIT_INVALID
    try:
        check_template(path, kind, args.out)
    except RenderError as exc:
        print(f"GALAT: {exc.message}", file=sys.stderr)
        return EXIT_INVALID
    print(f"Templat {path.name} dapat dipakai untuk {kind}." + (f" Contoh hasil: {args.out}" if args.out else ""))
    return EXIT_OK
