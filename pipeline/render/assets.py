"""Assets and the URL boundary: nothing is fetched from outside `styles/`.

WeasyPrint resolves every URL of the document through `StylesFetcher`, which
serves files below `styles/` (templates, CSS, fonts), plus the logo and
stylesheet the outline names (those exact files, nothing beside them), and
refuses the rest (network, other files, data: URLs), so a document cannot make
the renderer read the local disk or call out to the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

# The folder holding templates, CSS and fonts; also the PDF's base URL and the
# only place the URL fetcher will read from.
STYLES_DIR = Path(__file__).resolve().parent.parent.parent / "styles"

# Content types for files served to WeasyPrint, by suffix; a fixed table
# rather than `mimetypes`, whose answers depend on the host's configuration.
CONTENT_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}


class URLRefused(ValueError):
    """A URL the renderer will not fetch (outside `styles/`, or not a file)."""


def resolve_styles_url(
    url: str, root: Path = STYLES_DIR, files: Iterable[Path] = ()
) -> Path:
    """Map a file: URL to a regular file inside `root`, or to one of `files`,
    or raise `URLRefused`.

    The path is resolved (following symlinks) before the containment check,
    so neither `..` segments nor a symlink pointing out of `root` can reach
    other files. `files` are allowed one by one, by their resolved path: a
    file beside them is refused.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "file":
        raise URLRefused(f"refusing to fetch {url!r}: only files in styles/ are served")
    if parts.netloc not in ("", "localhost"):
        raise URLRefused(f"refusing to fetch {url!r}: remote file host")
    base = root.resolve()
    try:
        path = Path(url2pathname(unquote(parts.path))).resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise URLRefused(f"refusing to fetch {url!r}: {exc}") from exc
    allowed = {Path(file).resolve() for file in files}
    if not (path.is_relative_to(base) or path in allowed) or not path.is_file():
        raise URLRefused(f"refusing to fetch {url!r}: not a file inside {base}")
    return path


def make_url_fetcher(root: Path = STYLES_DIR, files: Iterable[Path] = ()) -> Any:
    """A WeasyPrint URL fetcher serving only files inside `root`, plus the
    exact `files` given (the outline's logo and stylesheet).

    Every failure is fatal to the render (`fail_on_errors=True`): the only
    URLs in the document are our own stylesheets and fonts and the outline's
    logo and stylesheet, so a failed fetch means a broken install or a user
    file that tries to load something else, and a PDF silently set in
    fallback fonts or missing a part would hide it.
    """
    # Imported here, not at module level: weasyprint takes over half a second
    # to import and the JSON/Markdown/HTML renderers do not need it.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    served = tuple(Path(file).resolve() for file in files)

    class StylesFetcher(URLFetcher):
        """Serves files below `root` and `served`; refuses the network and
        everything else."""

        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            path = resolve_styles_url(url, root, served)
            content_type = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
            return URLFetcherResponse(
                path.as_uri(), path.read_bytes(), {"Content-Type": content_type}
            )

    return StylesFetcher(allowed_protocols=("file",), fail_on_errors=True)
