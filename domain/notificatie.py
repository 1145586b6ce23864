"""The notification a citizen receives for a new message, per notificatiekenmerk (manual chapter 4)."""

from domain.waarden import Notificatiekenmerk

_TEKSTEN: dict[Notificatiekenmerk, str] = {
    Notificatiekenmerk.BETALEN: (
        "U heeft een bericht van {Afzender} ontvangen over een betaling of automatische incasso.\n\n"
        "Log in op MijnOverheid om het bericht te bekijken. Mogelijk moet u iets betalen. "
        "Lees het bericht daarom op tijd en voorkom een eventuele boete."
    ),
    Notificatiekenmerk.INFORMATIE_GEVEN: (
        "{Afzender} heeft informatie van u nodig.\n\n"
        "Log in op MijnOverheid om het bericht te bekijken. Lever deze informatie op tijd. "
        "Doet u dit niet, dan kan dit vervelende gevolgen hebben. "
        "Bijvoorbeeld vertraging als u iets moet regelen of een boete."
    ),
    Notificatiekenmerk.INFORMATIE_KRIJGEN: (
        "Er staat een document in uw Berichtenbox van {Afzender}.\n\n"
        "Log in op MijnOverheid om het bericht te bekijken. Mogelijk moet u naar aanleiding van dit bericht "
        "actie ondernemen. Lees het daarom op tijd."
    ),
    Notificatiekenmerk.REACTIE_ONTVANGEN: (
        "U heeft een reactie ontvangen op een aanvraag of wijziging bij {Afzender}.\n\n"
        "Log in op MijnOverheid om het bericht te bekijken. Mogelijk moet u naar aanleiding van dit bericht "
        "actie ondernemen. Lees het daarom op tijd."
    ),
    Notificatiekenmerk.VERNIEUWEN_NODIG: (
        "{Afzender} heeft u een bericht gestuurd met informatie over het vernieuwen van een document.\n\n"
        "Log in op MijnOverheid om het bericht te bekijken. Vernieuw op tijd. "
        "Als u niet op tijd vernieuwt, kan dit vervelende gevolgen hebben."
    ),
}


def notificatietekst(kenmerk: Notificatiekenmerk, afzender: str) -> str:
    # str.replace, not str.format: an afzender's name may contain braces.
    return _TEKSTEN[kenmerk].replace("{Afzender}", afzender)
