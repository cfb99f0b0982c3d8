"""Reporting: the figures as Word documents.

Owns: Indonesian formats (fmt), charts, the report contexts (context: what all documents print alike;
lkip; bulanan), the templates a run uses and their check (templates; the bundled ones are generated
by template_builder), the one Jinja environment (sandbox), rendering (render, with docx_template and
docx_package for docxtpl's and python-docx's internals), PDF copies (pdf), the documents of one
office-year (documents), and the LKIP's scorecard against the LKE (scorecard).
May import: contracts, tasks.problems, tasks.frames, tasks.files, tasks.reading, tasks.measuring.
"""
