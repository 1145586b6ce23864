"""The shape of the MijnOverheid feed's JSON (web/api/gebruikers.py), for the OpenAPI document."""

from pydantic import BaseModel, ConfigDict, Field

BSN_PAD = {
    "type": "string",
    "description": "Het BSN van de burger (9 cijfers, elfproef).",
    "examples": ["123456782"],
}
OIN_PAD = {
    "type": "string",
    "description": "Het OIN van de afnemer (20 cijfers).",
    "examples": ["00000099000000000101"],
}


class Berichtenboxperiode(BaseModel):
    model_config = ConfigDict(title="Berichtenboxperiode", extra="forbid")

    actief_van: str = Field(
        description="Vanaf wanneer de Berichtenbox actief is (ISO 8601).", examples=["2026-01-01T00:00:00Z"]
    )
    actief_tot: str | None = Field(
        None, description="Tot wanneer (ISO 8601); null of weggelaten: nog actief.", examples=[None]
    )
