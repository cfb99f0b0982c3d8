"""`lkip rekap` and `sintetis`: the national roll-up over many offices, and synthetic offices to test it."""

from __future__ import annotations

import sys
from pathlib import Path

from flows.cli.common import DEFAULT_OUT, EXIT_OK, SAMPLE_DIR, UsageError, existing, prefect_defaults


def register(sub) -> None:
    p = sub.add_parser("rekap", help="laporan semua satker dalam satu folder, lalu rekap nasional (.xlsx dan .docx)",
                       description="Menjalankan laporan setiap satker (satu subfolder per satker-tahun) sebagai satu "
                                   "tugas, lalu menulis rekap capaian per satker dan indikator, distribusi per "
                                   "kategori, per IKU nasional dan per provinsi, dan satker yang tidak dapat direkap. "
                                   "Satker yang datanya tidak valid, yang terhenti (kunci, templat, folder bersama) "
                                   "atau yang kode satkernya dipakai folder lain dilaporkan dan tidak menghentikan "
                                   "yang lain.")
    p.add_argument("--root", type=Path, required=True, metavar="DIR", help="folder berisi subfolder satker-tahun")
    p.add_argument("--year", "--tahun", type=int, dest="tahun", required=True, metavar="YYYY", help="tahun")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help="folder bersama tujuan")
    p.add_argument("--runner", choices=["process", "thread", "dask"],
                   help="pelaksana tugas: process (bawaan), thread, atau dask (bawaan bila --dask-address diberikan)")
    p.add_argument("--workers", type=int,
                   help="jumlah pekerja (bawaan: sebanyak inti CPU untuk process dan thread, 2 untuk dask lokal)")
    p.add_argument("--dask-address", dest="dask_address",
                   help="alamat scheduler Dask yang sudah berjalan (berarti --runner dask). Dengan dask, pekerja "
                        "melapor ke PREFECT_API_URL atau ke server Prefect lokal (dijalankan bila belum ada), yang "
                        "harus terjangkau dari mesin pekerja")
    p.add_argument("--tanpa-grafik", action="store_true", dest="tanpa_grafik", help="tanpa grafik")
    p.add_argument("--halaman", action="store_true",
                   help="beri nomor halaman pada Daftar Isi setiap LKIP (LibreOffice menata setiap laporan sekali: "
                        "sekitar 5 detik per satker); tanpa ini Daftar Isi memuat judul bab tanpa nomor halaman")
    p.set_defaults(func=cmd_rekap)

    p = sub.add_parser("sintetis", help="buat N satker sintetis dari sampel (untuk uji dan benchmark)")
    p.add_argument("--n", type=int, required=True, help="jumlah satker")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder tujuan")
    p.add_argument("--seed", type=int, default=2024, help="benih acak (bawaan: 2024)")
    p.add_argument("--sampel", type=Path, default=SAMPLE_DIR, metavar="DIR", help="folder sampel")
    p.set_defaults(func=cmd_sintetis)


def cmd_rekap(args) -> int:
    from tasks.rollup.offices import office_folders

    root = existing([args.root])[0]
    out = existing([args.out])[0]
    if args.dask_address and args.runner not in (None, "dask"):
        raise UsageError(f"--dask-address hanya untuk --runner dask, bukan {args.runner}")
    runner_kind = args.runner or ("dask" if args.dask_address else "process")
    office_folders(root)  # a root without office folders is refused before Prefect starts
    prefect_defaults()
    from flows.rollup import rekap_nasional, task_runner

    if runner_kind == "dask":
        # Dask workers are separate processes that know nothing of Prefect's temporary in-process
        # server: without an API URL each would start its own, and the run's history would be split
        # over servers that vanish. They report to PREFECT_API_URL, or to the local server lkip serve
        # uses (started now if none runs); with --dask-address that URL must be reachable from the
        # workers' machines.
        from flows.serve import ensure_server

        url = ensure_server()
        print(f"Pekerja Dask melapor ke server Prefect {url}", file=sys.stderr)

    runner = task_runner(runner_kind, args.workers, args.dask_address)
    for path in rekap_nasional.with_options(task_runner=runner)(str(root), args.tahun, str(out),
                                                                not args.tanpa_grafik, args.halaman):
        print(path)
    return EXIT_OK


def cmd_sintetis(args) -> int:
    from tasks.rollup.synthetic import generate

    for folder in generate(existing([args.sampel])[0], args.out, args.n, args.seed):
        print(folder)
    return EXIT_OK
