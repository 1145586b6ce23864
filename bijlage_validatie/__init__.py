"""Bijlage validatie: PDF-bijlagen controleren met pikepdf, geïsoleerd in werkprocessen.

from bijlage_validatie import Werkerpool, valideer_set
with Werkerpool() as pool:       # the composition root owns the portal's pool
    uitslag = pool.valideer("brochure.pdf", inhoud, Soort.STANDAARD)                  # -> Uitslag
    set_uitslag = valideer_set([("a.pdf", a), ("b.pdf", b)], Soort.PERSOONLIJK, pool)  # -> SetUitslag
"""

from bijlage_validatie.geisoleerd import Grenzen, Werkerpool
from bijlage_validatie.set_validatie import valideer_set

__all__ = ["Grenzen", "Werkerpool", "valideer_set"]
