"""Importing NLTK where the user has no home folder.

`import nltk` builds its data downloader, which needs a folder it could download into:
a writable entry of its data path, else `~/nltk_data`. A container user with no home
folder has neither, and the import fails ("Could not find a default download
directory") although brief downloads nothing and reads no NLTK data (Punkt's
parameters ship in sentences.py, the Porter stemmer needs none). There, and only there,
NLTK_DATA is pointed at the temporary folder before the import.
"""

from __future__ import annotations

import os
import tempfile


def prepare() -> None:
    """Call before importing anything from nltk."""
    if os.path.expanduser("~/") == "~/" and "NLTK_DATA" not in os.environ:
        os.environ["NLTK_DATA"] = tempfile.gettempdir()
