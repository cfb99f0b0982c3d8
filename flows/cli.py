"""The `lkip` command: validate, inspect, template, capaian, run, serve and trigger.

Messages to the user are Indonesian. Exit codes: 0 valid, 1 a problem blocks the report,
2 a usage error (wrong arguments, a path that does not exist), 3 an internal error (a bug).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from pathlib import Path

from flows.serve import (DEFAULT_CRON, DEFAULT_PORT, DEFAULT_TIMEZONE, ServerError, build_deployments, ensure_server,
                         serve, trigger)
from tasks.reading.profile import DEFAULT_SUB_UNITS, PROFILE_NAME, load_profile
from tasks.reporting.fmt import format_number, format_percent
from tasks.reading.inspect import describe_rak, describe_realisasi
from tasks.publishing.lock import RunLockError
from tasks.measuring.figures import Period, measure, to_json
from tasks.problems import InputError, Severity
from tasks.publishing.names import PublishError
from tasks.reading.rak import read_rak
from tasks.reading.realisasi import read_realisasi
from tasks.reporting.render import RenderError
from tasks.forms.writer import write_forms
from tasks.reading.office import classify, load_inputs

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
DEFAULT_OUT = Path("out/laporan")
SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "pasaman-barat-2024"


class UsageError(Exception):
    """Wrong arguments: printed with exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lkip",
        description="Laporan kinerja (LKIP) dan laporan bulanan KPU dari RAK dan realisasi triwulan.",
        epilog="Contoh: lkip validate data/pasaman-barat-2024   |   lkip inspect data/pasaman-barat-2024/RAK-2024.xlsx"
               " --json")
    sub = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")

    p = sub.add_parser("validate", help="periksa RAK, formulir realisasi, atau satu folder satker-tahun",
                       description="Memeriksa semua berkas sekaligus dan melaporkan setiap masalah dengan berkas, "
                                   "sheet, sel dan saran perbaikan. Keluar 0 bila valid, 1 bila ada galat.")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="berkas RAK/realisasi atau folder masukan")
    p.add_argument("--year", "--tahun", type=int, dest="tahun", help="tahun laporan (bawaan: tahun pada judul RAK)")
    p.add_argument("--json", action="store_true", help="keluaran JSON di stdout")
    p.add_argument("--rinci", "--verbose", action="store_true", dest="rinci",
                   help="tampilkan juga catatan (baris yang dilewati, dsb.)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("inspect", help="tampilkan isi RAK atau formulir realisasi sebagaimana dibaca",
                       description="Menampilkan apa yang dibaca dari berkas, sudah dinormalisasi, sebelum dihitung.")
    p.add_argument("file", type=Path, metavar="FILE", help="RAK (.xlsx/.xls/.docx) atau formulir realisasi")
    p.add_argument("--json", action="store_true", help="keluaran JSON di stdout")
    p.add_argument("--profil", type=Path, metavar="FILE",
                   help=f"profil satker untuk ejaan sub bagian (bawaan: {PROFILE_NAME} di folder berkas, bila ada)")
    p.set_defaults(func=cmd_inspect)

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

    p = sub.add_parser("run", help="periksa, hitung, buat LKIP dan laporan bulanan, terbitkan ke folder bersama",
                       description="Memeriksa masukan, menghitung, merender dokumen Word secara lokal, lalu "
                                   "menerbitkannya satu per satu secara atomik ke folder bersama beserta manifest. "
                                   "Bila masukan bergalat: keluar 1 dan tidak menulis apa pun.")
    p.add_argument("--year", "--tahun", type=int, dest="tahun", required=True, metavar="YYYY", help="tahun")
    p.add_argument("--bulan", type=int, choices=range(1, 13), metavar="M",
                   help="hanya laporan bulanan bulan M (bawaan: LKIP dan semua laporan bulanan)")
    p.add_argument("--input", type=Path, default=Path("."), metavar="DIR", help="folder masukan (bawaan: .)")
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="folder bersama tujuan (bawaan: $LKIP_FOLDER_BERSAMA, atau out/laporan yang dibuat bila perlu)")
    p.add_argument("--pdf", action="store_true", help="buat juga PDF (perlu LibreOffice)")
    p.add_argument("--final", action="store_true", help="tandai laporan sebagai final: tidak diubah lagi")
    p.add_argument("--tanpa-grafik", action="store_true", dest="tanpa_grafik", help="tanpa grafik")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("serve", help="jalankan jadwal bulanan dan pemicu manual di server Prefect",
                       description="Mendaftarkan dan melayani dua deployment Prefect: laporan bulanan terjadwal "
                                   "(bawaan: tanggal 5 setiap bulan pukul 07.00 WIB) dan laporan manual. Memakai "
                                   "server di PREFECT_API_URL, atau server lokal 127.0.0.1 yang dijalankan bila "
                                   "belum ada. Bila proses ini berhenti, jadwal ikut berhenti.")
    p.add_argument("--input", type=Path, default=Path("."), metavar="DIR", help="folder masukan satker")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help="folder bersama tujuan")
    p.add_argument("--cron", default=DEFAULT_CRON, help=f"jadwal cron (bawaan: '{DEFAULT_CRON}')")
    p.add_argument("--zona-waktu", dest="zona_waktu", default=DEFAULT_TIMEZONE,
                   help=f"zona waktu jadwal (bawaan: {DEFAULT_TIMEZONE})")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help="port server lokal (bawaan: 4200)")
    p.add_argument("--year", "--tahun", type=int, dest="tahun", metavar="YYYY",
                   help="tahun bawaan untuk pemicu manual (bawaan: tahun ini)")
    p.add_argument("--pdf", action="store_true", help="buat juga PDF")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("trigger", help="picu laporan manual sekarang (deployment yang dilayani 'lkip serve')")
    p.add_argument("--input", type=Path, default=Path("."), metavar="DIR", help="folder masukan (untuk kode satker)")
    p.add_argument("--year", "--tahun", type=int, dest="tahun", required=True, metavar="YYYY", help="tahun")
    p.add_argument("--bulan", type=int, choices=range(1, 13), metavar="M", help="hanya bulan M")
    p.add_argument("--final", action="store_true", help="tandai laporan sebagai final")
    p.set_defaults(func=cmd_trigger)

    p = sub.add_parser("rekap", help="laporan semua satker dalam satu folder, lalu rekap nasional (.xlsx dan .docx)",
                       description="Menjalankan laporan setiap satker (satu subfolder per satker-tahun) sebagai satu "
                                   "tugas, lalu menulis rekap capaian per satker dan indikator, distribusi per "
                                   "kategori, dan satker yang datanya tidak valid. Satker yang tidak valid dilaporkan "
                                   "dan tidak menghentikan yang lain.")
    p.add_argument("--root", type=Path, required=True, metavar="DIR", help="folder berisi subfolder satker-tahun")
    p.add_argument("--year", "--tahun", type=int, dest="tahun", required=True, metavar="YYYY", help="tahun")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help="folder bersama tujuan")
    p.add_argument("--runner", choices=["process", "thread", "dask"], default="process",
                   help="pelaksana tugas: process (bawaan), thread, atau dask")
    p.add_argument("--workers", type=int, help="jumlah pekerja (bawaan: sebanyak inti CPU)")
    p.add_argument("--dask-address", dest="dask_address",
                   help="alamat scheduler Dask yang sudah berjalan. Dengan dask, pekerja melapor ke PREFECT_API_URL "
                        "atau ke server Prefect lokal (dijalankan bila belum ada), yang harus terjangkau dari "
                        "mesin pekerja")
    p.add_argument("--tanpa-grafik", action="store_true", dest="tanpa_grafik", help="tanpa grafik")
    p.set_defaults(func=cmd_rekap)

    p = sub.add_parser("sintetis", help="buat N satker sintetis dari sampel (untuk uji dan benchmark)")
    p.add_argument("--n", type=int, required=True, help="jumlah satker")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder tujuan")
    p.add_argument("--seed", type=int, default=2024, help="benih acak (bawaan: 2024)")
    p.add_argument("--sampel", type=Path, default=SAMPLE_DIR, metavar="DIR", help="folder sampel")
    p.set_defaults(func=cmd_sintetis)
    return parser


def _existing(paths: list[Path]) -> list[Path]:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(f"tidak ditemukan: {', '.join(missing)}")
    return paths


def cmd_validate(args) -> int:
    inputs = load_inputs(_existing(args.paths), args.tahun)
    if args.json:
        _print_json({"files": inputs.files, "counts": inputs.counts(),
                     "problems": [p.to_dict() for p in inputs.problems], "valid": inputs.ok})
    else:
        _print_validation(inputs, args.rinci)
    return EXIT_OK if inputs.ok else EXIT_INVALID


def _print_validation(inputs, rinci: bool) -> None:
    for item in inputs.files:
        print(f"  {item['file']}: {item['jenis']}")
    counts = inputs.counts()
    print(f"RAK: {counts['kegiatan']} kegiatan, {counts['indikator']} indikator, {counts['aktivitas']} aktivitas")
    for real in sorted(inputs.realisasi, key=lambda r: r.triwulan or 0):
        reported = int(real.indikator["realisasi"].notna().sum()) if not real.indikator.empty else 0
        print(f"Realisasi TW {real.triwulan or '?'}: {reported} dari {len(real.indikator)} indikator terisi")
    shown = [p for p in inputs.problems if rinci or p.severity is not Severity.INFO]
    for problem in shown:
        print(problem.describe())
    tally = {s: sum(p.severity is s for p in inputs.problems) for s in Severity}
    verdict = "Data siap dipakai." if inputs.ok else "Perbaiki galat di atas sebelum laporan dibuat."
    notes = "" if rinci else " (lihat dengan --rinci)"
    print(f"Hasil: {tally[Severity.ERROR]} galat, {tally[Severity.WARNING]} peringatan, "
          f"{tally[Severity.INFO]} catatan{notes}. {verdict}")


def cmd_inspect(args) -> int:
    path = _existing([args.file])[0]
    kind = classify(path)
    if kind == "rak":
        rak = read_rak(path, _sub_units(args.profil, path))
        data, problems = describe_rak(rak), rak.problems
    elif kind == "realisasi":
        real = read_realisasi(path)
        data, problems = describe_realisasi(real), real.problems
    else:
        raise UsageError(f"{path.name}: bukan RAK atau formulir realisasi ({kind})")
    data["problems"] = [p.to_dict() for p in problems]
    if args.json:
        _print_json(data)
    else:
        print(json.dumps(data, ensure_ascii=False, indent=1))
    return EXIT_INVALID if any(p.severity is Severity.ERROR for p in problems) else EXIT_OK


def _sub_units(profile_path: Path | None, beside: Path):
    """Sub-units from --profil, else from profil.toml beside the file, else the KPU defaults."""
    path = profile_path or beside.parent / PROFILE_NAME
    if profile_path is not None or path.exists():
        return load_profile(_existing([path])[0]).sub_bagian
    return DEFAULT_SUB_UNITS


def cmd_template(args) -> int:
    rak_path = _existing([args.rak])[0]
    profile_path = args.profil or rak_path.parent / PROFILE_NAME
    profile = load_profile(_existing([profile_path])[0])
    rak = read_rak(rak_path, profile.sub_bagian)
    errors = [p for p in rak.problems if p.severity is Severity.ERROR]
    if errors:
        for problem in errors:
            print(problem.describe(), file=sys.stderr)
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


def cmd_capaian(args) -> int:
    folder = _existing([args.input])[0]
    inputs = load_inputs([folder], args.tahun)
    if not inputs.ok:
        for problem in inputs.problems:
            if problem.severity is Severity.ERROR:
                print(problem.describe(), file=sys.stderr)
        print("Masukan belum valid; capaian tidak dihitung. Jalankan 'lkip validate' untuk rinciannya.",
              file=sys.stderr)
        return EXIT_INVALID
    measures = measure(inputs, Period(args.tahun, args.triwulan, args.bulan), inputs.settings, inputs.riwayat)
    data = to_json(measures, inputs.settings)
    if args.json:
        _print_json(data)
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


def _share(args) -> Path:
    """The output folder: an explicit one must exist (a share is never created); the default is."""
    explicit = args.out or (Path(os.environ["LKIP_FOLDER_BERSAMA"]) if os.environ.get("LKIP_FOLDER_BERSAMA")
                            else None)
    if explicit is None:
        DEFAULT_OUT.mkdir(parents=True, exist_ok=True)
        return DEFAULT_OUT
    return explicit


PREFECT_DEFAULTS = {
    # A run with no server starts Prefect's temporary local one: give it time on a slow machine,
    # and send nothing anywhere.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}


def prefect_defaults() -> None:
    """Set Prefect's defaults for lkip, unless the user set them."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)


def cmd_run(args) -> int:
    out = _share(args)
    _existing([args.input])
    prefect_defaults()
    from flows.laporan import laporan
    from tasks.pipeline.flow_tasks import InvalidInputs

    try:
        paths = laporan(str(args.input), args.tahun, args.bulan, str(out), args.pdf, args.final,
                        not args.tanpa_grafik)
    except InvalidInputs as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    except RenderError as exc:
        print(f"GALAT: {exc.pesan}. Tidak ada laporan yang diterbitkan.", file=sys.stderr)
        return EXIT_INVALID
    for path in paths:
        print(path)
    return EXIT_OK


def _office_code(folder: Path) -> str:
    return load_profile(_existing([folder / PROFILE_NAME])[0]).kode


def cmd_serve(args) -> int:
    folder = _existing([args.input])[0].resolve()
    kode = _office_code(folder)
    prefect_defaults()
    url = ensure_server(args.port)
    print(f"Server Prefect: {url} (UI: {url.removesuffix('/api')})")
    deployments = build_deployments(str(folder), str(args.out.resolve()), kode,
                                    args.tahun or datetime.date.today().year, args.cron, args.zona_waktu, args.pdf)
    serve(deployments)
    return EXIT_OK


def cmd_trigger(args) -> int:
    kode = _office_code(_existing([args.input])[0])
    prefect_defaults()
    ensure_server()
    run_id = trigger(kode, args.tahun, args.bulan, args.final)
    print(f"Laporan dipicu: flow run {run_id}. Lihat kemajuannya di UI Prefect.")
    return EXIT_OK


def cmd_rekap(args) -> int:
    root = _existing([args.root])[0]
    out = _existing([args.out])[0]
    prefect_defaults()
    from flows.rollup import rekap_nasional, task_runner

    if args.runner == "dask":
        # Dask workers are separate processes that know nothing of Prefect's temporary in-process
        # server: without an API URL each would start its own, and the run's history would be split
        # over servers that vanish. They report to PREFECT_API_URL, or to the local server lkip serve
        # uses (started now if none runs); with --dask-address that URL must be reachable from the
        # workers' machines.
        from flows.serve import ensure_server

        url = ensure_server()
        print(f"Pekerja Dask melapor ke server Prefect {url}", file=sys.stderr)

    runner = task_runner(args.runner, args.workers, args.dask_address)
    for path in rekap_nasional.with_options(task_runner=runner)(str(root), args.tahun, str(out),
                                                                not args.tanpa_grafik):
        print(path)
    return EXIT_OK


def cmd_sintetis(args) -> int:
    from tasks.rollup.synthetic import generate

    for folder in generate(_existing([args.sampel])[0], args.out, args.n, args.seed):
        print(folder)
    return EXIT_OK


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"lkip {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (PublishError, RunLockError, ServerError) as exc:
        print(f"GALAT: {exc.pesan}", file=sys.stderr)
        return EXIT_INVALID
    except InputError as exc:
        for problem in exc.problems:
            print(problem.describe(), file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:  # output piped into `head`: stop quietly
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # a bug of ours: say so plainly; LKIP_DEBUG=1 shows the traceback
        if os.environ.get("LKIP_DEBUG"):
            raise
        print(f"lkip {args.command}: kesalahan internal ({type(exc).__name__}: {exc}). Masukan tidak diubah. "
              "Jalankan ulang dengan LKIP_DEBUG=1 dan laporkan keluarannya.", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
