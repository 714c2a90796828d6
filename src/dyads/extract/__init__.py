"""Extraction stages, each a plain function over a parsed spaCy Doc.

actors (entities, people, actors) -> timex (dates) -> quotes (speakers) -> events (CAMEO coding);
kb, codebook, syntax and geo are the lookup tables and tree queries they share.

The package is also the library's entry point: ``dyads.extract(inputs, ...)`` calls
``dyads.pipeline.extract``. One name for both keeps ``import dyads.extract.events`` working
(a plain function named ``extract`` on the ``dyads`` package would hide the subpackage).
"""

from __future__ import annotations

import sys
import types


class _CallableStages(types.ModuleType):
    def __call__(self, inputs, *args, **kwargs):
        """Extract Documents from inputs: see ``dyads.pipeline.extract``."""
        from dyads.pipeline import extract

        return extract(inputs, *args, **kwargs)


sys.modules[__name__].__class__ = _CallableStages
