"""The beheerder's list of contactberichten, newest first."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from projections.queries import Pagina
from projections.tabellen import live


@dataclass(frozen=True)
class ContactberichtRegel:
    verstuurd_op: datetime
    afzender_oin: str
    namens: str
    onderwerp: str
    bericht: str
    email: str


def contactberichten(bron, pagina: int = 1, per_pagina: int = 50) -> Pagina[ContactberichtRegel]:
    tabel = live("contactberichten")["contactberichten"]
    kolommen = [getattr(tabel.c, veld) for veld in ContactberichtRegel.__dataclass_fields__]
    query = select(*kolommen).order_by(tabel.c.verstuurd_op.desc(), tabel.c.contactbericht_uuid)
    with bron.engine.connect() as verbinding:
        totaal = verbinding.scalar(select(func.count()).select_from(tabel))
        rijen = verbinding.execute(query.limit(per_pagina).offset((max(pagina, 1) - 1) * per_pagina))
        regels = [ContactberichtRegel(*rij) for rij in rijen]
    return Pagina(regels, max(pagina, 1), per_pagina, totaal)
