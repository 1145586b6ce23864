"""The fault tests log in with the web tests' PKI."""

from tests.web.conftest import pki, web_pki_basis  # noqa: F401
