"""``newsclean batch``: many pages to JSON Lines (placeholder being written)."""
from __future__ import annotations

import argparse
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser("batch", help="extract many pages to JSON Lines")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--jobs", type=int, default=None)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise SystemExit("newsclean batch: not written yet")
