"""The read side: read models built from the event log, their queries, point-in-time questions and replay.

What the web layer uses (no SQL of its own):
- `projections.motor.Projectiemotor(log)`: the projection engine, one per process per database, owned by
  the composition root: `bijwerken()` after a command when embedded, `wacht_op(positie, timeout)` with a
  worker, `start()` / `start_op_achtergrond()` when the process starts, `volg()` in the worker;
- `projections.queries`: the overzichten and details for the screens;
- `projections.asof`: koppelingen as of a moment, link histories, and `mag_lezen` for access checks.

How it works, one module each: `tabellen` (the read models' tables), `tracking` (positions, in the same
transaction as the rows), `gebeurtenissen` + `decodering` (reading the log), `handlers/` (one per read
model, each with a `versie`), `werkset` + `schrijven` + `geheugen` (batch-sized, bulk-friendly writes),
`runner` (stateless batches), `motor` (what a process knows: its lock, position, background rebuild),
`herbouw` (rebuild into new tables and swap), `versies` (tables built by another version of a handler are
rebuilt when a process starts), `replay` + `vergelijk` + `kladdatabase` (the audit), `sloten` (one process at
a time: the follower of a log, the processing worker, a rebuild, the schema) and `hartslag` (the workers'
heartbeat, by which a process knows whether a worker follows a log).
"""
