"""Monitoring the plan (Kế hoạch 2023–2028): every target, the work that is not a product, the annual report.

Its own app because none of this is a communication product nor the target-4 audit:
the register of activities (training courses, press sessions, exhibitions, contests,
international cooperation), the provincial agencies and their spokesperson mechanism
(target 1), the head-counts behind training coverage (target 2), the misinformation
register (target 5b, restricted to the desks that work it), the indicators of all
targets, the annual report before 30 November with its submission cycle, and reading
scripts for loudspeakers and e-bulletin boards (task 3.3). It reads ``products`` and
``audit``; neither imports it.
"""
