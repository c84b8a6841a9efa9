#!/usr/bin/env python3
"""One scoreboard for every dev set: tune and check side by side, with the peers' figures.

    python benchmarks/scoreboard.py [--bench ../shared/bench] [--sets html:sh,cap:wcxb:w3m,...|GROUP]
                                    [--jobs N] [--save results.json] [--compare earlier.json]
                                    [--peers benchmarks/results/peers-dev.json]

Sets (``bench_sets.py``): ``html:sh`` (ScrapingHub 88), ``html:wcxb`` (WCXB articles 711),
``snip:trafeval`` (trafilatura's evaluation, dev share 282, snippet-scored), ``meta:html`` (666);
captures ``cap:sh:R`` and ``cap:wcxb:R`` for R in w3m, lynx, inscriptis, innertext (simulated),
copyall (simulated, ScrapingHub only), elinks, links, html2text (rendered here once and cached in
``--cache``); ``meta:cap:R`` for w3m, lynx, inscriptis, innertext (metadata read from captures);
``cap:trafeval:R`` for w3m, lynx, elinks, links, html2text (trafilatura's dev pages rendered here, snippet-scored).
Groups: ``html``, ``cap``, ``meta``, ``all`` (default). ``*`` marks renderers never tuned on.

Every page is in the **tune** or the **check** split (SPLITS.md); each row shows both. Body sets
score 4-token-shingle F1 / P / R (the bench's evaluate.py: means over pages), ``snip:`` sets snippet F1
(score_snippets.py: micro counts), ``meta:`` sets title accuracy / date accuracy / author name-F1.
``--save`` writes per-page scores; ``--compare OLD`` prints, per set and split, the change in the main
figure with a 95% bootstrap interval over pages (1000 resamples, seed 0) — a change is real when its
interval excludes 0. Peer columns come from ``--peers`` (a JSON written by ``peers_scoreboard.py``).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))
from bench_sets import DEFAULT_BENCH, DEFAULT_CACHE, all_sets, load_module, pinned_options, split_of  # noqa: E402

GROUPS = {"html": ("html:", "snip:"), "cap": ("cap:",), "meta": ("meta:",), "all": ("",)}
SPLITS = ("tune", "check")
N_BOOT = 1000




# --- extraction (in worker processes) -------------------------------------------------------------

_PIPE = None


def _extract(args: tuple[str, str, str, str | None, str | None]) -> tuple[str, dict]:
    """Extract one page of one set; returns (id, prediction). Runs in a worker."""
    global _PIPE
    set_name, bench, doc_id, url, kind = args
    if _PIPE is None:
        import newsclean

        _PIPE = newsclean.Pipeline(options=pinned_options())
    doc = _DOCS[set_name][doc_id]
    t0 = time.process_time()
    try:
        art = _PIPE.extract(doc.load(), url=url, kind=kind)
    except Exception as exc:  # a failure is an empty answer, recorded
        return doc_id, {"articleBody": "", "error": f"{type(exc).__name__}: {exc}"}
    ms = (time.process_time() - t0) * 1000
    return doc_id, {"articleBody": art.text, "title": art.title, "authors": list(art.authors),
                    "date": art.published.isoformat() if art.published else None, "ms": ms}


_DOCS: dict[str, dict] = {}


def _init_worker(bench: str, cache: str, names: list[str]) -> None:
    sets = all_sets(Path(bench), Path(cache))
    for n in names:
        _DOCS[n] = {d.id: d for d in sets[n].docs()}


def predict(names: list[str], bench: Path, cache: Path, jobs: int) -> dict[str, dict[str, dict]]:
    sets = all_sets(bench, cache)
    work = [(n, str(bench), d.id, d.url, d.kind) for n in names for d in sets[n].docs()]
    out: dict[str, dict[str, dict]] = {n: {} for n in names}
    if jobs <= 1:
        _init_worker(str(bench), str(cache), names)
        results: Iterable = map(_extract, work)
        for (n, *_), (doc_id, pred) in zip(work, results):
            out[n][doc_id] = pred
        return out
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(str(bench), str(cache), names)) as ex:
        for (n, *_), (doc_id, pred) in zip(work, ex.map(_extract, work, chunksize=8)):
            out[n][doc_id] = pred
    return out


# --- scoring --------------------------------------------------------------------------------------

def page_scores(kind: str, gold: dict[str, object], preds: dict[str, dict], ev, sm) -> dict[str, dict]:
    """Per page, what the aggregate needs: shingle P/R, snippet counts, or metadata hits."""
    out: dict[str, dict] = {}
    for i, g in gold.items():
        p = preds.get(i) or {}
        text = p.get("articleBody") or ""
        if kind == "shingle":
            s = ev.score_page(i, str(g or ""), text)
            out[i] = {"p": s.precision, "r": s.recall}
        elif kind == "snippet":
            w, wo = g.get("with") or [], g.get("without") or []  # type: ignore[union-attr]
            miss = sum(1 for s in w if s not in text)
            leak = sum(1 for s in wo if s in text)
            out[i] = {"tp": len(w) - miss, "fn": miss, "fp": leak, "tn": len(wo) - leak}
        else:
            res, _ = sm.score({i: g}, {i: p})
            a = res["authors"]
            row: dict = {"title": None, "date": None}
            if res["title"]["n"]:
                row["title"] = res["title"]["acc"]
            if res["date"]["n"]:
                row["date"] = res["date"]["acc"]
            if a["n"]:
                gs = {x for x in (sm.norm_name(n) for n in g["authors"]) if x}  # type: ignore[index]
                ps = sm.norm_authors(p.get("authors"))
                row.update(atp=len(gs & ps), afp=len(ps - gs), afn=len(gs - ps))
            out[i] = row
    return out


def _mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def _f(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def aggregate(kind: str, rows: list[dict]) -> dict[str, float | None]:
    if kind == "shingle":
        p = _mean([x["p"] for x in rows if x["p"] is not None]) or 0.0
        r = _mean([x["r"] for x in rows if x["r"] is not None]) or 0.0
        return {"main": _f(p, r), "f1": _f(p, r), "p": p, "r": r, "n": len(rows)}
    if kind == "snippet":
        tp, fp, fn = (sum(x[k] for x in rows) for k in ("tp", "fp", "fn"))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return {"main": _f(p, r), "f1": _f(p, r), "p": p, "r": r, "n": len(rows)}
    title = _mean([x["title"] for x in rows if x.get("title") is not None])
    date = _mean([x["date"] for x in rows if x.get("date") is not None])
    tp, fp, fn = (sum(x.get(k, 0) for x in rows) for k in ("atp", "afp", "afn"))
    ap = tp / (tp + fp) if tp + fp else 0.0
    ar = tp / (tp + fn) if tp + fn else 0.0
    name_f1 = _f(ap, ar)
    parts = [v for v in (title, date, name_f1) if v is not None]
    return {"main": sum(parts) / len(parts) if parts else None, "title": title, "date": date,
            "name_f1": name_f1, "n": len(rows)}


def score_sets(preds: dict[str, dict[str, dict]], bench: Path, cache: Path) -> dict[str, dict]:
    ev = load_module("nc_evaluate", bench / "evaluate.py")
    sm = load_module("nc_score_meta", bench / "metadata" / "score_meta.py")
    sets = all_sets(bench, cache)
    out: dict[str, dict] = {}
    for name, p in preds.items():
        s = sets[name]
        gold = {d.id: d.gold for d in s.docs()}
        pages = page_scores(s.scorer, gold, p, ev, sm)
        ms = sorted(v.get("ms", 0.0) for v in p.values())
        entry: dict = {"scorer": s.scorer, "held_out": s.held_out, "pages": pages,
                       "ms_median": ms[len(ms) // 2] if ms else None,
                       "errors": sum(1 for v in p.values() if "error" in v)}
        for split in SPLITS:
            entry[split] = aggregate(s.scorer, [v for i, v in pages.items() if split_of(i) == split])
        out[name] = entry
    return out


# --- printing -------------------------------------------------------------------------------------

def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def _peer(a: dict, scorer: str) -> str:
    if scorer == "meta":
        return f"{_fmt(a.get('title'))} / {_fmt(a.get('date'))} / {_fmt(a.get('name_f1'))}"
    return _fmt(a.get("f1"))


def print_table(scores: dict[str, dict], peers: dict[str, dict]) -> None:
    print("| set | pages tune/check | tune | check | check − tune | peer (check) | ms/page |")
    print("|---|---|---|---|---|---|---|")
    for name, e in scores.items():
        t, c = e["tune"], e["check"]
        mark = "*" if e["held_out"] else ""
        if e["scorer"] == "meta":
            cell = lambda a: f"{_fmt(a['title'])} / {_fmt(a['date'])} / {_fmt(a['name_f1'])}"  # noqa: E731
            gap = "  -  "
        else:
            cell = lambda a: f"{_fmt(a['f1'])} (P {_fmt(a['p'])} R {_fmt(a['r'])})"  # noqa: E731
            gap = f"{c['f1'] - t['f1']:+.3f}" if c["f1"] is not None and t["f1"] is not None else "  -  "
        peer = peers.get(name, {})
        peer_cell = ", ".join(f"{lib} {_peer(v.get('check', {}), e['scorer'])}" for lib, v in peer.items()) or "-"
        err = f" ({e['errors']} errors)" if e.get("errors") else ""
        print(f"| {name}{mark} | {t['n']}/{c['n']} | {cell(t)} | {cell(c)} | {gap} | {peer_cell} | "
              f"{_fmt(e['ms_median'])}{err} |")
    print("\nshingle/snippet sets: F1 (P R); meta sets: title / date / author name-F1. * = renderer never tuned on.")


def compare(new: dict[str, dict], old: dict[str, dict]) -> None:
    rng = random.Random(0)
    print("\n| set | split | old | new | Δ | 95% interval | Δ > 0 in |")
    print("|---|---|---|---|---|---|---|")
    for name, e in new.items():
        if name not in old:
            continue
        for split in SPLITS:
            ids = sorted(i for i in e["pages"] if split_of(i) == split and i in old[name]["pages"])
            if not ids:
                continue
            a = [e["pages"][i] for i in ids]
            b = [old[name]["pages"][i] for i in ids]
            base = aggregate(e["scorer"], a)["main"] or 0.0
            was = aggregate(e["scorer"], b)["main"] or 0.0
            deltas = []
            for _ in range(N_BOOT):
                idx = [rng.randrange(len(ids)) for _ in ids]
                deltas.append((aggregate(e["scorer"], [a[k] for k in idx])["main"] or 0.0)
                              - (aggregate(e["scorer"], [b[k] for k in idx])["main"] or 0.0))
            deltas.sort()
            lo, hi = deltas[int(0.025 * N_BOOT)], deltas[int(0.975 * N_BOOT) - 1]
            pos = sum(d > 0 for d in deltas) / N_BOOT
            print(f"| {name} | {split} | {was:.4f} | {base:.4f} | {base - was:+.4f} | [{lo:+.4f}, {hi:+.4f}] | "
                  f"{pos:.0%} |")


def select(names: list[str], spec: str) -> list[str]:
    out: list[str] = []
    for part in spec.split(","):
        if part in GROUPS:
            out += [n for n in names if n.startswith(GROUPS[part]) and n not in out]
        elif part in names:
            out.append(part)
        else:
            raise SystemExit(f"unknown set {part!r}; sets: {', '.join(names)}")
    return out


def set_arguments(ap: argparse.ArgumentParser, save_help: str) -> None:
    """The options every whole-bench script takes: where the data is, which sets, how many workers,
    where to save and what to compare with (scoreboard.py, digest.py)."""
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where rendered captures are kept")
    ap.add_argument("--sets", default="all")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--save", type=Path, help=save_help)
    ap.add_argument("--compare", type=Path, help="an earlier --save file")


def selected(a: argparse.Namespace) -> list[str]:
    """The set names ``--sets`` selects."""
    return select(list(all_sets(a.bench, a.cache)), a.sets)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    set_arguments(ap, "write scores (with per-page rows) here")
    ap.add_argument("--peers", type=Path, default=HERE / "results" / "peers-dev.json")
    ap.add_argument("--predictions", type=Path, help="also write every prediction here (JSON)")
    a = ap.parse_args(argv)
    names = selected(a)
    preds = predict(names, a.bench, a.cache, a.jobs)
    scores = score_sets(preds, a.bench, a.cache)
    peers = json.loads(a.peers.read_text(encoding="utf-8")) if a.peers and a.peers.exists() else {}
    print_table(scores, peers)
    if a.save:
        a.save.parent.mkdir(parents=True, exist_ok=True)
        a.save.write_text(json.dumps(scores), encoding="utf-8")
    if a.predictions:
        a.predictions.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
    if a.compare:
        compare(scores, json.loads(a.compare.read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
