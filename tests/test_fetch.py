"""brief fetch: pages and feed entries into a corpus folder.

Only against a local HTTP server on 127.0.0.1 (a thread of this process), never the
internet. Limits and timeouts are patched small where a test needs them.
"""

from __future__ import annotations

import gzip
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipeline.fetch import FetchOptions, fetch_into
from pipeline.fetch import download as download_module
from pipeline.fetch.content import iso_date
from pipeline.fetch.names import MAX_STEM_CHARS, stem_for, unique_name
from pipeline.ingest import load_metadata

from .conftest import run_cli

PAGE = (b"<!DOCTYPE html><html><head><title>Talks resume</title>"
        b"<script src='/script.js'></script><link rel=stylesheet href='/style.css'></head>"
        b"<body><p>Officials met in Doha.</p><img src='/photo.jpg'>"
        b"<iframe src='/frame.html'></iframe><script>fetch('/beacon')</script></body></html>")
HTML = "text/html; charset=utf-8"
TODAY = "2025-06-11"


# ------------------------------------------------------------------ the local server


@dataclass
class Route:
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": HTML})
    body: bytes = PAGE
    stall: str = ""  # "before": answer nothing; "during": headers and a few bytes, then wait
    length: bool = True  # send Content-Length


@dataclass
class Server:
    base: str
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]]

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [path for path, _headers in self.requests]


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """A proxy named in the environment would take the requests to 127.0.0.1."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.fixture
def server() -> Iterator[Server]:
    routes: dict[str, Route] = {}
    requests: list[tuple[str, dict[str, str]]] = []
    release = threading.Event()  # set at teardown: stalled answers end

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append((self.path, dict(self.headers)))
            route = routes.get(self.path, Route(status=404, body=b"not here"))
            if route.stall == "before":
                release.wait(5)
                return
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.length:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            if route.stall == "during":
                self.wfile.write(route.body[:10])
                self.wfile.flush()
                release.wait(5)
                return
            self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:
            """(quiet)"""

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # a short poll: shutdown() waits for one (the default half second, per test)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01},
                              daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", routes, requests)
    finally:
        release.set()
        httpd.shutdown()
        httpd.server_close()


def _fetch(urls: list[str], folder: Path, **options: int):
    return fetch_into(urls, folder, FetchOptions(**options), today=TODAY)


def _entries(folder: Path) -> dict[str, dict[str, str]]:
    """The folder's sources file as the ingest reads it: file name -> the fields given.
    (The one place that knows the shape of `load_metadata`'s entries.)"""
    names = {p.name for p in folder.iterdir() if p.name != "sources.yaml"}
    entries, warnings = load_metadata(folder, names)
    assert warnings == []
    return {name: {key: found.value for key, found in entry.values.items()}
            for name, entry in entries.items()}


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _redirect(to: str, code: int = 302) -> Route:
    return Route(status=code, headers={"Location": to}, body=b"")


# ------------------------------------------------------------------ pages


def test_fetch_saves_the_page_alone_with_a_loadable_sources_entry(server, tmp_path):
    server.routes["/news/talks.html"] = Route()
    folder = tmp_path / "new" / "corpus"  # made if missing
    (outcome,) = _fetch([server.url("/news/talks.html")], folder)
    assert outcome.path is not None and outcome.problem == ""
    assert outcome.path.parent == folder and outcome.path.read_bytes() == PAGE
    assert _entries(folder)[outcome.path.name] == {
        "url": server.url("/news/talks.html"), "fetched": TODAY}
    assert _files(folder) == sorted([outcome.path.name, "sources.yaml"])  # no temporaries
    # the page only: no script, style sheet, image, frame or beacon it names
    assert server.paths() == ["/news/talks.html"]
    agent = server.requests[0][1]["User-Agent"]
    assert re.match(r"brief/\S+ \(\+.*\)$", agent)


def test_fetch_gzip_sent_anyway_is_saved_decompressed(server, tmp_path):
    server.routes["/z"] = Route(headers={"Content-Type": HTML, "Content-Encoding": "gzip"},
                                body=gzip.compress(PAGE))
    (outcome,) = _fetch([server.url("/z")], tmp_path)
    assert outcome.path is not None and outcome.path.read_bytes() == PAGE
    assert server.requests[0][1]["Accept-Encoding"] == "identity"


@pytest.mark.parametrize("content_type, body, suffix", [
    ("application/pdf", b"%PDF-1.7\n...", ".pdf"),
    ("application/xhtml+xml", b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>"
                              b"<body><p>x</p></body></html>", ".html"),
])
def test_fetch_saves_pdfs_and_xhtml(server, tmp_path, content_type, body, suffix):
    server.routes["/doc"] = Route(headers={"Content-Type": content_type}, body=body)
    (outcome,) = _fetch([server.url("/doc")], tmp_path)
    assert outcome.path is not None and outcome.path.suffix == suffix
    assert outcome.path.read_bytes() == body


@pytest.mark.parametrize("content_type, body", [
    ("image/png", b"\x89PNG\r\n\x1a\n...."),
    ("application/json", b'{"a": 1}'),
    ("application/pdf", b"<html>not a pdf</html>"),  # said to be a PDF, and is not
    ("", b"\x00\x01binary"),
])
def test_fetch_non_html_is_a_warning_naming_what_it_was(server, tmp_path, content_type, body):
    server.routes["/thing"] = Route(headers={"Content-Type": content_type} if content_type
                                    else {}, body=body)
    (outcome,) = _fetch([server.url("/thing")], tmp_path)
    assert outcome.path is None
    assert outcome.problem.startswith(f"not a web page ({content_type or 'no content type'})")
    assert _files(tmp_path) == []


# ------------------------------------------------------------------ feeds


RSS2 = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Wire</title>
<atom:link href="{base}/feed" rel="self"/>
<item><title>Talks &lt;b&gt;resume&lt;/b&gt; &amp;amp; stall</title><link>{base}/a1</link>
  <pubDate>Tue, 10 Jun 2025 23:30:00 -0500</pubDate></item>
<item><title>Second</title><link>/a2</link><pubDate>yesterday</pubDate></item>
</channel></rss>"""
RSS1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="{base}/feed"><title>Wire</title></channel>
<item rdf:about="{base}/a1"><title>Talks resume &amp; stall</title><link>{base}/a1</link>
  <dc:date>2025-06-10T23:30:00-05:00</dc:date></item>
<item rdf:about="{base}/a2"><title>Second</title><link>{base}/a2</link></item>
</rdf:RDF>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title type="html">Talks resume &amp;amp; stall</title>
  <link rel="self" href="{base}/self"/><link rel="alternate" type="text/html" href="a1"/>
  <updated>2025-06-12T08:00:00Z</updated><published>2025-06-10T23:30:00.5-05:00</published></entry>
<entry><title>Second</title><link href="{base}/a2"/><updated>not a date</updated></entry>
</feed>"""


@pytest.mark.parametrize("template, content_type", [
    (RSS2, "application/rss+xml"), (RSS1, "application/rdf+xml"),
    (ATOM, "application/atom+xml"),
    # recognised by the content: a generic XML type, or none that says so
    (RSS2, "text/xml"), (ATOM, "application/xml"), (RSS2, "text/plain"),
    (ATOM, "text/html"),
])
def test_fetch_feed_entries_are_fetched_not_the_feed(server, tmp_path, template, content_type):
    body = template.format(base=server.base).encode("utf-8")
    server.routes["/feed"] = Route(headers={"Content-Type": content_type}, body=body)
    server.routes["/a1"] = Route(body=PAGE + b"1")
    server.routes["/a2"] = Route(body=PAGE + b"2")
    feed, first, second = _fetch([server.url("/feed")], tmp_path)
    assert (feed.path, feed.entries, feed.taken, feed.problem) == (None, 2, 2, "")
    assert first.path is not None and first.path.read_bytes() == PAGE + b"1"
    assert second.path is not None and second.path.read_bytes() == PAGE + b"2"
    assert first.feed == second.feed == server.url("/feed")
    entries = _entries(tmp_path)
    one, two = entries[first.path.name], entries[second.path.name]
    assert one == {"url": server.url("/a1"), "title": "Talks resume & stall",
                   "date": "2025-06-10", "fetched": TODAY}
    # an unreadable date is left out, never written as it was
    assert two == {"url": server.url("/a2"), "title": "Second", "fetched": TODAY}
    assert server.paths() == ["/feed", "/a1", "/a2"]


def test_fetch_max_entries_and_feeds_in_feeds(server, tmp_path):
    items = "".join(f"<item><link>{server.base}/p{i}</link></item>" for i in range(4))
    server.routes["/feed"] = Route(headers={"Content-Type": "application/rss+xml"},
                                   body=f"<rss><channel>{items}</channel></rss>".encode())
    for i in range(4):
        server.routes[f"/p{i}"] = Route(body=PAGE + str(i).encode())
    server.routes["/p1"] = server.routes["/feed"]  # a feed listed by the feed
    outcomes = _fetch([server.url("/p0"), server.url("/feed")], tmp_path, max_entries=2)
    page, feed, nested, p2 = outcomes
    assert page.path is not None
    # /p0 was fetched already: the next two entries are taken, the last is left out
    assert (feed.entries, feed.taken, feed.left_out) == (4, 2, 1)
    assert nested.path is None and "feed listed by a feed" in nested.problem
    assert p2.path is not None and "/p3" not in server.paths()
    assert server.paths().count("/p0") == 1


def test_fetch_feed_without_entries_or_unreadable_is_a_warning(server, tmp_path):
    server.routes["/empty"] = Route(headers={"Content-Type": "application/rss+xml"},
                                    body=b"<rss><channel><title>x</title></channel></rss>")
    server.routes["/broken"] = Route(headers={"Content-Type": "application/atom+xml"},
                                     body=b"<feed><entry>")
    # an entity bomb is refused by defusedxml, not expanded
    server.routes["/bomb"] = Route(headers={"Content-Type": "application/rss+xml"}, body=(
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss>&b;</rss>'))
    empty, broken, bomb = _fetch([server.url(p) for p in ("/empty", "/broken", "/bomb")],
                                 tmp_path)
    assert "no entry" in empty.problem
    assert "not readable XML" in broken.problem and "not readable XML" in bomb.problem
    assert _files(tmp_path) == []


@pytest.mark.parametrize("text, expected", [
    ("Tue, 10 Jun 2025 23:30:00 -0500", "2025-06-10"),
    ("10 Jun 2025 04:00 GMT", "2025-06-10"),
    ("2025-06-10T23:30:00Z", "2025-06-10"),
    ("2025-06-10T23:30:00.1234+05:30", "2025-06-10"),
    ("2025-06-10", "2025-06-10"),
    ("2025-02-31", ""), ("Tue, 31 Feb 2025 10:00:00 GMT", ""), ("yesterday", ""), ("", ""),
    ("20250610", ""),
])
def test_fetch_feed_dates_are_iso_or_nothing(text, expected):
    assert iso_date(text) == expected


# ------------------------------------------------------------------ limits


def test_fetch_follows_five_redirects_and_refuses_six(server, tmp_path):
    for i in range(1, 7):
        server.routes[f"/r{i}"] = _redirect(f"/r{i - 1}", code=(301, 302, 303, 307, 308)[i % 5])
    server.routes["/r0"] = Route()
    (five,) = _fetch([server.url("/r5")], tmp_path / "five")
    assert five.path is not None and five.final_url == server.url("/r0")
    assert _entries(tmp_path / "five")[five.path.name]["url"] == server.url("/r0")
    server.requests.clear()
    (six,) = _fetch([server.url("/r6")], tmp_path / "six")
    assert six.path is None and six.problem == "more than 5 redirects"
    assert server.paths() == ["/r6", "/r5", "/r4", "/r3", "/r2", "/r1"]  # /r0 never asked
    assert _files(tmp_path / "six") == []


@pytest.mark.parametrize("target", [
    "file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/html,<p>x</p>",
    "javascript:alert(1)", "gopher://127.0.0.1/",
])
def test_fetch_redirect_to_another_scheme_is_refused(server, tmp_path, target):
    server.routes["/go"] = _redirect(target)
    (outcome,) = _fetch([server.url("/go")], tmp_path)
    assert outcome.path is None
    assert outcome.problem.startswith(f"redirected to {target}: ")
    assert "only http and https are fetched" in outcome.problem
    assert _files(tmp_path) == []


@pytest.mark.parametrize("route", [
    Route(body=b"x" * 5000),  # declared too large
    Route(body=b"x" * 5000, length=False),  # counted as it arrives
    Route(headers={"Content-Type": HTML, "Content-Encoding": "gzip"},  # a small gzip bomb
          body=gzip.compress(b"<html>" + b" " * 100_000)),
])
def test_fetch_over_the_size_limit_is_not_saved(server, tmp_path, monkeypatch, route):
    monkeypatch.setattr(download_module, "MAX_RESPONSE_BYTES", 1000)
    server.routes["/big"] = route
    server.routes["/small"] = Route(body=b"<html>small</html>")
    big, small = _fetch([server.url("/big"), server.url("/small")], tmp_path)
    assert big.path is None and "limit of 1,000" in big.problem
    assert small.path is not None
    assert _files(tmp_path) == sorted([small.path.name, "sources.yaml"])


@pytest.mark.parametrize("stall, reason", [
    ("before", "timed out: no connection within 10 s or no answer within 0.2 s"),
    ("during", "timed out: no data for 0.2 s after 10 bytes"),
])
def test_fetch_stalled_server_is_a_warning_not_a_hang(server, tmp_path, monkeypatch,
                                                      stall, reason):
    monkeypatch.setattr(download_module, "READ_TIMEOUT_SECONDS", 0.2)
    server.routes["/slow"] = Route(stall=stall)
    began = time.monotonic()
    (outcome,) = _fetch([server.url("/slow")], tmp_path)
    assert time.monotonic() - began < 2
    assert outcome.path is None and outcome.problem == reason


def test_fetch_dripping_server_hits_the_overall_limit(server, tmp_path, monkeypatch):
    monkeypatch.setattr(download_module, "TOTAL_SECONDS", 0.0)
    server.routes["/drip"] = Route()
    (outcome,) = _fetch([server.url("/drip")], tmp_path)
    assert outcome.path is None and outcome.problem.startswith("still sending after 0 s")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ------------------------------------------------------------------ the command


def _today() -> str:
    return datetime.now(timezone.utc).date().isoformat()


def test_fetch_cli_unreachable_urls_are_warnings_and_the_others_are_saved(server, tmp_path,
                                                                          monkeypatch):
    server.routes["/ok"] = Route()
    resolve = socket.getaddrinfo

    def no_such_host(host, *args, **kwargs):  # a DNS failure, without asking a resolver
        if host == "no-such-host.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return resolve(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    folder = tmp_path / "corpus"
    before = _today()
    code, out, err = run_cli("fetch", server.url("/missing"), f"http://127.0.0.1:{_closed_port()}/",
                             "http://no-such-host.invalid/", server.url("/ok"),
                             "--into", str(folder))
    assert code == 0, err
    (saved,) = out.splitlines()
    path, url = saved.split(": ", 1)
    assert url == server.url("/ok") and Path(path).parent == folder
    warnings = err.splitlines()
    assert len(warnings) == 3 and all(w.startswith("brief: warning: ") for w in warnings)
    assert f"{server.url('/missing')}: HTTP 404" in warnings[0]
    assert warnings[1].endswith("/: connection refused")
    assert "no-such-host.invalid/: host not found" in warnings[2]
    assert "Traceback" not in err
    assert _entries(folder)[Path(path).name]["fetched"] in (before, _today())


def test_fetch_cli_nothing_saved_is_exit_2_with_one_line(server, tmp_path):
    folder = tmp_path / "corpus"
    code, out, err = run_cli("fetch", server.url("/missing"), "--into", str(folder), "-q")
    assert (code, out) == (2, "")
    assert err == f"brief: error: brief fetch: nothing was saved into {folder}; " \
                  "see the warnings above\n"


def test_fetch_cli_refuses_urls_that_are_not_http(server, tmp_path):
    folder = tmp_path / "corpus"
    code, out, err = run_cli("fetch", "file:///etc/passwd", "ftp://127.0.0.1/x",
                             "javascript:alert(1)", "data:text/html,x", "example.com/page",
                             "--into", str(folder))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[:5] == [
        "brief: warning: file:///etc/passwd: file: URLs are refused; only http and https are fetched",
        "brief: warning: ftp://127.0.0.1/x: ftp: URLs are refused; only http and https are fetched",
        "brief: warning: javascript:alert(1): javascript: URLs are refused; only http and https are "
        "fetched",
        "brief: warning: data:text/html,x: data: URLs are refused; only http and https are fetched",
        "brief: warning: example.com/page: not an absolute URL; only http and https are "
        "fetched",
    ]
    assert len(lines) == 6 and lines[5].startswith("brief: error: ")
    assert server.requests == [] and _files(folder) == []
    # nor are credentials sent (or written into sources.yaml)
    code, _out, err = run_cli("fetch", server.url("/x").replace("//", "//user:secret@"),
                              "--into", str(folder))
    assert code == 2 and "a user name or password in the URL" in err
    assert server.requests == [] and _files(folder) == []


def test_fetch_cli_max_entries(server, tmp_path):
    items = "".join(f"<item><link>/p{i}</link></item>" for i in range(3))
    server.routes["/feed"] = Route(headers={"Content-Type": "application/rss+xml"},
                                   body=f"<rss><channel>{items}</channel></rss>".encode())
    for i in range(3):
        server.routes[f"/p{i}"] = Route()
    code, out, err = run_cli("fetch", server.url("/feed"), "--into", str(tmp_path / "c"),
                             "--max-entries", "1")
    assert code == 0 and len(out.splitlines()) == 1
    assert "a feed of 3 entries; fetching 1 (2 past --max-entries)" in err
    assert run_cli("fetch", server.url("/feed"), "--into", str(tmp_path / "c"),
                   "--max-entries", "0")[0] == 2


def test_fetch_cli_into_a_file_is_exit_2_before_any_request(server, tmp_path):
    server.routes["/ok"] = Route()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _out, err = run_cli("fetch", server.url("/ok"), "--into", str(blocker))
    assert code == 2 and "--into" in err and server.requests == []


# ------------------------------------------------------------------ the sources file


EXISTING = """\
# Sources of the Doha corpus, kept by hand.
other.txt:
  title: "Kept as written"   # checked against the print edition
  url: https://example.org/other

# fetched pages below
"""


def test_fetch_again_overwrites_its_file_and_keeps_one_entry(server, tmp_path):
    (tmp_path / "sources.yaml").write_text(EXISTING, encoding="utf-8")
    (tmp_path / "other.txt").write_text("Other article.\n", encoding="utf-8")
    server.routes["/page"] = Route(body=b"<html>first</html>")
    (first,) = fetch_into([server.url("/page")], tmp_path, today="2025-06-11")
    server.routes["/page"] = Route(body=b"<html>second</html>")
    (again,) = fetch_into([server.url("/page")], tmp_path, today="2025-06-12")
    assert again.path == first.path and again.path is not None
    assert again.path.read_bytes() == b"<html>second</html>"
    assert _files(tmp_path) == sorted(["other.txt", "sources.yaml", first.path.name])
    text = (tmp_path / "sources.yaml").read_text(encoding="utf-8")
    assert text.startswith(EXISTING)  # every comment and entry as it was
    assert text.count(server.url("/page")) == 1
    entries = _entries(tmp_path)
    assert set(entries) == {"other.txt", first.path.name}
    assert entries[first.path.name] == {"url": server.url("/page"), "fetched": "2025-06-12"}
    assert entries["other.txt"] == {"title": "Kept as written", "url": "https://example.org/other"}


def test_fetch_again_adds_a_fetched_line_to_an_entry_written_by_hand(server, tmp_path):
    server.routes["/page"] = Route()
    name = f"{stem_for(server.url('/page'))}.html"
    written = (f"{name}:\n  title: By hand  # mine\n  url: {server.url('/page')}\n"
               "  author: Someone\n")
    (tmp_path / "sources.yaml").write_text(written, encoding="utf-8")
    (outcome,) = _fetch([server.url("/page")], tmp_path)
    assert outcome.path == tmp_path / name and outcome.note == ""
    text = (tmp_path / "sources.yaml").read_text(encoding="utf-8")
    assert text == written.replace("/page\n", f"/page\n  fetched: \"{TODAY}\"\n")
    assert _entries(tmp_path)[name] == {"title": "By hand", "url": server.url("/page"),
                                        "author": "Someone", "fetched": TODAY}


def test_fetch_never_overwrites_a_file_that_is_not_its_own(server, tmp_path):
    server.routes["/page"] = Route()
    name = f"{stem_for(server.url('/page'))}.html"
    (tmp_path / name).write_bytes(b"saved by hand")
    # an entry with the same url naming an article of another kind, or a path elsewhere
    (tmp_path / "sources.yaml").write_text(
        f"notes.txt: {{url: '{server.url('/page')}'}}\n"
        f"../outside.html: {{url: '{server.url('/page')}'}}\n", encoding="utf-8")
    (outcome,) = _fetch([server.url("/page")], tmp_path)
    assert outcome.path == tmp_path / f"{name[:-5]}-2.html"
    assert (tmp_path / name).read_bytes() == b"saved by hand"
    assert not (tmp_path.parent / "outside.html").exists()


def test_fetch_again_leaves_an_entry_it_cannot_edit_in_place(server, tmp_path):
    server.routes["/page"] = Route()
    name = f"{stem_for(server.url('/page'))}.html"
    written = f"{name}: {{url: '{server.url('/page')}', fetched: '2025-01-01'}}\n"
    (tmp_path / "sources.yaml").write_text(written, encoding="utf-8")
    (outcome,) = _fetch([server.url("/page")], tmp_path)
    assert outcome.path == tmp_path / name and outcome.path.read_bytes() == PAGE
    assert "left as it is" in outcome.note
    assert (tmp_path / "sources.yaml").read_text(encoding="utf-8") == written


@pytest.mark.parametrize("name, text", [
    ("sources.yaml", "{a.txt: {title: x}}\n"),  # flow style
    ("sources.yaml", "  a.txt:\n    title: x\n"),  # indented keys
    ("sources.yaml", "a.txt:\n  title: x\n...\n"),  # document end
    ("sources.yaml", "- a.txt\n"),  # not a mapping
    ("sources.json", '{"a.txt": {"title": "x"}}'),
])
def test_fetch_sources_file_it_cannot_append_to_is_refused_first(server, tmp_path, name, text):
    server.routes["/page"] = Route()
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, _out, err = run_cli("fetch", server.url("/page"), "--into", str(tmp_path))
    assert code == 2 and err.startswith(f"brief: error: {tmp_path / name}")
    assert server.requests == [] and (tmp_path / name).read_text(encoding="utf-8") == text


def test_fetch_sources_file_of_comments_only_or_without_final_newline(server, tmp_path):
    server.routes["/a"] = Route()
    server.routes["/b"] = Route()
    (tmp_path / "sources.yaml").write_bytes(b"\xef\xbb\xbf# none yet\r\n# really")
    a, b = _fetch([server.url("/a"), server.url("/b")], tmp_path)
    data = (tmp_path / "sources.yaml").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# none yet\r\n# really\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")  # its line endings kept
    assert set(_entries(tmp_path)) == {a.path.name, b.path.name}


# ------------------------------------------------------------------ file names


NAME = re.compile(r"[a-z0-9][a-z0-9.-]*")


@pytest.mark.parametrize("url, stem", [
    ("https://www.example.com/news/2025/06/talks-resume.html", "example.com-news-2025-06-talks-resume"),
    ("https://example.com/", "example.com"),
    ("http://127.0.0.1:8080/a?id=7&p=2", "127.0.0.1-8080-a-id-7-p-2"),
    ("https://example.com/../../etc/passwd", "example.com-etc-passwd"),
    ("https://example.com/a/..%2F..%2Fetc%2Fpasswd", "example.com-a-etc-passwd"),
    ("https://EXAMPLE.com/Caf%C3%A9/Ünïcödé/新闻", "example.com-cafe-unicode"),
    ("https://bücher.example/", "bucher.example"),
    ("https://[::1]:8443/x", "1-8443-x"),
])
def test_fetch_file_names_are_safe_slugs_of_the_address(url, stem):
    assert stem_for(url) == stem


def test_fetch_file_names_of_long_addresses_are_capped_and_distinct():
    a = stem_for("https://example.com/" + "word-" * 100 + "a")
    b = stem_for("https://example.com/" + "word-" * 100 + "b")
    assert a != b and len(a) == len(b) == MAX_STEM_CHARS and NAME.fullmatch(a)
    assert unique_name("x", ".html", {"X.html", "x-2.html"}) == "x-3.html"


def test_fetch_hostile_paths_are_saved_inside_the_folder(server, tmp_path):
    hostile = ["/a/..%2F..%2F..%2Fetc%2Fpasswd?x=../../y", "/%2e%2e/%2e%2e/z",
               "/" + "long-" * 200, "/caf%C3%A9/%E6%96%B0", "/.hidden"]
    for path in hostile:
        server.routes[path] = Route(body=PAGE + path.encode())
    outcomes = _fetch([server.url(p) for p in hostile], tmp_path)
    for outcome in outcomes:
        assert outcome.path is not None and outcome.path.parent == tmp_path
        assert NAME.fullmatch(outcome.path.name) and outcome.path.name.endswith(".html")
        assert len(outcome.path.name) <= MAX_STEM_CHARS + len(".html")
    assert len({o.path for o in outcomes}) == len(hostile)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [o.path.name for o in outcomes if o.path] + ["sources.yaml"])
