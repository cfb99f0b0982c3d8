"""The national roll-up: many offices' runs consolidated into one workbook and one document
(consolidate), and synthetic offices made from the sample to test and measure it (synthetic).
May import: every stage and tasks.pipeline.
"""
