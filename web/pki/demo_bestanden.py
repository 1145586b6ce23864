"""The file names of the demo PKI, shared by the generator, the manifest reader and the demo settings."""

ROOT_BESTAND = "test-root.pem"
TUSSEN_BESTAND = "test-tussen.pem"
CRL_BESTAND = "test-tussen.crl.pem"
VREEMDE_ROOT_BESTAND = "vreemde-root-niet-vertrouwd.pem"
CERTIFICATEN_MAP = "certificaten"
MANIFEST_BESTAND = "manifest.json"
P12_WACHTWOORD = "demo"
