"""The plan's figures: each target's indicator and each task's counts, for a period and units.

Every number is computed by a function that also yields the records behind it, so the
indicator page's drill-downs list exactly what was counted.
"""
