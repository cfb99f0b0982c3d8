"""What the monthly and quarterly reports say as a monitoring tool: each indicator on track or behind
and why, the activities of the next month, and the computed summary at the top (what is behind, who
is responsible, the budget's deviation, what needs a decision). Every sentence is built from the
figures of its period; none is true of every indicator or every month."""

from __future__ import annotations

from contracts.context import IndikatorBulan
from contracts.rak import Aktivitas
from tasks.frames import columns, row_tuples
from tasks.measuring.figures import Measures
from tasks.measuring.progress import BEHIND, NOT_DUE, NOT_MEASURED, NOT_REPORTED, ON_TRACK
from tasks.reading.profile import Profile
from tasks.reporting.context import OfficeView, amount, indicator_contexts
from tasks.reporting.fmt import format_percent, format_rupiah, roman
from tasks.reporting.words import join_id, month_name, months_text

STATUS_LABELS = {ON_TRACK: "Sesuai rencana", BEHIND: "Tertinggal", NOT_DUE: "Belum jatuh tempo",
                 NOT_REPORTED: "Belum dilaporkan", NOT_MEASURED: "Belum diukur"}


def short_names(profile: Profile) -> dict[str, str]:
    """Sub-unit name -> the short name the profile gives it (the name itself when it gives none)."""
    return {u.nama: u.nama_singkat for u in profile.sub_bagian}


def _reason(p, rec: dict) -> str:
    """Why an indicator has its status, in a short phrase built from its own figures."""
    q, satuan = int(p.triwulan), rec["satuan"]
    upto = month_name(3 * q) if q else ""
    if p.status == NOT_MEASURED:
        return "Triwulan I belum berakhir"
    if p.status == NOT_REPORTED:
        return f"realisasi Triwulan {roman(q)} belum dilaporkan"
    planned, done, late = int(p.aktivitas_rencana_sd), int(p.aktivitas_selesai_sd), int(p.aktivitas_terlambat_sd)
    if p.status == NOT_DUE:
        later = [m for m in p.bulan_rencana if m > 3 * q]
        if p.dasar == "target triwulan":
            return f"target s.d. Triwulan {roman(q)} nol" + (f"; aktivitas berikutnya {month_name(min(later))}"
                                                               if later else "")
        return f"aktivitasnya direncanakan mulai {month_name(min(later))}" if later else "belum ada yang jatuh tempo"
    if p.dasar == "target triwulan":
        verdict = "memenuhi" if p.status == ON_TRACK else "di bawah"
        return f"{verdict} target s.d. Triwulan {roman(q)} ({amount(p.target_jatuh_tempo, satuan)})"
    if p.status == BEHIND and late:
        return f"{late} dari {planned} jadwal aktivitas s.d. {upto} belum selesai"
    if p.status == BEHIND:
        return f"di bawah target yang jatuh tempo ({amount(p.target_jatuh_tempo, satuan)})"
    if rec["status"] == "tercapai":
        return "target tahunan telah tercapai"
    if p.target_jatuh_tempo and p.target_jatuh_tempo > 0:
        return f"memenuhi target yang jatuh tempo ({amount(p.target_jatuh_tempo, satuan)})"
    remaining = [m for m in p.bulan_rencana if m > 3 * q]
    due = f"; target jatuh tempo {month_name(max(remaining))}" if remaining else ""
    return f"{done} jadwal aktivitas s.d. {upto} selesai{due}"


def indicator_units(aktivitas, names: dict[str, str]) -> dict[str, list[str]]:
    """Per indicator: the (short) names of the sub-units carrying out its activities, in RAK order."""
    units: dict[str, list[str]] = {}
    for kode, pelaksana in columns(aktivitas, Aktivitas.indikator_kode, Aktivitas.pelaksana):
        name = names.get(pelaksana, pelaksana)
        if name not in units.setdefault(kode, []):
            units[kode].append(name)
    return units


def indicator_progress_rows(m: Measures, view: OfficeView, units: dict[str, list[str]]) -> list[IndikatorBulan]:
    """Every indicator as the table prints it, with the target due by then, its status and why."""
    progress = {p.kode: p for p in row_tuples(m.kemajuan)}
    rows = []
    for rec in indicator_contexts(m, view):
        p = progress[rec["kode"]]
        due = "-" if p.target_jatuh_tempo != p.target_jatuh_tempo or p.target_jatuh_tempo is None \
            else amount(p.target_jatuh_tempo, rec["satuan"])
        rows.append({**rec, "target_jatuh_tempo": due, "kemajuan": STATUS_LABELS[p.status], "alasan": _reason(p, rec),
                     "pelaksana": join_id(units.get(rec["kode"], []))})
    return rows


def next_month(view: OfficeView, month: int, names: dict[str, str]) -> list[dict]:
    """The activities the RAK plans for the month after `month` (none after December), with their sub-unit."""
    if month >= 12:
        return []
    return [{"kode": kode, "nama": nama, "pelaksana": names.get(pelaksana, pelaksana)}
            for kode, nama, pelaksana in view.planned.get(month + 1, [])]


def next_month_text(month: int, tahun: int, planned: list[dict], late: int) -> str:
    """The sentence over the next month's table: how many, and the late ones still open."""
    if month >= 12:
        head = f"Bulan Desember adalah bulan terakhir Rencana Aksi Tahun {tahun}"
    elif not planned:
        head = f"Rencana Aksi tidak menjadwalkan aktivitas pada bulan {month_name(month + 1)}"
    else:
        units = sorted({a["pelaksana"] for a in planned})
        head = (f"Pada bulan {month_name(month + 1)} direncanakan {len(planned)} aktivitas oleh "
                f"{join_id(units)}")
    if month >= 12:
        tail = (f"; {late} aktivitas yang terlambat (bagian 3) belum selesai sampai akhir tahun" if late
                else "; seluruh aktivitas yang dijadwalkan telah selesai atau diputuskan")
    else:
        tail = (f"; selain itu {late} aktivitas yang terlambat (bagian 3) masih harus diselesaikan" if late
                else "; tidak ada aktivitas terlambat yang masih terbuka")
    return head + tail + "."


def summary_paragraphs(m: Measures, indicators: list[IndikatorBulan], names: dict[str, str],
                       budget_upto: str, units: dict[str, list[str]]) -> list[str]:
    """The computed summary at the top: schedule, indicators behind and who is responsible, budget."""
    row = m.jadwal.iloc[-1]
    month = month_name(m.period.upto_month)
    counted = int(row["rencana_sd"] - row["dikecualikan_sd"] - row["belum_dilaporkan_sd"])
    text = []
    if counted:
        late = int(row["terlambat"])
        where = _late_units(m, names)
        tail = (f"; {late} terlambat, terbanyak pada {where}" if late and where else
                "; tidak ada yang terlambat")
        text.append(f"Sampai dengan bulan {month}, {int(row['selesai_sd'])} dari {counted} jadwal aktivitas yang "
                    f"telah dilaporkan selesai (kepatuhan {format_percent(row['kepatuhan'])}){tail}.")
    unreported = int(row["belum_dilaporkan_sd"])
    if unreported:
        text.append(f"Status {unreported} jadwal aktivitas s.d. bulan {month} belum dilaporkan, sehingga tidak "
                    "dihitung sebagai terlambat maupun selesai.")
    text.append(_indicator_sentence(m, indicators, units))
    text.append(_budget_sentence(m, budget_upto))
    return [t for t in text if t]


def _late_units(m: Measures, names: dict[str, str]) -> str:
    counts = [(int(u.terlambat), names.get(u.pelaksana, u.pelaksana)) for u in row_tuples(m.jadwal_pelaksana)
              if u.terlambat]
    counts.sort(key=lambda c: (-c[0], c[1]))
    return join_id([f"{name} ({n})" for n, name in counts[:2]])


def _indicator_sentence(m: Measures, indicators: list[IndikatorBulan], units_of: dict[str, list[str]]) -> str:
    q = m.period.upto_quarter
    if not q:
        return "Realisasi indikator kinerja baru diukur setelah Triwulan I berakhir pada akhir bulan Maret."
    behind = [i for i in indicators if i["kemajuan"] == STATUS_LABELS[BEHIND]]
    unreported = [i for i in indicators if i["kemajuan"] == STATUS_LABELS[NOT_REPORTED]]
    on_track = sum(i["kemajuan"] == STATUS_LABELS[ON_TRACK] for i in indicators)
    parts = [f"Dari {len(indicators)} indikator, {on_track} sesuai rencana s.d. Triwulan {roman(q)}"]
    if behind:
        units = sorted({u for i in behind for u in units_of.get(i["kode"], [])})
        listed = [f"nomor {i['no']} “{i['nama']}”" for i in behind[:3]]
        which = ("yaitu " if len(behind) <= 3 else "antara lain ") + join_id(listed)
        who = f", dengan penanggung jawab {join_id(units)}" if units else ""
        parts.append(f"{len(behind)} tertinggal, {which}{who}")
    if unreported:
        parts.append(f"realisasi {len(unreported)} indikator belum dilaporkan")
    return "; ".join(parts) + "."


def _budget_sentence(m: Measures, budget_upto: str) -> str:
    if m.anggaran_bulanan.empty or m.anggaran.empty:
        return "Data anggaran belum dilaporkan pada formulir realisasi."
    last = m.anggaran_terakhir
    if last is None:
        return f"Realisasi anggaran {budget_upto} belum dilaporkan."
    pagu = float(m.anggaran["pagu"].sum())
    real, rpd, dev = float(last["realisasi_kumulatif"]), float(last["rpd_kumulatif"]), float(last["deviasi"])
    direction = "di bawah" if dev < 0 else "di atas"
    share = format_percent(abs(dev) / rpd * 100 if rpd else None)
    serapan = format_percent(real / pagu * 100 if pagu else None)
    return (f"Realisasi anggaran {budget_upto} sebesar {format_rupiah(real)} ({serapan} dari pagu), "
            f"{format_rupiah(abs(dev))} atau {share} {direction} rencana penarikan dana.")


def decisions(m: Measures, names: dict[str, str], threshold: float = 10.0) -> list[str]:
    """What needs a decision by the leadership this month: activities two months or more behind (to be
    rescheduled, postponed or cancelled), and a budget deviation beyond `threshold` percent of the RPD."""
    month, items = m.period.upto_month, []
    stale = [t for t in row_tuples(m.terlambat) if min(t.bulan_rencana) <= month - 2]
    if stale:
        listed = join_id([f"{t.aktivitas} ({names.get(t.pelaksana, t.pelaksana)}, rencana "
                          f"{months_text(list(t.bulan_rencana))})" for t in stale[:3]])
        items.append(f"Penjadwalan ulang, penundaan atau pembatalan {len(stale)} aktivitas yang terlambat dua bulan "
                     f"atau lebih: {listed}.")
    last = m.anggaran_terakhir
    if last is not None:
        if last["deviasi_persen"] == last["deviasi_persen"] and abs(last["deviasi_persen"]) > threshold:
            dev = float(last["deviasi_persen"])
            what = "percepatan penyerapan atau revisi RPD" if dev < 0 else "penyesuaian RPD bulan-bulan berikutnya"
            items.append(f"{what[0].upper()}{what[1:]}: deviasi kumulatif {format_percent(dev)} terhadap RPD melampaui "
                         f"batas {format_percent(threshold)}.")
    return items
