"""The use cases of the portal (configuration, message processing, the registers), in one place for every
caller (views, the command line, the tests). Each takes its input, runs one command in one transaction and
returns what it recorded (`Vastgelegd`: the log and the command's position in it); the caller waits for
exactly that position (`Bijhouden.na_commando`) before it shows a page that reads the change.

The use cases are the command groups' own methods (events_store/): gathered here by name, not wrapped, so a
signature is written once."""

from events_store.configuratie import Configuratie
from events_store.gebruikers import Gebruikers
from events_store.machtigingen import Machtigingen
from service_layer.intake import Intake
from service_layer.verwerken import Verwerker


class Portaal:
    def __init__(
        self,
        configuratie: Configuratie,
        gebruikers: Gebruikers,
        machtigingen: Machtigingen,
        intake: Intake,
        verwerker: Verwerker,
    ) -> None:
        organisaties, mededelingen = configuratie.organisaties, configuratie.mededelingen
        berichttypes, diensten = configuratie.berichttypes, configuratie.diensten
        # Organisaties (the beheerder) and the profiel (the afnemer).
        self.registreer_organisatie = organisaties.registreer_organisatie
        self.wijzig_organisatie = organisaties.wijzig_organisatie
        self.wijzig_profiel = organisaties.wijzig_profiel
        self.bedien_afnemer = organisaties.bedien_afnemer
        self.stop_bedienen = organisaties.stop_bedienen
        # Berichttypes and their standaard bijlagen.
        self.maak_berichttype = berichttypes.maak_berichttype
        self.wijzig_berichttype = berichttypes.wijzig_berichttype
        self.wijzig_berichttype_status = berichttypes.wijzig_berichttype_status
        self.voeg_bijlage_toe = berichttypes.voeg_bijlage_toe
        self.verwijder_bijlage = berichttypes.verwijder_bijlage
        self.verplaats_bijlage = berichttypes.verplaats_bijlage
        # Diensten and their koppelingen, also changed from the berichttype.
        self.maak_dienst = diensten.maak_dienst
        self.wijzig_dienst = diensten.wijzig_dienst
        self.pas_koppelingen_toe = diensten.pas_koppelingen_toe
        self.pas_gekoppelde_diensten_toe = diensten.pas_gekoppelde_diensten_toe
        self.koppel = diensten.koppel
        self.ontkoppel = diensten.ontkoppel
        self.deactiveer_dienst = diensten.deactiveer_dienst
        self.activeer_dienst = diensten.activeer_dienst
        # Mededelingen (the beheerder) and contact (everyone).
        self.plaats_mededeling = mededelingen.plaats_mededeling
        self.trek_mededeling_in = mededelingen.trek_mededeling_in
        self.verstuur_contactbericht = configuratie.contact.verstuur_contactbericht
        # The Berichtenbox users register (the MijnOverheid feed).
        register = gebruikers.register
        self.importeer_gebruikers = register.importeer_gebruikers
        self.controleer_gebruikersbestand = register.controleer_gebruikersbestand
        self.zet_berichtenbox = register.zet_berichtenbox
        self.sluit_berichtenbox = register.sluit_berichtenbox
        self.schakel_afnemer_uit = register.schakel_afnemer_uit
        self.schakel_afnemer_in = register.schakel_afnemer_in
        # Machtigingen (the DigiD Machtigen feed).
        self.importeer_machtigingen = machtigingen.register.importeer_machtigingen
        self.leg_machtigingen_vast = machtigingen.register.leg_machtigingen_vast
        # Message intake and processing.
        self.lever_batch_aan = intake.lever_aan
        self.verwerk_batch = verwerker.verwerk
        self.verwerk_wachtende_batches = verwerker.verwerk_wachtende
