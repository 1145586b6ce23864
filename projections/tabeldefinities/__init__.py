"""Each projection's tables, defined per generation (`MetaData`, suffix): `DEFINITIES[projectie]`.

projections.tabellen makes the generations of them; the column types they share are in projections.kolommen.
"""

from projections.tabeldefinities import configuratie, registers, verwerking

DEFINITIES = {
    "organisaties": configuratie.organisaties,
    "berichttypes": configuratie.berichttypes,
    "diensten": configuratie.diensten,
    "koppelingen": configuratie.koppelingen,
    "audit": configuratie.audit,
    "contactberichten": configuratie.contactberichten,
    "batches": verwerking.batches,
    "bezorgde_berichten": verwerking.bezorgde_berichten,
    "gebruikers": registers.gebruikers,
    "machtigingen": registers.machtigingen,
    "dienst_perioden": configuratie.dienst_perioden,
}
