"""The load itself, driven by locust (headless, as a library) in a process of its own: locust patches the
standard library for gevent on import, which must not happen to the bench process or to pytest.

Each simulated user is one afnemer's organisation (Gemeente Voorbeeldstad of the demo) doing what it does
all day, with no think time: its people log in with their PKIoverheid certificate and browse the tabs and
create and change berichttypes; its systems deliver small batches and ask access questions with the same
certificate. The certificate reaches the portal as nginx hands it on: URL-escaped PEM in X-SSL-Client-Cert,
from 127.0.0.1 (PORTAAL_PKI_PROXIES).

    python -m scripts.bench.last_locust --host http://127.0.0.1:8080 [--host ...] --pki var/pki \
        --batch template.xml --duur 60 --gebruikers 12

prints one JSON object: totals, percentiles, per request kind, and the errors with their messages.
"""

import argparse
import json
import random
import re
import string
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

# Importing locust patches the standard library for gevent (socket, threading, ...), here and only here.
import gevent
from locust import FastHttpUser, constant, events, task
from locust.env import Environment

AFNEMER = "00000099000000000101"  # Gemeente Voorbeeldstad in the demo PKI and the demo data
BESTAANDE_BERICHTTYPES = ("AANSLAG", "WOZ", "PASPOORT", "KWIJT", "wmo")
PAGINAS = {
    "pagina home": "/",
    "pagina berichttypes": "/berichttypes/",
    "pagina berichttype": "/berichttypes/AANSLAG",
    "pagina diensten": "/diensten/",
    "pagina berichtverwerking": "/berichtverwerking/",
}
COMMANDOS = ("commando berichttype toevoegen", "commando berichttype wijzigen")
API = ("api batch aanleveren", "api toegangsvraag")
SOORTEN = (*PAGINAS, *COMMANDOS, *API)
_TOKEN = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')
_UUID = re.compile(r"<(BatchID|BerichtID)>[0-9a-f-]{36}</")


class Opdracht:
    """What the driver hands every user: the certificate as the proxy sends it, a batch to vary, citizens."""

    pem_header = ""
    batch = ""
    burgers: list[str] = []


def nieuwe_batch(sjabloon: str) -> str:
    """The template batch with a new BatchID and new BerichtIDs: a new delivery, not a resend."""
    batch_id = str(uuid.uuid4())

    def vervang(m: re.Match) -> str:
        return f"<{m.group(1)}>{batch_id if m.group(1) == 'BatchID' else uuid.uuid4()}</"

    return _UUID.sub(vervang, sjabloon)


class Afnemer(FastHttpUser):
    abstract = True
    wait_time = constant(0)
    network_timeout = connection_timeout = 120.0

    def on_start(self) -> None:
        self.kop = {"X-SSL-Client-Cert": Opdracht.pem_header}
        self.eigen: list[str] = []
        token = self._token("/inloggen/", "inloggen formulier")
        with self.client.post(
            "/inloggen/certificaat",
            data={"csrf_token": token},
            headers=self.kop,
            allow_redirects=False,
            name="inloggen",
            catch_response=True,
        ) as antwoord:
            if antwoord.status_code != 302:
                antwoord.failure(f"inloggen: status {antwoord.status_code}")
        # Flask-WTF's token belongs to the session, so one serves every form of this login.
        self.token = self._token("/berichttypes/toevoegen", "inloggen formulier")

    def _token(self, pad: str, naam: str) -> str:
        with self.client.get(pad, name=naam, catch_response=True) as antwoord:
            gevonden = _TOKEN.search(antwoord.text or "")
            if antwoord.status_code != 200 or gevonden is None:
                antwoord.failure(f"{pad}: status {antwoord.status_code}, geen CSRF-token")
                return ""
            return gevonden.group(1)

    def _verwacht(self, antwoord, status: int) -> bool:
        naar = antwoord.headers.get("Location") or ""
        if antwoord.status_code != status:
            tekst = (antwoord.text or "")[:200]
            antwoord.failure(f"status {antwoord.status_code}, verwacht {status}: {tekst}")
            return False
        if "/inloggen" in naar:  # a command the portal did not take: the session is gone
            antwoord.failure(f"doorgestuurd naar {naar}")
            return False
        antwoord.success()
        return True

    @task(12)
    def bladeren(self) -> None:
        naam = random.choice(tuple(PAGINAS))
        # Not following redirects: a page that sends the user back to the login is an error, not a 200.
        with self.client.get(
            PAGINAS[naam], name=naam, allow_redirects=False, catch_response=True
        ) as antwoord:
            self._verwacht(antwoord, 200)

    @task(2)
    def berichttype_toevoegen(self) -> None:
        code = "L" + "".join(random.choices(string.ascii_uppercase + string.digits, k=7))
        velden = {
            "csrf_token": self.token,
            "code": code,
            "omschrijving": "Aanslag parkeren",
            "notificatiekenmerk": "Betalen",
        }
        with self.client.post(
            "/berichttypes/toevoegen",
            data=velden,
            allow_redirects=False,
            name=COMMANDOS[0],
            catch_response=True,
        ) as antwoord:
            if self._verwacht(antwoord, 302):
                self.eigen.append(code)

    @task(2)
    def berichttype_wijzigen(self) -> None:
        if not self.eigen:
            return self.berichttype_toevoegen()
        code = random.choice(self.eigen)
        velden = {
            "csrf_token": self.token,
            "omschrijving": f"Aanslag parkeren {random.randrange(10**6)}",
            "notificatiekenmerk": random.choice(["Betalen", "Informatie krijgen"]),
            "status": "Nieuw",
        }
        with self.client.post(
            f"/berichttypes/{code}/wijzigen",
            data=velden,
            allow_redirects=False,
            name=COMMANDOS[1],
            catch_response=True,
        ) as antwoord:
            self._verwacht(antwoord, 302)
        return None

    @task(2)
    def batch_aanleveren(self) -> None:
        with self.client.post(
            "/api/v1/batches",
            data=nieuwe_batch(Opdracht.batch).encode(),
            headers={**self.kop, "Content-Type": "application/xml"},
            name=API[0],
            catch_response=True,
        ) as antwoord:
            self._verwacht(antwoord, 202)

    @task(3)
    def toegangsvraag(self) -> None:
        gemachtigde, belanghebbende = random.sample(Opdracht.burgers, 2)
        vraag = {
            "gemachtigde": gemachtigde,
            "belanghebbende": belanghebbende,
            "afnemer": AFNEMER,
            "berichttype": random.choice(BESTAANDE_BERICHTTYPES),
        }
        with self.client.post(
            "/api/v1/toegang", json=vraag, headers=self.kop, name=API[1], catch_response=True
        ) as antwoord:
            self._verwacht(antwoord, 200)


def _gebruikers(hosts: list[str]) -> list[type]:
    """One user class per web process, equal weights: the users are spread over them as a proxy with
    sticky sessions spreads browsers."""
    return [
        type(f"Afnemer{n}", (Afnemer,), {"host": host, "abstract": False}) for n, host in enumerate(hosts)
    ]


def _uitslag(stats, duur: float) -> dict:
    totaal = stats.total
    per_soort = {
        naam: {
            "aantal": e.num_requests,
            "fouten": e.num_failures,
            "p50_ms": e.get_response_time_percentile(0.5),
            "p95_ms": e.get_response_time_percentile(0.95),
            "p99_ms": e.get_response_time_percentile(0.99),
        }
        for (naam, _), e in stats.entries.items()
    }
    return {
        "duur_s": duur,
        "verzoeken": totaal.num_requests,
        "fouten": totaal.num_failures,
        "per_s": totaal.num_requests / duur,
        "p50_ms": totaal.get_response_time_percentile(0.5),
        "p95_ms": totaal.get_response_time_percentile(0.95),
        "p99_ms": totaal.get_response_time_percentile(0.99),
        "per_soort": per_soort,
        "foutmeldingen": [
            {"soort": f.name, "melding": str(f.error)[:500], "aantal": f.occurrences}
            for f in stats.errors.values()
        ],
    }


def draai(hosts: list[str], gebruikers: int, opwarmen: float, duur: float) -> dict:
    """Start the users, let them warm up (logins, first pages), then count for `duur` seconds."""
    omgeving = Environment(user_classes=_gebruikers(hosts), events=events)
    runner = omgeving.create_local_runner()
    runner.start(gebruikers, spawn_rate=gebruikers)
    gevent.sleep(opwarmen)
    omgeving.stats.reset_all()
    gevent.sleep(duur)
    runner.quit()
    return _uitslag(omgeving.stats, duur)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", action="append", required=True)
    parser.add_argument("--pki", type=Path, required=True, help="de demo-PKI (portaal certs init)")
    parser.add_argument(
        "--batch", type=Path, required=True, help="de batch die steeds opnieuw wordt gevarieerd"
    )
    parser.add_argument(
        "--burgers", type=Path, required=True, help="BSN's voor de toegangsvragen, één per regel"
    )
    parser.add_argument("--duur", type=float, default=60.0)
    parser.add_argument("--opwarmen", type=float, default=5.0)
    parser.add_argument("--gebruikers", type=int, default=12)
    args = parser.parse_args(argv)
    from web.pki.demo_certificaten import demo_certificaten, lees_demo_certificaat_pem

    certificaat = next(
        c for c in demo_certificaten(args.pki) if c.oin == AFNEMER and c.verwachte_uitkomst == "geaccepteerd"
    )
    Opdracht.pem_header = quote(lees_demo_certificaat_pem(args.pki, certificaat.id))
    Opdracht.batch = args.batch.read_text(encoding="utf-8")
    Opdracht.burgers = args.burgers.read_text(encoding="utf-8").split()
    uitslag = draai(args.host, args.gebruikers, args.opwarmen, args.duur)
    sys.stdout.write(json.dumps(uitslag) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
