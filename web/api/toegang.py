"""Who is calling the machine interface: the client certificate handed over by the TLS proxy (in demo mode
the local machine is that proxy, so a demo certificate works the same way), verified by the portal's own
certificate verification, and the organisation registered on its OIN with one of the roles a route admits.

A certificate proves an organisation, not a person, so the actor of what a machine records is that
organisation acting for itself (or, for a batch an intermediair delivers, for the afnemer it names)."""

import functools
from collections.abc import Callable

from flask import current_app, g, request

from domain.fouten import OngeldigeWaarde
from domain.waarden import Oin, Rol
from service_layer.lezen import Organisatie
from web.api.fouten import ApiFout
from web.lezen import lezen
from web.pki.verificatie import Certificaatidentiteit
from web.pki.weigering import CertificaatGeweigerd
from web.sessie import AUTORISATIE

View = Callable[..., object]


def certificaat() -> Certificaatidentiteit:
    verificatie = current_app.extensions["certificaatverificatie"]
    header = request.headers.get(verificatie.instellingen.header)
    try:
        return verificatie.verifieer_overdracht(request.remote_addr, header)
    except CertificaatGeweigerd as fout:
        raise ApiFout(401, fout.melding, "CertificaatGeweigerd", reden=fout.reden.value) from None


def organisatie_van(identiteit: Certificaatidentiteit) -> Organisatie:
    try:
        organisatie = lezen().organisatie(Oin(identiteit.oin))
    except OngeldigeWaarde:
        organisatie = None
    if organisatie is None:
        melding = f"OIN {identiteit.oin} hoort niet bij een aangesloten organisatie."
        raise ApiFout(403, melding, "OnbekendeOin")
    return organisatie


def machine(*rollen: Rol) -> Callable[[View], View]:
    """Admit callers whose certificate belongs to an organisation with one of these roles; the view finds
    it in `g.machine` and the verified certificate in `g.certificaat`."""

    def decorator(view: View) -> View:
        @functools.wraps(view)
        def alleen_voor_machine(*args, **kwargs):
            identiteit = certificaat()
            organisatie = organisatie_van(identiteit)
            if organisatie.rol not in rollen:
                melding = "Dit certificaat is niet geregistreerd voor deze koppeling."
                raise ApiFout(403, melding, "GeenToegang")
            g.certificaat = identiteit
            g.machine = organisatie
            return view(*args, **kwargs)

        setattr(alleen_voor_machine, AUTORISATIE, "machine:" + ",".join(r.value for r in rollen))
        return alleen_voor_machine

    return decorator
