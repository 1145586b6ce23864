"""Client certificates from PKIoverheid: the hand-over by the proxy, verification and the demo PKI.

Nothing here knows Flask; the login view calls `Certificaatverificatie` and maps the OIN to an organisation.
"""
