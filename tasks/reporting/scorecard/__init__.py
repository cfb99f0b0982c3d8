"""The LKIP scorecard: a rendered LKIP (.docx) checked against the evaluator's LKE before it is published.

score_document reads the document as a reader sees it (reader), finds its parts by their words
(outline) and judges each criterion of the LKE's Pelaporan Kinerja (3.a, 3.b, 3.c) and our own
document checks (D.n) against the figures' facts (facts); write_scorecard and scorecard_markdown
give the result to staff (an Excel workbook beside the report) and to Prefect (a markdown artifact).
Pure: no Prefect, no environment. Uses tasks.reading.workbook's zip checks (truncated files, zip
bombs, DTDs refused before parsing) and tasks.files for writing.
"""

from tasks.reporting.scorecard.facts import DocumentFacts, IndikatorFakta, Kriteria
from tasks.reporting.scorecard.score import score_document
from tasks.reporting.scorecard.writer import scorecard_lines, scorecard_markdown, write_scorecard

__all__ = ["DocumentFacts", "IndikatorFakta", "Kriteria", "score_document", "scorecard_lines",
           "scorecard_markdown", "write_scorecard"]
