"""Demo build time, split by stage, against a bare WeasyPrint render of the same HTML.

    .venv/bin/python benchmarks/build_time.py [--runs 7] [--outline briefs/pakistan-taliban.yaml]

Two comparisons, medians over --runs, measured in the same run so machine load
affects both sides alike:

* in-process: `build_brief` + `render_pdf` (everything from outline file to PDF
  bytes) against `weasyprint.HTML(string=html).write_pdf()` of the very HTML
  the build produced;
* whole process: `brief build` as a user runs it, against a Python process that
  only imports WeasyPrint and writes that HTML to PDF.

The target (issue 2) is a ratio of at most 1.6 for the whole build.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.build import BuildOptions, build_brief  # noqa: E402
from pipeline.render import STYLES_DIR, make_url_fetcher, render_html, render_pdf  # noqa: E402

TARGET_RATIO = 1.6
# A cold build: no analysis cache, one process (the demo has five articles).
COLD = BuildOptions(jobs=1, cache=False)


def bare_render(html: str) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=html, base_url=STYLES_DIR.as_uri() + "/",
                           url_fetcher=make_url_fetcher()).write_pdf()


def in_process(outline: Path, runs: int) -> None:
    stage_runs: dict[str, list[float]] = {}
    whole, bare = [], []
    for _ in range(runs):
        began = time.perf_counter()
        result = build_brief(outline, options=COLD)
        with result.timings.stage("render:pdf"):
            render_pdf(result.brief)
        whole.append(time.perf_counter() - began)
        for name, seconds in result.timings.seconds.items():
            stage_runs.setdefault(name, []).append(seconds)
        html = render_html(result.brief, standalone=False)
        began = time.perf_counter()
        bare_render(html)
        bare.append(time.perf_counter() - began)
    total = statistics.median(whole)
    print(f"in-process, median of {runs} runs")
    print(f"{'stage':<14}{'seconds':>9}{'share':>8}")
    for name, values in stage_runs.items():
        value = statistics.median(values)
        print(f"{name:<14}{value:>9.3f}{value / total:>8.1%}")  # indented: inside analyse
    print(f"{'whole build':<14}{total:>9.3f}")
    print(f"{'bare render':<14}{statistics.median(bare):>9.3f}")
    print(f"ratio whole/bare: {total / statistics.median(bare):.2f} (target <= {TARGET_RATIO})")


def whole_process(outline: Path, runs: int) -> None:
    result = build_brief(outline, options=COLD)
    with tempfile.TemporaryDirectory() as tmp:
        html_path = Path(tmp) / "brief.html"
        html_path.write_text(render_html(result.brief, standalone=False), encoding="utf-8")
        bare_script = (
            f"import sys; sys.path.insert(0, {str(REPO)!r})\n"
            "from benchmarks.build_time import bare_render\n"
            f"bare_render(open({str(html_path)!r}, encoding='utf-8').read())\n")
        ours, bare = [], []
        for _ in range(runs):
            began = time.perf_counter()
            subprocess.run([sys.executable, "-m", "pipeline", "build", str(outline), "-q",
                            "--no-cache", "-o", str(Path(tmp) / "b.pdf")], check=True, cwd=REPO)
            ours.append(time.perf_counter() - began)
            began = time.perf_counter()
            subprocess.run([sys.executable, "-c", bare_script], check=True, cwd=REPO)
            bare.append(time.perf_counter() - began)
    print(f"whole process, median of {runs} runs: brief build {statistics.median(ours):.3f}s, "
          f"bare WeasyPrint process {statistics.median(bare):.3f}s, "
          f"ratio {statistics.median(ours) / statistics.median(bare):.2f}")


def brief_shape(outline: Path) -> None:
    """Items and words per section, and the PDF's page count."""
    import io

    from pypdf import PdfReader

    result = build_brief(outline, options=COLD)
    print(f"{'section':<34}{'items':>6}{'words':>7}")
    for section in result.brief.sections:
        words = sum(len(i.text.split()) for i in section.items)
        print(f"{section.kind + ':' + section.id:<34}{len(section.items):>6}{words:>7}")
    pages = len(PdfReader(io.BytesIO(render_pdf(result.brief))).pages)
    print(f"PDF pages: {pages}")


EXTRAS = ("chronology", "people", "charts")


def extras_cost(outline: Path, runs: int) -> None:
    """What each optional section (issue 16) adds to the in-process build and render:
    the outline without any of them, then with each alone, medians in one run. The
    variants are written next to the outline (its corpus path is relative to it) and
    removed after."""
    import io

    import yaml
    from pypdf import PdfReader

    data = yaml.safe_load(outline.read_text(encoding="utf-8"))
    variants = {"none": dict.fromkeys(EXTRAS, False)}
    variants.update({name: {k: k == name for k in EXTRAS} for name in EXTRAS})
    variants["all"] = dict.fromkeys(EXTRAS, True)
    paths = {}
    try:
        for name, switches in variants.items():
            layout = {**data.get("layout", {}), **switches}
            paths[name] = outline.parent / f".build-time-{name}.yaml"
            paths[name].write_text(yaml.safe_dump({**data, "layout": layout}), encoding="utf-8")
        built: dict[str, list[float]] = {name: [] for name in variants}
        typeset: dict[str, list[float]] = {name: [] for name in variants}
        pages: dict[str, int] = {}
        for _ in range(runs):
            for name, path in paths.items():
                began = time.perf_counter()
                brief = build_brief(path, options=COLD).brief
                middle = time.perf_counter()
                pdf = render_pdf(brief)
                built[name].append(middle - began)
                typeset[name].append(time.perf_counter() - middle)
                pages[name] = len(PdfReader(io.BytesIO(pdf)).pages)
    finally:
        for path in paths.values():
            path.unlink(missing_ok=True)
    print(f"optional sections, in-process, median of {runs} runs "
          "(build: outline to Brief; typeset: WeasyPrint PDF)")
    base_build, base_pdf = (statistics.median(built["none"]),
                            statistics.median(typeset["none"]))
    print(f"  {'none':<11}build {base_build:.3f}s  typeset {base_pdf:.3f}s  "
          f"pages {pages['none']}")
    for name in (*EXTRAS, "all"):
        b, t = statistics.median(built[name]), statistics.median(typeset[name])
        print(f"  {name:<11}build {b:.3f}s ({b - base_build:+.3f})  typeset {t:.3f}s "
              f"({t - base_pdf:+.3f})  pages {pages[name]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--outline", type=Path, default=REPO / "briefs/pakistan-taliban.yaml")
    parser.add_argument("--extras", action="store_true",
                        help="also measure what the chronology, people and charts add")
    args = parser.parse_args()
    brief_shape(args.outline)
    if args.extras:
        extras_cost(args.outline, args.runs)
    in_process(args.outline, args.runs)
    whole_process(args.outline, max(3, args.runs // 2))


if __name__ == "__main__":
    main()
