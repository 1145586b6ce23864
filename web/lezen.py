"""The way out for a view: the read gateway of this app's composition root."""

from flask import current_app

from service_layer.lezen import Lezen


def lezen() -> Lezen:
    return current_app.extensions["samenstelling"].lezen
