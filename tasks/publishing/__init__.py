"""Publishing: rendered files into the shared folder, never half-written, never over a final report.

Owns: names built from codes (names), atomic publishing, final marks and open-in-Word versions
(share), the run manifest (manifest), one run per office-year (lock).
May import: tasks.problems, tasks.files.
"""
