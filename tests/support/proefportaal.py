"""The use cases as the portal runs them, plus what a test looks at: the aggregates and the log behind them,
and a way to bring the read models up to date. Production code reads through the read gateway instead."""

from service_layer.portaal import Portaal
from service_layer.samenstelling import Samenstelling, bouw


class Proefportaal(Portaal):
    def __init__(self, samenstelling: Samenstelling) -> None:
        s = samenstelling
        super().__init__(s.configuratie, s.gebruikers, s.machtigingen, s.intake, s.verwerker)
        self.samenstelling = samenstelling
        configuratie = samenstelling.configuratie
        self.berichttype = configuratie.berichttypes.berichttype
        self.dienst = configuratie.diensten.dienst
        self.organisatie = configuratie.organisaties.organisatie
        self.contactbericht = configuratie.contact.contactbericht
        self.log = configuratie.log

    # The log's own parts, for tests that read what was stored.
    @property
    def name(self) -> str:
        return self.log.name

    @property
    def engine(self):
        return self.log.engine

    @property
    def recorder(self):
        return self.log.recorder

    @property
    def mapper(self):
        return self.log.mapper

    @property
    def events(self):
        return self.log.events

    @property
    def snapshots(self):
        return self.log.snapshots

    @property
    def repository(self):
        return self.log.repository

    @property
    def klok(self):
        return self.log.klok

    def take_snapshot(self, *args, **kwargs):
        return self.log.take_snapshot(*args, **kwargs)

    def save(self, *aggregates):
        return self.log.save(*aggregates)

    def bijwerken(self) -> int:
        """Bring the read models up to the head of every log, as the embedded portal does before a read;
        returns the configuration log's position."""
        for motor in self.samenstelling.motoren.values():
            motor.bijwerken()
        return self.samenstelling.motor.positie()

    def bijlage_inhoud(self, afnemer, code, bijlage_id) -> tuple[str, bytes]:
        """A bijlage's name and bytes as stored: the reference from the aggregate, the bytes by hash."""
        bijlage = self.berichttype(afnemer, code).bijlage(bijlage_id)
        return bijlage.naam, self.samenstelling.configuratie.bijlagen.lees(bijlage.sha256) or b""

    def close(self) -> None:
        self.samenstelling.sluit()


def open_proefportaal(url: str, klok=None, environ=None) -> Proefportaal:
    """A process's composition root on this database, as a test opens a second one (another process)."""
    return Proefportaal(bouw(environ or {}, url=url, klok=klok))
