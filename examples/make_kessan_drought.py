"""Builds the mixed-format demo corpus examples/kessan-drought/ (issue 13).

Provenance: every text, name, figure and page here was written for this project and is
FICTIONAL: the city of Kessan, Halvern Province, the Orva River, Brannock Reservoir, every
person, outlet, agency and organisation. Nothing is copied from the web; any likeness to
a real person or body is accidental. Web addresses use the reserved `.example` domain.

The article texts are kept in examples/src/kessan-drought/ (one file each: `key: value`
lines, `===`, then the body: paragraphs separated by blank lines, `## ` subheads, `- `
list items, `[table]` where the table of the matching .tsv goes). This script wraps them
into the files an analyst's folder really holds: saved web pages (.html, and one saved
under a .txt name), wire copy pasted as text (and its re-send), PDFs made with WeasyPrint,
Word files made with python-docx, plus a .csv and a .png that `brief` does not read.

Deterministic: fixed metadata dates, no clock, fixed ZIP timestamps in the .docx files,
fonts from styles/fonts/. Run it with the project's virtualenv from anywhere:

    /work/main/.venv/bin/python examples/make_kessan_drought.py

It rewrites the files of examples/kessan-drought/ and nothing else.
"""
# ruff: noqa: E501  (the page templates keep their HTML lines whole, as saved pages do)

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import io
import json
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SRC = HERE / "src" / "kessan-drought"
OUT = HERE / "kessan-drought"
FONTS = ROOT / "styles" / "fonts"
FONTS_URL = "styles/fonts"  # relative to the repository root, the PDFs' base URL

# --------------------------------------------------------------------------- sources


@dataclass
class Block:
    kind: str  # "p", "h", "ul", "ol", "table"
    text: str = ""
    items: list[str] = field(default_factory=list)


@dataclass
class Source:
    meta: dict[str, str]
    blocks: list[Block]

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "p"]


def read_source(name: str) -> Source:
    """`key: value` lines, `===`, then blocks separated by blank lines."""
    text = (SRC / name).read_text(encoding="utf-8")
    head, body = text.split("\n===\n", 1)
    meta = {}
    for line in head.splitlines():
        key, value = line.split(":", 1)
        meta[key.strip()] = value.strip()
    blocks = []
    for chunk in re.split(r"\n\s*\n", body.strip("\n")):
        lines = chunk.split("\n")
        if chunk.startswith("## "):
            blocks.append(Block("h", chunk[3:].strip()))
        elif chunk == "[table]":
            blocks.append(Block("table"))
        elif all(line.startswith("- ") for line in lines):
            blocks.append(Block("ul", items=[line[2:] for line in lines]))
        elif all(re.match(r"\d+\. ", line) for line in lines):
            blocks.append(Block("ol", items=[line.split(". ", 1)[1] for line in lines]))
        else:
            blocks.append(Block("p", " ".join(line.strip() for line in lines)))
    return Source(meta, blocks)


def read_table(name: str) -> list[list[str]]:
    return [line.split("\t") for line in (SRC / name).read_text("utf-8").splitlines() if line]


def esc(text: str) -> str:
    """Text for an HTML text node (quotes left as they are, as most sites do)."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def blocks_html(blocks: list[Block], table: list[list[str]] | None = None,
                p_class: str = "") -> str:
    out = []
    cls = f' class="{p_class}"' if p_class else ""
    for b in blocks:
        if b.kind == "p":
            out.append(f"<p{cls}>{esc(b.text)}</p>")
        elif b.kind == "h":
            out.append(f"<h2>{esc(b.text)}</h2>")
        elif b.kind in ("ul", "ol"):
            items = "".join(f"<li>{esc(i)}</li>" for i in b.items)
            out.append(f"<{b.kind}>{items}</{b.kind}>")
        elif b.kind == "table" and table:
            head = "".join(f"<th>{esc(c)}</th>" for c in table[0])
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>"
                           for row in table[1:])
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return "\n".join(out)


# --------------------------------------------------------------------------- web pages


def saved_from(url: str) -> str:
    """The comment a browser's "Save page as" puts after the doctype (URL length, 4 digits)."""
    return f"<!-- saved from url=({len(url):04d}){url} -->"


def json_ld(headline: str, author: str, published: str, modified: str, publisher: str,
            url: str, image: str, section: str, logo: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "author": [{"@type": "Person", "name": author}],
        "datePublished": published,
        "dateModified": modified,
        "articleSection": section,
        "image": [image],
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "publisher": {"@type": "NewsMediaOrganization", "name": publisher,
                      "logo": {"@type": "ImageObject", "url": logo}},
        "isAccessibleForFree": True,
    }
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return f'<script type="application/ld+json">\n{body}\n</script>'


def head_meta(*, headline: str, outlet: str, author: str, published: str, modified: str,
              url: str, dek: str, image: str, section: str, logo: str, css: str,
              extra: str = "") -> str:
    return f"""<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(headline)} | {esc(outlet)}</title>
<meta name="description" content="{attr(dek)}">
<meta name="author" content="{attr(author)}">
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="{attr(url)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(headline)}">
<meta property="og:description" content="{attr(dek)}">
<meta property="og:url" content="{attr(url)}">
<meta property="og:site_name" content="{attr(outlet)}">
<meta property="og:image" content="{attr(image)}">
<meta property="article:published_time" content="{published}">
<meta property="article:modified_time" content="{modified}">
<meta property="article:section" content="{attr(section)}">
<meta name="twitter:card" content="summary_large_image">
{json_ld(headline, author, published, modified, outlet, url, image, section, logo)}
{extra}<style>
{css}
</style>
</head>"""


COOKIE_BANNER = """<div id="cookie-consent" class="cookie-banner" role="dialog" aria-label="Cookie consent">
  <p>We use cookies and similar technologies to run this site, measure our audience and
  show you relevant content. You can accept all cookies or choose which ones we may use.
  Read our <a href="/privacy">privacy policy</a> and <a href="/cookies">cookie policy</a>.</p>
  <button type="button" class="accept">Accept all</button>
  <button type="button" class="manage">Manage preferences</button>
</div>"""


def share_bar(url: str, headline: str) -> str:
    u = attr(url)
    t = attr(headline)
    return f"""<ul class="share" aria-label="Share this article">
  <li><a href="https://social.example/share?u={u}" class="share-fb">Share</a></li>
  <li><a href="https://microblog.example/intent?url={u}&amp;text={t}" class="share-x">Post</a></li>
  <li><a href="mailto:?subject={t}&amp;body={u}" class="share-mail">Email</a></li>
  <li><button type="button" class="copy-link">Copy link</button></li>
</ul>"""


def newsletter(name: str, blurb: str) -> str:
    return f"""<aside class="newsletter-signup">
  <h3>{esc(name)}</h3>
  <p>{esc(blurb)}</p>
  <form action="/newsletters/subscribe" method="post">
    <label for="nl-email">Email address</label>
    <input id="nl-email" type="email" name="email" placeholder="you@example.com">
    <button type="submit">Sign up</button>
  </form>
  <p class="small">By signing up you agree to our terms and privacy policy. You can
  unsubscribe at any time.</p>
</aside>"""


def related(title: str, items: list[tuple[str, str, str]]) -> str:
    lis = "\n".join(
        f'  <li><a href="{attr(href)}"><span class="teaser-headline">{esc(h)}</span></a>'
        f'<time>{esc(d)}</time></li>'
        for h, d, href in items)
    return f'<section class="related-stories">\n<h2>{esc(title)}</h2>\n<ul>\n{lis}\n</ul>\n</section>'


def comments(count_label: str, items: list[tuple[str, str, str]]) -> str:
    lis = "\n".join(
        f'  <li class="comment"><p class="comment-meta"><strong>{esc(who)}</strong> '
        f'<time>{esc(when)}</time></p><p class="comment-body">{esc(text)}</p>'
        f'<p class="comment-actions"><a href="#reply">Reply</a> · <a href="#report">Report</a></p></li>'
        for who, when, text in items)
    return (f'<section id="comments" class="comments">\n<h2>{esc(count_label)}</h2>\n'
            f'<p class="comment-rules">Comments are moderated. Please keep to our community '
            f'guidelines.</p>\n<ol>\n{lis}\n</ol>\n</section>')


def nav(items: list[str]) -> str:
    lis = "".join(f'<li><a href="/{re.sub(r"[^a-z]+", "-", i.lower())}">{esc(i)}</a></li>'
                  for i in items)
    return f'<nav class="site-nav" aria-label="Sections"><ul>{lis}</ul></nav>'


BASE_CSS = """body{font-family:Georgia,serif;margin:0;color:#222}
.cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#111;color:#eee;padding:1em}
.site-nav ul,.share{list-style:none;display:flex;gap:1em;padding:0}
.newsletter-signup{border:1px solid #ccc;padding:1em;margin:2em 0}
figure{margin:1.5em 0}figcaption{font-size:.85em;color:#555}
.related-stories li,.comments li{margin:.6em 0}
footer{border-top:1px solid #ccc;margin-top:3em;padding:1em;font-size:.8em}"""


def page_courier(src: Source) -> str:
    """The Kessan Courier: the page with a script, an iframe and a remote image."""
    m = src.meta
    url = "https://www.kessancourier.example/news/2026/03/03/kessan-water-rationing-brannock-reservoir"
    image = "https://static.kessancourier.example/images/2026/03/brannock-shoreline-1600.jpg"
    paras = src.paragraphs
    first, rest = paras[:4], paras[4:]
    body_a = "\n".join(f"<p>{esc(p)}</p>" for p in first)
    body_b = "\n".join(f"<p>{esc(p)}</p>" for p in rest)
    analytics = """<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){ dataLayer.push(arguments); }
  gtag('js', 'courier-analytics');
  gtag('config', 'KC-000000', { 'anonymize_ip': true, 'page_type': 'article' });
</script>
<script async src="https://analytics.kessancourier.example/tag.js"></script>
<link rel="stylesheet" href="https://static.kessancourier.example/css/site.4f2a.css">
"""
    head = head_meta(headline=m["headline"], outlet="The Kessan Courier", author=m["author"],
                     published="2026-03-03T14:05:00+01:00",
                     modified="2026-03-03T18:40:00+01:00", url=url, dek=m["dek"],
                     image=image, section="City", css=BASE_CSS,
                     logo="https://static.kessancourier.example/logo.png", extra=analytics)
    return f"""<!DOCTYPE html>
{saved_from(url)}
<html lang="en">
{head}
<body class="article-page">
{COOKIE_BANNER}
<header class="masthead">
  <a class="skip" href="#main">Skip to main content</a>
  <div class="brand"><a href="/"><img src="https://static.kessancourier.example/logo.png" alt="The Kessan Courier"></a></div>
  <p class="edition">Kessan · Tuesday 3 March 2026 · <a href="/subscribe">Subscribe</a> · <a href="/login">Sign in</a></p>
  {nav(["News", "City", "Province", "Business", "Sport", "Opinion", "Culture", "Weather"])}
</header>
<main id="main">
<article class="story">
  <p class="kicker"><a href="/city">City</a> · Drought</p>
  <h1 class="headline">{esc(m["headline"])}</h1>
  <p class="standfirst">{esc(m["dek"])}</p>
  <div class="byline-block">
    <p class="byline">By <a rel="author" href="/authors/lena-ostrowski">{esc(m["author"])}</a>, City Hall reporter</p>
    <p class="dateline"><time datetime="2026-03-03T14:05:00+01:00">Tuesday 3 March 2026, 14:05</time> · Updated 18:40</p>
  </div>
  {share_bar(url, m["headline"])}
  <figure class="lead-image">
    <img src="{image}" alt="Cracked mud and a stranded jetty on the shore of Brannock Reservoir" width="1600" height="900">
    <figcaption>The exposed bed of Brannock Reservoir near the village of Lesk, where the waterline has retreated more than 200 metres since the autumn. <span class="credit">Photo: Piotr Hale / The Kessan Courier</span></figcaption>
  </figure>
  <div class="story-body">
{body_a}
<div class="video-embed">
  <p class="embed-label">Watch: the mayor announces the restrictions (2:41)</p>
  <iframe src="https://video.kessancourier.example/embed/sorell-restrictions-0303" width="640" height="360" title="Video player" allowfullscreen></iframe>
</div>
{body_b}
  </div>
  <p class="corrections">Have a story to tell? Email <a href="mailto:news@kessancourier.example">news@kessancourier.example</a></p>
  {share_bar(url, m["headline"])}
</article>
{newsletter("The Morning Courier", "The stories Kessan is talking about, in your inbox before 7 a.m. every weekday.")}
{related("Related stories", [
    ("Driest winter in 62 years, meteorological service confirms", "26 February 2026",
     "/news/2026/02/26/driest-winter-62-years"),
    ("Farmers brace for a short irrigation season on the Orva", "19 February 2026",
     "/province/2026/02/19/farmers-short-irrigation-season"),
    ("Opinion: Kessan cannot build its way out of a drought", "12 February 2026",
     "/opinion/2026/02/12/build-way-out-of-drought"),
    ("Leak figures show a quarter of the city's water never reaches a tap", "4 November 2025",
     "/news/2025/11/04/kwa-leak-figures"),
])}
{comments("Comments (3)", [
    ("harbourside_mo", "3 March 2026 15:12",
     "Six hours a night is fine. Fix the pipes on Harbour Street first though, they have been leaking since I was at school."),
    ("GreyfieldDad", "3 March 2026 15:40",
     "So the fountains in Civic Square will be switched off too? Asking for the whole city."),
    ("E. Lindahl", "3 March 2026 16:02",
     "The farms upstream use far more than we do. Why is this always on households?"),
])}
</main>
<footer class="site-footer">
  <ul class="footer-links"><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/advertise">Advertise</a></li><li><a href="/terms">Terms of use</a></li><li><a href="/privacy">Privacy</a></li></ul>
  <p>© 2026 The Kessan Courier Ltd. All rights reserved. Registered office: 14 Quay Street, Kessan.</p>
</footer>
</body>
</html>
"""


def page_post(src: Source) -> str:
    """Halvern Post: figure, an inline "Read more" teaser in the body, relative images."""
    m = src.meta
    url = "https://www.halvernpost.example/province/orva-irrigation-cut-drought-emergency-order-20260306"
    image = "Halvern_Post_files/tarrow-fallow-field.jpg"
    paras = src.paragraphs
    parts = [f"<p>{esc(p)}</p>" for p in paras]
    parts.insert(5, '<p class="read-more"><strong>READ MORE:</strong> <a href="/province/'
                    'farmers-union-rationing-plan-20260305">Farmers’ union chief: rationing '
                    'plan ‘will ruin the harvest’</a></p>')
    body = "\n".join(parts)
    head = head_meta(headline=m["headline"], outlet="Halvern Post", author=m["author"],
                     published="2026-03-06T18:42:00+01:00",
                     modified="2026-03-06T21:15:00+01:00", url=url, dek=m["dek"],
                     image="https://www.halvernpost.example/img/tarrow-fallow-field.jpg",
                     section="Province", css=BASE_CSS,
                     logo="https://www.halvernpost.example/img/logo.svg")
    return f"""<!DOCTYPE html>
{saved_from(url)}
<html lang="en-GB">
{head}
<body>
<div class="consent-layer" id="gdpr">
  <h2>Your privacy</h2>
  <p>The Halvern Post and our partners use cookies to personalise content and ads and to
  analyse our traffic. Click “I agree” to accept, or “Options” to choose.</p>
  <a href="#" class="btn">I agree</a> <a href="/privacy-options" class="btn">Options</a>
</div>
<header>
  <div class="top-bar"><a href="/">Halvern Post</a> <span class="tagline">Halvern’s paper since 1889</span>
  <a href="/subscribe" class="cta">Subscribe from 1 crown</a></div>
  {nav(["Home", "Province", "Kessan", "Aldmoor", "Farming", "Business", "Opinion", "Sport", "Obituaries"])}
  <div class="breadcrumb"><a href="/">Home</a> › <a href="/province">Province</a> › Drought</div>
</header>
<div class="page-wrap">
<div class="article-container" itemscope itemtype="https://schema.org/NewsArticle">
  <header class="article-header">
    <h1 itemprop="headline">{esc(m["headline"])}</h1>
    <h2 class="subheadline">{esc(m["dek"])}</h2>
    <div class="meta">
      <span class="author">By <span itemprop="author">{esc(m["author"])}</span></span>
      <span class="sep">|</span>
      <span class="published">Published March 6, 2026 at 6:42 p.m.</span>
      <span class="updated">Updated March 6, 2026 at 9:15 p.m.</span>
    </div>
  </header>
  {share_bar(url, m["headline"])}
  <figure>
    <img src="{image}" alt="Tractors parked beside a bare field">
    <figcaption>Tractors parked at the edge of a fallow field near Tarrow, in the Orva valley, on Thursday. Photo: Miriam Osei / Halvern Post</figcaption>
  </figure>
  <div class="article-body" itemprop="articleBody">
{body}
  </div>
  <div class="tags">Topics: <a href="/topic/drought">Drought</a> <a href="/topic/farming">Farming</a> <a href="/topic/orva-river">Orva River</a></div>
  <div class="author-card"><p><strong>{esc(m["author"])}</strong> covers the provincial legislature and government for the Halvern Post. <a href="/authors/aaron-whitcombe">More by this author</a></p></div>
</div>
<aside class="sidebar">
{newsletter("Drought Watch", "A twice-weekly update on the reservoir, the river and the rules, from the Halvern Post newsroom.")}
{related("More on the drought", [
    ("Kessan to ration water as Brannock Reservoir falls to 31 percent", "March 3, 2026",
     "/kessan/water-rationing-20260303"),
    ("Draft order would cut valley irrigation by 40 percent", "March 4, 2026",
     "/province/draft-drought-order-20260304"),
    ("Tarn snowpack thinnest in two decades, survey finds", "February 27, 2026",
     "/province/tarn-snowpack-20260227"),
])}
</aside>
</div>
{comments("12 comments", [
    ("valleygrower", "March 6, 2026 7:20 p.m.",
     "1,900 a hectare. The seed alone cost me more than that this year."),
    ("Aldmoor_resident", "March 6, 2026 7:58 p.m.",
     "Someone has to take the cut. Better a fallow field than a city without water."),
])}
<footer>
  <p><a href="/contact">Contact us</a> · <a href="/corrections">Corrections</a> · <a href="/terms">Terms</a> · <a href="/privacy">Privacy</a> · <a href="/cookies">Cookies</a></p>
  <p>Copyright © 2026 Halvern Post Media Group. All rights reserved.</p>
</footer>
</body>
</html>
"""


def page_observer(src: Source) -> str:
    """The Riverland Observer: a long analysis with subheads and a pull quote."""
    m = src.meta
    url = "https://riverlandobserver.example/analysis/2026/mar/16/kessan-drought-proof-dam-desalination-leaks"
    blocks = src.blocks
    body_parts = []
    for i, b in enumerate(blocks):
        if b.kind == "p":
            body_parts.append(f"<p>{esc(b.text)}</p>")
        elif b.kind == "h":
            body_parts.append(f"<h2>{esc(b.text)}</h2>")
        if i == 6:
            body_parts.append('<figure class="figure--inline"><img src="Riverland_Observer_files/'
                              'brannock-intake-tower.jpg" alt="Intake tower">'
                              '<figcaption><span class="caption">The intake tower at Brannock '
                              'Reservoir stands clear of the water for the first time since 2009.'
                              '</span> <span class="credit">Photograph: Tomasz Reyes for the '
                              'Riverland Observer</span></figcaption></figure>')
    body = "\n".join(body_parts)
    head = head_meta(headline=m["headline"], outlet="The Riverland Observer",
                     author=m["author"], published="2026-03-16T06:00:00+01:00",
                     modified="2026-03-16T06:00:00+01:00", url=url, dek=m["dek"],
                     image="https://riverlandobserver.example/media/brannock-intake-tower.jpg",
                     section="Analysis", css=BASE_CSS,
                     logo="https://riverlandobserver.example/media/logo.png")
    return f"""<!DOCTYPE html>
{saved_from(url)}
<html lang="en">
{head}
<body>
<div class="cmp-banner"><p>We care about your privacy. We and our 142 partners store and
access information on your device. <a href="/cookies">Learn more</a></p>
<button>Accept</button><button>Reject</button></div>
<header class="site-header">
  <a href="/" class="logo">The Riverland Observer</a>
  {nav(["World", "National", "Regions", "Environment", "Analysis", "Business", "Opinion", "Podcasts"])}
  <a href="/support" class="support">Support independent journalism</a>
</header>
<main>
<section class="content">
  <div class="content__labels"><a href="/environment">Environment</a> / <a href="/analysis">Analysis</a></div>
  <h1>{esc(m["headline"])}</h1>
  <div class="content__standfirst"><p>{esc(m["dek"])}</p></div>
  <address class="content__byline">By <a href="/profile/rosalind-fairweather" rel="author">{esc(m["author"])}</a>, environment correspondent</address>
  <p class="content__date">Mon 16 Mar 2026 06.00 CET</p>
  {share_bar(url, m["headline"])}
  <div class="content__body">
{body}
  </div>
  <aside class="pullquote"><blockquote>“A dam stores rain. It does not make it.”</blockquote></aside>
  <p class="content__footnote">This article was amended on 16 March 2026 to correct the name of the Harrow Gap scheme.</p>
</section>
{newsletter("Down to Earth", "The Observer’s weekly environment newsletter: the stories behind the weather.")}
{related("More from Environment", [
    ("Snowpack surveys show a thin year across the Tarn range", "Fri 6 Mar 2026",
     "/environment/2026/mar/06/tarn-snowpack-surveys"),
    ("Desalination: the promise and the brine", "Tue 10 Feb 2026",
     "/environment/2026/feb/10/desalination-promise-and-brine"),
    ("Who owns a river? The long fight over the Orva", "Sat 24 Jan 2026",
     "/long-read/2026/jan/24/who-owns-a-river-orva"),
])}
{comments("Comments (2)", [
    ("rainwatcher", "16 Mar 2026 08:14",
     "Fix the leaks first. It is not complicated."),
    ("Harrow_Gap_Yes", "16 Mar 2026 09:30",
     "We have been talking about Harrow Gap for forty years. Build it."),
])}
</main>
<footer class="site-footer">
  <p>© 2026 Riverland Observer News &amp; Media Limited or its affiliated companies. All rights reserved.</p>
  <p><a href="/help">Help</a> · <a href="/complaints">Complaints &amp; corrections</a> · <a href="/privacy">Privacy policy</a> · <a href="/cookies">Cookie policy</a></p>
</footer>
</body>
</html>
"""


WIRE_HEADLINE = "Kessan to cut night-time water supply as reservoir hits 31 percent"


def page_valley_times(wire_paragraphs: list[str]) -> str:
    """The Valley Times carrying the Meridian wire story verbatim in its own template."""
    url = "https://www.valleytimes.example/news/national/kessan-night-time-water-cuts-reservoir-31-percent"
    body = "\n".join(f"<p>{esc(p)}</p>" for p in wire_paragraphs)
    dek = "The city's first rationing since 2009 begins on March 9"
    head = head_meta(headline=WIRE_HEADLINE, outlet="The Valley Times", author="Kasia Lund",
                     published="2026-03-03T15:20:00+01:00",
                     modified="2026-03-03T15:20:00+01:00", url=url, dek=dek,
                     image="https://www.valleytimes.example/wire/photos/mna-kessan-reservoir.jpg",
                     section="National", css=BASE_CSS,
                     logo="https://www.valleytimes.example/logo.png")
    return f"""<!DOCTYPE html>
{saved_from(url)}
<html lang="en-US">
{head}
<body>
<div id="cookie-notice"><p>This website uses cookies. By continuing to browse you accept
our use of cookies. <a href="/privacy">More information</a></p><button>OK</button></div>
<header>
  <div class="logo"><a href="/">The Valley Times</a></div>
  <div class="weather-widget">Tarrow 14°C · Dry</div>
  {nav(["Local", "National", "World", "Farm & Ranch", "Sports", "Obituaries", "Classifieds", "E-Edition"])}
</header>
<div class="main">
<article>
  <h1 class="entry-title">{esc(WIRE_HEADLINE)}</h1>
  <div class="entry-meta">
    <span class="byline">By Kasia Lund, Meridian News Agency</span>
    <span class="posted-on">Mar. 3, 2026 3:20 PM</span>
  </div>
  {share_bar(url, WIRE_HEADLINE)}
  <figure class="wp-caption">
    <img src="Valley_Times_files/mna-kessan-reservoir.jpg" alt="Brannock Reservoir">
    <figcaption class="wp-caption-text">A boat ramp ends far from the water at Brannock Reservoir, which supplies most of Kessan's drinking water. (Meridian News Agency photo)</figcaption>
  </figure>
  <div class="entry-content">
{body}
  </div>
  <p class="copyright-notice">Copyright 2026 Meridian News Agency. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p>
</article>
{newsletter("Valley Times Daily", "Local news, markets and weather for the Orva valley, every morning.")}
{related("You may also like", [
    ("County fair board votes to keep the September date", "Mar. 2, 2026", "/local/county-fair-date"),
    ("Sugar beet prices slip as processors trim contracts", "Feb. 27, 2026", "/farm/sugar-beet-prices"),
    ("Tarrow bridge repairs to close one lane through April", "Feb. 25, 2026", "/local/tarrow-bridge-repairs"),
])}
{comments("Join the conversation (1)", [
    ("orchardman44", "Mar. 3, 2026 5:02 PM",
     "Funny how the city rations for six hours and the valley gets told to stop farming."),
])}
</div>
<footer>
  <p>© 2026 The Valley Times, Tarrow. All rights reserved. | <a href="/terms">Terms of Service</a> | <a href="/privacy">Privacy Policy</a></p>
</footer>
</body>
</html>
"""


def page_evening_star(src: Source) -> str:
    """The Kessan Evening Star, saved by a browser and renamed to .txt by the analyst."""
    m = src.meta
    url = "https://eveningstar.example/kessan/2026/03/12/first-week-night-time-water-cuts/"
    paras = src.paragraphs
    parts = [f"<p>{esc(p)}</p>" for p in paras]
    parts.insert(8, '<div class="ad-slot" data-slot="mpu-1"><span class="ad-label">Advertisement</span></div>')
    body = "\n".join(parts)
    head = head_meta(headline=m["headline"], outlet="Kessan Evening Star", author=m["author"],
                     published="2026-03-12T19:30:00+01:00",
                     modified="2026-03-12T20:05:00+01:00", url=url, dek=m["dek"],
                     image="https://eveningstar.example/wp-content/uploads/2026/03/standpipe.jpg",
                     section="Kessan", css=BASE_CSS,
                     logo="https://eveningstar.example/wp-content/themes/star/logo.png")
    return f"""<!DOCTYPE html>
<html lang="en-GB" class="no-js">
{head}
<body class="post-template-default single single-post">
<div class="cookie-bar">We use cookies to give you the best experience. <a href="/cookie-policy">Find out more</a> <button>Got it</button></div>
<div id="page" class="site">
<header id="masthead" class="site-header">
  <p class="site-title"><a href="/" rel="home">Kessan Evening Star</a></p>
  <p class="site-description">News, sport and what’s on in Kessan</p>
  {nav(["News", "Kessan", "Crime", "Sport", "What's On", "Property", "Jobs", "Notices"])}
</header>
<div id="content" class="site-content">
<article id="post-48213" class="post type-post status-publish">
  <header class="entry-header">
    <span class="cat-links"><a href="/category/kessan/" rel="category tag">Kessan</a></span>
    <h1 class="entry-title">{esc(m["headline"])}</h1>
    <p class="entry-summary">{esc(m["dek"])}</p>
    <div class="entry-meta"><span class="byline">By <span class="author vcard"><a class="url fn n" href="/author/nina-calloway/">{esc(m["author"])}</a></span></span>
    <span class="posted-on"><time class="entry-date published" datetime="2026-03-12T19:30:00+01:00">Thu 12 Mar 2026 19.30</time></span></div>
  </header>
  {share_bar(url, m["headline"])}
  <figure class="post-thumbnail">
    <img src="first-week_files/standpipe.jpg" alt="Residents at a standpipe">
    <figcaption>Volunteers help residents fill containers at the standpipe outside Saltmarket Library on Wednesday night. Picture: Dev Sandhu</figcaption>
  </figure>
  <div class="entry-content">
{body}
  </div>
  <footer class="entry-footer">
    <p>Do you have a story about the water cuts? Contact our newsdesk on <a href="mailto:news@eveningstar.example">news@eveningstar.example</a>.</p>
  </footer>
</article>
{newsletter("Star Briefing", "Get the day’s Kessan headlines sent to you every evening at six.")}
{related("Most read", [
    ("Water cut schedule: when your district goes dry", "Mon 9 Mar 2026", "/kessan/2026/03/09/water-cut-schedule/"),
    ("Saltmarket residents say taps dry until 7am", "Tue 10 Mar 2026", "/kessan/2026/03/10/saltmarket-taps-dry/"),
    ("Kessan Rovers hold on for a point at Aldmoor", "Sat 7 Mar 2026", "/sport/2026/03/07/rovers-aldmoor/"),
])}
{comments("Comments", [
    ("SaltmarketSue", "Thu 12 Mar 2026 20.11",
     "Top floor here too. Bucket by the bath, same as Marta. Solidarity."),
    ("Northgate Neil", "Thu 12 Mar 2026 20.34",
     "Ours comes back at four on the dot. Maybe they should swap us round each week."),
])}
</div>
<footer id="colophon" class="site-footer">
  <p>© 2026 Kessan Evening Star. Part of Coastline Media. All rights reserved.</p>
  <p><a href="/contact/">Contact</a> | <a href="/advertise/">Advertise</a> | <a href="/privacy-policy/">Privacy</a></p>
</footer>
</div>
</body>
</html>
"""


# --------------------------------------------------------------------------- plain text


def wire_texts() -> tuple[str, str, list[str]]:
    """The wire story as pasted, its re-send with the minister's comments, and the
    paragraphs (for the page that carries it verbatim)."""
    original = (SRC / "wire.txt").read_text("utf-8")
    paragraphs = original.strip("\n").split("\n\n")
    insert = read_source("wire-update-insert.txt")
    anchor = insert.meta["after"]
    at = next(i for i, p in enumerate(paragraphs) if p.startswith(anchor)) + 1
    updated = paragraphs[:at] + insert.paragraphs + paragraphs[at:]
    update_text = insert.meta["first-line"] + "\n\n" + "\n\n".join(updated) + "\n"
    return original, update_text, paragraphs


def union_chief_text() -> str:
    src = read_source("union-chief.txt")
    m = src.meta
    body = "\n\n".join(src.paragraphs)
    return f"{m['headline']}\nBy {m['author']}\n{m['date-line']}\n\n{body}\n"


# --------------------------------------------------------------------------- PDFs


FONT_FACES = f"""
@font-face {{ font-family: BriefSerif; src: url("{FONTS_URL}/CharisSIL-Regular.ttf"); }}
@font-face {{ font-family: BriefSerif; font-style: italic;
             src: url("{FONTS_URL}/CharisSIL-Italic.ttf"); }}
@font-face {{ font-family: BriefSans; src: url("{FONTS_URL}/OpenSans-Regular.ttf"); }}
@font-face {{ font-family: BriefSans; font-weight: 600;
             src: url("{FONTS_URL}/OpenSans-Semibold.ttf"); }}
@font-face {{ font-family: BriefSans; font-weight: bold;
             src: url("{FONTS_URL}/OpenSans-Bold.ttf"); }}
"""

BRIEF_CSS = """
@page {
  size: A4; margin: 24mm 18mm 22mm 18mm;
  @top-left { content: "Running Dry: Sharing the Orva in a Drought Year";
              font: 8pt BriefSans; color: #555; vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: "HIWP Policy Brief No. 7/2026";
               font: 8pt BriefSans; color: #555; vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-center { content: "Page " counter(page); font: 8pt BriefSans; color: #555; }
}
html { font-family: BriefSerif; font-size: 9.6pt; line-height: 1.38; color: #1d1d1d; }
body { margin: 0; }
.masthead { font: 600 8.5pt BriefSans; color: #0b5c7a; letter-spacing: .06em;
            text-transform: uppercase; border-bottom: 2pt solid #0b5c7a; padding-bottom: 2mm; }
h1 { font: bold 21pt/1.15 BriefSans; color: #0b3d52; margin: 6mm 0 2mm; }
.authors { font: 10pt BriefSans; margin: 0 0 1mm; }
.date { font: 8.5pt BriefSans; color: #555; margin: 0 0 6mm; }
.columns { columns: 2; column-gap: 7mm; text-align: justify; hyphens: auto; }
.columns p { margin: 0 0 2.2mm; orphans: 2; widows: 2; }
.columns h2 { font: bold 10.5pt BriefSans; color: #0b3d52; margin: 4mm 0 1.5mm;
              text-align: left; hyphens: manual; break-after: avoid; }
.columns ul { margin: 0 0 2.5mm; padding-left: 4mm; }
.columns li { margin-bottom: 1.2mm; }
.keypoints { background: #e8f1f5; padding: 2mm 3mm 1mm; break-inside: avoid; }
.keypoints h2 { margin-top: 1mm; }
table { width: 100%; border-collapse: collapse; font: 8pt BriefSans; margin: 2mm 0 1mm; hyphens: manual;
        break-inside: avoid; text-align: left; }
th, td { border-bottom: .5pt solid #999; padding: 1mm 1.2mm; vertical-align: top; }
th { background: #0b5c7a; color: white; font-weight: 600; }
td:nth-child(n+2), th:nth-child(n+2) { text-align: right; }
caption { caption-side: top; font: 600 8pt BriefSans; text-align: left; padding-bottom: 1mm; }
.source-note { font: 7.5pt BriefSans; color: #555; margin: 0 0 3mm; text-align: left; }
.about { font-size: 8.5pt; font-style: italic; }
"""


def policy_brief_html() -> str:
    src = read_source("hiwp-brief.txt")
    m = src.meta
    table = read_table("hiwp-table.tsv")
    authors = [a.strip() for a in m["authors"].split(";")]
    parts = []
    blocks = src.blocks
    in_keypoints = blocks[0].kind == "h" and blocks[0].text == "Key points"
    i = 0
    if in_keypoints:
        parts.append('<div class="keypoints">' + blocks_html(blocks[:2]) + "</div>")
        i = 2
    about = False
    for b in blocks[i:]:
        if b.kind == "h" and b.text.startswith("About"):
            about = True
        if b.kind == "table":
            head = "".join(f"<th>{esc(c)}</th>" for c in table[0])
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>"
                           for row in table[1:])
            parts.append("<table><caption>Table 1. Withdrawals from the Orva in a normal year"
                         f"</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
                         '<p class="source-note">Source: Halvern Ministry of Water and '
                         "Environment licence returns, average of 2019–2024; HIWP "
                         "calculations.</p>")
        else:
            parts.append(blocks_html([b], p_class="about" if about and b.kind == "p" else ""))
    body = "\n".join(parts)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(m["title"])}</title>
<meta name="author" content="{attr(authors[0])}">
<meta name="author" content="{attr(authors[1])}">
<meta name="description" content="Halvern Institute for Water Policy, {esc(m["series"])}: how to share the Orva River's water between Kessan, farms and industry in the 2026 drought.">
<meta name="keywords" content="Orva River, drought, irrigation, water pricing, leakage, Kessan">
<meta name="generator" content="HIWP publications">
<meta name="dcterms.created" content="2026-03-10T09:00:00+01:00">
<meta name="dcterms.modified" content="2026-03-10T09:00:00+01:00">
<style>{FONT_FACES}{BRIEF_CSS}</style>
</head>
<body>
<p class="masthead">Halvern Institute for Water Policy · {esc(m["series"])}</p>
<h1>{esc(m["title"])}</h1>
<p class="authors">Dr {esc(authors[0])} and {esc(authors[1])}</p>
<p class="date">10 March 2026</p>
<div class="columns">
{body}
</div>
</body>
</html>
"""


RELEASE_CSS = """
@page {
  size: A4; margin: 20mm 22mm 24mm 22mm;
  @bottom-left { content: "Ministry of Water and Environment · Halvern Province · water.halvern.example";
                 font: 7.5pt BriefSans; color: #666; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt BriefSans; color: #666; }
}
html { font-family: BriefSans; font-size: 10pt; line-height: 1.45; color: #222; }
body { margin: 0; }
.letterhead { display: flex; justify-content: space-between; align-items: flex-end;
              border-bottom: 3pt solid #2f6b3a; padding-bottom: 3mm; }
.crest { font: bold 13pt BriefSans; color: #2f6b3a; line-height: 1.2; }
.crest small { display: block; font: 600 8.5pt BriefSans; color: #444; letter-spacing: .08em;
               text-transform: uppercase; }
.label { font: bold 10pt BriefSans; color: white; background: #2f6b3a; padding: 1.5mm 3mm; }
.release-line { font: 600 8.5pt BriefSans; color: #444; margin: 4mm 0 0; text-transform: uppercase;
                letter-spacing: .05em; }
h1 { font: bold 17pt/1.2 BriefSans; margin: 4mm 0 2mm; color: #1c3d22; }
.dek { font: italic 11pt/1.35 BriefSerif; margin: 0 0 5mm; color: #333; }
p { margin: 0 0 2.6mm; }
ul { margin: 0 0 3mm; padding-left: 5mm; }
li { margin-bottom: 1.5mm; }
h2 { font: bold 10pt BriefSans; margin: 5mm 0 1.5mm; color: #1c3d22; }
ol { font-size: 9pt; padding-left: 5mm; }
.contact p { margin: 0; font-size: 9pt; }
.ends { text-align: center; font-weight: bold; margin-top: 5mm; }
"""


def press_release_html() -> str:
    src = read_source("ministry-release.txt")
    m = src.meta
    blocks = src.blocks
    cut = next(i for i, b in enumerate(blocks) if b.kind == "h" and b.text == "Media contact")
    main = blocks_html(blocks[:cut])
    contact = "".join(f"<p>{esc(b.text)}</p>" for b in blocks[cut + 1:])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(m["headline"])}</title>
<meta name="author" content="Ministry of Water and Environment, Halvern Province">
<meta name="description" content="{attr(m["dek"])}">
<meta name="keywords" content="press release, drought, Orva, irrigation, Kessan">
<meta name="dcterms.created" content="2026-03-06T11:30:00+01:00">
<meta name="dcterms.modified" content="2026-03-06T11:30:00+01:00">
<style>{FONT_FACES}{RELEASE_CSS}</style>
</head>
<body>
<div class="letterhead">
  <div class="crest">Halvern Province<small>Ministry of Water and Environment</small></div>
  <div class="label">PRESS RELEASE</div>
</div>
<p class="release-line">For immediate release · 6 March 2026</p>
<h1>{esc(m["headline"])}</h1>
<p class="dek">{esc(m["dek"])}</p>
{main}
<h2>Media contact</h2>
<div class="contact">{contact}</div>
<p class="ends">ENDS</p>
</body>
</html>
"""


def write_pdf(html_text: str, path: Path, created: dt.datetime) -> None:
    """Typeset with WeasyPrint, byte-identical on rerun: the /ID is a hash of the HTML,
    and SOURCE_DATE_EPOCH (which fontTools stamps into each embedded font subset instead
    of the clock) is the document's creation time."""
    from weasyprint import HTML  # imported here: the rest of the script runs without it

    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(created.timestamp()))
    try:
        identifier = hashlib.sha256(html_text.encode("utf-8")).hexdigest()[:32].encode("ascii")
        HTML(string=html_text, base_url=ROOT.as_uri() + "/").write_pdf(
            path, pdf_identifier=identifier)
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


# --------------------------------------------------------------------------- Word files

ZIP_TIME = (2026, 3, 1, 0, 0, 0)


def deterministic_zip(data: bytes) -> bytes:
    """python-docx stamps each ZIP member with the clock: rewrite them with a fixed time."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def set_core(doc, *, title: str, author: str, created: dt.datetime, modified: dt.datetime,
             subject: str = "", keywords: str = "", comments: str = "") -> None:
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.created = created
    cp.modified = modified
    cp.revision = 3
    cp.subject = subject
    cp.keywords = keywords
    cp.comments = comments
    cp.category = ""
    cp.content_status = ""
    cp.identifier = ""
    cp.language = "en-GB"
    cp.version = ""


def kwa_statement_docx() -> bytes:
    from docx import Document
    from docx.shared import Pt

    src = read_source("kwa-statement.txt")
    table = read_table("kwa-table.tsv")
    doc = Document()
    set_core(doc, title=src.meta["title"], author="Helena Marsk",
             created=dt.datetime(2026, 3, 9, 6, 45, tzinfo=dt.timezone.utc),
             modified=dt.datetime(2026, 3, 9, 7, 20, tzinfo=dt.timezone.utc),
             subject="Drought 2026", keywords="Stage 3, restrictions, schedule, Kessan")
    doc.add_paragraph(src.meta["title"], style="Title")
    for b in src.blocks:
        if b.kind == "h":
            doc.add_heading(b.text, level=1)
        elif b.kind == "table":
            t = doc.add_table(rows=0, cols=len(table[0]))
            t.style = "Table Grid"
            for r, row in enumerate(table):
                cells = t.add_row().cells
                for c, value in enumerate(row):
                    cells[c].text = value
                    if r == 0:
                        for run in cells[c].paragraphs[0].runs:
                            run.bold = True
        else:
            para = doc.add_paragraph(b.text)
            if b.text.startswith("Issued on"):
                for run in para.runs:
                    run.italic = True
                    run.font.size = Pt(10)
    buf = io.BytesIO()
    doc.save(buf)
    return deterministic_zip(buf.getvalue())


def oped_docx() -> bytes:
    from docx import Document

    src = read_source("ternholm-oped.txt")
    doc = Document()
    set_core(doc, title=src.meta["title"], author="Elias Ternholm",
             created=dt.datetime(2026, 3, 12, 16, 40, tzinfo=dt.timezone.utc),
             modified=dt.datetime(2026, 3, 12, 18, 5, tzinfo=dt.timezone.utc),
             comments="Op-ed draft as submitted")
    doc.add_paragraph(src.meta["title"], style="Title")
    doc.add_paragraph(src.meta["byline"])
    last = len(src.blocks) - 1
    for i, b in enumerate(src.blocks):
        if b.kind == "h":
            doc.add_heading(b.text, level=1)
        else:
            para = doc.add_paragraph(b.text)
            if i == last:  # the author's note
                for run in para.runs:
                    run.italic = True
    buf = io.BytesIO()
    doc.save(buf)
    return deterministic_zip(buf.getvalue())


# --------------------------------------------------------------------------- data files

# Brannock Reservoir storage (capacity 410 million m³), daily 6 a.m. readings.
LEVELS = [
    ("2026-03-01", 31.1), ("2026-03-02", 31.0), ("2026-03-03", 30.9), ("2026-03-04", 30.7),
    ("2026-03-05", 30.6), ("2026-03-06", 30.4), ("2026-03-07", 30.3), ("2026-03-08", 30.1),
    ("2026-03-09", 30.0), ("2026-03-10", 29.9), ("2026-03-11", 29.7), ("2026-03-12", 29.6),
    ("2026-03-13", 29.4), ("2026-03-14", 29.2), ("2026-03-15", 29.0), ("2026-03-16", 28.9),
]
CAPACITY = 410.0


def levels_csv() -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["date", "storage_percent", "storage_million_m3", "same_day_2025_percent"])
    for i, (day, pct) in enumerate(LEVELS):
        w.writerow([day, f"{pct:.1f}", f"{pct * CAPACITY / 100:.1f}", f"{58.4 - 0.1 * i:.1f}"])
    return buf.getvalue()


def levels_png() -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    w, h = 720, 400
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONTS / "OpenSans-Regular.ttf"), 13)
    bold = ImageFont.truetype(str(FONTS / "OpenSans-Bold.ttf"), 16)
    d.text((20, 12), "Brannock Reservoir storage, March 2026 (% of capacity)", fill="#0b3d52",
           font=bold)
    left, right, top, bottom = 60, w - 45, 50, h - 55
    lo, hi = 27.0, 32.0

    def y(v: float) -> float:
        return bottom - (v - lo) / (hi - lo) * (bottom - top)

    for v in range(27, 33):
        d.line([(left, y(v)), (right, y(v))], fill="#dddddd")
        d.text((20, y(v) - 9), f"{v}%", fill="#444444", font=font)
    step = (right - left) / (len(LEVELS) - 1)
    points = [(left + i * step, y(p)) for i, (_, p) in enumerate(LEVELS)]
    d.line(points, fill="#0b5c7a", width=3)
    for i, (day, _) in enumerate(LEVELS):
        if i % 3 == 0:
            d.text((left + i * step - 12, bottom + 8), f"{int(day[-2:])} Mar", fill="#444444",
                   font=font)
    d.line([(left + 8 * step, top), (left + 8 * step, bottom)], fill="#b33", width=1)
    d.text((left + 8 * step + 5, top + 2), "Stage 3 from 9 March", fill="#b33", font=font)
    d.text((20, h - 24), "Source: Kessan Water Authority daily readings (fictional)",
           fill="#777777", font=font)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


SOURCES_YAML = """\
# What the files themselves do not say, given by hand. An entry wins over the file's own
# metadata and over its text (sources.yaml > file metadata > text); a field left out is
# found in the file as usual. Fictional corpus: see ../README.md.
union-chief-harvest.txt:
  outlet: "The Harvest Ledger"   # the text names no outlet
  url: "https://harvestledger.example/2026/03/05/union-chief-rationing-plan-ruin-harvest"
ternholm-pricing-oped.docx:
  outlet: "Halvern Post"         # published there as an op-ed
  date: "2026-03-13"             # published; the Word file says created 2026-03-12
"""


# --------------------------------------------------------------------------- main


def main() -> None:
    OUT.mkdir(exist_ok=True)
    wire, wire_update, wire_paragraphs = wire_texts()
    text_files = {
        "courier-rationing.html": page_courier(read_source("courier-rationing.txt")),
        "halvern-post-irrigation.html": page_post(read_source("post-irrigation.txt")),
        "observer-drought-proof.html": page_observer(read_source("observer-analysis.txt")),
        "valley-times-wire.html": page_valley_times(wire_paragraphs),
        "first-week-of-cuts.txt": page_evening_star(read_source("star-first-week.txt")),
        "wire-kessan-rationing.txt": wire,
        "wire-kessan-rationing-update.txt": wire_update,
        "union-chief-harvest.txt": union_chief_text(),
        "reservoir-levels.csv": levels_csv(),
        "sources.yaml": SOURCES_YAML,
    }
    for name, text in text_files.items():
        (OUT / name).write_text(text, encoding="utf-8", newline="\n")
    (OUT / "kwa-stage3-statement.docx").write_bytes(kwa_statement_docx())
    (OUT / "ternholm-pricing-oped.docx").write_bytes(oped_docx())
    (OUT / "reservoir-levels.png").write_bytes(levels_png())
    write_pdf(policy_brief_html(), OUT / "hiwp-policy-brief.pdf",
              dt.datetime(2026, 3, 10, 8, 0, tzinfo=dt.timezone.utc))
    write_pdf(press_release_html(), OUT / "ministry-press-release.pdf",
              dt.datetime(2026, 3, 6, 10, 30, tzinfo=dt.timezone.utc))
    for path in sorted(OUT.iterdir()):
        print(f"{path.stat().st_size:>8}  {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
