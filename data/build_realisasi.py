"""Regenerate the sample's four quarterly realisation workbooks (illustrative values).

The forms are written by the same code as `lkip template` (tasks.forms.writer.build_form) and then
filled the way staff would: realisation per indicator and quarter with kendala/upaya/bukti, monthly
activity status (a few activities late), and budget per kegiatan and funding source (pagu, RPD,
realisation per month). Values are deterministic (a fixed seed, fixed zip timestamps: a rerun gives
byte-identical files) and illustrative: the published RAK has no realisation. Run after
data/build_sample.py:

    .venv/bin/python data/build_realisasi.py

How the figures are chosen (data/README.md says the same):
- a count target ("1 laporan", "1 layanan", "2 Lap") is realised as whole counts: a report the
  indicator promises is 0 until the quarter of its last planned activity and 1 from then on (LAST,
  cumulative); a "Jumlah …" count is reported in that quarter (SUM, per period), or per the quarter
  targets of atribut-indikator.csv;
- K02.I02 (budget absorption) is computed from the Anggaran sheets themselves: cumulative realisation
  over pagu, all kegiatan and both funding sources, to the quarter's end, rounded to two decimals;
- a few indicators end the year under target (UNDER_TARGET), each with its cause and remedy in
  data/realisasi_teks.py; every indicator is reported in every quarter.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "data"))

from realisasi_teks import BUKTI, KENDALA, LAPORAN, TERLAMBAT  # noqa: E402

from tasks.files import save_stable  # noqa: E402
from tasks.forms.writer import build_form, form_name  # noqa: E402
from tasks.reading import form_layout as form  # noqa: E402
from tasks.reading.atribut import infer_attribute, read_atribut  # noqa: E402
from tasks.reading.parse import MONTHS_ID, ROMAN  # noqa: E402
from tasks.reading.profile import load_profile  # noqa: E402
from tasks.reading.rak import Rak, read_rak  # noqa: E402

FOLDER = ROOT / "data" / "pasaman-barat-2024"
YEAR = 2024
SEED = 2024
BUDGET = "K02.I02"  # its realisation is the budget absorption of the Anggaran sheets

# Indicators that end the year under target: code -> the count realised instead of the target (the
# budget indicator's shortfall comes from the budget itself). Causes in realisasi_teks.KENDALA.
UNDER_TARGET = {"K01.I04": 1, "K01.I09": 0, "K09.I03": 0}
LATE = {"K01.I05.A01": 2, "K07.I02.A01": 1, "K09.I02.A01": 1, "K13.I02.A01": 1}  # months of delay

# Pagu per kegiatan (Rp) and funding source: DIPA for the office's own kegiatan, the Pilkada grant for
# the election kegiatan. The grant adds up to the NPHD, Rp30.050.000.000 (profil.toml pagu_total).
PAGU = {
    "K01": {"HIBAH": 10_150_000_000}, "K02": {"DIPA": 145_000_000, "HIBAH": 210_000_000},
    "K03": {"HIBAH": 1_240_000_000}, "K04": {"HIBAH": 1_560_000_000}, "K05": {"HIBAH": 420_000_000},
    "K06": {"HIBAH": 365_000_000}, "K07": {"HIBAH": 9_360_000_000}, "K08": {"HIBAH": 980_000_000},
    "K09": {"HIBAH": 3_305_000_000}, "K10": {"HIBAH": 1_820_000_000}, "K11": {"HIBAH": 640_000_000},
    "K12": {"DIPA": 2_836_000_000}, "K13": {"DIPA": 1_544_000_000},
}
# Year-end absorption per kegiatan and source. The grant is under-spent where the Pilkada cost less
# than planned: fewer TPS than in the Pemilu (fewer KPPS honoraria, K07), logistics bought through the
# e-catalogue (K09); the remainder is returned to the regency after the grant's accountability report.
SERAPAN = {("K01", "HIBAH"): 0.86, ("K02", "HIBAH"): 0.91, ("K03", "HIBAH"): 0.88, ("K04", "HIBAH"): 0.9,
           ("K05", "HIBAH"): 0.83, ("K06", "HIBAH"): 0.87, ("K07", "HIBAH"): 0.79, ("K08", "HIBAH"): 0.84,
           ("K09", "HIBAH"): 0.77, ("K10", "HIBAH"): 0.85, ("K11", "HIBAH"): 0.89, ("K02", "DIPA"): 0.965,
           ("K12", "DIPA"): 0.985, ("K13", "DIPA"): 0.962}


# --- the budget ------------------------------------------------------------------------------

def monthly_plan(pagu: float, busy: list[int], rng) -> list[float]:
    """RPD per month, heavier in the months the kegiatan's activities are planned, summing to the pagu."""
    weights = [(0.3 + busy[m]) * rng.uniform(0.8, 1.2) for m in range(12)]
    plan = [round(pagu * w / sum(weights), -3) for w in weights]
    plan[plan.index(max(plan))] += pagu - sum(plan)
    return plan


def monthly_spending(rpd: list[float], total: float, rng) -> list[float]:
    """Realisation per month: each month 70-100% of its RPD, scaled to `total` (whole thousands)."""
    raw = [v * rng.uniform(0.7, 1.0) for v in rpd]
    real = [round(v * total / sum(raw), -3) for v in raw]
    real[real.index(max(real))] += round(total, -3) - sum(real)
    return real


def budget_plans(rak: Rak, planned: dict, rng) -> dict:
    """(kegiatan, source) -> (pagu, RPD per month, realisation per month)."""
    busy = {}
    for act in rak.aktivitas.itertuples():
        months = busy.setdefault(act.indikator_kode.split(".")[0], [0] * 12)
        for m in planned.get(act.kode, ()):
            months[m - 1] += 1
    plans = {}
    for kode, sources in PAGU.items():
        for sumber, pagu in sources.items():
            rpd = monthly_plan(pagu, busy[kode], rng)
            plans[(kode, sumber)] = (pagu, rpd, monthly_spending(rpd, pagu * SERAPAN[(kode, sumber)], rng))
    return plans


def absorption(plans: dict) -> dict[int, float]:
    """Budget absorption to each quarter's end: cumulative realisation / pagu x 100, every kegiatan and source."""
    pagu = sum(p for p, _, _ in plans.values())
    return {q: round(sum(sum(real[:3 * q]) for _, _, real in plans.values()) / pagu * 100, 2) for q in range(1, 5)}


# --- the indicators --------------------------------------------------------------------------

def attributes_in_force(rak: Rak, folder: Path) -> dict[str, dict]:
    """Each indicator's attributes: the office's file, else what the pipeline infers."""
    frame, _ = read_atribut(folder / "atribut-indikator.csv")
    given = {r["kode"]: r for r in frame.to_dict("records")}
    out = {}
    for ind in rak.indikator.itertuples():
        if ind.kode in given:
            out[ind.kode] = given[ind.kode]
        else:
            polaritas, agregasi, jenis, _ = infer_attribute(ind.nama, ind.target_satuan)
            out[ind.kode] = {"polaritas": polaritas, "agregasi": agregasi, "jenis_nilai": jenis}
    return out


def quarter_values(kode: str, target: float, attr: dict, done: int) -> dict[int, float]:
    """Whole counts per quarter, as the form holds them (per period or cumulative); `done`: the quarter
    of the indicator's last planned activity, when its output is finished."""
    reached = UNDER_TARGET.get(kode, target)
    per_quarter = [attr.get(f"target_tw{q}") for q in range(1, 5)]
    if any(t is not None and t == t for t in per_quarter):  # quarter targets given (NaN-safe)
        values = {q: float(per_quarter[q - 1] or 0) for q in range(1, 5)}
        if kode in UNDER_TARGET:  # the last quarter's output is missing
            values[4] = values[4] - (target - reached)
        return values
    if attr["jenis_nilai"] == "kumulatif":
        return {q: float(reached) if q >= done else 0.0 for q in range(1, 5)}
    return {q: float(reached) if q == done else 0.0 for q in range(1, 5)}


def months_text(months: list[int]) -> str:
    """'Januari–Maret 2024', 'Januari dan Maret 2024', 'Februari 2024'."""
    names = [MONTHS_ID[m - 1] for m in sorted(months)]
    if len(names) > 2 and sorted(months) == list(range(min(months), max(months) + 1)):
        return f"{names[0]}–{names[-1]} {YEAR}"
    return (", ".join(names[:-1]) + " dan " + names[-1] if len(names) > 1 else names[0]) + f" {YEAR}"


def evidence(aktivitas: str) -> str:
    lowered = aktivitas.casefold()
    return next((what for words, what in BUKTI if any(w in lowered for w in words)), "dokumentasi kegiatan")


def bukti(kode: str, tw: int, activities: list, planned: dict, output: bool) -> str:
    """The evidence of this indicator in this quarter: its report when it was finished this quarter
    (`output`), and the documents of the activities planned in the quarter."""
    parts = [LAPORAN[kode]] if output else []
    for act in activities:
        months = [m for m in planned.get(act.kode, ()) if (m - 1) // 3 + 1 == tw]
        if months:
            parts.append(f"{evidence(act.nama)}: {act.nama} ({months_text(months)})")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def budget_kendala(tw: int, value: float, plan: float) -> tuple[str, str] | None:
    """The budget indicator's obstacle, in words from its own figures, when absorption is under plan."""
    if value >= plan:
        return None
    gap = f"{value:.2f}".replace(".", ",")
    if tw < 4:
        return (f"Serapan anggaran s.d. Triwulan {ROMAN[tw]} {gap}% di bawah rencana penyerapan {plan:g}%: "
                "pembayaran honorarium badan ad hoc dan kontrak logistik Pilkada dibayarkan setelah pekerjaan "
                "selesai, pada triwulan berikutnya.",
                "Rencana penarikan dana (RPD) dimutakhirkan setiap bulan dan pembayaran honorarium diajukan "
                "serentak per kecamatan segera setelah daftar hadir diterima.")
    return (f"Serapan anggaran tahun {YEAR} {gap}%, di bawah target {plan:g}%: sisa dana hibah Pilkada berasal "
            "dari honorarium KPPS dan logistik untuk jumlah TPS Pilkada yang lebih sedikit dari perencanaan "
            "(penggabungan TPS) serta harga pengadaan melalui e-katalog di bawah pagu.",
            "Sisa dana hibah dikembalikan ke kas daerah setelah laporan pertanggungjawaban hibah; penyusunan "
            "pagu pemilihan berikutnya memakai jumlah TPS dan harga satuan hasil pengadaan tahun ini.")


# --- the forms -------------------------------------------------------------------------------

def statuses(kode: str, planned: set[int], month: int) -> str:
    """Status of an activity at the end of a month: planned months done, late ones delayed."""
    delay = LATE.get(kode, 0)
    if not planned or month < min(planned):
        return "Belum Mulai"
    if delay and any(month - delay < m <= month for m in planned):
        return "Dalam Proses"
    return "Selesai"


def fill_indikator(ws, rak: Rak, attrs: dict, tw: int, values: dict, notes: dict) -> None:
    cols = {spec.key: i for i, spec in enumerate(form.indikator_columns(), start=1)}
    for offset, ind in enumerate(rak.indikator.itertuples()):
        row = form.HEADER_ROW + 1 + offset
        ws.cell(row=row, column=cols["realisasi"], value=values[ind.kode][tw])
        ws.cell(row=row, column=cols["jenis_nilai"], value="Kumulatif s.d. triwulan ini"
                if attrs[ind.kode]["jenis_nilai"] == "kumulatif" else "Triwulan ini")
        kendala, upaya, bukti_text = notes[(ind.kode, tw)]
        for key, text in (("kendala", kendala), ("upaya", upaya), ("bukti", bukti_text)):
            ws.cell(row=row, column=cols[key], value=text or None)  # nothing to say: an empty cell


def fill_aktivitas(ws, rak: Rak, tw: int, planned: dict) -> None:
    cols = {spec.key: i for i, spec in enumerate(form.aktivitas_columns(tw), start=1)}
    for offset, act in enumerate(rak.aktivitas.itertuples()):
        row = form.HEADER_ROW + 1 + offset
        months = planned.get(act.kode, set())
        for month in form.quarter_months(tw):
            ws.cell(row=row, column=cols[f"status_{month}"], value=statuses(act.kode, months, month))
        ws.cell(row=row, column=cols["keterangan"], value=TERLAMBAT.get((act.kode, tw)))


def fill_anggaran(ws, tw: int, plans: dict) -> None:
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


def indicator_notes(rak: Rak, planned: dict, values: dict, attrs: dict) -> dict:
    """(kode, tw) -> (kendala, upaya, bukti) for every indicator and quarter."""
    by_indicator: dict[str, list] = {}
    for act in rak.aktivitas.itertuples():
        by_indicator.setdefault(act.indikator_kode, []).append(act)
    notes = {}
    for ind in rak.indikator.itertuples():
        for tw in range(1, 5):
            value = values[ind.kode][tw]
            if ind.kode == BUDGET:
                plan = attrs[BUDGET][f"target_tw{tw}"]
                kendala, upaya = budget_kendala(tw, value, plan) or ("", "")
                text = (f"Laporan realisasi anggaran (SAKTI) dan sheet Anggaran formulir ini: serapan s.d. Triwulan "
                        f"{ROMAN[tw]} " + f"{value:.2f}".replace(".", ",") + "%")
            else:
                kendala, upaya = KENDALA.get((ind.kode, tw), ("", ""))
                before = values[ind.kode].get(tw - 1, 0.0) if attrs[ind.kode]["jenis_nilai"] == "kumulatif" else 0.0
                text = bukti(ind.kode, tw, by_indicator.get(ind.kode, []), planned, value > before)
            notes[(ind.kode, tw)] = (kendala, upaya, text)
    return notes


def build(folder: Path = FOLDER) -> list[Path]:
    rng = random.Random(SEED)
    profile = load_profile(folder / "profil.toml")
    rak = read_rak(folder / "RAK-2024.xlsx", profile.sub_bagian)
    attrs = attributes_in_force(rak, folder)
    planned = rak.bulan.groupby("aktivitas_kode")["bulan"].apply(set).to_dict()
    done = {}
    for act in rak.aktivitas.itertuples():
        last = max((m - 1) // 3 + 1 for m in planned.get(act.kode, {12}))
        done[act.indikator_kode] = max(done.get(act.indikator_kode, 1), last)
    plans = budget_plans(rak, planned, rng)
    values = {ind.kode: quarter_values(ind.kode, ind.target_nilai, attrs[ind.kode], done[ind.kode])
              for ind in rak.indikator.itertuples()}
    values[BUDGET] = absorption(plans)
    notes = indicator_notes(rak, planned, values, attrs)
    written = []
    for tw in range(1, 5):
        book = build_form(rak, profile, YEAR, tw)
        filled = datetime.date(YEAR, 3 * tw, 28) + datetime.timedelta(days=10)
        book[form.SHEET_IDENTITAS]["B7"] = filled
        book[form.SHEET_IDENTITAS]["B8"] = "Sub Bagian Perencanaan, Data dan Informasi"
        fill_indikator(book[form.SHEET_INDIKATOR], rak, attrs, tw, values, notes)
        fill_aktivitas(book[form.SHEET_AKTIVITAS], rak, tw, planned)
        fill_anggaran(book[form.SHEET_ANGGARAN], tw, plans)
        path = folder / form_name(YEAR, tw)
        save_stable(path, book.save, date=(filled.year, filled.month, filled.day, 16, 0, 0))
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
