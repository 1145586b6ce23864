"""Uploads held in memory only: the Bijlage validatie promises that files are never stored.

Werkzeug's form parser writes every uploaded file larger than 500 kB to a temporary file on disk (its
`default_stream_factory` uses a SpooledTemporaryFile). For the blueprints that receive PDFs we replace the
request's stream factory with one that returns a BytesIO, so the bytes stay in this process's memory and
are gone with the request, also when validation fails. The request size limit (MAX_CONTENT_LENGTH) bounds
what that memory can be.

It must happen before anything reads the form, and the CSRF check (an app-level `before_request`) does.
Flask runs URL value preprocessors, of the app and of the blueprint, before any `before_request`, so the
hook is installed as one of those.
"""

from io import BytesIO

from flask import Blueprint, request


def _in_geheugen(
    total_content_length: int | None,
    content_type: str | None,
    filename: str | None,
    content_length: int | None = None,
) -> BytesIO:
    return BytesIO()


def _zet_stroomfabriek(endpoint: str | None, waarden: dict | None) -> None:
    # An instance attribute wins over the method of the Request class that `make_form_data_parser` uses.
    request._get_file_stream = _in_geheugen  # type: ignore[method-assign]


def houd_uploads_in_geheugen(bp: Blueprint) -> None:
    bp.url_value_preprocessor(_zet_stroomfabriek)
