"""Bijlage validatie: PDF-bijlagen controleren met pikepdf, geïsoleerd in werkprocessen.

from bijlage_validatie import Werkerpool, valideer_set
with Werkerpool() as pool:       # the composition root owns the portal's pool
    uitslag = pool.valideer("brochure.pdf", inhoud, Soort.STANDAARD)                  # -> Uitslag
    set_uitslag = valideer_set([("a.pdf", a), ("b.pdf", b)], Soort.STANDAARD, pool)   # -> SetUitslag
    uitslag = pool.valideer("a.pdf", a, Soort.STANDAARD, Toets(pdfa="2b", pdfua=True))  # gekozen profiel
    bericht = valideer_persoonlijke_bijlagen([("a.pdf", a)], pool)   # PDF/A-1a of -2a, zoals het koppelvlak
"""

from bijlage_validatie.geisoleerd import Grenzen, Werkerpool
from bijlage_validatie.set_validatie import valideer_persoonlijke_bijlagen, valideer_set

__all__ = ["Grenzen", "Werkerpool", "valideer_persoonlijke_bijlagen", "valideer_set"]
