"""Offline language identification: text -> ISO 639-1 code.

Input: an article's normalised text (or any string).
Output: a two-letter ISO 639-1 code among LIKELY_LANGUAGES, or "" when undecided.
Guarantees: no network; the lingua detector is built once per process, on first use, and only
knows the likely news languages (fewer candidates: faster and fewer confusions); a code given
by the input is normalised ("fr-FR" -> "fr"), never replaced.
"""

from __future__ import annotations

import functools
import re

from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

LIKELY_LANGUAGES = ("fr", "en", "de", "es", "it", "pt", "nl", "ru", "ar", "uk", "pl")
_SAMPLE_CHARS = 3000


@functools.cache
def _detector() -> LanguageDetector:
    codes = [getattr(IsoCode639_1, code.upper()) for code in LIKELY_LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect_language(text: str) -> str:
    """Detect the language of a text.

    Args:
        text: the text; only its first 3,000 characters are used.

    Returns:
        The ISO 639-1 code, or "" when the text has no letters or lingua cannot decide.
    """
    sample = text[:_SAMPLE_CHARS]
    if not re.search(r"[^\W\d_]{2}", sample):
        return ""
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else ""


def normalize_language(code: str | None) -> str:
    """Reduce a language tag to its primary ISO 639 subtag: "fr-FR" -> "fr", "EN_us" -> "en"."""
    primary = re.split(r"[-_]", (code or "").strip(), maxsplit=1)[0].lower()
    return primary if primary.isalpha() and len(primary) in (2, 3) else ""
