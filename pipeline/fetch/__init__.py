"""Fetch: web pages and the entries of RSS/Atom feeds -> `.html` files of a corpus
folder, each with its entry in the folder's sources.yaml (`brief fetch`).

The only part of `brief` that touches the network, and only when asked. The steps:

1. download.py: one URL, http or https only (every redirect target too), at most
   MAX_REDIRECTS hops, with connect and read timeouts, an overall time limit and a
   size limit counted as the bytes arrive, an honest user agent; the bytes served are
   kept as they are (no JavaScript, nothing the page refers to is requested);
2. content.py: what the answer is: an HTML page, a PDF, a feed (RSS 0.9x/1.0/2.0 or
   Atom, by its media type or XML root, parsed with defusedxml) and its entries;
3. names.py: a safe file name from the page's final URL, unique in the folder;
4. sources.py: the folder's sources.yaml, appended to as text (comments kept);
5. batch.py: `fetch_into` runs them over a list of URLs, writing each page with its
   entry together (`publish`), and returns what became of each URL.
"""

from .batch import MAX_FEED_ENTRIES, Fetched, FetchOptions, fetch_into
from .download import user_agent

__all__ = ["MAX_FEED_ENTRIES", "FetchOptions", "Fetched", "fetch_into", "user_agent"]
