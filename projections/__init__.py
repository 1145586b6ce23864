"""The read side: read models built from the event log, their queries, point-in-time questions and replay.

What the web layer uses:
- `projections.runner`: `bijwerken`, `na_commando`, `wacht_op`, `positie`;
- `projections.queries`: the overzichten and details for the screens;
- `projections.asof`: koppelingen as of a moment and `mag_lezen` for access checks.
"""
