"""The machine interface under /api/v1: berichtleveranciers deliver batches and read their reports, the
MijnOverheid and DigiD Machtigen feeds keep the registers current. Every caller is a machine identified by its
PKIoverheid certificate (web/api/toegang.py), so these routes carry no session and no CSRF token; every answer
is JSON (or the koppelvlak's XML), errors included (web/api/fouten.py)."""
