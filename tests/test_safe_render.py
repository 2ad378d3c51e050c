"""Safe rendering: corpus text and outline strings are data, never markup.

A real brief is built end to end from a hand-made corpus whose sentences (and
whose outline's title, subtitle, marking, theme title and source metadata)
carry HTML and CSS that would load remote resources or local files if they
were ever treated as markup. A local HTTP server counts every request it
gets; after rendering PDF, HTML and Markdown it must have seen none, and no
local file content may appear in the outputs.

The URL fetcher is also tested on its own: it serves `styles/` and the
outline's configured logo and stylesheet, those exact files, and refuses
everything else.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pypdf
import pytest

from pipeline.build import build_brief
from pipeline.errors import UserError
from pipeline.models import Brief
from pipeline.render import (
    STYLES_DIR,
    RenderError,
    RenderOptions,
    URLRefused,
    css_reference,
    make_url_fetcher,
    render,
    render_html,
    resolve_styles_url,
)
from tests.test_render import make_brief

PASSWD = Path("/etc/passwd")
# What the first line of /etc/passwd starts with on every Linux system.
PASSWD_MARKER = "root:x:0:0"

# A one-pixel PNG, for logos.
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a1c5e4b6"
    "0000000049454e44ae426082"
)


# ---------------------------------------------------------------- the trap


@dataclass
class Trap:
    """A local HTTP server that answers everything and records every path."""

    port: int
    requests: list[str]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"


@pytest.fixture
def trap() -> Iterator[Trap]:
    """An HTTP server on 127.0.0.1, ephemeral port, shut down after the test."""
    requests: list[str] = []
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            with lock:
                requests.append(self.path)
            body = b"body { color: red }" if self.path.endswith(".css") else PNG_1PX
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        do_GET = do_HEAD = do_POST = _answer

        def log_message(self, *args: object) -> None:  # keep the test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield Trap(port=server.server_address[1], requests=requests)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_the_trap_counts_requests(trap: Trap) -> None:
    """The server used below does see a request when one is made."""
    from urllib.request import urlopen

    with urlopen(trap.url("probe.css"), timeout=5) as response:
        assert response.read() == b"body { color: red }"
    assert trap.requests == ["/probe.css"]


# ---------------------------------------------------------------- hostile corpus


def hostile_payloads(trap: Trap) -> dict[str, str]:
    """Markup that would fetch from the trap or read a local file if obeyed."""
    return {
        "script": "<script>alert(1)</script>",
        "img": f'<img src="{trap.url("x.png")}">',
        "link": f'<link rel="stylesheet" href="{trap.url("s.css")}">',
        "import": f"<style>@import url({trap.url('i.css')});</style>",
        "file": "file:///etc/passwd",
    }


def write_hostile_corpus(folder: Path, trap: Trap) -> Path:
    """Corpus and outline in `folder`; return the outline path.

    Every sentence with a payload is an attributed statement of some length
    that matches the theme query, so it reaches the brief as an item (in the
    key points or the theme); one off the theme's subject reaches the other voices.
    """
    payloads = hostile_payloads(trap)
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "forum.txt").write_text(
        "Payloads in the forum archive\n\n"
        f"Investigators said the forum post embedded the payload {payloads['script']} "
        "inside an ordinary comment about the border.\n\n"
        f"Investigators said a second payload used an image tag, {payloads['img']}, "
        "to call home when the page was opened.\n\n"
        f"Investigators said a third payload tried a stylesheet link, {payloads['link']}, "
        "to load remote styles into the page.\n\n"
        f"Investigators said a fourth payload hid an import rule, {payloads['import']}, "
        "inside a style element of the post.\n\n"
        f"Investigators said a fifth payload pointed readers to {payloads['file']} "
        "as if the local password file were a public document.\n\n"
        "The weather in the valley was mild and the harvest was reported to be good.\n\n"
        f"Moderators said they had deleted a thread called {payloads['script']} on Sunday "
        "afternoon.\n",
        encoding="utf-8",
    )
    (corpus / "sources.yaml").write_text(
        "forum.txt:\n"
        f"  title: 'Archive {payloads['script']}'\n"
        f"  outlet: '{payloads['link']}'\n"
        f"  url: '{trap.url('source')}'\n",
        encoding="utf-8",
    )
    outline = folder / "outline.yaml"
    title = f"Payloads {payloads['script']} {payloads['img']} {payloads['file']}"
    subtitle = f"{payloads['link']} {payloads['import']}"
    theme_title = f"Payloads {payloads['img']} {payloads['script']}"
    outline.write_text(
        f"title: {_yaml(title)}\n"
        f"subtitle: {_yaml(subtitle)}\n"
        'date: "2026-11-21"\n'
        "corpus: corpus\n"
        "actors: []\n"
        "layout:\n"
        f"  marking: {_yaml(payloads['script'])}\n"
        "  other_voices: true\n"
        "themes:\n"
        "  - id: payloads\n"
        f"    title: {_yaml(theme_title)}\n"
        "    query: investigators payload forum post image stylesheet import password file\n"
        "    max_words: 400\n",
        encoding="utf-8",
    )
    return outline


def _yaml(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def hostile(tmp_path: Path, trap: Trap) -> tuple[Brief, Trap]:
    outline = write_hostile_corpus(tmp_path, trap)
    brief = build_brief(outline).brief
    return brief, trap


def squash(text: str) -> str:
    """Remove all whitespace: PDF extraction breaks lines wherever it likes."""
    return re.sub(r"\s+", "", text)


class _Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def start_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def test_hostile_sentences_reach_the_brief_as_items(hostile: tuple[Brief, Trap]) -> None:
    brief, trap = hostile
    theme = next(section for section in brief.sections if section.kind == "theme")
    # (a key point is shown once, at the top, not again under its theme)
    texts = " ".join(item.text for section in brief.sections
                     if section.kind in ("theme", "key_points") for item in section.items)
    for name, payload in hostile_payloads(trap).items():
        assert payload in texts, name
    assert "<script>" in brief.title and "<link" in brief.subtitle
    assert "<img" in theme.title and "<script>" in brief.marking
    voices = [section for section in brief.sections if section.kind == "other_voices"]
    assert voices and voices[0].items  # speaker lead-ins are rendered too


@pytest.mark.slow
def test_hostile_brief_renders_as_text_and_fetches_nothing(
    hostile: tuple[Brief, Trap],
) -> None:
    brief, trap = hostile
    pdf = render(brief, "pdf")
    html = render(brief, "html").decode("utf-8")
    md = render(brief, "md").decode("utf-8")
    assert trap.requests == []

    # The PDF shows the markup as text, and shows no local file.
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    for name, payload in hostile_payloads(trap).items():
        assert squash(payload) in squash(text), name
    assert PASSWD_MARKER not in text
    if PASSWD.is_file():
        first_line = PASSWD.read_text(errors="replace").splitlines()[0]
        assert squash(first_line) not in squash(text)
    for page in reader.pages:  # no link leaves the document
        for annotation in page.get("/Annots") or ():
            assert "/A" not in annotation.get_object(), annotation.get_object()
    assert not reader.attachments

    # The standalone HTML escapes every payload: none became an element.
    tags = start_tags(html)
    names = [tag for tag, _ in tags]
    assert "script" not in names and "img" not in names and "link" not in names
    assert names.count("style") == 1  # the brief's own, in <head>
    assert not re.search(r"<(script|img|link|iframe|object|embed)\b", html, re.IGNORECASE)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert f'&lt;img src=&#34;{trap.url("x.png")}&#34;&gt;' in html
    for _, attrs in tags:
        assert "src" not in attrs
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    assert PASSWD_MARKER not in html

    # Markdown escapes them too.
    assert "<script>" not in md and r"\<script\>" in md
    assert trap.requests == []


@pytest.mark.slow
def test_hostile_brief_in_pdf_variants_fetches_nothing(hostile: tuple[Brief, Trap]) -> None:
    brief, trap = hostile
    for variant in ("pdf/a-3b", "pdf/ua-1"):
        options = RenderOptions(
            pdf_variant=variant, attachments=(("brief.json", render(brief, "json")),)
        )
        reader = pypdf.PdfReader(io.BytesIO(render(brief, "pdf", options)))
        text = "".join(page.extract_text() for page in reader.pages)
        assert "<script>alert(1)</script>" in squash(text)
        assert PASSWD_MARKER not in text
    assert trap.requests == []


@pytest.mark.slow
def test_unescaped_markup_would_still_fetch_nothing(trap: Trap) -> None:
    """Second line of defence: were markup ever to slip through unescaped,
    WeasyPrint's every fetch goes through the fetcher, which refuses it (and
    the render fails rather than quietly leaving a part out)."""
    from pipeline.render import write_pdf

    payloads = hostile_payloads(trap)
    for name in ("img", "link", "import"):
        html = f"<!DOCTYPE html><html lang=en><head>{payloads[name]}</head><body>x</body></html>"
        with pytest.raises(RenderError):
            write_pdf(html)
    html = f'<html><body><img src="{PASSWD.as_uri()}"><iframe src="{trap.url("f")}"></iframe>'
    with pytest.raises(RenderError):
        write_pdf(html)
    assert trap.requests == []


# ---------------------------------------------------------------- logo and stylesheet


def test_user_stylesheet_loading_anything_is_refused(tmp_path: Path, trap: Trap) -> None:
    brief = build_brief(write_hostile_corpus(tmp_path, trap)).brief
    for css in (
        f"@import url({trap.url('a.css')});",
        f'@import "{trap.url("b.css")}";',
        f"body {{ background: url({trap.url('c.png')}) }}",
        f"body {{ background: u\\72l({trap.url('d.png')}) }}",  # escaped name
        "@font-face { font-family: x; src: url(file:///etc/passwd) }",
        f"@media print {{ h1 {{ background-image: image-set('{trap.url('e.png')}' 1x) }} }}",
    ):
        sheet = tmp_path / "custom.css"
        sheet.write_text(css, encoding="utf-8")
        options = RenderOptions(stylesheet=sheet)
        for standalone in (True, False):
            with pytest.raises(UserError, match="loads another file"):
                render_html(brief, standalone=standalone, options=options)
    assert trap.requests == []
    assert css_reference("h1 { color: red } /* url(http://x) */ p::after { content: 'url(x)' }") \
        is None


def test_user_stylesheet_cannot_close_the_style_element(tmp_path: Path) -> None:
    sheet = tmp_path / "custom.css"
    sheet.write_text(
        "h1 { color: #123456 } /* </style><script>alert(1)</script> */\n"
        "h2::after { content: '</STYLE ><img src=x>' }\n"
        ".a > .b { color: red }\n",
        encoding="utf-8",
    )
    html = render_html(make_brief(), standalone=True, options=RenderOptions(stylesheet=sheet))
    names = [tag for tag, _ in start_tags(html)]
    assert names.count("style") == 2 and "script" not in names and "img" not in names
    assert "</style" not in html.split("</style>", 2)[1]  # only the two closing tags
    assert "\\3c /style>" in html and "\\3c /STYLE >" in html
    assert ".a > .b { color: red }" in html  # CSS is not HTML-escaped
    assert html.index("#123456") > html.index("--serif")  # after the built-in CSS


def test_logo_is_inlined_in_standalone_html(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG_1PX)
    html = render_html(make_brief(), standalone=True, options=RenderOptions(logo=logo))
    images = [attrs for tag, attrs in start_tags(html) if tag == "img"]
    assert len(images) == 1
    assert images[0]["src"].startswith("data:image/png;base64,iVBORw0KGgo")
    assert images[0]["alt"]
    assert str(tmp_path) not in html
    fake = tmp_path / "fake.png"
    fake.write_text("not a png")
    with pytest.raises(UserError, match="not a PNG"):
        render_html(make_brief(), standalone=True, options=RenderOptions(logo=fake))


@pytest.mark.slow
def test_configured_logo_and_stylesheet_reach_the_pdf(tmp_path: Path) -> None:
    svg_logo = tmp_path / "logo.svg"
    svg_logo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        '<rect width="40" height="20" fill="#00ff00"/></svg>',
        encoding="utf-8",
    )
    png_logo = tmp_path / "logo.png"
    png_logo.write_bytes(PNG_1PX)
    sheet = tmp_path / "custom.css"
    sheet.write_text("h1.title { color: #b00020 }\n", encoding="utf-8")
    plain = render(make_brief(), "pdf")
    styled = render(make_brief(), "pdf", RenderOptions(logo=svg_logo, stylesheet=sheet))
    assert styled != plain
    content = pypdf.PdfReader(io.BytesIO(styled)).pages[0].get_contents().get_data()
    assert re.search(rb"0?\.690196 0 0?\.12549 rg", content)  # the title in #b00020
    assert b"0 1 0 rg" in content  # the SVG logo's green rectangle
    assert styled == render(make_brief(), "pdf", RenderOptions(logo=svg_logo, stylesheet=sheet))
    with_png = render(make_brief(), "pdf", RenderOptions(logo=png_logo))
    assert images_in(pypdf.PdfReader(io.BytesIO(with_png))) == 1


def test_svg_logo_loading_anything_is_refused(tmp_path: Path, trap: Trap) -> None:
    logo = tmp_path / "logo.svg"
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'
    )
    for body in (
        f'<image href="{trap.url("a.png")}" width="4" height="2"/>',
        f'<image xlink:href="{PASSWD.as_uri()}" width="4" height="2"/>',
        '<use href="other.svg#x"/>',
        f"<style>@import url({trap.url('b.css')});</style>",
        f'<rect style="fill: url({trap.url("c.svg")}#g)" width="4" height="2"/>',
        f'<rect fill="url({trap.url("d.svg")}#g)" width="4" height="2"/>',
    ):
        logo.write_text(svg.format(body), encoding="utf-8")
        for standalone in (True, False):
            with pytest.raises(UserError, match=r"layout\.logo cannot be used"):
                render_html(make_brief(), standalone=standalone, options=RenderOptions(logo=logo))
    logo.write_text(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
        encoding="utf-8",
    )
    with pytest.raises(UserError, match="DOCTYPE"):
        render_html(make_brief(), standalone=True, options=RenderOptions(logo=logo))
    # References inside the SVG itself are fine.
    logo.write_text(
        svg.format(
            '<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient>'
            '</defs><rect id="r" fill="url(#g)" width="4" height="2" transform="scale(2)"/>'
            '<use href="#r"/>'
        ),
        encoding="utf-8",
    )
    assert "data:image/svg+xml;base64," in render_html(
        make_brief(), standalone=True, options=RenderOptions(logo=logo)
    )
    assert trap.requests == []


@pytest.mark.slow
def test_svg_logo_fetches_nothing_even_past_the_check(
    tmp_path: Path, trap: Trap, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fetcher, not the SVG check, is the boundary: with the check
    disabled, WeasyPrint's requests for the SVG's images are refused (the
    logo is then left out) and nothing is read or requested."""
    import pipeline.render.assets as assets_module
    import pipeline.render.html as html_module

    monkeypatch.setattr(html_module, "svg_reference", lambda data: None)
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG_1PX)
    fetched: list[str] = []
    real_resolve = assets_module.resolve_styles_url

    def spy(url: str, *args: object) -> Path:
        fetched.append(url)
        return real_resolve(url, *args)

    monkeypatch.setattr(assets_module, "resolve_styles_url", spy)
    logo = tmp_path / "logo.svg"
    for target in (trap.url("svg.png"), secret.as_uri()):
        logo.write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
            f'<image href="{target}" width="40" height="20"/></svg>',
            encoding="utf-8",
        )
        pdf = render(make_brief(), "pdf", RenderOptions(logo=logo))
        assert target in fetched  # asked for, and refused
        assert images_in(pypdf.PdfReader(io.BytesIO(pdf))) == 0
    assert trap.requests == []


def images_in(reader: pypdf.PdfReader) -> int:
    """Distinct image XObjects the pages use, forms included."""
    images = set()
    stack = [page["/Resources"] for page in reader.pages]
    while stack:
        resources = stack.pop().get_object()
        for reference in (resources.get("/XObject") or {}).values():
            xobject = reference.get_object()
            if xobject.get("/Subtype") == "/Image":
                images.add(reference.idnum)
            elif "/Resources" in xobject:
                stack.append(xobject["/Resources"])
    return len(images)


# ---------------------------------------------------------------- the fetcher


def test_fetcher_refuses_network_other_files_and_escapes(tmp_path: Path) -> None:
    fetcher = make_url_fetcher()
    assert fetcher.fetch((STYLES_DIR / "print.css").as_uri()).read() == (
        STYLES_DIR / "print.css"
    ).read_bytes()
    for url in (
        "http://127.0.0.1:9/x.css",
        "https://example.org/x.css",
        "ftp://example.org/x.css",
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "file://example.org/etc/passwd",
        STYLES_DIR.as_uri() + "/../pyproject.toml",
        STYLES_DIR.as_uri() + "/fonts/../../pyproject.toml",
        STYLES_DIR.as_uri() + "/%2E%2E/pyproject.toml",
        STYLES_DIR.as_uri() + "/fonts",  # a folder
        "data:text/css,body{}",
        "javascript:alert(1)",
    ):
        with pytest.raises(URLRefused):
            fetcher.fetch(url)


def test_fetcher_refuses_symlinks_out_of_its_root(tmp_path: Path) -> None:
    root = tmp_path / "styles"
    (root / "fonts").mkdir(parents=True)
    (root / "ok.css").write_text("p {}")
    secret = tmp_path / "secret.css"
    secret.write_text("secret")
    (root / "link.css").symlink_to(secret)
    (root / "fonts" / "dir-link").symlink_to(tmp_path, target_is_directory=True)
    assert resolve_styles_url((root / "ok.css").as_uri(), root) == (root / "ok.css").resolve()
    for url in (
        (root / "link.css").as_uri(),
        (root / "fonts" / "dir-link" / "secret.css").as_uri(),
    ):
        with pytest.raises(URLRefused):
            resolve_styles_url(url, root)


def test_fetcher_serves_the_configured_files_but_not_their_siblings(tmp_path: Path) -> None:
    folder = tmp_path / "outline"
    folder.mkdir()
    logo = folder / "logo.png"
    logo.write_bytes(PNG_1PX)
    sheet = folder / "custom.css"
    sheet.write_text("h1 { color: red }")
    sibling = folder / "notes.txt"
    sibling.write_text("private notes")
    (folder / "other.png").write_bytes(PNG_1PX)
    (folder / "alias.css").symlink_to(sibling)

    fetcher = make_url_fetcher(files=(logo, sheet))
    response = fetcher.fetch(logo.as_uri())
    assert response.read() == PNG_1PX and response.content_type == "image/png"
    assert fetcher.fetch(sheet.as_uri()).content_type == "text/css"
    assert fetcher.fetch((STYLES_DIR / "brief.css").as_uri()).read()  # styles/ still served
    for path in (sibling, folder / "other.png", folder / "alias.css", folder):
        with pytest.raises(URLRefused):
            fetcher.fetch(path.as_uri())
    with pytest.raises(URLRefused):  # `..` from the logo's folder
        fetcher.fetch(folder.as_uri() + "/../outline/notes.txt")
    # Without configuration, the logo is just another file.
    with pytest.raises(URLRefused):
        make_url_fetcher().fetch(logo.as_uri())
