"""Writing a generated history in bulk: the aggregates' pending events, encoded by each store's own mapper,
inserted tens of thousands at a time; and the clock the history runs on."""

import random
from datetime import UTC, datetime, timedelta


class Schrijver:
    """Collects pending events from aggregates and inserts them in large chunks, in the order they happened,
    into one or more stores (each encodes with its own mapper: one simulation can fill a plain and an
    encrypted store with the same events)."""

    def __init__(self, portalen, per_keer: int = 50_000) -> None:
        self.doelen = [
            (p, p.recorder.events_record_cls.__table__, p.mapper.to_stored_event) for p in portalen
        ]
        self.per_keer = per_keer
        self.events: list = []
        self.aantal = 0

    def neem(self, aggregate) -> None:
        nieuw = aggregate.collect_events()
        self.events += nieuw
        self.aantal += len(nieuw)
        if len(self.events) >= self.per_keer:
            self.schrijf()

    def schrijf(self) -> None:
        if not self.events:
            return
        for portaal, tabel, naar_opslag in self.doelen:
            rijen = []
            for event in self.events:
                s = naar_opslag(event)
                rijen.append(
                    {
                        "originator_id": s.originator_id,
                        "originator_version": s.originator_version,
                        "topic": s.topic,
                        "state": s.state,
                    }
                )
            with portaal.engine.begin() as connection:
                connection.execute(tabel.insert(), rijen)
        self.events = []


class Klok:
    """Moments a few seconds to a minute apart: a million events span about a year of use."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.nu = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.nu += timedelta(seconds=self.rng.randint(1, 60), microseconds=self.rng.randint(0, 999_999))
        return self.nu
