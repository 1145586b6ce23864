"""The read side: read models built from the event log, their queries, point-in-time questions and replay.

What the web layer uses (no SQL of its own):
- `projections.runner`: `na_commando(portaal)` after a command (catches up in the request on SQLite, waits
  for the worker on PostgreSQL), `bijwerken`, `wacht_op`, `positie`;
- `projections.queries`: the overzichten and details for the screens;
- `projections.asof`: koppelingen as of a moment, link histories, and `mag_lezen` for access checks.

How it works, one module each: `tabellen` (the read models' tables), `tracking` (positions, in the same
transaction as the rows), `gebeurtenissen` + `decodering` (reading the log), `handlers/` (one per read
model, each with a `versie`), `werkset` + `schrijven` + `geheugen` (batch-sized, bulk-friendly writes),
`runner` (batches and the worker), `herbouw` (rebuild into new tables and swap), `versies` (tables built by
another version of a handler are rebuilt by themselves), `replay` + `vergelijk` + `kladdatabase` (the audit).
"""
