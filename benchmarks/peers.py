#!/usr/bin/env python3
"""Run one extractor over one benchmark set in this process and print a JSON result.

    PYTHON benchmarks/peers.py --lib trafilatura --set articles [--bench ../shared/bench]

Used by score.py, which runs each library in a fresh process (peers with the interpreter of their own
virtualenv, ``--peers-python``; newsclean with the project's). Pages are read one at a time; only the
library call is timed (``time.process_time``). The result has the predictions, CPU seconds per page and
the process's peak RSS. Peers are never project dependencies: set up their venv with

    python3 -m venv ../peers-venv
    ../peers-venv/bin/pip install trafilatura==2.3.1 readability-lxml html-text newspaper4k lxml_html_clean
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_sets import pinned_options, simulate  # noqa: E402  (innerText / copy-all made from inscriptis captures)

RENDERERS = ("w3m", "lynx", "inscriptis", "innertext", "copyall")
CAPTURED = ("w3m", "lynx", "inscriptis")
# the bullet glyphs inscriptis puts before list items, by nesting level: "*", "+", "o"


def pages(bench: Path, name: str):
    """Yield (id, loader, url, kind) for a benchmark set."""
    if name == "wcxb":
        truth = json.loads((bench / "wcxb/dev/ground-truth.json").read_text(encoding="utf-8"))
        for i in sorted(truth):
            path = bench / f"wcxb/dev/{i}.html.gz"
            yield i, (lambda p=path: gzip.decompress(p.read_bytes())), truth[i].get("url"), None
        return
    truth = json.loads((bench / "articles/dev/ground-truth.json").read_text(encoding="utf-8"))
    for i in sorted(truth):
        if name == "articles":
            yield i, (lambda p=bench / f"articles/dev/{i}.html": p.read_bytes()), truth[i].get("url"), None
        elif name in CAPTURED:
            yield i, (lambda p=bench / f"captures/dev/{name}/{i}.txt": p.read_text(encoding="utf-8")), None, "text"
        elif name in RENDERERS:
            yield i, (lambda p=bench / f"captures/dev/inscriptis/{i}.txt":
                      simulate(p.read_text(encoding="utf-8"), name)), None, "text"
        else:
            raise SystemExit(f"unknown set {name!r}")


def _as_html(data) -> str:
    if isinstance(data, bytes):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")
    return data


def make_extractor(lib: str):
    """Return fn(data, url, kind) -> text."""
    if lib in ("newsclean", "newsclean-pure"):
        if lib == "newsclean-pure":
            os.environ["NEWSCLEAN_PURE"] = "1"  # read when the core is first asked for
        sys.path.insert(0, str(HERE.parent / "src"))
        import newsclean

        pipeline = newsclean.Pipeline(options=pinned_options())
        return lambda data, url, kind: pipeline.extract(data, url=url, kind=kind).text
    if lib == "newsclean-compiled":
        return _installed_compiled()
    if lib in ("trafilatura", "trafilatura_nocomments", "trafilatura_fast"):
        import trafilatura

        kw = {"include_comments": lib != "trafilatura"} if lib != "trafilatura_fast" else {"fast": True}
        if lib == "trafilatura_nocomments":
            kw = {"include_comments": False}
        return lambda data, url, kind: trafilatura.extract(_as_html(data), url=url, **kw) or ""
    if lib == "readability":
        import html_text
        from readability import Document

        return lambda data, url, kind: html_text.extract_text(
            Document(_as_html(data), url=url).summary(html_partial=True))
    if lib == "newspaper4k":
        import newspaper

        config = newspaper.Config()
        config.fetch_images = False

        def run(data, url, kind):
            art = newspaper.Article(url or "http://example.invalid/", config=config)
            art.download(input_html=_as_html(data))
            art.parse()
            return art.text or ""
        return run
    raise SystemExit(f"unknown library {lib!r}")


def _installed_compiled():
    """newsclean as installed (not this checkout's src, which has no built extension), refusing to run
    unless its compiled core is active and its Python files are this checkout's, byte for byte."""
    import newsclean
    from newsclean._core import core_name

    if core_name() != "compiled core":
        raise SystemExit(f"newsclean-compiled: {sys.executable} runs the {core_name()}; "
                         "install this checkout non-editable there (pip install --force-reinstall --no-deps .)")
    installed = Path(newsclean.__file__).resolve().parent
    stale = [p.relative_to(HERE.parent / "src" / "newsclean").as_posix()
             for p in sorted((HERE.parent / "src" / "newsclean").rglob("*.py"))
             if not (installed / p.relative_to(HERE.parent / "src" / "newsclean")).is_file()
             or (installed / p.relative_to(HERE.parent / "src" / "newsclean")).read_bytes() != p.read_bytes()]
    if stale:
        raise SystemExit(f"newsclean-compiled: the install at {installed} differs from this checkout "
                         f"({', '.join(stale[:5])}…); reinstall it")
    pipeline = newsclean.Pipeline(options=pinned_options())
    return lambda data, url, kind: pipeline.extract(data, url=url, kind=kind).text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lib", required=True)
    ap.add_argument("--set", required=True)
    ap.add_argument("--bench", default=str(HERE.parent.parent / "shared" / "bench"))
    ap.add_argument("--repeat", type=int, default=1, help="time each page this many times (min is kept)")
    ap.add_argument("--ack-fd", type=int, default=None,
                    help="stepped mode (score.py --interleave): wait for a line on stdin before each page and "
                         "write one byte to this file descriptor after it")
    args = ap.parse_args(argv)
    fn = make_extractor(args.lib)
    preds, cpu, failures = {}, {}, 0
    for doc_id, load, url, kind in pages(Path(args.bench), args.set):
        data = load()
        if args.ack_fd is not None and not sys.stdin.readline():
            break  # the driver stopped
        if not args.lib.startswith("newsclean") and kind == "text":
            # peers read HTML only: wrap the capture's paragraphs as <p> (PEERS.md, section 4)
            import html as _h
            paras = [" ".join(p.split()) for p in data.split("\n\n") if p.strip()]
            data = "<html><head><meta charset='utf-8'></head><body>" + "".join(
                f"<p>{_h.escape(p)}</p>" for p in paras) + "</body></html>"
        best = None
        text = ""
        for _ in range(max(1, args.repeat)):
            t0 = time.process_time()
            try:
                text = fn(data, url, kind)
            except Exception as exc:  # a peer raising counts as an empty answer, as in PEERS.md
                text = ""
                failures += 1
                print(f"{args.lib} {doc_id}: {type(exc).__name__}: {exc}"[:300], file=sys.stderr)
            dt = time.process_time() - t0
            best = dt if best is None else min(best, dt)
        cpu[doc_id] = best
        preds[doc_id] = {"articleBody": text}
        if args.ack_fd is not None:
            os.write(args.ack_fd, b".")
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump({"lib": args.lib, "set": args.set, "preds": preds, "cpu_s": cpu, "failures": failures,
               "peak_rss_kb": rss_kb}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
