#!/usr/bin/env python3
"""A digest of every output: one sha256 per bench page of the default pipeline's full Article.

    python benchmarks/digest.py [--sets all|GROUP|html:sh,...] [--jobs N] [--save digest.json]
                                [--compare earlier.json]

For every page of every selected set (``bench_sets.py``: HTML sets, capture sets of every renderer,
metadata sets) the default ``Pipeline().extract()`` runs, and the page's digest is the sha256 of
``Article.to_dict()`` as JSON with sorted keys — every field, ``removed`` and ``sources`` included (none
of them depends on the run: there is no timing or randomness in an Article). A page that raises is
digested as its exception type and message. ``--compare OLD`` prints, per set, how many pages changed,
appeared or vanished, and the first few changed ids of the **tune** split (check pages are counted only,
as SPLITS.md asks). A refactor that claims "outputs unchanged" shows 0 changed on every set.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))
from bench_sets import all_sets, pinned_options, split_of  # noqa: E402
from scoreboard import selected, set_arguments  # noqa: E402

SHOW_IDS = 5  # changed tune ids listed per set: enough to open one, short enough to read

_PIPE = None
_DOCS: dict[str, dict] = {}


def _init_worker(bench: str, cache: str, names: list[str]) -> None:
    sets = all_sets(Path(bench), Path(cache))
    for n in names:
        _DOCS[n] = {d.id: d for d in sets[n].docs()}


def page_digest(article_dict: dict) -> str:
    return hashlib.sha256(json.dumps(article_dict, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _digest(args: tuple[str, str]) -> str:
    """The digest of one page of one set (runs in a worker)."""
    global _PIPE
    set_name, doc_id = args
    if _PIPE is None:
        import newsclean

        _PIPE = newsclean.Pipeline(options=pinned_options())
    doc = _DOCS[set_name][doc_id]
    try:
        art = _PIPE.extract(doc.load(), url=doc.url, kind=doc.kind)
    except Exception as exc:  # a failure is an output too
        return page_digest({"error": f"{type(exc).__name__}: {exc}"})
    return page_digest(art.to_dict())


def digest(names: list[str], bench: Path, cache: Path, jobs: int) -> dict[str, dict[str, str]]:
    sets = all_sets(bench, cache)
    work = [(n, d.id) for n in names for d in sets[n].docs()]
    out: dict[str, dict[str, str]] = {n: {} for n in names}
    results: Iterable[str]
    if jobs <= 1:
        _init_worker(str(bench), str(cache), names)
        results = map(_digest, work)
        for (n, i), h in zip(work, results):
            out[n][i] = h
        return out
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(str(bench), str(cache), names)) as ex:
        for (n, i), h in zip(work, ex.map(_digest, work, chunksize=8)):
            out[n][i] = h
    return out


def compare(new: dict[str, dict[str, str]], old: dict[str, dict[str, str]]) -> int:
    """Print the changes per set; returns the number of pages changed, added or gone."""
    print("| set | pages | changed (tune/check) | new | gone | first changed tune ids |")
    print("|---|---|---|---|---|---|")
    total = 0
    for name, pages in new.items():
        was = old.get(name)
        if was is None:
            print(f"| {name} | {len(pages)} | not in the old digest | | | |")
            continue
        changed = sorted(i for i in pages if i in was and was[i] != pages[i])
        added = [i for i in pages if i not in was]
        gone = [i for i in was if i not in pages]
        tune = [i for i in changed if split_of(i) == "tune"]
        total += len(changed) + len(added) + len(gone)
        print(f"| {name} | {len(pages)} | {len(changed)} ({len(tune)}/{len(changed) - len(tune)}) | {len(added)} | "
              f"{len(gone)} | {', '.join(tune[:SHOW_IDS])} |")
    print(f"\n{total} page(s) differ over {sum(len(p) for p in new.values())} pages in {len(new)} sets.")
    return total


def _commit() -> str | None:
    try:
        proc = subprocess.run(["git", "-C", str(HERE.parent), "rev-parse", "HEAD"], capture_output=True,
                              text=True, check=False)
    except OSError:
        return None
    return proc.stdout.strip() or None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    set_arguments(ap, "write the digests here (JSON)")
    a = ap.parse_args(argv)
    names = selected(a)
    pages = digest(names, a.bench, a.cache, a.jobs)
    if a.save:
        a.save.parent.mkdir(parents=True, exist_ok=True)
        a.save.write_text(json.dumps({"commit": _commit(), "sets": pages}, indent=0, sort_keys=True),
                          encoding="utf-8")
    print(f"{sum(len(p) for p in pages.values())} pages digested in {len(pages)} sets.")
    if a.compare:
        old = json.loads(a.compare.read_text(encoding="utf-8"))
        return 1 if compare(pages, old.get("sets", old)) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
