from tests.conftest import AFNEMER
from web.faq.vragen import vragen


def test_the_faq_has_real_questions_from_the_manual():
    assert len(vragen()) >= 8
    assert all(v.vraag.endswith("?") and len(v.antwoord) > 40 for v in vragen())


def test_each_question_expands_without_script(ingelogd):
    pagina = ingelogd(AFNEMER).get("faq.index")
    blokken = pagina.select("details.faq__vraag")
    assert [d.summary.get_text(strip=True) for d in blokken] == [v.vraag for v in vragen()]
    assert all(d.p.get_text(strip=True) for d in blokken)
    assert not pagina.find("script")


def test_the_faq_needs_a_login(bezoeker):
    bezoeker.get("faq.index", status=302)
