"""The event logs, each an application with an events table of its own, so that their writers never queue
behind each other on PostgreSQL (which locks an application's events table on insert).

Today the portal configuration log; message processing, the Berichtenbox users register and the machtigingen
get a class here each, with the same base.
"""

from events_store.basis import Logboek


class ConfiguratieLog(Logboek):
    """Organisaties, berichttypes, diensten, mededelingen and contactberichten: what the portal configures.

    Its name fixes the table (`portaal_events`), so stores written before the split keep loading."""

    name = "portaal"
