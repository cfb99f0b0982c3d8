"""Reading: the office's files into contracts, and every problem found, all at once.

Owns: opening workbooks safely (workbook, sheet_xml, docx_grid), lenient parsing (parse), the RAK
(rak_layout, rak_rows, rak), the realisation form's layout and its reading (form_layout, form_sheet,
realisasi), the office's own files (profile, atribut, riwayat, pembanding, narasi, settings), one
office-year's inputs with the cross-file checks (office), and `lkip inspect`'s views (inspect).
May import: contracts, tasks.problems, tasks.frames, tasks.files.
"""
