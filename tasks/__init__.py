"""lkip's work, in the stages a run goes through; each sub-package says what it owns and what it may import.

    reading     the office's files -> contracts (RAK, forms, profile, attributes, history, settings),
                every problem with file, sheet, cell, value and hint
    measuring   contracts -> the office-year's figures (capaian, budget, schedule, comparisons)
    reporting   figures -> Word documents (contexts, formats, charts, templates, rendering)
    publishing  rendered files -> the shared folder (names, atomic publishing, final marks, lock, manifest)
    pipeline    the steps of one run in order, as plain functions and as Prefect tasks
    forms       the quarterly realisation forms `lkip template` writes for staff to fill
    rollup      many offices at once: the national roll-up and synthetic offices

Shared by all: problems.py (Problem, UserError), frames.py (rows of small tables), files.py (the
writer toolbox). A stage imports only the shared modules and the stages its own docstring names
(tests/test_house.py checks it); flows/ (the Prefect flows and the CLI) sit above them all.
"""
