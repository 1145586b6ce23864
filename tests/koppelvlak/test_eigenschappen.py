"""Whatever valid values the writer is given, the reader gives them back."""

import io
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.levering import Batchkop, Berichtlevering, Bijlagelevering
from koppelvlak.lezen import lees_batch
from koppelvlak.schrijven import schrijf_batch

# Characters XML 1.0 can carry (no controls but tab and newline, no surrogates, no non-characters); a
# carriage return is written as &#13; and must survive too.
TEKEN = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn")) | st.sampled_from("\t\n\r")


def tekst(minimaal: int, maximaal: int):
    return st.text(TEKEN, min_size=minimaal, max_size=maximaal)


guid = st.uuids().map(str)
# Aware moments in UTC, as the reader hands them over (a zone written out comes back converted to UTC).
moment = st.datetimes(datetime(1900, 1, 1), datetime(9998, 12, 31), timezones=st.just(UTC))
bijlage = st.builds(
    lambda inhoud, omschrijving, volgorde: Bijlagelevering(omschrijving, volgorde, len(inhoud), inhoud),
    st.binary(max_size=300),
    tekst(1, 128),
    st.integers(-(2**31), 2**31 - 1),
)
bericht = st.builds(
    Berichtlevering,
    bericht_id=guid,
    berichttype=tekst(1, 8),
    onderwerp=tekst(1, 50),
    tekst=tekst(0, 4000),
    referentie=tekst(0, 25),
    gebruiker=st.from_regex(r"[0-9]{9}", fullmatch=True),
    soort_gebruiker=st.just("Burger"),
    publicatiedatum=st.none() | moment,
    einddatum_handelingstermijn=st.none() | moment | st.dates(),
    bijlagen=st.lists(bijlage, max_size=2).map(tuple),
)
kop = st.builds(Batchkop, batch_id=guid, aanmaakdatum=moment, leverancier=tekst(1, 25))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kop=kop, berichten=st.lists(bericht, min_size=1, max_size=5))
def test_any_written_batch_reads_back_equal(kop, berichten):
    uit = io.BytesIO()
    schrijf_batch(uit, kop, berichten)
    with lees_batch(io.BytesIO(uit.getvalue())) as lezing:
        assert lezing.kop == kop
        assert list(lezing.berichten()) == berichten
