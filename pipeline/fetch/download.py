"""Downloading one URL: http and https only, bounded in time, size and redirects.

`download` asks for a URL with an honest user agent and returns the bytes the server
sent, with the final URL and the media type, or raises `FetchFailed` with a one-line
reason. Only the URL itself is requested: nothing it refers to (images, scripts,
frames), and nothing is run (no JavaScript).

The opener is built from urllib's parts without the handlers for `file:`, `ftp:` and
`data:` URLs, and without urllib's redirect handler (which would follow a redirect to
`ftp:`): redirects are followed here, in a loop that checks the scheme of every target
and counts the hops. Proxies named in the environment (`https_proxy`, `no_proxy`) are
used as every command-line HTTP client uses them.
"""

from __future__ import annotations

import functools
import http.client
import logging
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from http.cookiejar import CookieJar

log = logging.getLogger("brief")

SCHEMES = ("http", "https")
# Plenty for a server that is up: a TCP and TLS handshake takes well under a second
# even across the world; a host that has not answered in 10 s is down or filtered, and
# a batch of URLs should not wait on it longer than that.
CONNECT_TIMEOUT_SECONDS = 10.0
# The longest wait for the next bytes of an answer once connected (socket timeout of
# each read): generous for a slow server building a page, short enough that a stalled
# one is given up on within a minute.
READ_TIMEOUT_SECONDS = 30.0
# The longest a whole answer may take, redirects included: a server dripping a byte
# just within every read timeout must not hold the run for ever. 20 MiB at a slow
# 200 KB/s takes 100 s.
TOTAL_SECONDS = 120.0
# The largest answer kept, counted as the bytes arrive (after decompression). News
# pages with their inline scripts and state are 0.1 to 3 MB; report PDFs a few MB.
MAX_RESPONSE_BYTES = 20 * 1024 * 1024
# The HTTP convention browsers and curl follow: a few hops for http -> https,
# www. and a trailing slash; longer chains are loops or traps.
MAX_REDIRECTS = 5
# Servers commonly refuse request lines over 8 KB; a longer URL is no page address.
MAX_URL_CHARS = 8192
# Bytes asked of the socket at a time while reading an answer.
CHUNK_BYTES = 64 * 1024
REDIRECT_CODES = (301, 302, 303, 307, 308)
# Saying what we take helps servers that negotiate (a feed URL that would otherwise
# send an HTML landing page); "identity": bytes as stored, nothing to decompress.
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/xml;q=0.9,text/xml;q=0.9,application/pdf;q=0.8,*/*;q=0.1")
# RFC 9110 10.1.5: the product and its version, and a comment saying what it is.
USER_AGENT = ("brief/{version} (+a command-line tool that turns news articles into cited "
              "briefings; it fetches only the pages its user names, without JavaScript)")


def user_agent(version: str) -> str:
    """The User-Agent header of `brief` at `version`."""
    return USER_AGENT.format(version=version)


@dataclass(frozen=True)
class Response:
    """What a server sent for a URL."""

    url: str  # as asked for (checked_url)
    final_url: str  # after redirects
    content_type: str  # the media type, lowercase, no parameters ("text/html"); "" if none
    body: bytes  # decompressed when the server compressed it anyway


class FetchFailed(Exception):
    """A URL that gave nothing; the message is the reason, one line."""


def checked_url(url: str) -> str:
    """`url` as it will be requested: http or https with a host, non-ASCII characters
    percent-encoded, the fragment dropped (it names a place in the page, not another
    page). Raises FetchFailed for anything else: `file:`, `ftp:`, `data:`,
    `javascript:`, a relative or malformed address."""
    if any(ch <= " " or ch == "\x7f" for ch in url):
        raise FetchFailed("not a URL (it holds spaces or control characters)")
    if len(url) > MAX_URL_CHARS:
        raise FetchFailed(f"URL longer than {MAX_URL_CHARS:,} characters")
    try:
        parts = urllib.parse.urlsplit(url)
        _port = parts.port  # raises ValueError for a port that is not a number
    except ValueError as exc:
        raise FetchFailed(f"not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        what = f"{scheme}: URLs are refused" if scheme else "not an absolute URL"
        raise FetchFailed(f"{what}; only http and https are fetched")
    if not parts.hostname:
        raise FetchFailed("no host in the URL")
    if "@" in parts.netloc:  # it would also be written into sources.yaml
        raise FetchFailed("a user name or password in the URL; brief fetch sends none")
    # an address with non-ASCII characters (an IRI) is sent as UTF-8 escapes; the host
    # is encoded by the connection (IDNA)
    safe = "!#$%&'()*+,/:;=?@[]~"
    path = urllib.parse.quote(parts.path, safe=safe)
    query = urllib.parse.quote(parts.query, safe=safe)
    return urllib.parse.urlunsplit((scheme, parts.netloc, path or "/", query, ""))


# ------------------------------------------------------------------ connections


class _Connection(http.client.HTTPConnection):
    """Connects within the connect timeout, then waits at most READ_TIMEOUT_SECONDS
    for each read (urllib gives a connection one timeout for both)."""

    def connect(self) -> None:
        super().connect()
        self.sock.settimeout(READ_TIMEOUT_SECONDS)


class _TLSConnection(http.client.HTTPSConnection):
    """As _Connection; the TLS handshake is part of connecting."""

    def connect(self) -> None:
        super().connect()
        self.sock.settimeout(READ_TIMEOUT_SECONDS)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_Connection, req)


@functools.cache
def _tls() -> ssl.SSLContext:
    """Certificates checked against the system's authorities, host names matched; made
    once (loading the authorities takes about 50 ms)."""
    return ssl.create_default_context()


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_TLSConnection, req, context=_tls())


def _opener() -> urllib.request.OpenerDirector:
    """http and https (through the environment's proxy, if any), cookies kept for the
    hops of one download (some sites set one, then redirect), and nothing else: no
    other scheme, no redirect handler, no error processor (the status is read here)."""
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), _HTTPHandler(),
                    _HTTPSHandler(),
                    urllib.request.HTTPCookieProcessor(CookieJar()),
                    urllib.request.UnknownHandler()):
        opener.add_handler(handler)
    return opener


# ------------------------------------------------------------------ downloading


def download(url: str, agent: str) -> Response:
    """The answer to a GET of `url` (see the module docstring), or FetchFailed."""
    asked = checked_url(url)
    deadline = time.monotonic() + TOTAL_SECONDS
    opener = _opener()
    current = asked
    for _hop in range(MAX_REDIRECTS + 1):
        response = _open(opener, current, agent)
        with response:
            status = response.status
            if status in REDIRECT_CODES:
                target = _redirect_target(current, response)
                log.debug("%s: HTTP %d, redirected to %s", current, status, target)
                current = target
                continue
            if not 200 <= status < 300:
                raise FetchFailed(f"HTTP {status} {response.reason}".strip())
            body = _read(response, deadline)
            body = _decoded(body, response.headers.get("Content-Encoding", ""))
            media = response.headers.get_content_type() \
                if response.headers.get("Content-Type") else ""
            return Response(url=asked, final_url=current, content_type=media, body=body)
    raise FetchFailed(f"more than {MAX_REDIRECTS} redirects")


def _open(opener: urllib.request.OpenerDirector, url: str,
          agent: str) -> http.client.HTTPResponse:
    request = urllib.request.Request(url, headers={
        "User-Agent": agent, "Accept": ACCEPT, "Accept-Encoding": "identity"})
    try:
        return opener.open(request, timeout=CONNECT_TIMEOUT_SECONDS)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise FetchFailed(_reason(exc)) from None


def _redirect_target(current: str, response: http.client.HTTPResponse) -> str:
    location = response.headers.get("Location")
    if not location:
        raise FetchFailed(f"HTTP {response.status} redirect without a Location")
    target = urllib.parse.urljoin(current, location.strip())
    try:
        return checked_url(target)
    except FetchFailed as exc:
        raise FetchFailed(f"redirected to {target}: {exc}") from None


def _read(response: http.client.HTTPResponse, deadline: float) -> bytes:
    """The body, counted as it arrives: over MAX_RESPONSE_BYTES (declared or sent) or
    past the deadline, reading stops and FetchFailed says why."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
        raise FetchFailed(f"{int(declared):,} bytes, more than the limit of "
                          f"{MAX_RESPONSE_BYTES:,}")
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := response.read1(CHUNK_BYTES):
            size += len(chunk)
            if size > MAX_RESPONSE_BYTES:
                raise FetchFailed(f"more than the limit of {MAX_RESPONSE_BYTES:,} bytes")
            if time.monotonic() > deadline:
                raise FetchFailed(f"still sending after {TOTAL_SECONDS:g} s "
                                  f"({size:,} bytes)")
            chunks.append(chunk)
    except TimeoutError:
        raise FetchFailed(f"timed out: no data for {READ_TIMEOUT_SECONDS:g} s "
                          f"after {size:,} bytes") from None
    except (OSError, http.client.HTTPException) as exc:
        raise FetchFailed(_reason(exc)) from None
    return b"".join(chunks)


def _decoded(body: bytes, encoding: str) -> bytes:
    """The body as stored: we ask for no compression, but some servers compress
    anyway; gzip and deflate are undone within MAX_RESPONSE_BYTES (a small
    compressed answer may hold gigabytes)."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchFailed(f"compressed as {encoding}, which brief does not read")
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 32)  # | 32: gzip or zlib header
    try:
        data = inflater.decompress(body, MAX_RESPONSE_BYTES + 1)
    except zlib.error as exc:
        raise FetchFailed(f"damaged {encoding} data ({exc})") from None
    if len(data) > MAX_RESPONSE_BYTES:
        raise FetchFailed(f"more than the limit of {MAX_RESPONSE_BYTES:,} bytes "
                          "once decompressed")
    return data


def _reason(exc: BaseException) -> str:
    """Why a request failed, in a few words."""
    if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, BaseException):
        exc = exc.reason
    if isinstance(exc, TimeoutError):
        return (f"timed out: no connection within {CONNECT_TIMEOUT_SECONDS:g} s or no "
                f"answer within {READ_TIMEOUT_SECONDS:g} s")
    if isinstance(exc, socket.gaierror):
        return f"host not found ({exc.strerror or exc})"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"TLS certificate not accepted ({exc.verify_message or exc})"
    if isinstance(exc, http.client.RemoteDisconnected):
        return "the server closed the connection without an answer"
    if isinstance(exc, http.client.IncompleteRead):
        return f"the connection closed early ({len(exc.partial):,} bytes received)"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    return str(exc) or type(exc).__name__
