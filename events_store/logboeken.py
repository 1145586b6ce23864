"""The event logs, each an application with an events table of its own, so that their writers never queue
behind each other on PostgreSQL (which locks an application's events table on insert).

The portal configuration, message processing, the Berichtenbox users register and the machtigingen
register.
"""

from events_store.basis import Logboek


class ConfiguratieLog(Logboek):
    """Organisaties, berichttypes, diensten, mededelingen and contactberichten: what the portal configures.

    Its name fixes the table (`portaal_events`), so stores written before the split keep loading."""

    name = "portaal"


class VerwerkingsLog(Logboek):
    """Message processing: the batches berichtleveranciers deliver and what processing decided per bericht."""

    name = "verwerking"


class GebruikersLog(Logboek):
    """The Berichtenbox users register as the MijnOverheid feed reports it: whose box is active from when to
    when, and which afnemers a citizen has switched off."""

    name = "gebruikers"
    # An event carries up to 10,000 mutations (domain.gebruikers.MAX_PER_GEBEURTENIS): a projection batch
    # of this many events keeps a catch-up or a rebuild of a ten-million-row import in bounded memory.
    gebeurtenissen_per_batch = 50


class MachtigingenLog(Logboek):
    """The machtigingen register as DigiD Machtigen reports it: who may read whose berichten of which dienst
    of which afnemer, from when to when."""

    name = "machtigingen"
    # An event carries up to 10,000 mutations (domain.machtigingen.MAX_PER_GEBEURTENIS), as the users
    # register's do: the same bound on a projection batch.
    gebeurtenissen_per_batch = 20
