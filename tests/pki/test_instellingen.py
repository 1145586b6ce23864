import datetime as dt
import ipaddress
import os
from pathlib import Path

import pytest

from web.pki.instellingen import PkiInstellingen
from web.pki.weigering import nederlandse_datum


def test_settings_are_read_from_the_environment():
    instellingen = PkiInstellingen.uit_omgeving(
        {
            "PORTAAL_PKI_TRUST_ANCHORS": os.pathsep.join(["/etc/pki/g1.pem", "/etc/pki/ev.pem"]),
            "PORTAAL_PKI_INTERMEDIATES": "/etc/pki/tussen.pem",
            "PORTAAL_PKI_CRLS": os.pathsep.join(["/var/crl/a.crl", "/var/crl/b.crl"]),
            "PORTAAL_PKI_PROXIES": "10.0.0.5, 192.168.10.0/24 fd00::/8",
            "PORTAAL_PKI_HEADER": "X-Client-Cert",
            "PORTAAL_PKI_CRL_REFRESH_MINUTES": "30",
        }
    )
    assert instellingen.vertrouwensankers == (Path("/etc/pki/g1.pem"), Path("/etc/pki/ev.pem"))
    assert instellingen.tussencertificaten == (Path("/etc/pki/tussen.pem"),)
    assert len(instellingen.crl_bestanden) == 2
    assert ipaddress.ip_address("192.168.10.77") in instellingen.proxy_netwerken[1]
    assert instellingen.proxy_netwerken[0].num_addresses == 1
    assert instellingen.header == "X-Client-Cert"
    assert instellingen.crl_verversing == dt.timedelta(minutes=30)


def test_empty_environment_trusts_no_proxy_and_uses_the_default_header():
    instellingen = PkiInstellingen.uit_omgeving({})
    assert instellingen.proxy_netwerken == ()
    assert instellingen.vertrouwensankers == ()
    assert instellingen.header == "X-SSL-Client-Cert"
    assert instellingen.crl_verversing <= dt.timedelta(hours=4)


@pytest.mark.parametrize("minuten", ["241", "0"])
def test_crl_refresh_interval_must_be_at_most_four_hours(minuten):
    with pytest.raises(ValueError, match="4 uur"):
        PkiInstellingen.uit_omgeving({"PORTAAL_PKI_CRL_REFRESH_MINUTES": minuten})


def test_demo_settings_point_at_the_demo_pki(tmp_path):
    instellingen = PkiInstellingen.demo(tmp_path)
    assert all(pad.parent == tmp_path / "pki" for pad in instellingen.vertrouwensankers)
    assert instellingen.crl_bestanden and instellingen.tussencertificaten


@pytest.mark.parametrize(
    ("moment", "tekst"),
    [
        (dt.datetime(2026, 3, 3, 10, 0, tzinfo=dt.UTC), "3 maart 2026"),
        (dt.datetime(2026, 3, 2, 23, 30, tzinfo=dt.UTC), "3 maart 2026"),
        (dt.datetime(2026, 12, 31, 22, 59, tzinfo=dt.UTC), "31 december 2026"),
    ],
)
def test_dates_in_messages_are_dutch_and_fall_in_dutch_time(moment, tekst):
    assert nederlandse_datum(moment) == tekst
