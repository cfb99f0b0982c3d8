"""`lkip run`, `serve` and `trigger`: a run of one office-year now, on a schedule, or by hand."""

from __future__ import annotations

import sys
from pathlib import Path

from flows.cli.common import (
    DEFAULT_OUT,
    EXIT_INVALID,
    EXIT_OK,
    UsageError,
    existing,
    prefect_defaults,
    print_problems,
    shared_folder,
)
from flows.params import FLOW_MANUAL
from flows.serve import (
    DEFAULT_CRON,
    DEFAULT_PORT,
    DEFAULT_TIMEZONE,
    build_deployments,
    ensure_server,
    manual_deployments,
    serve,
    trigger,
)
from tasks.pipeline.request import RunRequest
from tasks.pipeline.years import OfficeSettings, deployment_names, require_years
from tasks.publishing.share import check_share
from tasks.reading.profile import PROFILE_NAME, load_profile
from tasks.reporting.render import RenderError


def register(sub) -> None:
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
    p.add_argument("--tampilan", default="", metavar="NAMA",
                   help="folder bersama sebagaimana dilihat staf, mis. \\\\server\\bersama (untuk jalur di STATUS.txt)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("serve", help="jalankan jadwal bulanan dan pemicu manual di server Prefect",
                       description="Mendaftarkan dan melayani dua deployment Prefect untuk satu satker: laporan "
                                   "bulanan terjadwal (bawaan: tanggal 5 setiap bulan pukul 07.00 WIB; tahunnya "
                                   "menurut tanggal) dan laporan manual. --input adalah folder satker yang berisi "
                                   "satu folder per tahun (2024/, 2025/, ...). Memakai server di PREFECT_API_URL, "
                                   "atau server lokal yang dijalankan bila belum ada. Bila proses ini berhenti, "
                                   "jadwal ikut berhenti.")
    p.add_argument("--input", type=Path, default=Path("."), metavar="AKAR",
                   help="folder satker: satu folder per tahun, mis. AKAR/2024, AKAR/2025")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help="folder bersama tujuan")
    p.add_argument("--tampilan", default="", metavar="NAMA",
                   help="folder bersama sebagaimana dilihat staf, mis. \\\\server\\bersama (untuk jalur di status)")
    p.add_argument("--cron", default=DEFAULT_CRON, help=f"jadwal cron (bawaan: '{DEFAULT_CRON}')")
    p.add_argument("--zona-waktu", dest="zona_waktu", default=DEFAULT_TIMEZONE,
                   help=f"zona waktu jadwal (bawaan: {DEFAULT_TIMEZONE})")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help="port server lokal (bawaan: 4200)")
    p.add_argument("--host", default="127.0.0.1",
                   help="alamat dengar server lokal (bawaan: 127.0.0.1; 0.0.0.0 untuk jaringan kantor)")
    p.add_argument("--url-ui", dest="url_ui", metavar="URL",
                   help="alamat server sebagaimana dibuka dari PC staf, mis. http://server-kpu:4200 (dengan --host)")
    p.add_argument("--pdf", action="store_true", help="buat juga PDF")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("trigger", help="picu laporan manual sekarang (deployment yang dilayani 'lkip serve')")
    p.add_argument("--kode", metavar="KODE", help="kode satker (bawaan: dari --input, atau satu-satunya deployment)")
    p.add_argument("--input", type=Path, metavar="AKAR", help="folder satker (untuk kode satker)")
    p.add_argument("--year", "--tahun", type=int, dest="tahun", default=0, metavar="YYYY",
                   help="tahun (bawaan: tahun terbaru di folder satker)")
    p.add_argument("--bulan", type=int, choices=range(1, 13), metavar="M", help="hanya bulan M")
    p.add_argument("--final", action="store_true", help="tandai laporan sebagai final")
    p.add_argument("--port", type=int, default=DEFAULT_PORT,
                   help="port server lokal (bawaan: 4200; PREFECT_API_URL bila diatur)")
    p.set_defaults(func=cmd_trigger)


def cmd_run(args) -> int:
    request = RunRequest(existing([args.input])[0], shared_folder(args.out), args.tahun, args.bulan, pdf=args.pdf,
                         final=args.final, charts=not args.tanpa_grafik, display_root=args.tampilan)
    check_share(request.out_dir)  # a share that is not there is told before Prefect even starts
    prefect_defaults()
    from flows.laporan import laporan
    from tasks.pipeline.prefect_logs import console_without_problem_lines
    from tasks.pipeline.steps import InvalidInputs, office_identity
    from tasks.publishing.names import office_folder

    console_without_problem_lines()  # on invalid inputs the list is printed below, once

    try:
        paths = laporan(str(request.input_dir), request.year, request.month or 0, str(request.out_dir), request.pdf,
                        request.final, request.charts, request.display_root)
    except InvalidInputs as exc:
        print(exc.headline, file=sys.stderr)
        print_problems(exc.problems, stream=sys.stderr,
                       full=f"Daftar lengkap: lkip validate {request.input_dir} --rinci (atau --json).")
        told = office_folder(request.out_dir, office_identity(request, None)[0], request.year)
        print(f"Untuk staf: daftar masalah dan salinan berkas bertanda di {told}", file=sys.stderr)
        return EXIT_INVALID
    except RenderError as exc:
        print(f"GALAT: {exc.message}. Tidak ada laporan yang diterbitkan.", file=sys.stderr)
        return EXIT_INVALID
    for path in paths:
        print(path)
    return EXIT_OK


def _office_code(root: Path) -> str:
    """The office's code, from the profil.toml of its latest year folder."""
    years = require_years(root)
    return load_profile(existing([years[max(years)] / PROFILE_NAME])[0]).kode


def cmd_serve(args) -> int:
    root = existing([args.input])[0].resolve()
    kode = _office_code(root)
    office = OfficeSettings(root, shared_folder(args.out).resolve(), args.tampilan)
    prefect_defaults()
    url = ensure_server(args.port, host=args.host, ui_url=args.url_ui)
    print(f"Server Prefect: {url} (UI: {url.removesuffix('/api')}); folder satker {root}, tahun "
          f"{', '.join(str(y) for y in require_years(root))}")
    serve(build_deployments(office, kode, args.cron, args.zona_waktu, args.pdf), office)
    return EXIT_OK


def cmd_trigger(args) -> int:
    kode = args.kode or (_office_code(existing([args.input])[0]) if args.input else None)
    prefect_defaults()
    ensure_server(args.port, start=False)
    available = manual_deployments()
    if kode is not None:
        wanted = f"{FLOW_MANUAL}/{deployment_names(kode)[1]}"
        if wanted not in available:
            raise UsageError(f"deployment {wanted} tidak ada di server; jalankan dulu 'lkip serve --input AKAR' "
                             f"(yang ada: {', '.join(available) or 'tidak ada'})")
    elif len(available) == 1:
        wanted = available[0]
    else:
        raise UsageError("sebutkan satker dengan --kode KODE atau --input AKAR "
                         f"(deployment manual di server: {', '.join(available) or 'tidak ada'})")
    run_id = trigger(wanted, args.tahun, args.bulan, args.final)
    print(f"Laporan dipicu: {wanted}, flow run {run_id}. Lihat kemajuannya di UI Prefect.")
    return EXIT_OK
