import pytest

from domain.fouten import OngeldigeWaarde
from domain.profiel import Profiel, bevat_link

GOED = {"toelichting": "Wij sturen de aanslag digitaal.", "lijst": "Aanslag", "bijzonderheden": "Geen."}


def profiel(**wijziging) -> Profiel:
    return Profiel.controleer(**{**GOED, **wijziging})


@pytest.mark.parametrize(("veld", "maximum"), [("toelichting", 255), ("lijst", 40), ("bijzonderheden", 100)])
def test_each_field_accepts_its_maximum_length(veld, maximum):
    assert len(getattr(profiel(**{veld: "a" * maximum}), veld)) == maximum


@pytest.mark.parametrize(("veld", "maximum"), [("toelichting", 255), ("lijst", 40), ("bijzonderheden", 100)])
def test_each_field_refuses_one_character_more(veld, maximum):
    with pytest.raises(OngeldigeWaarde, match=f"maximaal {maximum}") as fout:
        profiel(**{veld: "a" * (maximum + 1)})
    assert fout.value.veld == veld


@pytest.mark.parametrize("veld", ["toelichting", "bijzonderheden"])
def test_toelichting_and_bijzonderheden_are_required(veld):
    with pytest.raises(OngeldigeWaarde, match="verplicht"):
        profiel(**{veld: "  "})


def test_lijst_may_be_empty():
    assert profiel(lijst="").lijst == ""


@pytest.mark.parametrize(
    "tekst",
    [
        "Kijk op https://www.gemeente.nl/post",
        "zie http://example.org",
        "ga naar www.voorbeeldstad",
        "meer op gemeente.nl",
        "mail naar info@voorbeeldstad.nl",
        "Zie Belastingdienst.NL",
        "ftp://bestanden.overheid",
    ],
)
@pytest.mark.parametrize("veld", ["toelichting", "bijzonderheden"])
def test_a_link_is_refused_in_toelichting_and_bijzonderheden(veld, tekst):
    with pytest.raises(OngeldigeWaarde, match="geen link") as fout:
        profiel(**{veld: tekst})
    assert fout.value.veld == veld


@pytest.mark.parametrize(
    "tekst",
    [
        "U ontvangt o.a. de aanslag, m.b.t. 2026, t.b.v. uw woning.",
        "Vanaf 1.1.2027 digitaal. Bedrag: 12.50 euro.",
        "De gemeente stuurt post. Nl: nederlands.",
    ],
)
def test_ordinary_dutch_text_is_no_link(tekst):
    assert not bevat_link(tekst)


@pytest.mark.parametrize(
    "tekst",
    [
        "Klik <a href='x'>hier</a>",
        "<b>Let op</b>",
        "Zorg</p>",
        "<!-- verborgen -->",
        "a<b",
        "Zorg&nbsp;en welzijn",
        "Zorg&nbspen welzijn",
        "&#60;script",
        "&#x3c;",
        "Zorg&notificatie",
    ],
)
@pytest.mark.parametrize("veld", ["toelichting", "lijst", "bijzonderheden"])
def test_markup_is_refused_in_every_field(veld, tekst):
    with pytest.raises(OngeldigeWaarde, match="geen opmaakcode bevatten") as fout:
        profiel(**{veld: tekst})
    assert fout.value.veld == veld


@pytest.mark.parametrize(
    "tekst", ["Bedragen < 100 euro", "R&D, Q&A en B & W", "Ik <3 post", "Zorg & Welzijn", "5 > 3"]
)
def test_a_less_than_or_ampersand_in_plain_text_is_no_markup(tekst):
    assert profiel(toelichting=tekst).toelichting == tekst


@pytest.mark.parametrize(
    "tekst",
    [
        "mailto:info",
        "bel tel:0612345678",
        "javascript:alert(1)",
        "mail info@gemeente.local",
        "zie voorbeeld.de",
        "zie müller.de",
        "zie gemeente.frl",
        "kijk op www2.gemeente",
        "op mijnoverheid.nl.",
    ],
)
@pytest.mark.parametrize("veld", ["toelichting", "lijst", "bijzonderheden"])
def test_anything_a_browser_or_mail_client_makes_a_link_is_refused(veld, tekst):
    with pytest.raises(OngeldigeWaarde, match="geen link bevatten") as fout:
        profiel(**{veld: tekst})
    assert fout.value.veld == veld


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"bijzonderheden": "  "}, "De bijzonderheden zijn verplicht."),
        ({"bijzonderheden": "a" * 101}, "De bijzonderheden mogen maximaal 100 tekens hebben (nu 101)."),
        ({"bijzonderheden": "zie gemeente.nl"}, "De bijzonderheden mogen geen link bevatten"),
        ({"bijzonderheden": "<b>x</b>"}, "De bijzonderheden mogen geen opmaakcode bevatten"),
        ({"toelichting": "zie gemeente.nl"}, "De toelichting mag geen link bevatten"),
        ({"toelichting": "  "}, "De toelichting is verplicht."),
    ],
)
def test_the_messages_agree_with_their_subject(wijziging, melding):
    with pytest.raises(OngeldigeWaarde) as fout:
        profiel(**wijziging)
    assert fout.value.melding.startswith(melding)
