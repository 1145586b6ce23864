"""The begrippenlijst (manual chapter 13): the words of the portal and the manual, explained in our own words.

Sorted as a reader looks them up; each term gets an anchor so other pages can link to one term.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Begrip:
    term: str
    uitleg: str

    @property
    def anker(self) -> str:
        return "begrip-" + re.sub(r"[^a-z0-9]+", "-", self.term.casefold()).strip("-")


_BEGRIPPEN = (
    Begrip(
        "Afnemer",
        "Een overheidsorganisatie die berichten in de Berichtenbox van burgers laat zetten, zoals een "
        "gemeente, de Belastingdienst of een waterschap. In het portaal beheert de afnemer haar eigen "
        "berichttypes, diensten en profiel. Ook wel dienstaanbieder genoemd.",
    ),
    Begrip(
        "Batch",
        "Een levering van maximaal 1000 berichten tegelijk door een berichtleverancier. Een batch heeft "
        "een eigen kenmerk (BatchID); elk bericht erin heeft een BerichtID.",
    ),
    Begrip(
        "Beheerder",
        "Medewerker van Logius die organisaties registreert, intermediairs aan afnemers koppelt, "
        "mededelingen plaatst en de vragen uit het contactformulier leest.",
    ),
    Begrip(
        "Belanghebbende",
        "De burger aan wie een bericht gericht is. Een belanghebbende kan via DigiD Machtigen een ander "
        "toestemming geven om de berichten van een dienst te lezen.",
    ),
    Begrip(
        "Berichtenbox",
        "De beveiligde digitale brievenbus van een burger op MijnOverheid, waarin de overheid post aflevert.",
    ),
    Begrip(
        "Berichtleverancier",
        "De partij die de berichten technisch aanlevert: de afnemer zelf of een intermediair namens haar.",
    ),
    Begrip(
        "Berichttype",
        "Een soort bericht van een afnemer, met een code van 1 tot 8 letters of cijfers, een "
        "omschrijving, een notificatiekenmerk en een status (Nieuw, Actief, Inactief of Archief). Alleen "
        "actieve berichttypes worden verwerkt.",
    ),
    Begrip(
        "BSN",
        "Burgerservicenummer: het persoonlijke nummer van een burger, negen cijfers die aan de elfproef "
        "voldoen. Het portaal toont geen BSN en u stuurt het nooit mee in het contactformulier.",
    ),
    Begrip(
        "Dienst ID",
        "De naam van een machtigbare dienst zoals die bij DigiD Machtigen is vastgelegd: vrije tekst van "
        "maximaal 40 posities. Hoofdletters en spaties tellen mee; het portaal bewaart hem precies zoals "
        "u hem typt.",
    ),
    Begrip(
        "DigiD Machtigen",
        "De voorziening waarin burgers elkaar machtigen voor een dienst van een organisatie, en waarin "
        "organisaties hun machtigbare diensten registreren.",
    ),
    Begrip(
        "Digikoppeling",
        "De standaard van de overheid voor berichtenverkeer tussen systemen van organisaties. "
        "Berichtleveranciers leveren hun batches via Digikoppeling aan.",
    ),
    Begrip(
        "Elfproef",
        "Een rekenkundige controle op een nummer van negen cijfers. Een BSN voldoet er altijd aan; daarom"
        " herkent het portaal zo ook een BSN in een tekst.",
    ),
    Begrip(
        "Gemachtigde",
        "De burger die van een belanghebbende toestemming heeft gekregen om de berichten van een bepaalde"
        " dienst te lezen. Welke berichten dat zijn, hangt af van de berichttypes die aan die dienst "
        "gekoppeld zijn.",
    ),
    Begrip(
        "Intermediair",
        "Een organisatie, vaak een softwareleverancier, die voor meerdere afnemers het beheer doet en "
        "berichten aanlevert. In het portaal kiest een intermediair rechtsboven voor welke afnemer hij "
        "werkt.",
    ),
    Begrip(
        "Koppelen",
        "Een berichttype verbinden met een dienst. Een gemachtigde voor die dienst kan dan de berichten "
        "van dat berichttype lezen, ook berichten die al eerder zijn afgeleverd. Ontkoppelen of de dienst"
        " deactiveren beëindigt dat direct.",
    ),
    Begrip(
        "Logius",
        "De dienst digitale overheid van het ministerie van Binnenlandse Zaken en Koninkrijksrelaties. "
        "Logius beheert MijnOverheid en dit portaal.",
    ),
    Begrip(
        "Machtigbare dienst",
        "Een dienst van een afnemer waarvoor burgers elkaar via DigiD Machtigen kunnen machtigen, "
        "bijvoorbeeld het regelen van toeslagen. In het portaal heet dit kortweg een dienst.",
    ),
    Begrip(
        "MijnOverheid",
        "Het persoonlijke portaal van de overheid voor burgers, met onder meer de Berichtenbox.",
    ),
    Begrip(
        "Notificatiekenmerk",
        "De categorie van een berichttype (Betalen, Informatie geven, Informatie krijgen, Reactie "
        "ontvangen of Vernieuwen nodig). Het bepaalt welke tekst de burger krijgt in de melding "
        "(notificatie) over een nieuw bericht.",
    ),
    Begrip(
        "OIN",
        "Organisatie-identificatienummer: twintig cijfers waarmee een organisatie zich identificeert, ook"
        " in haar PKIoverheid-certificaat.",
    ),
    Begrip(
        "Organisatieprofiel",
        "De korte tekst over uw organisatie die burgers op MijnOverheid zien: een toelichting, de "
        "berichten die zij kunnen verwachten en bijzonderheden. Gewone tekst, zonder links.",
    ),
    Begrip(
        "PDF/A",
        "Een vorm van PDF die geschikt is om lang te bewaren: alles wat nodig is om het document te "
        "tonen, zoals de lettertypen, zit in het bestand zelf.",
    ),
    Begrip(
        "PDF/UA",
        "Een vorm van PDF die toegankelijk is, bijvoorbeeld voor mensen die een schermlezer gebruiken.",
    ),
    Begrip(
        "Persoonlijke bijlage",
        "Een bijlage bij één bericht aan één burger: hoogstens twee per bericht, samen hoogstens 500 kB, "
        "in PDF/A.",
    ),
    Begrip(
        "PKIoverheid-certificaat",
        "Het digitale certificaat op naam van het OIN van uw organisatie, waarmee u inlogt op het portaal.",
    ),
    Begrip(
        "Standaard bijlage",
        "Een bijlage die bij elk bericht van een berichttype hoort, zoals een folder: hoogstens drie per "
        "berichttype, samen hoogstens 2 MB, bij voorkeur in PDF/A.",
    ),
    Begrip(
        "Verwerkingscode",
        "De uitkomst per bericht in het verslag van de berichtverwerking, bijvoorbeeld Verwerkt of "
        "BerichtTypeNietOndersteund. Het stadium vertelt in welke stap een probleem werd gevonden.",
    ),
)

BEGRIPPEN: tuple[Begrip, ...] = tuple(sorted(_BEGRIPPEN, key=lambda b: b.term.casefold()))
