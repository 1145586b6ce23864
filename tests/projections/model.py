"""A plain in-memory model of diensten, berichttypes and their koppelingen, for the property test.

It knows the rules of the manual (which commands are refused) and remembers, after every accepted command,
which links stood since when; "as of T" is the last state whose moment is at or before T.
"""

import bisect
from dataclasses import dataclass, field
from datetime import datetime

OVERGANGEN = {"Nieuw": {"Actief"}, "Actief": {"Inactief", "Archief"}, "Inactief": {"Actief", "Archief"}}


@dataclass
class Model:
    berichttypes: dict[str, str] = field(default_factory=dict)
    diensten: dict[str, bool] = field(default_factory=dict)
    koppelingen: dict[str, dict[str, datetime]] = field(default_factory=dict)
    momenten: list[datetime] = field(default_factory=list)
    standen: list[frozenset] = field(default_factory=list)

    def berichttype(self, code: str, moment) -> bool:
        if code in self.berichttypes:
            return False
        self.berichttypes[code] = "Nieuw"
        return self._bewaar(moment)

    def status(self, code: str, nieuw: str, moment) -> bool:
        if nieuw not in OVERGANGEN.get(self.berichttypes.get(code, "?"), set()):
            return False
        self.berichttypes[code] = nieuw
        return self._bewaar(moment)

    def dienst(self, dienst: str, moment) -> bool:
        if dienst in self.diensten:
            return False
        self.diensten[dienst], self.koppelingen[dienst] = True, {}
        return self._bewaar(moment)

    def koppel(self, dienst: str, code: str, moment) -> bool:
        if dienst not in self.diensten or code not in self.berichttypes or not self.diensten[dienst]:
            return False
        if self.berichttypes[code] == "Archief" or code in self.koppelingen[dienst]:
            return False
        self.koppelingen[dienst][code] = moment
        return self._bewaar(moment)

    def ontkoppel(self, dienst: str, code: str, moment) -> bool:
        if code not in self.koppelingen.get(dienst, {}):
            return False
        del self.koppelingen[dienst][code]
        return self._bewaar(moment)

    def deactiveer(self, dienst: str, moment) -> bool:
        if not self.diensten.get(dienst, False):
            return False
        self.diensten[dienst], self.koppelingen[dienst] = False, {}
        return self._bewaar(moment)

    def activeer(self, dienst: str, moment) -> bool:
        if self.diensten.get(dienst, True):
            return False
        self.diensten[dienst] = True
        return self._bewaar(moment)

    def _bewaar(self, moment) -> bool:
        stand = frozenset((d, c, van) for d, codes in self.koppelingen.items() for c, van in codes.items())
        self.momenten.append(moment)
        self.standen.append(stand)
        return True

    def op(self, moment: datetime) -> frozenset:
        """The links standing at `moment`: (Dienst ID, code, since)."""
        index = bisect.bisect_right(self.momenten, moment)
        return self.standen[index - 1] if index else frozenset()
