"""Deterministic aggregate ids: creating the same code or Dienst ID twice is a conflict, not a duplicate."""

from uuid import NAMESPACE_URL, UUID, uuid5

from domain.waarden import BerichttypeCode, DienstId, Oin

_NAAMRUIMTE = uuid5(NAMESPACE_URL, "urn:berichtenbox:leveranciersportaal")


def organisatie_id(oin: Oin) -> UUID:
    return uuid5(_NAAMRUIMTE, f"organisatie/{oin.waarde}")


def berichttype_id(afnemer: Oin, code: BerichttypeCode) -> UUID:
    return uuid5(_NAAMRUIMTE, f"berichttype/{afnemer.waarde}/{code.waarde}")


def dienst_id(afnemer: Oin, dienst: DienstId) -> UUID:
    # The Dienst ID goes in unchanged: case and spaces make different diensten.
    return uuid5(_NAAMRUIMTE, f"dienst/{afnemer.waarde}/{dienst.waarde}")


def batch_id(batch_id: str) -> UUID:
    """A BatchID is a GUID the berichtleverancier made; a resend reuses it, so it finds the same batch."""
    return uuid5(_NAAMRUIMTE, f"batch/{batch_id.lower()}")
