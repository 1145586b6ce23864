"""The stand-in page has no forms; this module exists so every blueprint package has the same shape."""
