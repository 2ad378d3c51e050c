"""Importing the two parts of NLTK brief uses, and nothing else.

brief uses NLTK's Punkt sentence tokenizer (with parameters shipped in sentences.py)
and its Porter stemmer; neither reads NLTK data. But `import nltk`, and the package
`__init__` of `nltk.tokenize` and `nltk.stem`, import nearly all of NLTK: corpus
readers, taggers, translation metrics, `scipy.stats` (about 0.85 s on the project's
machine, most of a cold `brief build`'s start; `benchmarks/build_time.py`). So, unless
the process has imported NLTK already, those three packages are registered as bare
package modules (their search path only, their `__init__` not run) before
`nltk.tokenize.punkt` and `nltk.stem.porter` are imported: those two modules then load
with the few modules they import themselves (about 0.06 s). Code that wants the whole
of NLTK in the same process must import it before brief does.

A second reason for care: `import nltk` builds its data downloader, which needs a
folder it could download into, else fails ("Could not find a default download
directory") where the user has no home folder. The bare packages never run it; the
NLTK_DATA fallback below covers a process that imports the whole package anyway.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import types

# The packages whose `__init__` would import the rest of NLTK.
BARE_PACKAGES = ("nltk", "nltk.tokenize", "nltk.stem")


def prepare() -> None:
    """Call before importing anything from nltk."""
    if os.path.expanduser("~/") == "~/" and "NLTK_DATA" not in os.environ:
        os.environ["NLTK_DATA"] = tempfile.gettempdir()
    if "nltk" in sys.modules:
        return  # NLTK is imported already (whole or bare): leave it as it is
    for name in BARE_PACKAGES:
        _register_bare(name)


def _register_bare(name: str) -> None:
    """`name` in sys.modules as a package whose submodules import, its `__init__` unrun."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.submodule_search_locations is None:
        return  # not installed: the import that follows says so
    module = types.ModuleType(name, "NLTK package, registered bare by pipeline.nltk_setup")
    module.__path__ = list(spec.submodule_search_locations)
    module.__spec__ = spec
    module.__file__ = spec.origin
    module.__package__ = name
    sys.modules[name] = module
