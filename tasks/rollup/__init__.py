"""The national roll-up: many offices' runs consolidated into one workbook and one document
(consolidate), synthetic offices made from the sample to test and measure it (synthetic), and which
offices ran more than once because a worker died (attempts).
May import: every stage and tasks.pipeline.
"""
