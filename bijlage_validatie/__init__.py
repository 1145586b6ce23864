"""Bijlage validatie: PDF-bijlagen controleren met pikepdf, geïsoleerd in werkprocessen.

from bijlage_validatie import valideer, valideer_set
uitslag = valideer("brochure.pdf", inhoud, Soort.STANDAARD)        # -> Uitslag
set_uitslag = valideer_set([("a.pdf", a), ("b.pdf", b)], Soort.PERSOONLIJK)  # -> SetUitslag
"""

from bijlage_validatie.geisoleerd import Grenzen, Werkerpool, valideer
from bijlage_validatie.set_validatie import valideer_set

__all__ = ["Grenzen", "Werkerpool", "valideer", "valideer_set"]
