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
