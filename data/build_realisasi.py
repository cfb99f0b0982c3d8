"""Regenerate the sample's four quarterly realisation workbooks (illustrative values).

The forms are written by the same code as `lkip template` (tasks.forms.writer.build_form) and then
filled the way staff would: realisation per indicator and quarter with kendala/upaya/bukti, monthly
activity status (a few activities late), and budget per kegiatan and funding source (pagu, RPD,
realisation per month). Values are deterministic (a fixed seed) and illustrative: the published
RAK has no realisation. Run after data/build_sample.py:

    .venv/bin/python data/build_realisasi.py
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.files import atomic_save  # noqa: E402
from tasks.forms.writer import build_form, form_name  # noqa: E402
from tasks.reading import form_layout as form  # noqa: E402
from tasks.reading.atribut import read_atribut  # noqa: E402
from tasks.reading.parse import ROMAN  # noqa: E402
from tasks.reading.profile import load_profile  # noqa: E402
from tasks.reading.rak import Rak, read_rak  # noqa: E402

FOLDER = ROOT / "data" / "pasaman-barat-2024"
YEAR = 2024
SEED = 2024

# Indicators that end the year under target, and one activity per quarter that runs late:
# the sample must show the "Kurang"/"Cukup" bands and late activities, not only success.
UNDER_TARGET = {"K01.I08": 0.7, "K01.I14": 0.85, "K05.I01": 0.6, "K09.I03": 0.8, "K02.I02": 0.9}
NOT_REPORTED_TW4 = {"K01.I17"}  # left empty in TW IV: "belum dilaporkan"
LATE = {"K01.I05.A01": 2, "K07.I02.A01": 1, "K09.I02.A01": 1, "K13.I02.A01": 1}  # months of delay

KENDALA = [
    "Jadwal tahapan Pilkada beririsan dengan penyelesaian tahapan Pemilu sehingga beban kerja meningkat.",
    "Keterlambatan pencairan dana hibah Pilkada tahap pertama.",
    "Jaringan internet di beberapa kecamatan tidak stabil sehingga input data terhambat.",
    "Sebagian dokumen pendukung dari PPK terlambat disampaikan.",
    "Jumlah personel sekretariat terbatas dibandingkan volume pekerjaan.",
]
UPAYA = [
    "Menyusun jadwal kerja bersama antar sub bagian dan menambah jam kerja pada masa puncak tahapan.",
    "Berkoordinasi dengan BPKD Kabupaten Pasaman Barat untuk percepatan pencairan.",
    "Menyiapkan titik input data cadangan di kantor KPU Kabupaten.",
    "Menyampaikan surat pengingat dan melakukan supervisi langsung ke PPK.",
    "Melibatkan staf pendukung dari sub bagian lain secara bergiliran.",
]

# Pagu per kegiatan (Rp) and funding source: DIPA for office kegiatan, the Pilkada grant for the
# election kegiatan. The grant total stays under the NPHD value of Rp30.050.000.000.
PAGU = {
    "K01": {"HIBAH": 9_850_000_000}, "K02": {"DIPA": 145_000_000, "HIBAH": 210_000_000},
    "K03": {"HIBAH": 1_240_000_000}, "K04": {"HIBAH": 1_560_000_000}, "K05": {"HIBAH": 420_000_000},
    "K06": {"HIBAH": 365_000_000}, "K07": {"HIBAH": 8_960_000_000}, "K08": {"HIBAH": 980_000_000},
    "K09": {"HIBAH": 3_150_000_000}, "K10": {"HIBAH": 1_820_000_000}, "K11": {"HIBAH": 640_000_000},
    "K12": {"DIPA": 2_836_000_000}, "K13": {"DIPA": 1_544_000_000},
}


def quarter_values(kode: str, target: float, attr: dict, planned_quarters: set[int], rng) -> dict[int, float]:
    """Realisation per quarter as the form should hold it (per period or cumulative)."""
    factor = UNDER_TARGET.get(kode, 1.0)
    quarters = sorted(planned_quarters or {4})
    if attr["polaritas"] == "-":
        return {q: float(rng.choice([0, 0, 1])) if q in quarters else 0.0 for q in range(1, 5)}
    if attr["jenis_nilai"] == "kumulatif":
        return {q: round(min(q / quarters[-1], 1.0) * target * factor, 2) for q in range(1, 5)}
    per_quarter = [attr.get(f"target_tw{q}") for q in range(1, 5)]
    if any(t == t and t is not None for t in per_quarter):  # per-quarter targets given (NaN-safe)
        return {q: round((per_quarter[q - 1] or 0) * factor, 2) for q in range(1, 5)}
    if attr.get("agregasi") in ("AVG", "MAX"):  # measured each quarter it is active
        return {q: round(target * factor, 2) if q in quarters else 0.0 for q in range(1, 5)}
    total = round(target * factor, 2)  # a count: reported whole in the last quarter it is planned
    return {q: total if q == quarters[-1] else 0.0 for q in range(1, 5)}


def default_attr(unit: str) -> dict:
    """Attributes of an indicator the attribute file leaves out, as the form's default suggests."""
    kumulatif = unit == "%"
    return {"polaritas": "+", "jenis_nilai": "kumulatif" if kumulatif else "periode",
            "agregasi": "LAST" if kumulatif else "SUM"}


def statuses(kode: str, planned: set[int], month: int) -> str:
    """Status of an activity at the end of a month: planned months done, late ones delayed."""
    delay = LATE.get(kode, 0)
    if not planned or month < min(planned):
        return "Belum Mulai"
    done_until = max(m for m in planned if m <= month) if any(m <= month for m in planned) else 0
    if delay and any(month - delay < m <= month for m in planned):
        return "Dalam Proses"
    return "Selesai" if done_until else "Belum Mulai"


def fill_indikator(ws, rak: Rak, attrs: dict, tw: int, values: dict) -> None:
    cols = {spec.key: i for i, spec in enumerate(form.indikator_columns(), start=1)}
    for offset, ind in enumerate(rak.indikator.itertuples()):
        row = form.HEADER_ROW + 1 + offset
        attr = attrs.get(ind.kode, default_attr(ind.target_satuan))
        value = values[ind.kode][tw]
        if not (tw == 4 and ind.kode in NOT_REPORTED_TW4):
            ws.cell(row=row, column=cols["realisasi"], value=value)
        ws.cell(row=row, column=cols["jenis_nilai"],
                value="Kumulatif s.d. triwulan ini" if attr["jenis_nilai"] == "kumulatif" else "Triwulan ini")
        pick = (offset + tw) % len(KENDALA)
        under = ind.kode in UNDER_TARGET and tw >= 3
        kendala = KENDALA[pick] if under or (offset + tw) % 4 == 0 else "Tidak ada"
        ws.cell(row=row, column=cols["kendala"], value=kendala)
        ws.cell(row=row, column=cols["upaya"], value=UPAYA[pick] if under or (offset + tw) % 4 == 0 else "-")
        ws.cell(row=row, column=cols["bukti"], value=f"Laporan {ind.kode} TW {ROMAN[tw]} {YEAR} (arsip Subbag)")


def fill_aktivitas(ws, rak: Rak, tw: int, planned: dict) -> None:
    specs = form.aktivitas_columns(tw)
    cols = {spec.key: i for i, spec in enumerate(specs, start=1)}
    for offset, act in enumerate(rak.aktivitas.itertuples()):
        row = form.HEADER_ROW + 1 + offset
        months = planned.get(act.kode, set())
        for month in form.quarter_months(tw):
            ws.cell(row=row, column=cols[f"status_{month}"], value=statuses(act.kode, months, month))
        if act.kode in LATE and any(m in months for m in form.quarter_months(tw)):
            ws.cell(row=row, column=cols["keterangan"], value="Terlambat dari jadwal RAK; lihat kendala indikator.")


def monthly_plan(pagu: float, rng) -> list[float]:
    """RPD per month: a front-loaded plan for election kegiatan, summing exactly to the pagu."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(12)]
    plan = [round(pagu * w / sum(weights), -3) for w in weights]
    plan[-1] += pagu - sum(plan)
    return plan


def fill_anggaran(ws, rak: Rak, tw: int, plans: dict) -> None:
    cols = {spec.key: i for i, spec in enumerate(form.anggaran_columns(tw), start=1)}
    for row in range(form.HEADER_ROW + 1, ws.max_row + 1):
        kode, sumber = ws.cell(row=row, column=1).value, ws.cell(row=row, column=3).value
        if (kode, sumber) not in plans:
            continue
        pagu, rpd, real = plans[(kode, sumber)]
        ws.cell(row=row, column=cols["pagu"], value=pagu)
        for month in form.quarter_months(tw):
            ws.cell(row=row, column=cols[f"rpd_{month}"], value=rpd[month - 1])
            ws.cell(row=row, column=cols[f"realisasi_{month}"], value=real[month - 1])


def budget_plans(rng) -> dict:
    plans = {}
    for kode, sources in PAGU.items():
        for sumber, pagu in sources.items():
            rpd = monthly_plan(pagu, rng)
            real = [round(v * rng.uniform(0.75, 1.02), -3) for v in rpd]
            scale = min(1.0, 0.97 * pagu / sum(real))
            plans[(kode, sumber)] = (pagu, rpd, [round(v * scale, -3) for v in real])
    return plans


def build(folder: Path = FOLDER) -> list[Path]:
    rng = random.Random(SEED)
    profile = load_profile(folder / "profil.toml")
    rak = read_rak(folder / "RAK-2024.xlsx", profile.sub_bagian)
    attrs_frame, _ = read_atribut(folder / "atribut-indikator.csv")
    attrs = {r["kode"]: r for r in attrs_frame.to_dict("records")}
    planned = rak.bulan.groupby("aktivitas_kode")["bulan"].apply(set).to_dict()
    quarters = {}
    for act in rak.aktivitas.itertuples():
        quarters.setdefault(act.indikator_kode, set()).update((m - 1) // 3 + 1 for m in planned.get(act.kode, ()))
    values = {ind.kode: quarter_values(ind.kode, ind.target_nilai if ind.target_nilai == ind.target_nilai else 100,
                                       attrs.get(ind.kode, default_attr(ind.target_satuan)),
                                       quarters.get(ind.kode, set()), rng)
              for ind in rak.indikator.itertuples()}
    plans = budget_plans(rng)
    written = []
    for tw in range(1, 5):
        book = build_form(rak, profile, YEAR, tw)
        book[form.SHEET_IDENTITAS]["B7"] = datetime.date(YEAR, 3 * tw, 28) + datetime.timedelta(days=10)
        book[form.SHEET_IDENTITAS]["B8"] = "Sub Bagian Perencanaan, Data dan Informasi"
        fill_indikator(book[form.SHEET_INDIKATOR], rak, attrs, tw, values)
        fill_aktivitas(book[form.SHEET_AKTIVITAS], rak, tw, planned)
        fill_anggaran(book[form.SHEET_ANGGARAN], rak, tw, plans)
        path = folder / form_name(YEAR, tw)
        atomic_save(path, book.save)
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description="Regenerate the sample's realisation workbooks (TW I-IV).")
    parser.add_argument("--folder", type=Path, default=FOLDER, help="office-year folder (default: the sample)")
    args = parser.parse_args()
    for path in build(args.folder):
        print(path)


if __name__ == "__main__":
    main()
