"""The clauses of PDF/A-1 (ISO 19005-1), PDF/A-2 (ISO 19005-2) and PDF/UA-1 (ISO 14289-1) that we test,
numbered as veraPDF numbers them (clause-test number, for example 6.7.3-1), so that a finding lies one to
one beside the reference validator's.

A requirement (`eis.Eis`) is one check that the adapter (`bijlage_validatie.clausules`) runs; for each
standard a clause belongs to it. The adapter knows nothing of standards: it reports which check fails
where, and the catalogue (`catalogus`) says which clause that is in the profile under test. What a clause
asks and what we do not check of it stands with the requirement, one module per family of clauses;
`docs/pdf-regels.md` lists it all.
"""
