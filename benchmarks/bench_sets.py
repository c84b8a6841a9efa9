"""The dev sets of ../shared/bench as one list of named sets, each with its pages, gold and split.

Used by ``scoreboard.py`` (scoring) and by the training scripts under ``benchmarks/train/`` (which read
only the tune split). A set yields ``Doc``s: a page id, a loader for the input, the URL hint, the kind
(``"html"`` or ``"text"``), and the set's gold for that id.

Splits follow ``../shared/bench/SPLITS.md``: a page is in **check** when ``sha1(id)`` starts with c, d, e
or f, in **tune** otherwise. Renderers marked ``held_out`` are never tuned on (their pages are scored in
aggregate only).
"""
from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_BENCH = HERE.parent.parent / "shared" / "bench"
DEFAULT_CACHE = HERE.parent.parent / "bench-cache"

CAPTURED = ("w3m", "lynx", "inscriptis")          # captures shipped in ../shared/bench
SIMULATED = ("innertext", "copyall")               # made from the inscriptis captures (simulate())
RENDERED = ("elinks", "links", "html2text")        # rendered here from the HTML (Debian packages)
TUNED_RENDERERS = ("w3m", "lynx")                  # the only renderers whose pages we read while tuning
RENDER_COMMANDS = {
    "elinks": ["elinks", "-dump", "-dump-width", "100", "-no-references", "-no-numbering",
               "-dump-charset", "utf-8", "-eval", "set document.codepage.assume = \"utf-8\""],
    "links": ["links", "-dump", "-width", "100", "-codepage", "utf-8", "-html-assume-codepage", "utf-8"],
    "html2text": ["html2text", "-utf8", "-width", "100", "-nobs"],
    # the shipped captures' commands (../shared/bench/README.md), for corpora shipped without captures
    "w3m": ["w3m", "-dump", "-T", "text/html", "-cols", "100", "-O", "UTF-8", "-I", "UTF-8", "-o", "meta_refresh=0",
            "-o", "auto_image=0"],
    "lynx": ["lynx", "-dump", "-nolist", "-display_charset=utf-8", "-assume_charset=utf-8", "-width=100"],
}
#: corpora of ../shared/bench shipped without captures: every renderer's capture is rendered here
UNCAPTURED = ("trafeval",)
#: the reference time of every benchmark and training run (the dates stage's ``now`` option): a date more
#: than a day after the clock is no publication date, and the dev pages print future events' dates
#: ("Houston (12/2/2026)"), so unpinned figures and fitted files would move with the calendar. The day
#: the session-9 files were fitted on.
BENCH_NOW = datetime(2026, 11, 30)


def pinned_options(stages: Iterable[object] | None = None) -> dict[str, dict[str, object]]:
    """``Pipeline(options=...)`` pinning the dates stage's clock at ``BENCH_NOW`` (nothing when the given
    stages, names or stage objects, leave the dates stage out)."""
    names = None if stages is None else [s if isinstance(s, str) else getattr(s, "name", "") for s in stages]
    return {"dates": {"now": BENCH_NOW}} if names is None or "dates" in names else {}


#: rules the shipped capture models were fitted without (session 26): the capture loader's column unfolding
#: (``Pipeline(text_columns=False)``) and the body search's step back from a thread of comments (the boilerplate
#: stage's ``text_comment_threads``). Each changes a handful of tune pages; fitted with them, the chain of capture
#: models (classifier, title/date/byline rankers, capture page type, regions) moved everywhere at once — the
#: classifier's decisions on many pages, and every model downstream that reads them: metadata from lynx captures,
#: check, -0.0125 [-0.025, -0.001] — for noise, not the rules. The trainers keep the loader and rules the models
#: were fitted with; a deliberate refit of the chain with these rules on (the two settings below emptied) is judged
#: as a change of its own.
TRAINED_WITHOUT: dict[str, dict[str, object]] = {"boilerplate": {"text_comment_threads": False}}
TRAINED_PIPELINE: dict[str, bool] = {"text_columns": False}


def training_pipeline(stages: Iterable[object] | None = None):
    """The ``Pipeline`` a capture model's trainer runs the pages through: ``stages`` (None: all) with the dates
    clock pinned (``pinned_options``) and the rules of ``TRAINED_WITHOUT`` / ``TRAINED_PIPELINE`` off."""
    from newsclean import Pipeline

    names = None if stages is None else [s if isinstance(s, str) else getattr(s, "name", "") for s in stages]
    options = pinned_options(stages)
    for stage, opts in TRAINED_WITHOUT.items():
        if names is None or stage in names:
            options[stage] = {**options.get(stage, {}), **opts}
    return Pipeline(None if stages is None else list(stages), options=options, **TRAINED_PIPELINE)


_GLYPH = re.compile(r"^[*+o]\s+(?=\S)")


def is_check(page_id: str) -> bool:
    """SPLITS.md: check = sha1(id) starts with c, d, e or f."""
    return hashlib.sha1(page_id.encode("utf-8")).hexdigest()[0] in "cdef"


def load_module(name: str, path: Path):
    """A scorer shipped with the bench data (evaluate.py, score_meta.py) imported from its path."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def tune_meta_captures(bench: Path, field: str, renderers: Iterable[str], stages: Iterable[str]):
    """(page id, gold record, capture run through ``stages``) for every TUNE page of the metadata set
    (``bench`` is its folder) whose gold has ``field``, for each renderer that has the page, in sorted
    page order: the rows the capture rankers are trained on (benchmarks/train_rankers.py,
    benchmarks/train/byline_rank.py)."""

    gold = json.loads((bench / "dev" / "gold.json").read_text(encoding="utf-8"))
    stages = list(stages)
    pipe = training_pipeline(stages)
    renderers = tuple(renderers)
    for pid in sorted(gold):
        if is_check(pid) or not gold[pid].get(field):
            continue
        for r in renderers:
            path = bench / "dev" / "captures" / r / f"{pid}.txt"
            if path.exists():
                yield pid, gold[pid], pipe.process(path.read_text(encoding="utf-8"), kind="text")


def split_of(page_id: str) -> str:
    return "check" if is_check(page_id) else "tune"


def simulate(text: str, name: str) -> str:
    """A browser's innerText ("innertext": no indentation, no bullet glyphs, blank lines kept) and a
    "select all, copy" ("copyall": the same without blank lines), made from an inscriptis capture."""
    out = []
    for line in text.splitlines():
        line = _GLYPH.sub("", line.strip())
        if line or name == "innertext":
            out.append(line)
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Doc:
    id: str
    load: Callable[[], str | bytes]
    url: str | None
    kind: str | None
    gold: object


@dataclass(frozen=True)
class BenchSet:
    name: str          # e.g. "html:sh", "cap:wcxb:w3m", "meta:cap:lynx", "snip:trafeval"
    scorer: str        # "shingle", "snippet" or "meta"
    held_out: bool     # a renderer never tuned on
    docs: Callable[[], Iterator[Doc]]


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _gunzip(path: Path) -> Callable[[], bytes]:
    return lambda: gzip.decompress(path.read_bytes())


def _capture(bench: Path, cache: Path, corpus: str, renderer: str, page_id: str,
             html: Callable[[], bytes]) -> Callable[[], str]:
    """A loader for one capture of one page: shipped, simulated, or rendered here once and cached."""
    if renderer in RENDERED or corpus in UNCAPTURED:
        return lambda: render_cached(cache / corpus / renderer / f"{page_id}.txt", renderer, html)
    shipped = {"sh": "captures/dev", "wcxb": "captures/wcxb-dev", "meta": "metadata/dev/captures"}[corpus]
    if renderer in CAPTURED:
        return lambda: (bench / shipped / renderer / f"{page_id}.txt").read_text(encoding="utf-8")
    return lambda: simulate((bench / shipped / "inscriptis" / f"{page_id}.txt").read_text(encoding="utf-8"),
                            renderer)


def render_cached(path: Path, renderer: str, html: Callable[[], bytes]) -> str:
    if path.exists():
        return path.read_text(encoding="utf-8")
    if shutil.which(RENDER_COMMANDS[renderer][0]) is None:
        raise SystemExit(f"{renderer} is not installed (apt-get install {renderer})")
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_bytes(_utf8_html(html()))
        proc = subprocess.run(RENDER_COMMANDS[renderer] + [str(page)], capture_output=True, timeout=120, check=False)
    text = proc.stdout.decode("utf-8", "replace")
    path.write_text(text, encoding="utf-8")
    return text


def _utf8_html(raw: bytes) -> bytes:
    """The renderers are told the page is UTF-8 (as the shipped captures were made): transcode first."""
    try:
        raw.decode("utf-8")
        return raw
    except UnicodeDecodeError:
        from bs4 import UnicodeDammit

        text = UnicodeDammit(raw).unicode_markup or raw.decode("cp1252", "replace")
        text = re.sub(r"<meta[^>]+charset[^>]*>", "", text, flags=re.I)
        return text.encode("utf-8")


def all_sets(bench: Path = DEFAULT_BENCH, cache: Path = DEFAULT_CACHE) -> dict[str, BenchSet]:
    sh_truth = bench / "articles/dev/ground-truth.json"
    wcxb_truth = bench / "wcxb/dev/ground-truth.json"
    meta_gold = bench / "metadata/dev/gold.json"
    trafeval = bench / "trafeval/dev/data.json"

    def sh_html(i: str) -> Callable[[], bytes]:
        return lambda: (bench / f"articles/dev/{i}.html").read_bytes()

    def html_set(truth: Path, loader: Callable[[str], Callable[[], bytes]]) -> Callable[[], Iterator[Doc]]:
        def docs() -> Iterator[Doc]:
            gold = _json(truth)
            for i in sorted(gold):
                yield Doc(i, loader(i), gold[i].get("url"), None, gold[i].get("articleBody") or "")
        return docs

    def cap_set(truth: Path, corpus: str, renderer: str,
                loader: Callable[[str], Callable[[], bytes]]) -> Callable[[], Iterator[Doc]]:
        def docs() -> Iterator[Doc]:
            gold = _json(truth)
            for i in sorted(gold):
                g = gold[i] if corpus == "meta" else (gold[i].get("articleBody") or "")
                yield Doc(i, _capture(bench, cache, corpus, renderer, i, loader(i)), None, "text", g)
        return docs

    def wcxb_html(i: str) -> Callable[[], bytes]:
        return _gunzip(bench / f"wcxb/dev/{i}.html.gz")

    def meta_html(i: str) -> Callable[[], bytes]:
        return _gunzip(bench / f"metadata/dev/html/{i}.html.gz")

    def trafeval_docs() -> Iterator[Doc]:
        gold = _json(trafeval)
        for i in sorted(gold):
            yield Doc(i, _gunzip(bench / f"trafeval/dev/pages/{i}.html.gz"), gold[i].get("url"), None, gold[i])

    def trafeval_captures(renderer: str) -> Callable[[], Iterator[Doc]]:
        def docs() -> Iterator[Doc]:
            gold = _json(trafeval)
            for i in sorted(gold):
                html = _gunzip(bench / f"trafeval/dev/pages/{i}.html.gz")
                yield Doc(i, _capture(bench, cache, "trafeval", renderer, i, html), None, "text", gold[i])
        return docs

    def meta_html_docs() -> Iterator[Doc]:
        gold = _json(meta_gold)
        for i in sorted(gold):
            yield Doc(i, meta_html(i), gold[i].get("url"), None, gold[i])

    sets = [BenchSet("html:sh", "shingle", False, html_set(sh_truth, sh_html)),
            BenchSet("html:wcxb", "shingle", False, html_set(wcxb_truth, wcxb_html)),
            BenchSet("snip:trafeval", "snippet", False, trafeval_docs),
            BenchSet("meta:html", "meta", False, meta_html_docs)]
    for renderer in CAPTURED + SIMULATED + RENDERED:
        held = renderer not in TUNED_RENDERERS
        sets.append(BenchSet(f"cap:sh:{renderer}", "shingle", held, cap_set(sh_truth, "sh", renderer, sh_html)))
    for renderer in CAPTURED + ("innertext",) + RENDERED:
        held = renderer not in TUNED_RENDERERS
        sets.append(BenchSet(f"cap:wcxb:{renderer}", "shingle", held,
                             cap_set(wcxb_truth, "wcxb", renderer, wcxb_html)))
    for renderer in CAPTURED + ("innertext",):
        held = renderer not in TUNED_RENDERERS
        sets.append(BenchSet(f"meta:cap:{renderer}", "meta", held, cap_set(meta_gold, "meta", renderer, meta_html)))
    for renderer in TUNED_RENDERERS + RENDERED:
        # trafilatura's pages as text captures, snippet-scored: a second suite of articles for the capture path
        # (news and blogs in many languages), rendered here with the shipped captures' commands
        held = renderer not in TUNED_RENDERERS
        sets.append(BenchSet(f"cap:trafeval:{renderer}", "snippet", held, trafeval_captures(renderer)))
    return {s.name: s for s in sets}
