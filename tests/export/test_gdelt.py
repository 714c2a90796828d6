from __future__ import annotations

import io

from dyads.export import GDELT_COLUMNS, export_gdelt


def test_gdelt_61_columns_in_documented_order(store, tmp_path):
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:8] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
                                 "Actor1Code", "Actor1Name", "Actor1CountryCode"]
    assert GDELT_COLUMNS[25:35] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    assert GDELT_COLUMNS[-2:] == ["DATEADDED", "SOURCEURL"]
    path = tmp_path / "events.tsv"
    assert export_gdelt(store, path) == 5  # the negated event is left out
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and all(len(line.split("\t")) == 61 for line in lines)


def test_gdelt_values(store):
    out = io.StringIO()
    export_gdelt(store, out)
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in out.getvalue().splitlines()]
    expel = next(r for r in rows if r["EventCode"] == "174")
    assert expel["SQLDATE"] == "20211006" and expel["MonthYear"] == "202110" and expel["Year"] == "2021"
    assert expel["Actor1Code"] == "IGOWSTNAT" and expel["Actor2Code"] == "RUSGOV"
    assert expel["Actor2CountryCode"] == "RUS" and expel["Actor1CountryCode"] == ""
    assert (expel["NumMentions"], expel["NumSources"], expel["NumArticles"]) == ("2", "2", "2")
    assert expel["EventRootCode"] == "17" and expel["QuadClass"] == "4" and float(expel["GoldsteinScale"]) == -5.0
    assert expel["ActionGeo_FullName"] == "Bruxelles" and float(expel["ActionGeo_Lat"]) == 50.85
    assert expel["SOURCEURL"] == "https://alpha.example/otan-russie" and len(expel["DATEADDED"]) == 14
    assert int(expel["GLOBALEVENTID"]) > 0
    november = next(r for r in rows if r["EventCode"] == "161" and r["Actor1Code"] == "RUSGOV")
    assert november["SQLDATE"] == "20211101"  # month precision: first day of the month
