"""Berichttypes tab: standaard bijlagen through the Bijlage validatie, their order, removal and viewing."""

import io
import re
from pathlib import Path

import pikepdf
import pytest
from flask import request
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from domain.waarden import BerichttypeCode, Notificatiekenmerk, Status
from tests.bijlage_validatie import pdfs, vijandig, wijzigingen
from tests.conftest import AFNEMER, actor_voor
from tests.web.helpers import controleer_pagina, meldingen, tekst, veldfout

ACTOR = actor_voor(AFNEMER)
CODE = BerichttypeCode("AB1")
MB = 1024 * 1024


def pdf_van(grootte: int) -> bytes:
    """A clean PDF of exactly this many bytes: an uncompressed padding stream grown until it fits."""
    opvulling = 0
    for _ in range(10):
        pdf = pdfs.schone_pdf()
        pdf.Root.Opvulling = pikepdf.Stream(pdf, b"0" * opvulling)
        uit = io.BytesIO()
        pdf.save(uit, compress_streams=False, fix_metadata_version=False)
        tekort = grootte - len(uit.getvalue())
        if tekort == 0:
            return uit.getvalue()
        opvulling = max(0, opvulling + tekort)
    raise AssertionError(f"geen PDF van precies {grootte} bytes")


SCHOON = pdfs.bouw()


@pytest.fixture
def nieuw(organisaties):
    organisaties.maak_berichttype(AFNEMER, CODE, "Aanslag", Notificatiekenmerk.BETALEN, ACTOR)
    return organisaties


def bijlagen(portaal) -> list[str]:
    return [b.naam for b in portaal.berichttype(AFNEMER, CODE).bijlagen]


def verstuur(bezoeker, naam: str, inhoud: bytes):
    """The upload encoded in memory: the test client would otherwise spool a large body to a temp file."""
    grens, lijf = encode_multipart({"bestand": FileStorage(io.BytesIO(inhoud), naam)})
    return bezoeker.client.post(
        bezoeker.url("berichttypes.bijlage_toevoegen", code="AB1"),
        data=lijf,
        content_type=f"multipart/form-data; boundary={grens}",
    )


def upload(bezoeker, naam: str, inhoud: bytes):
    antwoord = verstuur(bezoeker, naam, inhoud)
    assert antwoord.status_code == 302, antwoord.status_code
    return antwoord


def upload_geweigerd(bezoeker, naam: str, inhoud: bytes):
    antwoord = verstuur(bezoeker, naam, inhoud)
    assert antwoord.status_code == 200, antwoord.status_code
    return controleer_pagina(antwoord)


def test_a_clean_pdf_is_added_and_listed_in_order(ingelogd, nieuw):
    bezoeker = ingelogd(AFNEMER)
    formulier = bezoeker.get("berichttypes.bijlage_toevoegen", code="AB1")
    assert formulier.find("input", id="bestand")["type"] == "file"
    assert formulier.find("form", class_="formulier")["enctype"] == "multipart/form-data"
    pagina = bezoeker.volg(upload(bezoeker, "brochure.pdf", SCHOON))
    assert any("brochure.pdf is toegevoegd" in m for m in meldingen(pagina))
    assert not any("Waarschuwing" in m for m in meldingen(pagina))
    assert [a.get_text(strip=True) for a in pagina.select("a.bijlage__naam")] == ["brochure.pdf"]
    assert bijlagen(nieuw) == ["brochure.pdf"]


def test_a_pdf_without_pdfa_claim_is_added_with_a_warning(ingelogd, nieuw):
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.volg(upload(bezoeker, "zonder-pdfa.pdf", pdfs.bouw(pdfa=None)))
    assert any("zonder-pdfa.pdf is toegevoegd" in m for m in meldingen(pagina))
    assert any("Waarschuwing: zonder-pdfa.pdf: De PDF is geen PDF/A" in m for m in meldingen(pagina))
    assert pagina.select(".melding--waarschuwing")
    assert bijlagen(nieuw) == ["zonder-pdfa.pdf"]


def test_a_pdf_with_javascript_is_refused_with_its_findings(ingelogd, nieuw):
    pagina = upload_geweigerd(ingelogd(AFNEMER), "script.pdf", pdfs.bouw(wijzigingen.javascript_in_names))
    assert "De PDF bevat JavaScript" in veldfout(pagina, "bestand")
    assert pagina.find(id="bestand")["aria-invalid"] == "true"
    assert bijlagen(nieuw) == []


@pytest.mark.parametrize(
    "inhoud",
    [
        b"",
        b"geen pdf",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog",
        SCHOON[: len(SCHOON) // 2],
        b"%PDF-" + bytes(5000),
    ],
)
def test_a_hostile_or_broken_file_is_refused_without_an_error_page(ingelogd, nieuw, inhoud):
    pagina = upload_geweigerd(ingelogd(AFNEMER), "kapot.pdf", inhoud)
    assert veldfout(pagina, "bestand")
    assert bijlagen(nieuw) == []


def test_a_decompression_bomb_gets_a_verdict_not_an_error_page(ingelogd, nieuw):
    # The validator never inflates content streams, so the bomb is judged on its structure.
    antwoord = verstuur(ingelogd(AFNEMER), "bom.pdf", pdfs.bouw(vijandig.decompressiebom_in_inhoud))
    assert antwoord.status_code in (200, 302)


def test_choosing_no_file_is_refused(ingelogd, nieuw):
    pagina = ingelogd(AFNEMER).post_pagina("berichttypes.bijlage_toevoegen", {}, code="AB1")
    assert "Kies een bestand" in veldfout(pagina, "bestand")


@pytest.mark.parametrize(("lengte", "toegestaan"), [(128, True), (129, False)])
def test_the_file_name_has_at_most_128_characters(ingelogd, nieuw, lengte, toegestaan):
    naam = "n" * (lengte - 4) + ".pdf"
    bezoeker = ingelogd(AFNEMER)
    if toegestaan:
        upload(bezoeker, naam, SCHOON)
        assert bijlagen(nieuw) == [naam]
    else:
        assert "(nu 129)" in veldfout(upload_geweigerd(bezoeker, naam, SCHOON), "bestand")
        assert bijlagen(nieuw) == []


def test_a_fourth_bijlage_is_refused(ingelogd, nieuw):
    bezoeker = ingelogd(AFNEMER)
    for nummer in range(3):
        upload(bezoeker, f"b{nummer}.pdf", SCHOON)
    assert bijlagen(nieuw) == ["b0.pdf", "b1.pdf", "b2.pdf"]
    details = bezoeker.get("berichttypes.details", code="AB1")
    assert details.find("a", href=bezoeker.url("berichttypes.bijlage_toevoegen", code="AB1")) is None
    pagina = upload_geweigerd(bezoeker, "b3.pdf", SCHOON)
    assert "Dat zijn samen 4 standaard bijlagen" in veldfout(pagina, "bestand")
    assert bijlagen(nieuw) == ["b0.pdf", "b1.pdf", "b2.pdf"]


def test_bijlagen_together_may_be_2_mb_but_not_one_byte_more(ingelogd, nieuw):
    bezoeker = ingelogd(AFNEMER)
    upload(bezoeker, "eerste.pdf", pdf_van(MB))
    pagina = upload_geweigerd(bezoeker, "te-groot.pdf", pdf_van(MB + 1))
    assert "samen 2 MB" in veldfout(pagina, "bestand") and "maximaal 2 MB" in veldfout(pagina, "bestand")
    assert bijlagen(nieuw) == ["eerste.pdf"]
    upload(bezoeker, "past.pdf", pdf_van(MB))
    assert bijlagen(nieuw) == ["eerste.pdf", "past.pdf"]
    assert sum(b.grootte for b in nieuw.berichttype(AFNEMER, CODE).bijlagen) == 2 * MB


@pytest.mark.parametrize("status", [Status.ACTIEF, Status.INACTIEF, Status.ARCHIEF])
def test_a_forged_upload_on_a_berichttype_that_is_not_nieuw_is_refused(ingelogd, nieuw, status):
    for stap in {Status.ACTIEF: [Status.ACTIEF], Status.INACTIEF: [Status.ACTIEF, Status.INACTIEF]}.get(
        status, [Status.ACTIEF, Status.ARCHIEF]
    ):
        nieuw.wijzig_berichttype_status(AFNEMER, CODE, stap, ACTOR)
    bezoeker = ingelogd(AFNEMER)
    assert "alleen worden gewijzigd zolang" in tekst(
        bezoeker.get("berichttypes.bijlage_toevoegen", code="AB1")
    )
    pagina = upload_geweigerd(bezoeker, "laat.pdf", SCHOON)
    assert "alleen worden gewijzigd zolang het berichttype de status Nieuw heeft" in tekst(pagina)
    assert bijlagen(nieuw) == []


# -- order, removal, viewing -------------------------------------------------------------------------------


@pytest.fixture
def drie(nieuw):
    namen = ("een", "twee", "drie")
    ids = [nieuw.voeg_bijlage_toe(AFNEMER, CODE, f"{n}.pdf", SCHOON, ACTOR).id for n in namen]
    return nieuw, ids


def volgorde(pagina) -> list[str]:
    return [a.get_text(strip=True) for a in pagina.select("a.bijlage__naam")]


def test_omhoog_omlaag_and_verwijder_change_the_order(ingelogd, drie):
    portaal, (een, twee, drie_) = drie
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.get("berichttypes.details", code="AB1")
    assert volgorde(pagina) == ["een.pdf", "twee.pdf", "drie.pdf"]
    # The first has no Omhoog, the last no Omlaag.
    knoppen = [
        [b.get_text(" ", strip=True).split()[0] for b in r.select("button")]
        for r in pagina.select("table.bijlagen tbody tr")
    ]
    assert knoppen == [["Omlaag", "Verwijder"], ["Omhoog", "Omlaag", "Verwijder"], ["Omhoog", "Verwijder"]]
    pagina = bezoeker.volg(
        bezoeker.post("berichttypes.bijlage_verplaatsen", code="AB1", bijlage_id=drie_, richting="omhoog")
    )
    assert volgorde(pagina) == ["een.pdf", "drie.pdf", "twee.pdf"]
    pagina = bezoeker.volg(
        bezoeker.post("berichttypes.bijlage_verplaatsen", code="AB1", bijlage_id=een, richting="omlaag")
    )
    assert volgorde(pagina) == ["drie.pdf", "een.pdf", "twee.pdf"]
    pagina = bezoeker.volg(bezoeker.post("berichttypes.bijlage_verwijderen", code="AB1", bijlage_id=een))
    assert any("verwijderd" in m for m in meldingen(pagina))
    assert volgorde(pagina) == ["drie.pdf", "twee.pdf"]
    assert bijlagen(portaal) == ["drie.pdf", "twee.pdf"]


def test_a_move_past_the_end_is_refused_with_a_message(ingelogd, drie):
    portaal, (een, _, _) = drie
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.volg(
        bezoeker.post("berichttypes.bijlage_verplaatsen", code="AB1", bijlage_id=een, richting="omhoog")
    )
    assert any("kan niet verder" in m for m in meldingen(pagina))
    assert bijlagen(portaal) == ["een.pdf", "twee.pdf", "drie.pdf"]


def test_an_unknown_direction_is_not_found(ingelogd, drie):
    _, (een, _, _) = drie
    ingelogd(AFNEMER).post(
        "berichttypes.bijlage_verplaatsen", code="AB1", bijlage_id=een, richting="opzij", status=404
    )


def test_moving_and_removing_are_refused_once_the_berichttype_is_active(ingelogd, drie):
    portaal, (een, _, drie_) = drie
    portaal.wijzig_berichttype_status(AFNEMER, CODE, Status.ACTIEF, ACTOR)
    bezoeker = ingelogd(AFNEMER)
    pagina = bezoeker.get("berichttypes.details", code="AB1")
    assert pagina.select("table.bijlagen button") == []
    pagina = bezoeker.volg(
        bezoeker.post("berichttypes.bijlage_verplaatsen", code="AB1", bijlage_id=drie_, richting="omhoog")
    )
    assert any("alleen worden gewijzigd zolang" in m for m in meldingen(pagina))
    pagina = bezoeker.volg(bezoeker.post("berichttypes.bijlage_verwijderen", code="AB1", bijlage_id=een))
    assert any("alleen worden gewijzigd zolang" in m for m in meldingen(pagina))
    assert bijlagen(portaal) == ["een.pdf", "twee.pdf", "drie.pdf"]


def test_viewing_a_bijlage_serves_its_bytes_as_a_pdf(ingelogd, nieuw):
    andere = pdfs.bouw(pdfa=None)
    nieuw.voeg_bijlage_toe(AFNEMER, CODE, "een.pdf", SCHOON, ACTOR)
    bijlage_id = nieuw.voeg_bijlage_toe(AFNEMER, CODE, "twee.pdf", andere, ACTOR).id
    bezoeker = ingelogd(AFNEMER)
    antwoord = bezoeker.client.get(
        bezoeker.url("berichttypes.bijlage_bekijken", code="AB1", bijlage_id=bijlage_id)
    )
    assert antwoord.status_code == 200
    assert antwoord.get_data() == andere
    assert antwoord.headers["Content-Type"] == "application/pdf"
    assert antwoord.headers["X-Content-Type-Options"] == "nosniff"
    assert (
        antwoord.headers["Content-Disposition"] == "inline; filename=\"twee.pdf\"; filename*=UTF-8''twee.pdf"
    )
    download = bezoeker.client.get(
        bezoeker.url("berichttypes.bijlage_bekijken", code="AB1", bijlage_id=bijlage_id, download=1)
    )
    assert download.headers["Content-Disposition"].startswith("attachment; ")


def test_a_strange_file_name_cannot_break_out_of_the_header(ingelogd, nieuw):
    naam = 'rapport "x";\r\n\\ é\u202e.pdf'
    bijlage_id = nieuw.voeg_bijlage_toe(AFNEMER, CODE, naam, SCHOON, ACTOR).id
    bezoeker = ingelogd(AFNEMER)
    antwoord = bezoeker.client.get(
        bezoeker.url("berichttypes.bijlage_bekijken", code="AB1", bijlage_id=bijlage_id)
    )
    waarde = antwoord.headers["Content-Disposition"]
    assert waarde.startswith("inline; filename=\"rapport x; e.pdf\"; filename*=UTF-8''")
    assert waarde.endswith("rapport%20%22x%22%3B%0D%0A%5C%20%C3%A9%E2%80%AE.pdf")


def test_an_unknown_bijlage_is_not_found(ingelogd, nieuw):
    ingelogd(AFNEMER).get("berichttypes.bijlage_bekijken", code="AB1", bijlage_id="verzonnen", status=404)


def test_a_file_that_is_not_named_pdf_is_refused(ingelogd, nieuw):
    pagina = upload_geweigerd(ingelogd(AFNEMER), "brochure.txt", SCHOON)
    assert "moet een PDF-bestand zijn" in veldfout(pagina, "bestand")
    assert bijlagen(nieuw) == []


def test_an_uploaded_bijlage_is_held_in_memory_until_it_is_stored(app, organisaties):
    grens, lijf = encode_multipart({"bestand": FileStorage(io.BytesIO(pdf_van(MB)), "groot.pdf")})
    with app.test_request_context(
        "/berichttypes/AB1/bijlagen/toevoegen",
        method="POST",
        data=lijf,
        content_type=f"multipart/form-data; boundary={grens}",
    ):
        app.preprocess_request()
        assert isinstance(request.files["bestand"].stream, io.BytesIO)


def test_the_same_file_name_is_not_added_twice_to_one_berichttype(ingelogd, nieuw):
    bezoeker = ingelogd(AFNEMER)
    upload(bezoeker, "brochure.pdf", SCHOON)
    pagina = upload_geweigerd(bezoeker, "Brochure.pdf", SCHOON)
    assert "Er is al een bijlage met de naam Brochure.pdf" in veldfout(pagina, "bestand")
    assert bijlagen(nieuw) == ["brochure.pdf"]


def test_at_the_maximum_the_toevoegen_button_gives_way_to_a_sentence_saying_why(ingelogd, nieuw):
    bezoeker = ingelogd(AFNEMER)
    for nummer in range(2):
        upload(bezoeker, f"b{nummer}.pdf", SCHOON)
    details = bezoeker.get("berichttypes.details", code="AB1")
    assert details.find("a", href=bezoeker.url("berichttypes.bijlage_toevoegen", code="AB1")) is not None
    assert details.select_one(".maximum-bereikt") is None
    upload(bezoeker, "b2.pdf", SCHOON)
    details = bezoeker.get("berichttypes.details", code="AB1")
    assert details.find("a", href=bezoeker.url("berichttypes.bijlage_toevoegen", code="AB1")) is None
    assert "maximum van 3 standaard bijlagen per berichttype bereikt" in details.select_one(
        ".maximum-bereikt"
    ).get_text(" ", strip=True)


def test_sizes_on_the_details_page_are_written_as_everywhere_else(ingelogd, nieuw):
    bezoeker = ingelogd(AFNEMER)
    upload(bezoeker, "groot.pdf", pdf_van(MB + 10 * 1024))
    details = bezoeker.get("berichttypes.details", code="AB1")
    assert "1,01 MB" in [td.get_text(strip=True) for td in details.select("table.bijlagen td")]


def test_a_long_unbroken_file_name_may_wrap_in_every_place_it_is_shown():
    """A 128-character name is one word; without this the details and validation pages grow wider
    than a phone's screen. The selectors are those of the templates that show a file name."""
    css = (Path(__file__).resolve().parents[2] / "web" / "static" / "portaal.css").read_text()
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    afbreekbaar = set()
    for selectors, regels in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        if re.search(r"overflow-wrap:\s*anywhere", regels):
            afbreekbaar |= {s.strip() for s in selectors.split(",")}
    assert {".bijlage__naam", ".bestand h3", ".bevindingen td", ".melding", ".veld__fout"} <= afbreekbaar
