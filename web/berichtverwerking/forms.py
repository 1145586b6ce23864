"""The colours whose numbers open their reasons (manual chapter 7), in the words the pages use."""

KLEUREN = {"rood": "Niet verwerkt", "oranje": "Verwerkt met waarschuwing"}
