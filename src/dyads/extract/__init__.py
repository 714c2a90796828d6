"""Extraction stages, each a plain function over a parsed spaCy Doc.

actors (entities, people, actors) -> timex (dates) -> quotes (speakers) -> events (CAMEO coding);
kb, codebook, syntax and geo are the lookup tables and tree queries they share.
"""
