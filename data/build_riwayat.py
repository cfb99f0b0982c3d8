"""Regenerate the sample's history and benchmark files:

- `riwayat-indikator.csv`   earlier years of every indicator (kode;tahun;target;realisasi;target_renstra;
                            catatan). ILLUSTRATIVE: the office's earlier LKIPs are not public. Each
                            indicator gets the years its kind of work really happened at a KPU
                            Kabupaten: routine office work 2021-2023; the preparations of the 2024
                            elections 2022-2023; voting, counting, results and campaign finance in
                            the Pemilu of 17 April 2019 and the Pilkada of 9 December 2020 (Pasaman
                            Barat elected its regent in 2020). `target_renstra` stays empty: no figure
                            of KPU's Renstra 2020-2024 measures what these indicators count (see
                            data/README.md).
- `pembanding-indikator.csv` benchmarks (kode;tingkat;wilayah;tahun;nilai;sumber). REAL figures only,
                            each with its published source; none is invented.

Idempotent: the same tables give byte-identical files. Run after build_sample.py:

    .venv/bin/python data/build_riwayat.py
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.reading.pembanding import PEMBANDING_NAME  # noqa: E402
from tasks.reading.riwayat import RIWAYAT_NAME  # noqa: E402

FOLDER = ROOT / "data" / "pasaman-barat-2024"
SOURCE = FOLDER / "sumber" / "rak-2024.csv"

ROUTINE = (2021, 2022, 2023)
PREPARATION = (2022, 2023)  # the 2024 elections' stages began in June 2022
ELECTIONS = (2019, 2020)  # Pemilu 17 April 2019, Pilkada 9 December 2020
WHY = {2019: "Pemilu 2019", 2020: "Pilkada 2020", 2021: "tahun nontahapan", 2022: "tahapan Pemilu 2024 dimulai",
       2023: "tahapan Pemilu 2024"}
# The years each indicator's work happened (the rest of the 46: ROUTINE).
YEARS = {
    "K01.I04": PREPARATION, "K01.I05": PREPARATION, "K01.I07": (2020, 2023), "K01.I08": (2020, 2023),
    "K01.I09": ELECTIONS, "K01.I10": ELECTIONS, "K01.I11": (2021, 2023), "K01.I12": ELECTIONS,
    "K01.I13": PREPARATION, "K01.I19": PREPARATION, "K01.I20": PREPARATION, "K01.I21": PREPARATION,
    "K03.I01": PREPARATION, "K05.I01": PREPARATION, "K06.I01": PREPARATION, "K07.I01": PREPARATION,
    "K07.I02": PREPARATION, "K08.I01": (2020, 2023), "K08.I02": (2020, 2023), "K09.I01": ELECTIONS,
    "K09.I02": (2020, 2023), "K09.I03": ELECTIONS, "K10.I01": ELECTIONS, "K10.I02": ELECTIONS,
    "K10.I03": ELECTIONS, "K11.I01": ELECTIONS, "K11.I02": (2019, 2021),
}
# (kode, tahun) -> (target, realisasi, why) where a year differs from "target met": some years under
# target, so that the trend says something.
YEAR_VALUES = {
    ("K02.I02", 2021): (95, 91.47, "refocusing anggaran penanganan COVID-19"),
    ("K02.I02", 2022): (95, 96.12, ""),
    ("K02.I02", 2023): (95, 93.05, "dana hibah Pilkada tahap I diterima akhir tahun"),
    ("K01.I04", 2022): (2, 2, ""),
    ("K01.I04", 2023): (2, 1, "laporan sosialisasi DCT belum selesai di akhir tahun"),
    ("K01.I15", 2021): (1, 0, "perjalanan dinas dibatasi selama PPKM"),
    ("K01.I16", 2021): (1, 0, "pemeliharaan ditunda karena refocusing anggaran"),
    ("K09.I03", 2020): (1, 0, "pengembalian logistik Pilkada selesai akhir Desember"),
    ("K01.I21", 2022): (1, 0, "honorarium PPK Desember 2022 dibayarkan Januari 2023"),
}
TARGETS_2024 = {"K02.I02": 95, "K01.I04": 2}  # other indicators: 1 (laporan or layanan), as in the RAK

# Real benchmarks, each with its source. Only K02.I02 (budget absorption, %) measures something a
# published national or peer figure also measures; every other indicator counts a report of this
# office, and turnout (the benchmark LKIPs usually cite) is not an indicator of this RAK.
BENCHMARKS = [
    ("K02.I02", "nasional", "Indonesia (KPU, DIPA tahapan Pemilu 2024)", 2022, "96,09",
     "Paparan Ketua KPU RI dalam RDP Komisi II DPR RI 25 Maret 2024: realisasi DIPA TA 2022 untuk Pemilu 2024 "
     "Rp3.378.768.257.503 dari Rp3.516.283.014.000 (96,09%); Bisnis.com 25-03-2024, "
     "https://kabar24.bisnis.com/read/20240325/15/1752480/kpu-gelontorkan-rp407-triliun-untuk-penyelenggaraan-"
     "pemilu-2024"),
    ("K02.I02", "nasional", "Indonesia (KPU, DIPA tahapan Pemilu 2024)", 2023, "96,88",
     "Paparan Ketua KPU RI dalam RDP Komisi II DPR RI 25 Maret 2024: realisasi DIPA TA 2023 untuk Pemilu 2024 "
     "Rp19.624.808.435.401 dari Rp20.256.596.163.000 (96,88%); Tribunnews 25-03-2024, "
     "https://m.tribunnews.com/mata-lokal-memilih/2024/03/25/kpu-total-anggaran-pemilu-2024-rp-5119-t-realisasi-"
     "rp-407-t"),
    ("K02.I02", "sejawat", "KPU Kabupaten Pasaman", 2024, "97,69",
     "KPU Kabupaten Pasaman, penyetoran sisa dana hibah 28 Juli 2025: hibah Pilkada 2024 (termasuk PSU 2025) "
     "Rp32.709.087.270, terealisasi Rp31.954.604.828 (97,69%; hanya dana hibah); kabarin.co 30-07-2025, "
     "https://kabarin.co/nasional/170434/bentuk-akuntabilitas-kpu-pasaman-serahkan-sisa-dana-pilkada-2024-dan-"
     "psu-2025-ke-kas-daerah; juga ANTARA Sumbar"),
]


def indicator_codes(source: Path = SOURCE) -> list[str]:
    """The RAK's 46 indicator codes, in order."""
    with source.open(encoding="utf-8", newline="") as fh:
        codes = [f"K{int(r['kegiatan_no']):02d}.I{int(r['indikator_no']):02d}" for r in csv.DictReader(fh)]
    return list(dict.fromkeys(codes))


def number(value: float) -> str:
    """A figure written as the office's Excel writes it: decimal comma, no thousands dot."""
    return f"{value:g}".replace(".", ",")


def riwayat_rows(codes: list[str]) -> list[dict]:
    unknown = ({k for k in YEARS} | {k for k, _ in YEAR_VALUES}) - set(codes)
    if unknown:
        raise SystemExit(f"kode riwayat tidak ada di RAK: {sorted(unknown)}")
    rows = []
    for kode in codes:
        for tahun in YEARS.get(kode, ROUTINE):
            target = TARGETS_2024.get(kode, 1)
            target, realisasi, why = YEAR_VALUES.get((kode, tahun), (target, target, ""))
            rows.append({"kode": kode, "tahun": tahun, "target": number(target), "realisasi": number(realisasi),
                         "target_renstra": "", "catatan": f"ilustratif; {WHY[tahun]}" + (f"; {why}" if why else "")})
    return rows


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, delimiter=";", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def build(folder: Path = FOLDER) -> list[Path]:
    codes = indicator_codes(folder / "sumber" / "rak-2024.csv")
    riwayat, pembanding = folder / RIWAYAT_NAME, folder / PEMBANDING_NAME
    write_csv(riwayat, ["kode", "tahun", "target", "realisasi", "target_renstra", "catatan"], riwayat_rows(codes))
    columns = ["kode", "tingkat", "wilayah", "tahun", "nilai", "sumber"]
    write_csv(pembanding, columns, [dict(zip(columns, row)) for row in BENCHMARKS])
    return [riwayat, pembanding]


def main() -> None:
    parser = argparse.ArgumentParser(description="Regenerate the sample's riwayat and pembanding files.")
    parser.add_argument("--folder", type=Path, default=FOLDER, help="office-year folder (default: the sample)")
    for path in build(parser.parse_args().folder):
        print(path)


if __name__ == "__main__":
    main()
