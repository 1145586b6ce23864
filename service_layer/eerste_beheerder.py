"""The first beheerder of a new database: the one organisation that cannot be registered in the portal,
since registering organisations is what a beheerder does there. `portaal eerste-beheerder` calls this once;
every later beheerder is registered by a beheerder in the portal, so a second call is refused."""

from collections.abc import Callable

from domain.fouten import BestaatAl
from domain.waarden import Actor, Notificatiekenmerk, Oin, Rol
from projections import sloten
from service_layer.lezen import Organisatie
from service_layer.samenstelling import Samenstelling

# Two operators starting the command at once would both find no beheerder; they take turns instead.
SLOT = "eerste-beheerder"
# The certificate field of the actor: no certificate was presented, the change came from the command line
# of someone who holds the database.
CERTIFICAAT = "cli"


def registreer_eerste_beheerder(
    samenstelling: Samenstelling, oin: Oin, naam: str, bij_wachten: Callable[[], None] | None = None
) -> Organisatie:
    """Register `oin` as beheerder when there is none yet, acting for itself, and bring the read models up
    to that registration, so a certificate with this OIN logs in as beheerder at once (also while a
    projection worker is behind or not running). Returns the beheerder as the read models show it.
    `bij_wachten` is called once when another run holds the turn."""
    with sloten.alleen(samenstelling.engine, SLOT, bij_wachten=bij_wachten):
        # The read models up to the log's head first: a beheerder registered a moment ago counts.
        samenstelling.motor.bijwerken()
        _controleer_geen_beheerder(samenstelling)
        vastgelegd = samenstelling.portaal.registreer_organisatie(
            oin, naam, Rol.BEHEERDER, list(Notificatiekenmerk), Actor(oin, oin, CERTIFICAAT)
        )
        samenstelling.motor.bijwerken(tot=vastgelegd.positie)
    return samenstelling.lezen.organisatie(oin)


def _controleer_geen_beheerder(samenstelling: Samenstelling) -> None:
    beheerders = samenstelling.lezen.organisaties(Rol.BEHEERDER)
    if beheerders:
        namen = ", ".join(f"{b.naam} ({b.oin})" for b in beheerders)
        raise BestaatAl(
            f"Er is al een beheerder: {namen}. Dit commando registreert alleen de eerste beheerder van een "
            "lege database; een volgende beheerder registreert een beheerder in het portaal (tabblad "
            "Beheer).",
            veld="oin",
        )
