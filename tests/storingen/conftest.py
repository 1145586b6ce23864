"""The fault tests log in with the web tests' PKI and build apps as they do."""

from tests.web.conftest import maak_app, pki, web_pki_basis  # noqa: F401
