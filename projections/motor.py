"""TEMPORARY adapter over runner functions with the Projectiemotor interface; replaced by the real one."""

from projections import herbouw, runner, versies


class Projectiemotor:
    def __init__(self, log) -> None:
        self.log = log
        self.engine = log.engine
        self.bron = runner.bron_van(log)

    def installeer(self) -> None:
        runner.installeer(self.engine)

    def start(self, melding=None):
        runner.installeer(self.engine)
        return versies.herbouw_verouderde(self.log, melding=melding)

    def start_op_achtergrond(self):
        return None

    def bijwerken(self, tot: int | None = None) -> int:
        return runner.bijwerken(self.log)

    def wacht_op(self, positie: int, timeout: float) -> bool:
        return runner.wacht_op(self.log, positie, timeout)

    def positie(self) -> int:
        return runner.positie(self.log)

    def hoogste(self) -> int:
        return self.bron.hoogste()

    def volg(self, interval=0.1, stop=lambda: False, melding=None) -> None:
        runner.volg(self.log, interval, stop, melding)

    def herbouw(self, namen=None, voortgang=None, batch=20_000) -> int:
        return herbouw.herbouw(self.log, namen, voortgang=voortgang, batch=batch)

    def sluit(self) -> None:
        runner.vergeet(self.engine)
