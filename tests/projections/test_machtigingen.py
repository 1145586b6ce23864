"""The machtigingen register: the feed's deliveries into the projection (a stand replaces, an early end and a
withdrawal shorten, an unknown id changes nothing), the file import, the dienst's active periods, the count of
valid machtigingen and the impact of a change; `portaal machtigingen import`, `portaal toegang` and
`portaal replay --as-of T` on the same store."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from domain import machtigingen as mt
from domain.machtigingenbestand import BestandGeweigerd
from domain.waarden import Bsn, DienstId, Notificatiekenmerk, Oin, Rol
from koppelvlak.voorbeeld import voorbeeld_bsns
from projections import toegang
from scripts.machtigingen import machtigingen as machtigingen_cli
from scripts.replay import replay
from scripts.toegang import toegang as toegang_cli
from tests.conftest import BEHEERDER, actor_voor

B, G, G2 = list(voorbeeld_bsns(3, seed=4))
FEED = Oin("00000099000000000302")
KOP = "machtiging;belanghebbende;gemachtigde;afnemer;dienst_id;geldig_van;geldig_tot;ingetrokken_op"
VAN = datetime(2025, 1, 1, tzinfo=UTC)


@pytest.fixture
def feed(portaal):
    portaal.registreer_organisatie(
        FEED, "DigiD Machtigen", Rol.MACHTIGINGEN, list(Notificatiekenmerk), actor_voor(BEHEERDER)
    )
    return actor_voor(FEED)


def _stand(afnemer, id_="M1", g=G, dienst="D1", van=VAN, tot=None, ingetrokken=None):
    return mt.stand(id_, Bsn(B), Bsn(g), afnemer, DienstId(dienst), van, tot, ingetrokken)


def _vastleggen(portaal, feed, *mutaties):
    portaal.samenstelling.na_commando(portaal.leg_machtigingen_vast(list(mutaties), feed))


def _rij(portaal, id_="M1"):
    (m,) = [m for m in toegang.geldig_op(portaal, VAN + timedelta(days=1)) if m.machtiging_id == id_] or [
        None
    ]
    return m


def test_a_stand_registers_and_a_later_stand_replaces(portaal, doe, feed):
    _vastleggen(portaal, feed, _stand(doe.afnemer, dienst="D1"))
    _vastleggen(portaal, feed, _stand(doe.afnemer, dienst="D2"))
    assert _rij(portaal).dienst_id == "D2"


def test_an_early_end_and_a_withdrawal_shorten_the_interval(portaal, doe, feed):
    einde, intrekking = VAN + timedelta(days=10), VAN + timedelta(days=5)
    _vastleggen(portaal, feed, _stand(doe.afnemer), mt.beeindigd("M1", einde))
    assert toegang.geldig_op(portaal, einde - timedelta(microseconds=1))[0].einde == mt.BEEINDIGD
    assert toegang.geldig_op(portaal, einde) == []
    _vastleggen(portaal, feed, mt.ingetrokken("M1", intrekking))
    (m,) = toegang.geldig_op(portaal, VAN)
    assert (m.tot, m.einde) == (intrekking, mt.INGETROKKEN)


def test_an_end_of_an_unknown_machtiging_changes_nothing(portaal, doe, feed):
    _vastleggen(portaal, feed, mt.beeindigd("ONBEKEND", VAN))
    assert toegang.geldig_op(portaal, VAN) == []


def test_a_file_is_imported_in_chunks_and_refused_rows_are_reported_without_their_contents(
    portaal, doe, feed
):
    regels = [KOP]
    regels += [f"M{i};{B};{G};{doe.afnemer};D1;2025-01-01;;" for i in range(25)]
    regels.insert(3, f"FOUT;123456789;{G};{doe.afnemer};D1;2025-01-01;;")
    regels.insert(5, f"FOUT2;{B};{G};{doe.afnemer};D1;2025-13-01;;")
    delen = []
    verslag = portaal.importeer_machtigingen(
        [r + "\n" for r in regels], feed, lambda v, deel: delen.append(len(deel.mutaties))
    )
    assert (verslag.vastgelegd, verslag.overgeslagen) == (25, 2)
    assert [f.regel for f in verslag.fouten] == [4, 6]
    assert all("123456789" not in str(f) for f in verslag.fouten)
    portaal.samenstelling.na_commando(verslag.positie)
    assert len(toegang.geldig_op(portaal, VAN)) == 25


def test_a_file_without_the_header_is_refused_before_anything_is_recorded(portaal, doe, feed):
    with pytest.raises(BestandGeweigerd):
        portaal.importeer_machtigingen([f"M1;{B};{G};{doe.afnemer};D1;2025-01-01;;\n"], feed)


def test_the_dienst_active_periods_follow_deactivation_and_reactivation(portaal, doe, klok):
    doe.dienst("D1")
    begin = klok.nu
    doe.deactiveer("D1")
    einde = klok.nu
    doe.activeer("D1")
    weer = klok.nu
    doe.bijwerken()
    with portaal.engine.connect() as connection:
        perioden = {(p.van, p.tot) for p in toegang.dienstperioden(connection, str(doe.afnemer), ["D1"])}
    assert perioden == {(begin, einde), (weer, None)}


def test_valid_machtigingen_of_a_dienst_are_counted(portaal, doe, feed):
    _vastleggen(
        portaal,
        feed,
        _stand(doe.afnemer, "M1"),
        _stand(doe.afnemer, "M2", G2, tot=VAN + timedelta(days=1)),
        _stand(doe.afnemer, "M3", dienst="D2"),
    )
    assert toegang.geldige_machtigingen(portaal, str(doe.afnemer), "D1", VAN + timedelta(hours=1)) == 2
    assert toegang.geldige_machtigingen(portaal, str(doe.afnemer), "D1", VAN + timedelta(days=2)) == 1


def _cli(database_url, command, *args):
    return CliRunner().invoke(command, list(args), env={"DATABASE_URL": database_url})


def test_the_import_command_with_the_feeds_oin(portaal, doe, feed, database_url, tmp_path):
    bestand = tmp_path / "machtigingen.csv"
    bestand.write_text(KOP + "\n" + f"M1;{B};{G};{doe.afnemer};D1;2025-01-01;;\n")
    resultaat = _cli(database_url, machtigingen_cli, "import", str(bestand), "--feed", FEED.waarde)
    assert resultaat.exit_code == 0, resultaat.output
    assert "1 machtigingen vastgelegd" in resultaat.output
    geweigerd = _cli(database_url, machtigingen_cli, "import", str(bestand), "--feed", str(doe.afnemer))
    assert geweigerd.exit_code == 1 and "niet geregistreerd" in geweigerd.output


def test_the_toegang_command_answers_as_the_api(portaal, doe, feed, database_url, klok):
    doe.berichttype("BT1")
    doe.dienst("D1")
    doe.koppel("D1", "BT1")
    _vastleggen(portaal, feed, _stand(doe.afnemer))
    doe.bijwerken()
    args = ["nagaan", "--gemachtigde", G, "--belanghebbende", B, "--afnemer", str(doe.afnemer)]
    resultaat = _cli(
        database_url, toegang_cli, *args, "--berichttype", "BT1", "--op", klok.nu.isoformat(), "--json"
    )
    assert resultaat.exit_code == 0, resultaat.output
    assert json.loads(resultaat.output)["toegang"] is True
    tekst = _cli(database_url, toegang_cli, *args, "--berichttype", "BT1", "--op", VAN.isoformat())
    assert tekst.output.startswith("Toegang: nee.")
    fout = _cli(database_url, toegang_cli, *args, "--berichttype", "BT-1")
    assert fout.exit_code == 1


def test_replay_as_of_verifies_the_machtigingen_and_reports_tampering(portaal, doe, feed, database_url):
    _vastleggen(
        portaal, feed, _stand(doe.afnemer, "M1"), _stand(doe.afnemer, "M2", G2), mt.ingetrokken("M2", VAN)
    )
    moment = (VAN + timedelta(days=1)).isoformat()
    goed = _cli(database_url, replay, "--as-of", moment)
    assert goed.exit_code == 0, goed.output
    assert "volgens de events: 1." in goed.output and "machtigingenprojectie geeft hetzelfde" in goed.output
    with portaal.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE machtigingen SET tot = NULL, einde = NULL WHERE machtiging_id = 'M2'"
        )
    fout = _cli(database_url, replay, "--as-of", moment)
    assert fout.exit_code == 1 and "machtiging M2" in fout.output
    assert B not in fout.output and G2 not in fout.output
