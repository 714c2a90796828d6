"""The public API: __all__ is sorted and complete, and the documented entry points work."""

import dyads


def test_public_api_all_sorted_and_importable():
    assert dyads.__all__ == sorted(dyads.__all__)
    for name in dyads.__all__:
        assert getattr(dyads, name) is not None, name


def test_public_api_info_lists_languages_and_data():
    data = dyads.info()
    assert {"fr", "en"} <= set(data["languages"])
    fr = data["languages"]["fr"]
    assert fr["model"] == "fr_core_news_md"
    assert fr["triggers"] > 300 and fr["actor_terms"] > 1000 and fr["roles"] > 100
    assert data["settings"]["include_unasserted"] is False


def test_public_api_extract_unsupported_language_keeps_metadata():
    article = dyads.Article(id="de-1", text="Die Regierung hat heute beschlossen.", language="de",
                            title="Titel")
    (document,) = list(dyads.extract([article]))
    assert document.title == "Titel" and document.language == "de"
    assert document.events == [] and "not supported yet" in document.notes[0]


def test_public_api_extract_is_callable_and_its_stages_importable():
    """dyads.extract(...) is the entry point and dyads.extract.* are the stage modules."""
    import dyads.extract.quotes as quotes_stage

    assert callable(dyads.extract)
    assert quotes_stage.__name__ == "dyads.extract.quotes"
    assert dyads.extract.events.__name__ == "dyads.extract.events"
