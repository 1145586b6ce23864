"""A number in the manual's colour, never by colour alone: the colour is a bar beside the number, and the
number carries its meaning in words for anyone hearing it out of its column. Written in Python rather than
as a Jinja macro: an overview page shows a few hundred of them."""

from markupsafe import Markup, escape

WOORDEN = {
    "ontvangen": "ontvangen",
    "verwerkt": "verwerkt",
    "waarschuwing": "verwerkt met waarschuwing",
    "niet_verwerkt": "niet verwerkt",
    "nog_niet": "nog niet verwerkt",
}


def als_getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def getal(n: int, soort: str, link: str | None = None, uitleg: str = "") -> Markup:
    woorden = escape(WOORDEN[soort])
    if link and n:
        binnen = Markup('<a href="{}">{}<span class="visueel-verborgen"> {}{}</span></a>').format(
            link, als_getal(n), woorden, uitleg
        )
    else:
        binnen = Markup('{}<span class="visueel-verborgen"> {}</span>').format(als_getal(n), woorden)
    return Markup('<span class="getal getal--{}">{}</span>').format(soort, binnen)
