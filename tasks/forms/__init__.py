"""Forms: the quarterly realisation workbooks staff fill in, written from the RAK (writer) in the
layout the reader expects (tasks.reading.form_layout).
May import: contracts, tasks.problems, tasks.frames, tasks.files, tasks.reading.
"""
