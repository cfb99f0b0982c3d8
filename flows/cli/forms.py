"""`lkip template` and `carry-over`: the quarterly realisation forms staff fill, written from the RAK,
and carried over to a revised RAK."""

from __future__ import annotations

import sys
from pathlib import Path

from flows.cli.common import EXIT_INVALID, EXIT_OK, UsageError, existing, print_problems
from tasks.forms.carry import carry_form
from tasks.forms.writer import write_forms
from tasks.problems import Severity
from tasks.reading.identify import identify
from tasks.reading.profile import PROFILE_NAME, load_profile
from tasks.reading.rak import read_rak


def register(sub) -> None:
    p = sub.add_parser("template", help="buat formulir realisasi TW I-IV dari RAK",
                       description="Menulis empat formulir realisasi triwulan, terisi dari RAK; hanya sel kuning "
                                   "yang perlu diisi. Formulir yang sudah ada tidak ditimpa tanpa --force.")
    p.add_argument("--rak", type=Path, required=True, metavar="FILE", help="berkas RAK")
    p.add_argument("--year", "--tahun", type=int, dest="tahun", required=True, metavar="YYYY", help="tahun")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder tujuan formulir")
    p.add_argument("--profil", type=Path, metavar="FILE",
                   help=f"profil satker (bawaan: {PROFILE_NAME} di folder RAK)")
    p.add_argument("--force", action="store_true", help="timpa formulir yang sudah ada")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("carry-over", aliases=["pindahkan"],
                       help="pindahkan isian formulir lama ke formulir dari RAK yang direvisi",
                       description="Bila RAK direvisi di tengah tahun (indikator disisipkan, kode bergeser), setiap "
                                   "isian formulir lama dipindahkan ke formulir baru dari RAK baru, dicocokkan menurut "
                                   "teks kegiatan, indikator dan aktivitas (bukan kode). Yang tidak dapat dipindahkan "
                                   "dan yang baru di RAK didaftar. Formulir lama tidak diubah.")
    p.add_argument("--rak", type=Path, required=True, metavar="FILE", help="RAK yang baru (hasil revisi)")
    p.add_argument("--lama", type=Path, required=True, metavar="DIR", help="folder formulir lama yang sudah diisi")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder tujuan formulir baru")
    p.add_argument("--profil", type=Path, metavar="FILE",
                   help=f"profil satker (bawaan: {PROFILE_NAME} di folder RAK)")
    p.add_argument("--force", action="store_true", help="timpa formulir baru yang sudah ada di folder tujuan")
    p.set_defaults(func=cmd_carry_over)


def _rak_and_profile(rak_path: Path, profile_path: Path | None):
    """The RAK and the profile, or None after printing the RAK's errors."""
    profile = load_profile(existing([profile_path or rak_path.parent / PROFILE_NAME])[0])
    rak = read_rak(rak_path, profile.sub_bagian)
    errors = [p for p in rak.problems if p.severity is Severity.ERROR]
    print_problems(errors, stream=sys.stderr, full=f"Daftar lengkap: lkip validate {rak_path} --rinci.")
    return (None, profile) if errors else (rak, profile)


def cmd_template(args) -> int:
    rak, profile = _rak_and_profile(existing([args.rak])[0], args.profil)
    if rak is None:
        print("RAK belum valid; formulir tidak dibuat.", file=sys.stderr)
        return EXIT_INVALID
    try:
        paths = write_forms(rak, profile, args.tahun, args.out, force=args.force)
    except FileExistsError as exc:
        print(f"GALAT: {exc}", file=sys.stderr)
        return EXIT_INVALID
    for path in paths:
        print(path)
    return EXIT_OK


def cmd_carry_over(args) -> int:
    old = existing([args.lama])[0]
    rak, profile = _rak_and_profile(existing([args.rak])[0], args.profil)
    if rak is None:
        print("RAK baru belum valid; formulir tidak dipindahkan.", file=sys.stderr)
        return EXIT_INVALID
    files = sorted(p for p in old.iterdir() if p.is_file()) if old.is_dir() else [old]
    forms = [p for p in files if identify(p).kind == "realisasi"]
    if not forms:
        raise UsageError(f"tidak ada formulir realisasi di {old}")
    args.out.mkdir(parents=True, exist_ok=True)
    failed = False
    for path in forms:
        try:
            report = carry_form(path, rak, profile, args.out, force=args.force)
        except FileExistsError as exc:
            print(f"GALAT: {exc}", file=sys.stderr)
            return EXIT_INVALID
        print_problems(report.problems, stream=sys.stderr, full=f"Daftar lengkap: lkip validate {path} --rinci.")
        if report.target is None:
            failed = True
            print(f"{report.source}: tidak dapat dibaca sebagai formulir; tidak dipindahkan", file=sys.stderr)
            continue
        print(f"{report.source} -> {report.target}: {report.carried} isian dipindahkan")
        for label in report.not_carried:
            print(f"  PERINGATAN: tidak dapat dipindahkan (tidak ada padanannya di RAK baru): {label}")
        for label in report.unfilled:
            print(f"  belum terisi (tidak ada padanannya di formulir lama): {label}")
    return EXIT_INVALID if failed else EXIT_OK
