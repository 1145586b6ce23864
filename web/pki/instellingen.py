"""Where the trust anchors, intermediates and CRLs live, and which proxies may hand over a certificate."""

import datetime as dt
import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from web.pki import demo_bestanden

Netwerk = ipaddress.IPv4Network | ipaddress.IPv6Network

STANDAARD_HEADER = "X-SSL-Client-Cert"
# The reference asks for CRLs refreshed at least every 4 hours.
MAXIMALE_CRL_VERVERSING = dt.timedelta(hours=4)


@dataclass(frozen=True)
class PkiInstellingen:
    vertrouwensankers: tuple[Path, ...]
    tussencertificaten: tuple[Path, ...] = ()
    crl_bestanden: tuple[Path, ...] = ()
    proxy_netwerken: tuple[Netwerk, ...] = ()
    header: str = STANDAARD_HEADER
    crl_verversing: dt.timedelta = dt.timedelta(hours=1)

    def __post_init__(self) -> None:
        if not dt.timedelta(0) < self.crl_verversing <= MAXIMALE_CRL_VERVERSING:
            raise ValueError("crl_verversing moet groter dan 0 en ten hoogste 4 uur zijn")

    @classmethod
    def uit_omgeving(cls, omgeving: Mapping[str, str] | None = None) -> "PkiInstellingen":
        """Read PORTAAL_PKI_* variables; paths separated by os.pathsep, networks by commas or spaces."""
        env = os.environ if omgeving is None else omgeving
        return cls(
            vertrouwensankers=_paden(env.get("PORTAAL_PKI_TRUST_ANCHORS", "")),
            tussencertificaten=_paden(env.get("PORTAAL_PKI_INTERMEDIATES", "")),
            crl_bestanden=_paden(env.get("PORTAAL_PKI_CRLS", "")),
            proxy_netwerken=netwerken(env.get("PORTAAL_PKI_PROXIES", "")),
            header=env.get("PORTAAL_PKI_HEADER", "") or STANDAARD_HEADER,
            crl_verversing=dt.timedelta(minutes=int(env.get("PORTAAL_PKI_CRL_REFRESH_MINUTES", "60"))),
        )

    @classmethod
    def demo(cls, var_dir: Path) -> "PkiInstellingen":
        """The PKI that `portaal certs init` writes to var_dir/pki; the proxy is the local machine."""
        pki = Path(var_dir) / "pki"
        return cls(
            vertrouwensankers=(pki / demo_bestanden.ROOT_BESTAND,),
            tussencertificaten=(pki / demo_bestanden.TUSSEN_BESTAND,),
            crl_bestanden=(pki / demo_bestanden.CRL_BESTAND,),
            proxy_netwerken=netwerken("127.0.0.1/32,::1/128"),
        )


def _paden(waarde: str) -> tuple[Path, ...]:
    return tuple(Path(deel) for deel in waarde.split(os.pathsep) if deel.strip())


def netwerken(waarde: str) -> tuple[Netwerk, ...]:
    """'10.0.0.5, 192.168.1.0/24 ::1' -> networks; a bare address becomes a network of one."""
    # Commas, not os.pathsep: a colon separates nothing in a list that may hold IPv6 addresses.
    delen = waarde.replace(",", " ").split()
    return tuple(ipaddress.ip_network(deel, strict=True) for deel in delen)
