"""Grenzen aan bijlagen uit de handleiding (hoofdstuk 4 en 5).

Eén plek voor deze getallen, zodat de Bijlage validatie en het Berichttype dezelfde grenzen gebruiken.
"""

MAX_STANDAARD_BIJLAGEN = 3
"""Standaardbijlagen per berichttype."""

MAX_STANDAARD_TOTAAL_BYTES = 2 * 1024 * 1024
"""Standaardbijlagen van één berichttype samen: 2 MB."""

MAX_PERSOONLIJKE_BIJLAGEN = 2
"""Persoonlijke bijlagen per bericht."""

MAX_PERSOONLIJK_TOTAAL_BYTES = 500 * 1024
"""Persoonlijke bijlagen van één bericht samen, vóór base64: 500 kB."""

MAX_BESTANDSNAAM = 128
"""Tekens in de bestandsnaam van een bijlage."""
