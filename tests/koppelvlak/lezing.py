"""How the reading tests read a batch: from bytes, or from a stream whose bytes are made only as they are
read; a refusal as the test expects it; and the memory the process holds."""

import io

import pytest

from domain.fouten import BatchGeweigerd
from domain.verwerking import VerwerkingsCode
from koppelvlak.lezen import lees_batch


def lees(data: bytes, **opties):
    with lees_batch(io.BytesIO(data), **opties) as lezing:
        return lezing.kop, list(lezing.berichten())


def weigering(data: bytes, **opties) -> BatchGeweigerd:
    with pytest.raises(BatchGeweigerd) as fout:
        lees(data, **opties)
    assert fout.value.code is VerwerkingsCode.XML_ONGELDIG
    return fout.value


class Generatorstroom(io.RawIOBase):
    """A stream whose bytes are made only when read: what a client would send, never in memory whole."""

    def __init__(self, delen):
        self._delen = iter(delen)
        self._rest = b""
        self.geleverd = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        while not self._rest:
            self._rest = next(self._delen, b"")
            if not self._rest:
                return 0
        n = min(len(buffer), len(self._rest))
        buffer[:n], self._rest = self._rest[:n], self._rest[n:]
        self.geleverd += n
        return n


def lees_stroom(delen, **opties):
    with lees_batch(Generatorstroom(delen), **opties) as lezing:
        return lezing.kop, list(lezing.berichten())


def rss_kb() -> int:
    with open("/proc/self/status") as status:
        return next(int(regel.split()[1]) for regel in status if regel.startswith("VmRSS:"))
