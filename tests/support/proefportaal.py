"""The use cases as the portal runs them, plus what a test looks at: the aggregates and the log behind them,
and a way to bring the read models up to date. Production code reads through the read gateway instead."""

from service_layer.portaal import Portaal
from service_layer.samenstelling import Samenstelling


class Proefportaal(Portaal):
    def __init__(self, samenstelling: Samenstelling) -> None:
        super().__init__(samenstelling.configuratie)
        self.samenstelling = samenstelling
        configuratie = samenstelling.configuratie
        self.berichttype = configuratie.berichttypes.berichttype
        self.dienst = configuratie.diensten.dienst
        self.organisatie = configuratie.organisaties.organisatie
        self.contactbericht = configuratie.contact.contactbericht
        self.log = configuratie.log

    # The log's own parts, for tests that read what was stored.
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
    def repository(self):
        return self.log.repository

    def save(self, *aggregates):
        return self.log.save(*aggregates)

    def bijwerken(self) -> int:
        """Bring the read models up to the head of the log, as the embedded portal does before a read."""
        self.samenstelling.motor.installeer()
        return self.samenstelling.motor.bijwerken()
