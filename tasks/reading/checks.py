"""The checks across the files of one office-year: each quarter's office and year, quarters missing
or given twice, cumulative counts that fall, and the attributes in force against the RAK's targets
(inferred ones said, thresholds against polarity, qualitative targets against their scale), and the
pagu of each funding source against its total in profil.toml, an absorption indicator against the
Anggaran sheets. Pure functions of what was read."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from contracts.atribut import AtributTerpakai
from contracts.realisasi import AnggaranBulan, RealisasiIndikator
from tasks.frames import row_tuples
from tasks.problems import Problem, Problems, Severity
from tasks.reading.form_layout import SHEET_ANGGARAN
from tasks.reading.identify import quarter_in_name
from tasks.reading.rak import Rak
from tasks.reading.realisasi import Realisasi
from tasks.reading.scales import parse_scale


def cross_checks(inputs, tahun: int | None) -> list[Problem]:
    """Checks across files (`inputs`: an OfficeInputs): office and year of each quarter, duplicate
    quarters, falling cumulatives, the attributes in force against the RAK's targets, each funding
    source's pagu against its total in the profile."""
    problems: list[Problem] = []
    expected_year = tahun or (inputs.rak.tahun if inputs.rak else None)
    if tahun and inputs.rak is not None and inputs.rak.tahun and inputs.rak.tahun != tahun:
        problems.append(Problem(file=inputs.rak.file, message=f"RAK untuk tahun {inputs.rak.tahun}, bukan {tahun}",
                                value=str(inputs.rak.tahun), hint="gunakan RAK tahun yang dilaporkan"))
    seen: dict[int, str] = {}
    for real in inputs.realisasi:
        p = Problems(real.file)
        if inputs.profile and real.satker_kode and real.satker_kode != inputs.profile.kode:
            p.error(f"berkas milik satker lain (kode {real.satker_kode}, seharusnya {inputs.profile.kode})",
                    sheet="Identitas", value=real.satker_kode, hint="pastikan berkas berasal dari satker ini")
        if expected_year and real.tahun and real.tahun != expected_year:
            p.error(f"berkas untuk tahun {real.tahun}, seharusnya {expected_year}", sheet="Identitas",
                    value=str(real.tahun), hint="gunakan formulir tahun yang benar")
        named = quarter_in_name(Path(real.file))
        if named and real.triwulan and named != real.triwulan:
            p.warn(f"nama berkas menyebut triwulan {named}, tetapi isinya formulir Triwulan {real.triwulan} "
                   f"(dibaca sebagai Triwulan {real.triwulan})", sheet="Identitas", value=str(real.triwulan),
                   hint=f"ganti nama berkas menjadi realisasi-{real.tahun}-TW{real.triwulan}.xlsx, atau bila isinya "
                        "keliru, buka formulir triwulan yang benar")
        if real.triwulan in seen:
            p.error(f"triwulan {real.triwulan} juga ada di {seen[real.triwulan]}",
                    hint="simpan hanya satu berkas per triwulan")
        elif real.triwulan:
            seen[real.triwulan] = real.file
        problems += p.items
    named = {quarter_in_name(Path(r.file)): r.file for r in inputs.realisasi if r.triwulan}
    return (problems + missing_quarters(seen, named) + falling_cumulatives(inputs.realisasi, inputs.attributes)
            + attribute_checks(inputs.rak, inputs.attributes, inputs.atribut_file, inputs.atribut_header)
            + pagu_total_checks(inputs.realisasi, inputs.profile.sumber_dana if inputs.profile else ())
            + absorption_checks(inputs.realisasi, inputs.rak))


# An indicator that reports the budget's absorption in percent ("Persentase anggaran yang terserap …",
# "Tingkat penyerapan anggaran"): its realisation must be the absorption the Anggaran sheets give.
_ABSORPTION = re.compile(r"\banggaran\b.*\b(terserap|serapan|penyerapan|realisasi)\b"
                         r"|\b(serapan|penyerapan)\s+anggaran\b", re.IGNORECASE)
ABSORPTION_TOLERANCE = 0.5  # percentage points: a figure rounded by hand is not a second truth


def absorption_checks(realisasi: list[Realisasi], rak: Rak | None) -> list[Problem]:
    """An absorption indicator whose reported realisation differs from the absorption computed from
    the forms' Anggaran sheets to the same quarter (latest pagu, realisation to date) is warned: one
    document must not print two figures for one thing."""
    if rak is None or rak.indikator.empty:
        return []
    codes = {i.kode for i in row_tuples(rak.indikator) if _ABSORPTION.search(i.nama) and i.target_satuan == "%"}
    frames = [r.anggaran for r in realisasi if not r.anggaran.empty]
    if not codes or not frames:
        return []
    budget = pd.concat(frames, ignore_index=True)
    problems = []
    for real in realisasi:
        rows = [r for r in row_tuples(real.indikator) if r.indikator_kode in codes and not pd.isna(r.realisasi)]
        if not rows or not real.triwulan:
            continue
        computed = _absorption(budget, 3 * real.triwulan)
        if computed is None:
            continue
        for r in rows:
            if abs(float(r.realisasi) - computed) > ABSORPTION_TOLERANCE:
                problems.append(Problem(
                    file=real.file, sheet=r.sumber_sheet, cell=r.sumber_sel, severity=Severity.WARNING,
                    value=f"{float(r.realisasi):g}", header="Realisasi",
                    message=f"realisasi {r.indikator_kode} {_percent(float(r.realisasi))} berbeda dari serapan "
                            f"anggaran menurut sheet {SHEET_ANGGARAN} s.d. Triwulan {real.triwulan}: "
                            f"{_percent(computed)}",
                    hint="isi realisasi indikator ini dengan serapan dari sheet Anggaran (realisasi s.d. triwulan "
                         "dibagi pagu revisi terakhir), atau perbaiki sheet Anggaran"))
    return problems


def _percent(value: float) -> str:
    """84.967 -> '84,97%' (the reports' format; reading does not import them)."""
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") + "%"


def _absorption(budget: pd.DataFrame, month: int) -> float | None:
    """Realisation to `month` over the latest pagu up to it, all kegiatan and sources together."""
    a = AnggaranBulan
    upto = budget[budget[a.bulan] <= month]
    known = upto[upto[a.pagu].notna()].sort_values(a.bulan)
    pagu = known.groupby([a.kegiatan_kode, a.sumber_dana])[a.pagu].last().sum()
    return float(upto[a.realisasi].sum()) / float(pagu) * 100 if pagu else None


def pagu_total_checks(realisasi: list[Realisasi], sumber_dana) -> list[Problem]:
    """A funding source's total ceiling (profil.toml `pagu_total`: the DIPA, the NPHD) against the pagu
    of its kegiatan in the latest quarter's form: a difference is a warning naming both amounts."""
    forms = [r for r in realisasi if r.triwulan and not r.anggaran.empty]
    if not forms:
        return []
    latest = max(forms, key=lambda r: r.triwulan)
    a = AnggaranBulan
    rows = latest.anggaran[latest.anggaran[a.pagu].notna()]
    rows = rows.drop_duplicates([a.kegiatan_kode, a.sumber_dana])
    problems = []
    for fund in (f for f in sumber_dana if f.pagu_total is not None):
        own = rows[rows[a.sumber_dana] == fund.kode]
        total = float(own[a.pagu].sum())
        if abs(total - fund.pagu_total) >= 0.5:  # rupiah: a difference below one rupiah is rounding
            problems.append(Problem(
                file=latest.file, severity=Severity.WARNING, sheet=SHEET_ANGGARAN, header="Pagu (Rp)",
                cell=_span(own[a.sel_pagu].tolist()), value=rupiah(total),
                message=f"jumlah pagu sumber dana {fund.kode}, {fund.nama}, seluruh kegiatan {rupiah(total)} "
                        f"tidak sama dengan pagu_total di profil.toml {rupiah(fund.pagu_total)} (selisih "
                        f"{rupiah(abs(total - fund.pagu_total))})",
                hint=f"periksa pagu setiap kegiatan sumber dana {fund.kode} di sheet {SHEET_ANGGARAN}, atau perbaiki "
                     "pagu_total di profil.toml bila pagunya direvisi"))
    return problems


def _span(cells: list[str]) -> str:
    """The range of a column's cells ('D5', 'D9', 'D27' -> 'D5:D27')."""
    if not cells:
        return ""
    rows = sorted(cells, key=lambda c: int("".join(ch for ch in c if ch.isdigit()) or 0))
    return rows[0] if len(rows) == 1 else f"{rows[0]}:{rows[-1]}"


def rupiah(amount: float) -> str:
    """Rp29.195.000.000, or Rp1.234,50 with its sen (the report's format, without the reporting stage)."""
    whole, sen = divmod(round(abs(amount) * 100), 100)
    text = f"{whole:,}".replace(",", ".") + (f",{sen:02d}" if sen else "")
    return ("-" if amount < 0 else "") + "Rp" + text


def missing_quarters(seen: dict[int, str], named: dict[int | None, str] | None = None) -> list[Problem]:
    """A quarter missing before one that exists is a gap (warning); quarters not yet due are noted. A
    file whose name claims the missing quarter (`named`: quarter in the name -> file) is named."""
    last, named = max(seen, default=0), named or {}
    problems = []
    for q in (q for q in range(1, 5) if q not in seen):
        claim = f" (berkas {named[q]} bernama triwulan {q} tetapi berisi triwulan lain)" if q in named else ""
        problems.append(Problem(file="(folder masukan)", severity=Severity.WARNING if q < last else Severity.INFO,
                                message=f"formulir realisasi triwulan {q} tidak ada{claim}: indikatornya "
                                        "'belum dilaporkan'",
                                hint=f"letakkan formulir realisasi triwulan {q} (realisasi-TAHUN-TW{q}.xlsx) di "
                                     "folder masukan"))
    return problems


def falling_cumulatives(realisasi: list[Realisasi], attributes: pd.DataFrame | None = None) -> list[Problem]:
    """A cumulative value that goes down from one quarter to the next is probably a mistake: a count
    to date (SUM) cannot fall, and a higher-is-better figure to date rarely does. A lower-is-better
    figure that falls has improved, and is not warned."""
    frames = [r.indikator for r in realisasi if not r.indikator.empty]
    if not frames:
        return []
    data = pd.concat(frames)
    if attributes is not None and not attributes.empty:
        a = AtributTerpakai
        watched = (attributes[a.agregasi] == "SUM") | ((attributes[a.polaritas] == "+")
                                                        & attributes[a.agregasi].isin(["LAST", "MAX"]))
        data = data[data[RealisasiIndikator.indikator_kode].isin(set(attributes.loc[watched, a.kode]))]
    r = RealisasiIndikator
    data = data[(data[r.jenis_nilai] == "kumulatif") & data[r.realisasi].notna()].sort_values(r.triwulan)
    problems, previous = [], None
    # by indicator, each in quarter order (a stable sort keeps the quarters' order): one pass, no groupby
    for rec in row_tuples(data.sort_values(r.indikator_kode, kind="stable")):
        kode = rec.indikator_kode
        if previous is not None and previous.indikator_kode == kode and rec.realisasi < previous.realisasi:
            problems.append(Problem(
                file=rec.sumber_file, severity=Severity.WARNING, sheet=rec.sumber_sheet, cell=rec.sumber_sel,
                row=int(rec.sumber_baris), header="Realisasi", value=f"{rec.realisasi:g}",
                message=f"nilai kumulatif {kode} turun dari {previous.realisasi:g} (TW {previous.triwulan}) "
                        f"menjadi {rec.realisasi:g} (TW {rec.triwulan})",
                hint="nilai kumulatif seharusnya tidak turun; periksa angka atau Jenis Nilai"))
        previous = rec
    return problems


_INCREASING = {"+": "makin tinggi makin baik", "-": "makin rendah makin baik"}


def attribute_line(header: tuple[str, ...], values: dict[str, str]) -> str:
    """A line for the attributes file in its own layout (`header`: its first line, as written), so
    the line a warning asks for can be pasted as it is; without a file, the shortest valid layout."""
    if not header:
        return ";".join(values[k] for k in ("kode", "polaritas", "agregasi", "jenis_nilai"))
    delimiter = max((",", ";", "\t"), key=lambda d: sum(h.count(d) for h in header))  # as csv_rows judges
    names = [h.strip().lower().replace(" ", "_") for h in header[0].split(delimiter)]
    cells = []
    for name in names:
        value = values.get(name, "")
        cells.append(f'"{value}"' if delimiter in value or '"' in value else value)
    return delimiter.join(cells)


def attribute_checks(rak: Rak | None, attributes: pd.DataFrame | None, atribut_file: str,
                     header: tuple[str, ...] = ()) -> list[Problem]:
    """Every inferred attribute, said as a warning for the office to confirm; a threshold target whose
    direction contradicts the indicator's polarity, and a qualitative target without a scale, errors."""
    if rak is None or attributes is None or attributes.empty:
        return []
    attrs = {a.kode: a for a in row_tuples(attributes)}
    problems = []
    for ind in row_tuples(rak.indikator):
        attr = attrs.get(ind.kode)
        if attr is None:
            continue
        where = {"file": ind.sumber_file, "sheet": ind.sumber_sheet, "cell": ind.target_sel, "header": "Target",
                 "value": ind.target_teks}
        if attr.asal == "dugaan":
            problems.append(Problem(
                file=atribut_file, severity=Severity.WARNING, value=ind.kode,
                message=f"atribut {ind.kode} ({ind.nama}) diduga: polaritas {attr.polaritas}, agregasi "
                        f"{attr.agregasi}, jenis nilai {attr.jenis_nilai} ({attr.alasan})",
                hint="tetapkan dengan menulis baris '" + attribute_line(header, {
                    "kode": ind.kode, "indikator": ind.nama.replace('"', "'"), "polaritas": attr.polaritas,
                    "agregasi": attr.agregasi, "jenis_nilai": attr.jenis_nilai}) + f"' di {atribut_file}"))
        arah = ind.target_arah if isinstance(ind.target_arah, str) else None
        wanted = {">=": "+", ">": "+", "<=": "-", "<": "-"}.get(arah)
        if wanted and attr.polaritas != wanted:
            problems.append(Problem(**where, message=f"target '{ind.target_teks}' berarti {_INCREASING[wanted]}, "
                                                     f"tetapi polaritas indikator ini {attr.polaritas} "
                                                     f"({_INCREASING[attr.polaritas]})",
                                    hint=f"samakan: ubah polaritas {ind.kode} di {atribut_file}, atau tanda "
                                         "pembanding target di RAK"))
        if isinstance(ind.target_kualitatif, str):
            problems += _scale_problems(ind, attr, where, atribut_file)
    return problems


def _scale_problems(ind, attr, where: dict, atribut_file: str) -> list[Problem]:
    scale = parse_scale(attr.skala) if isinstance(attr.skala, str) else None
    if scale is None:
        return [Problem(**where, message=f"target kualitatif '{ind.target_teks}' tanpa skala: capaiannya tidak "
                                         "dapat diukur",
                        hint=f"tulis skalanya di kolom skala {atribut_file} untuk {ind.kode}, dari yang terburuk ke "
                             "terbaik dipisah |, misalnya Kurang|Cukup|Baik")]
    if scale.position(ind.target_kualitatif) is None:
        return [Problem(**where, message=f"target '{ind.target_teks}' tidak ada pada skala {scale.text}",
                        hint=f"tulis target dengan salah satu label skala, atau perbaiki skala di {atribut_file}")]
    return []
