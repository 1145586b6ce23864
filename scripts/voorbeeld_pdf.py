"""A small real PDF for example batches: a one-page PDF/A-2a letter, tagged, with its font embedded, that
the portal's validator accepts as a persoonlijke bijlage as the koppelvlak asks it (PDF/A-2a); when asked,
padded with a photo up to a size, for a bijlage that is too large.

The letter is the benchmarks' (scripts/bench/pdf.py), so the demo, the examples and the measurements send the
same kind of file."""

from scripts.bench.pdf import lettertypebestand, met_foto


def voorbeeld_pdf(minimaal: int = 0) -> bytes:
    """A one-page PDF/A-2a letter of at least `minimaal` bytes."""
    return met_foto(0, max(minimaal, 1024), lettertypebestand())
