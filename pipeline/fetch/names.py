"""File names for fetched pages: from the page's address, safe, and unique in the folder.

`example.com/news/2025/06/talks-resume.html?page=2` becomes
`example.com-news-2025-06-talks-resume-page-2.html`: the host (without `www.`, with a
port if the address names one), then the path and query, lowercased, every run of
anything but ASCII letters and digits turned into one `-` (percent-escapes decoded
and accents dropped first, so `caf%C3%A9` gives `cafe`; `..` and `/` cannot survive).
The same address always gives the same name; a name already taken in the folder (by
another file, or by another address in sources.yaml) gets `-2`, `-3`, ...
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import urllib.parse
from collections.abc import Collection

# Long enough to tell articles apart by their slug, short enough to read in a listing,
# and far under the 255-byte name limit of common file systems with `-N` and a suffix.
MAX_STEM_CHARS = 100
# Hex digits of the address's SHA-256 that end a name cut to MAX_STEM_CHARS, so two
# long addresses that share their first 100 characters still get different names.
HASH_CHARS = 10
# A page's own suffix at the end of its path says nothing about what it holds.
WEB_SUFFIXES = re.compile(r"\.(?:s?html?|php|aspx?|jspx?|cfm)$", re.IGNORECASE)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _ascii(text: str) -> str:
    """Accents dropped (é -> e), other non-ASCII characters removed, lowercased."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def _slug(text: str) -> str:
    return _NOT_SLUG.sub("-", _ascii(urllib.parse.unquote(text))).strip("-")


def stem_for(url: str) -> str:
    """The name, without suffix, for the page at `url` (see the module docstring)."""
    parts = urllib.parse.urlsplit(url)
    labels = (_NOT_SLUG.sub("-", label).strip("-")
              for label in _ascii(parts.hostname or "").split("."))
    host = ".".join(label for label in labels if label).removeprefix("www.")
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None:
        host = f"{host}-{port}"
    path = WEB_SUFFIXES.sub("", parts.path)
    words = [w for w in (host, _slug(path), _slug(parts.query)) if w]
    stem = "-".join(words) or "page"
    if len(stem) > MAX_STEM_CHARS:
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:HASH_CHARS]
        stem = f"{stem[:MAX_STEM_CHARS - HASH_CHARS - 1].rstrip('.-')}-{digest}"
    return stem


def unique_name(stem: str, suffix: str, taken: Collection[str]) -> str:
    """`stem + suffix`, or the first of `stem-2 + suffix`, `stem-3 + suffix`, ... that
    is not in `taken` (compared lowercased: a folder on a case-insensitive disk holds
    `Page.html` and `page.html` as one file)."""
    used = {name.lower() for name in taken}
    name, n = f"{stem}{suffix}", 1
    while name.lower() in used:
        n += 1
        name = f"{stem}-{n}{suffix}"
    return name
