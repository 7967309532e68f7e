"""Running the service: health, backup and restore, the admin's CSP-safe initialisers.

These are concerns of operating the site for years (is it up, can it be restored after a
disk dies), not of the domain: they read every app and no app imports them, so they get
a room of their own instead of living in ``cms`` (which only wires settings and URLs).
"""
