"""The pipeline: one run of one office-year, step by step (steps), the typed request it follows
(request), the steps as Prefect tasks (flow_tasks), and the same steps in one process for the
roll-up (office).
May import: every stage above (reading, measuring, reporting, publishing), not forms or rollup.
"""
