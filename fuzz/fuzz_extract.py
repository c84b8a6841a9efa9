#!/usr/bin/env python3
"""Mutation fuzzing of newsclean.extract: N inputs (default 100,000) made by mutating seed pages
(the test fixtures and the hostile cases) — byte flips, truncation, splices of two seeds, tag and
entity insertions, encoding changes — each extracted as HTML and as a text capture. Any exception
that is not a NewscleanError is a crash: its input is saved under fuzz/crashes/ and counted.

    python fuzz/fuzz_extract.py [-n 100000] [--seed 0] [--max-seconds 3600]
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

import newsclean  # noqa: E402

SNIPPETS = [b"<p>", b"</p>", b"<div class='nav'>", b"</div>", b"<script>", b"</script>", b"<!--", b"-->",
            b"<![CDATA[", b"]]>", b"&amp;", b"&#x0;", b"&#99999999;", b"<table><tr><td>", b"<br>", b"\x00",
            b"\xff\xfe", b"\xef\xbb\xbf", b"<meta charset='utf-16'>", b"By Jane Doe", b"  \xe2\x80\xa2 Home\n",
            b"January 13, 2025, 5:01 AM ET", b"<script type='application/ld+json'>{\"@type\":\"NewsArticle\",",
            b"<time datetime='2025-13-45'>", b"<h1>", b"<li>", b"\n\n", b"\r", "\u4e2d\u6587".encode()]


def seeds() -> list[bytes]:
    from tests.hostile_cases import CASES

    out = [p.read_bytes() for p in sorted((ROOT / "tests" / "fixtures").rglob("*")) if p.suffix in (".html", ".txt")]
    for _name, make in sorted(CASES.items()):
        page = make()
        data = page.encode("utf-8", "surrogatepass") if isinstance(page, str) else page
        if len(data) <= 300_000:
            out.append(data)
    return out


def mutate(rng: random.Random, pool: list[bytes]) -> bytes:
    data = bytearray(rng.choice(pool))
    if len(data) > 60_000:  # keep inputs small so the run covers many of them
        start = rng.randrange(len(data) - 60_000)
        data = data[start:start + 60_000]
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        if op == 0 and data:
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif op == 1 and data:
            del data[rng.randrange(len(data)):]
        elif op == 2:
            other = rng.choice(pool)
            if other:
                a = rng.randrange(len(other))
                data[rng.randrange(len(data) + 1):0] = other[a:a + rng.randint(1, 5000)]
        elif op == 3:
            data[rng.randrange(len(data) + 1):0] = rng.choice(SNIPPETS) * rng.randint(1, 50)
        elif op == 4 and data:
            a = rng.randrange(len(data))
            del data[a:a + rng.randint(1, 2000)]
        else:
            text = bytes(data).decode("utf-8", "replace")
            enc = rng.choice(["utf-16", "utf-16-le", "cp1252", "latin-1", "shift_jis", "utf-32"])
            data = bytearray(text.encode(enc, "replace"))
    return bytes(data)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-seconds", type=float, default=3600)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    pool = seeds()
    pipeline = newsclean.Pipeline()
    crash_dir = ROOT / "fuzz" / "crashes"
    crashes = done = errors = 0
    t0 = time.monotonic()
    for i in range(args.n):
        if time.monotonic() - t0 > args.max_seconds:
            break
        data = mutate(rng, pool)
        for kind in ("html", "text") if i % 2 else (None,):
            try:
                pipeline.extract(data, kind=kind)
            except newsclean.NewscleanError:
                errors += 1
            except Exception:
                crashes += 1
                crash_dir.mkdir(exist_ok=True)
                name = hashlib.sha1(data).hexdigest()[:16]
                (crash_dir / f"{name}.bin").write_bytes(data)
                (crash_dir / f"{name}.txt").write_text(f"kind={kind}\n{traceback.format_exc()}")
        done += 1
        if done % 10_000 == 0:
            print(f"{done} inputs, {crashes} crashes, {errors} newsclean errors, {time.monotonic() - t0:.0f}s",
                  flush=True)
    print(f"fuzzed {done} inputs (seed {args.seed}) in {time.monotonic() - t0:.0f}s: "
          f"{crashes} crashes, {errors} NewscleanErrors (expected refusals)")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
