"""`lkip validate`, `inspect` and `capaian`: reading the office's inputs and their figures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from flows.cli.common import EXIT_INVALID, EXIT_OK, UsageError, existing, print_json, print_problems
from tasks.measuring.export import to_json
from tasks.measuring.figures import Period, measure
from tasks.problems import Severity
from tasks.reading.identify import identify
from tasks.reading.inspect import describe_rak, describe_realisasi
from tasks.reading.office import load_inputs
from tasks.reading.profile import DEFAULT_SUB_UNITS, PROFILE_NAME, load_profile
from tasks.reading.rak import read_rak
from tasks.reading.realisasi import read_realisasi
from tasks.reporting.fmt import format_number, format_percent


def register(sub) -> None:
    p = sub.add_parser("validate", help="periksa RAK, formulir realisasi, atau satu folder satker-tahun",
                       description="Memeriksa semua berkas sekaligus dan melaporkan setiap masalah dengan berkas, "
                                   "sheet, sel dan saran perbaikan. Keluar 0 bila valid, 1 bila ada galat.")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="berkas RAK/realisasi atau folder masukan")
    p.add_argument("--year", "--tahun", type=int, dest="tahun", help="tahun laporan (bawaan: tahun pada judul RAK)")
    p.add_argument("--json", action="store_true", help="keluaran JSON di stdout")
    p.add_argument("--rinci", "--verbose", action="store_true", dest="rinci",
                   help="tampilkan setiap masalah satu per satu, juga catatan (baris yang dilewati, "
                        "dsb.); tanpa ini, lebih dari 40 masalah diringkas per jenis")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("inspect", help="tampilkan isi RAK atau formulir realisasi sebagaimana dibaca",
                       description="Menampilkan apa yang dibaca dari berkas, sudah dinormalisasi, sebelum dihitung.")
    p.add_argument("file", type=Path, metavar="FILE", help="RAK (.xlsx/.xls/.docx) atau formulir realisasi")
    p.add_argument("--json", action="store_true", help="keluaran JSON di stdout")
    p.add_argument("--profil", type=Path, metavar="FILE",
                   help=f"profil satker untuk ejaan sub bagian (bawaan: {PROFILE_NAME} di folder berkas, bila ada)")
    p.set_defaults(func=cmd_inspect)

    p = sub.add_parser("capaian", help="hitung capaian indikator, serapan anggaran dan kepatuhan jadwal",
                       description="Memeriksa masukan lalu menghitung capaian per indikator (tahun, s.d. triwulan "
                                   "atau s.d. bulan), serapan anggaran dan kepatuhan jadwal. Tidak menghitung bila "
                                   "masukan masih bergalat (keluar 1).")
    p.add_argument("--input", type=Path, default=Path("."), metavar="DIR",
                   help="folder masukan satker-tahun (bawaan: folder saat ini)")
    p.add_argument("--year", "--tahun", type=int, dest="tahun", required=True, metavar="YYYY", help="tahun")
    period = p.add_mutually_exclusive_group()
    period.add_argument("--triwulan", type=int, choices=range(1, 5), metavar="N", help="s.d. triwulan 1-4")
    period.add_argument("--bulan", type=int, choices=range(1, 13), metavar="M", help="s.d. bulan 1-12")
    p.add_argument("--json", action="store_true", help="keluaran JSON di stdout")
    p.set_defaults(func=cmd_capaian)


def cmd_validate(args) -> int:
    inputs = load_inputs(existing(args.paths), args.tahun)
    if args.json:
        print_json({"files": inputs.files, "counts": inputs.counts(),
                    "problems": [p.to_dict() for p in inputs.problems], "valid": inputs.ok})
    else:
        _print_validation(inputs, args.rinci, " ".join(str(p) for p in args.paths))
    return EXIT_OK if inputs.ok else EXIT_INVALID


def _print_validation(inputs, rinci: bool, paths: str) -> None:
    for item in inputs.files:
        print(f"  {item['file']}: {item['jenis']}")
    counts = inputs.counts()
    print(f"RAK: {counts['kegiatan']} kegiatan, {counts['indikator']} indikator, {counts['aktivitas']} aktivitas")
    for real in sorted(inputs.realisasi, key=lambda r: r.triwulan or 0):
        reported = int(real.indikator["realisasi"].notna().sum()) if not real.indikator.empty else 0
        total = counts["indikator"] or len(real.indikator)  # rows refused by a content check still count
        print(f"Realisasi TW {real.triwulan or '?'}: {reported} dari {total} indikator terisi")
    print_problems(inputs.problems, rinci, full=f"Daftar lengkap: lkip validate {paths} --rinci (satu baris per "
                                                "masalah) atau --json.")
    tally = {s: sum(p.severity is s for p in inputs.problems) for s in Severity}
    verdict = "Data siap dipakai." if inputs.ok else "Perbaiki galat di atas sebelum laporan dibuat."
    notes = "" if rinci else " (lihat dengan --rinci)"
    print(f"Hasil: {tally[Severity.ERROR]} galat, {tally[Severity.WARNING]} peringatan, "
          f"{tally[Severity.INFO]} catatan{notes}. {verdict}")


def cmd_inspect(args) -> int:
    path = existing([args.file])[0]
    found = identify(path)
    if found.kind == "rak":
        rak = read_rak(found.opened, _sub_units(args.profil, path))
        data, problems = describe_rak(rak), rak.problems
    elif found.kind == "realisasi":
        real = read_realisasi(found.opened)
        data, problems = describe_realisasi(real), real.problems
    elif found.kind == "rusak":
        data, problems = {"file": path.name, "jenis": "tidak dapat dibaca"}, found.problems
    else:
        raise UsageError(f"{path.name}: bukan RAK atau formulir realisasi ({found.kind})")
    data["problems"] = [p.to_dict() for p in problems]
    if args.json:
        print_json(data)
    else:
        print(json.dumps(data, ensure_ascii=False, indent=1))
    return EXIT_INVALID if any(p.severity is Severity.ERROR for p in problems) else EXIT_OK


def _sub_units(profile_path: Path | None, beside: Path):
    """Sub-units from --profil, else from profil.toml beside the file, else the KPU defaults."""
    path = profile_path or beside.parent / PROFILE_NAME
    if profile_path is not None or path.exists():
        return load_profile(existing([path])[0]).sub_bagian
    return DEFAULT_SUB_UNITS


def cmd_capaian(args) -> int:
    folder = existing([args.input])[0]
    inputs = load_inputs([folder], args.tahun)
    if not inputs.ok:
        print_problems([p for p in inputs.problems if p.severity is Severity.ERROR], stream=sys.stderr)
        print("Masukan belum valid; capaian tidak dihitung. Jalankan 'lkip validate' untuk rinciannya.",
              file=sys.stderr)
        return EXIT_INVALID
    data = to_json(measure(inputs, Period(args.tahun, args.triwulan, args.bulan)), inputs.settings)
    if args.json:
        print_json(data)
    else:
        _print_capaian(data)
    return EXIT_OK


def _print_capaian(data: dict) -> None:
    print(f"Capaian kinerja {data['periode']}")
    print(f"{'kode':8} {'target':>10} {'realisasi':>10} {'capaian':>9}  kategori / status")
    for rec in data["indikator"]:
        print(f"{rec['kode']:8} {format_number(rec['target']):>10} {format_number(rec['realisasi']):>10} "
              f"{format_percent(rec['capaian_dicap']):>9}  {rec['kategori'] or '-'} / {rec['status']}")
    for rec in data["atribut_dugaan"]:
        print(f"  atribut {rec['kode']} diduga: {rec['polaritas']} {rec['agregasi']} ({rec['alasan']})")
    jadwal = data["jadwal"]["per_bulan"]
    if jadwal:
        last = jadwal[-1]
        print(f"Kepatuhan jadwal s.d. bulan {last['bulan']}: {format_percent(last['kepatuhan'])} "
              f"({last['selesai_sd']} dari {last['rencana_sd']} aktivitas-bulan; {last['terlambat']} terlambat)")
    for rec in data["anggaran"]["per_kegiatan"]:
        print(f"Anggaran {rec['kegiatan_kode']} {rec['sumber_dana']}: serapan {format_percent(rec['serapan'])}")
