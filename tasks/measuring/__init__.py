"""Measuring: the office-year's figures from what reading produced, as pure functions.

Owns: the capaian formulas and quarter-to-year rules (capaian), budget absorption and efficiency
(anggaran), schedule adherence (jadwal), comparisons with earlier years and the Renstra (comparisons),
every period's figures computed once (figures), and their JSON form (export).
May import: contracts, tasks.problems, tasks.frames, tasks.reading.
"""
