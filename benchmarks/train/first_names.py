#!/usr/bin/env python3
"""Build the first-name lexicon (src/newsclean/data/text_first_names.txt) from US census name lists.

Source: the 1990 US Census "frequently occurring first names" tables (dist.male.first and
dist.female.first), US-government work and so in the public domain. The PyPI package ``names``
(MIT licence) ships copies of both files; download it into a scratch folder, never as a dependency:

  pip download --no-deps -d /tmp/names-pkg names==0.3.0 && tar xzf /tmp/names-pkg/names-0.3.0.tar.gz -C /tmp/names-pkg
  python benchmarks/train/first_names.py --src /tmp/names-pkg/names-0.3.0/names           # write the file
  python benchmarks/train/first_names.py --src /tmp/names-pkg/names-0.3.0/names --check   # exit 1 if it would change

The lexicon keeps every male name and the most frequent female names (the female table is longer and
its tail is very rare), lower-cased, sorted, one a line. It is built from the census tables only, never
from the benchmark pages.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]
from weights_io import write_or_check  # noqa: E402

OUT = HERE.parents[1] / "src" / "newsclean" / "data" / "text_first_names.txt"
MALE_TOP = 1219     # the whole male table (1,219 names, 90% of the population)
FEMALE_TOP = 2500   # the female table's head (4,275 names in all; the tail is names of a few people in 100,000)
MIN_LEN = 2         # a one-letter entry is an initial, not a name
HEADER = ("# First names: 1990 US Census name tables (dist.male.first, dist.female.first), public domain;\n"
          "# written by benchmarks/train/first_names.py (do not edit by hand). One lower-case name a line.\n")


def read_table(path: Path, top: int) -> list[str]:
    """The first ``top`` names of one census table (rows: NAME FREQ CUMFREQ RANK, most frequent first)."""
    out = []
    for line in path.read_text(encoding="ascii").splitlines()[:top]:
        parts = line.split()
        if parts and len(parts[0]) >= MIN_LEN and parts[0].isalpha():
            out.append(parts[0].lower())
    return out


def build(src: Path) -> str:
    names = set(read_table(src / "dist.male.first", MALE_TOP)) | set(read_table(src / "dist.female.first", FEMALE_TOP))
    return HEADER + "".join(n + "\n" for n in sorted(names))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, required=True, help="folder holding dist.male.first and dist.female.first")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the file would change")
    a = ap.parse_args(argv)
    return write_or_check(a.out, build(a.src), a.check)


if __name__ == "__main__":
    sys.exit(main())
