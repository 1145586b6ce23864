"""Bijlage validatie tab (manual chapter 5): several files, both soorten, verdicts and findings; nothing
stored."""

import io
import os
import tempfile
from urllib.parse import quote

import pytest
from flask import request
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from domain.pdf_regels import REGELS
from tests.bijlage_validatie import pdfs, wijzigingen
from tests.conftest import AFNEMER, BEHEERDER, INTERMEDIAIR
from tests.web.helpers import HEADER, PROXY, Bezoeker, controleer_pagina, foutmeldingen, tekst, veldfout

SCHOON = pdfs.bouw()
ZONDER_PDFA = pdfs.bouw(pdfa=None)
MET_SCRIPT = pdfs.bouw(wijzigingen.javascript_in_names)


def multipart(bestanden: list[tuple[str, bytes]], soort: str | None, **extra: str) -> dict:
    """The request body built in memory (the test client would spool a large body to a temp file)."""
    velden: dict = {"bestanden": [FileStorage(io.BytesIO(inhoud), naam) for naam, inhoud in bestanden]}
    if soort:
        velden["soort"] = soort
    velden.update(extra)
    grens, lijf = encode_multipart(velden)
    return {"data": lijf, "content_type": f"multipart/form-data; boundary={grens}"}


def valideer(bezoeker, bestanden, soort: str | None = "standaard"):
    antwoord = bezoeker.client.post(bezoeker.url("bijlage_validatie.index"), **multipart(bestanden, soort))
    assert antwoord.status_code == 200, antwoord.status_code
    return controleer_pagina(antwoord)


def oordelen(pagina) -> dict[str, str]:
    return {
        a.h3.get_text(strip=True): a.select_one("p.oordeel strong").get_text(strip=True)
        for a in pagina.select("article.bestand")
    }


@pytest.mark.parametrize("oin", [AFNEMER, INTERMEDIAIR, BEHEERDER])
def test_every_logged_in_role_may_validate(ingelogd, oin):
    pagina = ingelogd(oin).get("bijlage_validatie.index")
    assert "worden niet opgeslagen" in tekst(pagina)
    assert "na de validatie direct verwijderd" in tekst(pagina)
    assert pagina.find("input", id="bestanden").has_attr("multiple")
    assert [i["value"] for i in pagina.find_all("input", attrs={"name": "soort"})] == [
        "persoonlijk",
        "standaard",
    ]


def test_not_logged_in_leads_to_the_login(bezoeker):
    bezoeker.get("bijlage_validatie.index", status=302)


def test_each_file_gets_its_verdict_in_words(ingelogd):
    pagina = valideer(
        ingelogd(AFNEMER), [("schoon.pdf", SCHOON), ("oud.pdf", ZONDER_PDFA), ("script.pdf", MET_SCRIPT)]
    )
    assert oordelen(pagina) == {
        "schoon.pdf": "Oordeel: Voldoet.",
        "oud.pdf": "Oordeel: Voldoet met waarschuwingen.",
        "script.pdf": "Oordeel: Voldoet niet.",
    }
    assert "Samen: Voldoet niet." in tekst(pagina)


def test_findings_show_rule_severity_message_and_page(ingelogd):
    link = wijzigingen.link_met(wijzigingen.actie("URI", URI="https://voorbeeld.nl"))
    pagina = valideer(ingelogd(AFNEMER), [("link.pdf", pdfs.bouw(link)), ("script.pdf", MET_SCRIPT)])
    rijen = {
        r.select("td")[3].a["href"].rsplit("#regel-", 1)[1]: [
            td.get_text(strip=True) for td in r.find_all("td")
        ]
        for r in pagina.select("tr.bevinding")
    }
    assert rijen["externe_link"][0] == "Waarschuwing"
    assert "https://voorbeeld.nl" in rijen["externe_link"][1]
    assert rijen["externe_link"][2] == "1"
    assert rijen["javascript"][0] == "Fout"
    assert "De PDF bevat JavaScript" in rijen["javascript"][1]


def test_persoonlijke_bijlagen_have_their_own_limits(ingelogd):
    drie = [(f"{n}.pdf", SCHOON) for n in range(3)]
    persoonlijk = valideer(ingelogd(AFNEMER), drie, "persoonlijk")
    melding = "Dat zijn samen 3 persoonlijke bijlagen; er zijn maximaal 2 persoonlijke bijlagen per bericht"
    assert melding in tekst(persoonlijk)
    assert "Samen: Voldoet niet." in tekst(persoonlijk)
    assert "persoonlijke bijlagen" in persoonlijk.select_one("p.oordeel").get_text()
    standaard = valideer(ingelogd(AFNEMER), drie, "standaard")
    assert "Samen: Voldoet." in tekst(standaard)
    assert standaard.select("ul.bevindingen--set") == []


def test_files_too_large_together_are_named_at_set_level(ingelogd):
    groot = pdfs.bouw(wijzigingen.extra_stream(Lengte=1)) + b"%" + os.urandom(300 * 1024)
    pagina = valideer(ingelogd(AFNEMER), [("a.pdf", groot), ("b.pdf", groot)], "persoonlijk")
    assert "samen" in pagina.select_one("ul.bevindingen--set").get_text()


def test_a_hostile_file_gets_a_verdict_not_an_error_page(ingelogd):
    pagina = valideer(ingelogd(AFNEMER), [("kapot.pdf", b"%PDF-1.7\n" + bytes(2000)), ("leeg.pdf", b"")])
    assert oordelen(pagina) == {"kapot.pdf": "Oordeel: Voldoet niet.", "leeg.pdf": "Oordeel: Voldoet niet."}


def test_without_files_or_soort_the_form_says_what_is_missing(ingelogd):
    bezoeker = ingelogd(AFNEMER)
    antwoord = bezoeker.client.post(bezoeker.url("bijlage_validatie.index"), data={})
    pagina = controleer_pagina(antwoord)
    assert "Kies een of meer bestanden" in veldfout(pagina, "bestanden")
    assert "Kies persoonlijke of standaard bijlagen" in veldfout(pagina, "soort")
    assert len(foutmeldingen(pagina)) == 2
    assert pagina.select("section.uitslag") == []


def test_a_forged_soort_is_refused_in_dutch(ingelogd):
    pagina = valideer(ingelogd(AFNEMER), [("a.pdf", SCHOON)], "verzonnen")
    assert "Kies persoonlijke of standaard bijlagen" in veldfout(pagina, "soort")
    assert foutmeldingen(pagina) == ["Kies persoonlijke of standaard bijlagen."]


def test_uploads_are_held_in_memory_not_in_a_temporary_file(app, organisaties):
    groot = SCHOON + b"%" + bytes(2 * 1024 * 1024)  # far above werkzeug's 500 kB spooling threshold
    with app.test_request_context(
        "/bijlage-validatie/", method="POST", **multipart([("groot.pdf", groot)], "standaard")
    ):
        app.preprocess_request()
        stroom = request.files.getlist("bestanden")[0].stream
        assert isinstance(stroom, io.BytesIO)
        assert stroom.getvalue() == groot


def test_no_file_is_written_to_the_temporary_directory(ingelogd):
    bezoeker = ingelogd(AFNEMER)
    groot = SCHOON + b"%" + bytes(1024 * 1024)
    voor = set(os.listdir(tempfile.gettempdir()))
    valideer(bezoeker, [("groot.pdf", groot), ("script.pdf", MET_SCRIPT)])
    assert set(os.listdir(tempfile.gettempdir())) - voor == set()


def test_the_other_tabs_keep_werkzeugs_usual_uploads(app, organisaties):
    # The in-memory stream factory belongs to the PDF blueprints only; the check above must be able to fail.
    groot = SCHOON + b"%" + bytes(2 * 1024 * 1024)
    with app.test_request_context("/contact/", method="POST", **multipart([("groot.pdf", groot)], None)):
        app.preprocess_request()
        assert not isinstance(request.files.getlist("bestanden")[0].stream, io.BytesIO)
        request.files.getlist("bestanden")[0].stream.close()


def test_csrf_is_enforced_on_the_upload(maak_app, organisaties_voor, pki):
    app = maak_app(WTF_CSRF_ENABLED=True)
    organisaties_voor(app)
    bezoeker = Bezoeker(app)
    token = bezoeker.get("inloggen.index").find("input", attrs={"name": "csrf_token"})["value"]
    bezoeker.client.post(
        bezoeker.url("inloggen.met_certificaat"),
        data={"csrf_token": token},
        headers={HEADER: quote(pki.pem(AFNEMER))},
        environ_base={"REMOTE_ADDR": PROXY},
    )
    url = bezoeker.url("bijlage_validatie.index")
    zonder = bezoeker.client.post(url, **multipart([("a.pdf", SCHOON)], "standaard"))
    assert zonder.status_code == 400
    assert controleer_pagina(zonder).h1.get_text(strip=True) == "Sessie verlopen"
    token = bezoeker.get("bijlage_validatie.index").find("input", attrs={"name": "csrf_token"})["value"]
    met = bezoeker.client.post(url, **multipart([("a.pdf", SCHOON)], "standaard", csrf_token=token))
    assert met.status_code == 200
    assert oordelen(controleer_pagina(met)) == {"a.pdf": "Oordeel: Voldoet."}


def test_the_rule_column_shows_the_clause_and_links_to_the_rule_explained(ingelogd):
    bezoeker = ingelogd(AFNEMER)
    pagina = valideer(bezoeker, [("script.pdf", MET_SCRIPT)])
    rij = next(r for r in pagina.select("tr.bevinding") if "JavaScript" in r.get_text())
    link = rij.select("td")[3].a
    assert link.get_text(" ", strip=True).startswith("PDF/A-1 6.6.1, PDF/A-2 6.5.1")
    assert link["href"] == bezoeker.url("bijlage_validatie.regels") + "#regel-javascript"
    assert "javascript" not in rij.select("td")[3].get_text().split("(")[0]


@pytest.mark.parametrize("oin", [AFNEMER, INTERMEDIAIR, BEHEERDER])
def test_every_rule_is_explained_on_its_own_anchor(ingelogd, oin):
    pagina = ingelogd(oin).get("bijlage_validatie.regels")
    assert pagina.h1.get_text(strip=True) == "Regels van de Bijlage validatie"
    for regel in REGELS.values():
        rij = pagina.find("tr", id=f"regel-{regel.id}")
        assert rij is not None, regel.id
        cellen = [td.get_text(" ", strip=True) for td in rij.find_all("td")]
        assert cellen[0] == regel.bron and regel.bron
        assert cellen[2] and "{" not in cellen[2]


def test_the_rules_page_needs_a_login_as_the_tab_does(bezoeker):
    bezoeker.get("bijlage_validatie.regels", status=302)


def _download(pagina, soort: str) -> str:
    import base64

    href = pagina.select_one(f'p.rapport a[download$=".{soort}"]')["href"]
    return base64.b64decode(href.split(",", 1)[1]).decode("utf-8")


def test_a_chosen_profile_is_checked_clause_by_clause_with_counts_and_a_report(ingelogd):
    bezoeker = ingelogd(AFNEMER)
    extra = {"pdfa": "2a", "pdfua": "ja"}
    antwoord = bezoeker.client.post(
        bezoeker.url("bijlage_validatie.index"), **multipart([("b.pdf", SCHOON)], "standaard", **extra)
    )
    pagina = controleer_pagina(antwoord)
    normen = [li.get_text(" ", strip=True) for li in pagina.select("ul.normen li")]
    assert normen == [
        "Getoetst tegen PDF/A-2a (ISO 19005-2): voldoet niet .",
        "Getoetst tegen PDF/UA-1 (ISO 14289-1): voldoet niet .",
    ]
    clausules = {r.th.get_text(strip=True) for r in pagina.select("table.clausules tr.clausule")}
    assert any("6.6.4-3" in c for c in clausules) and any(
        "ISO 14289-1" in c and ", 5-1" in c for c in clausules
    )
    import json

    [rapport] = json.loads(_download(pagina, "json"))
    assert rapport["toetsing"]["pdfa"] == "2a" and rapport["toetsing"]["conform_pdfa"] is False
    csv = _download(pagina, "csv").lstrip("\ufeff").splitlines()
    assert csv[0].startswith("bestand;oordeel;getoetst_pdfa")
    assert any(";pdfa2-6.6.4-3;" in regel for regel in csv[1:])


def test_personal_attachments_are_checked_as_the_koppelvlak_asks(ingelogd):
    pagina = valideer(ingelogd(AFNEMER), [("b.pdf", SCHOON), ("a.pdf", pdfs.bouw(pdfa="2a"))], "persoonlijk")
    assert oordelen(pagina) == {"b.pdf": "Oordeel: Voldoet niet.", "a.pdf": "Oordeel: Voldoet."}


def test_a_forged_profile_is_refused_in_dutch(ingelogd):
    bezoeker = ingelogd(AFNEMER)
    antwoord = bezoeker.client.post(
        bezoeker.url("bijlage_validatie.index"), **multipart([("a.pdf", SCHOON)], "standaard", pdfa="9z")
    )
    pagina = controleer_pagina(antwoord)
    assert "Kies een PDF/A-profiel uit de lijst" in veldfout(pagina, "pdfa")
