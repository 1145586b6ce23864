"""The koppelvlak: the XML in which berichtleveranciers deliver batches and receive the processing report.

Reading (`koppelvlak.lezen`), writing (`koppelvlak.schrijven`), the report (`koppelvlak.verslag`) and example
batches (`koppelvlak.voorbeeld`). Depends on `domain` only; the XSDs ship beside the code.
"""
