"""``newsclean fixtures record|check DIR``: pin your own pages and see what a new version changes."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsclean.errors import NewscleanError
from newsclean.pipeline import Pipeline
from newsclean.testing.record import (
    check_fixture,
    expected_path_for,
    find_expectations,
    find_pages,
    record_page,
    update_expected,
    write_expected,
)


def add_parser(sub: Any) -> None:
    p = sub.add_parser("fixtures", help="record or check saved-page expectations",
                       description="Record expectations for saved pages, or check them against a fresh extraction.")
    fsub = p.add_subparsers(dest="fixtures_command", metavar="ACTION")
    fsub.required = True
    rec = fsub.add_parser("record", help="write <name>.expected.json for every page in DIR")
    rec.add_argument("directory", metavar="DIR")
    rec.add_argument("--force", action="store_true", help="overwrite existing expectations")
    rec.set_defaults(func=run_record)
    chk = fsub.add_parser("check", help="re-extract and compare; exit 1 on any difference")
    chk.add_argument("directory", metavar="DIR")
    chk.add_argument("--update", action="store_true", help="rewrite changed expectations after showing the diff")
    chk.set_defaults(func=run_check)


def _dir(arg: str) -> Path | None:
    d = Path(arg)
    if not d.is_dir():
        print(f"newsclean: {arg}: not a directory", file=sys.stderr)
        return None
    return d


def run_record(args: argparse.Namespace) -> int:
    d = _dir(args.directory)
    if d is None:
        return 2
    pipeline = Pipeline()
    written = skipped = failed = 0
    for page in find_pages(d):
        target = expected_path_for(page)
        if target.exists() and not args.force:
            skipped += 1
            continue
        try:
            write_expected(target, record_page(page, pipeline))
            written += 1
            print(f"recorded {target}")
        except NewscleanError as exc:
            failed += 1
            print(f"newsclean: {page}: {exc}", file=sys.stderr)
    print(f"{written} recorded, {skipped} already had expectations (use --force), {failed} failed", file=sys.stderr)
    return 1 if failed else 0


def run_check(args: argparse.Namespace) -> int:
    d = _dir(args.directory)
    if d is None:
        return 2
    pipeline = Pipeline()
    paths = find_expectations(d)
    if not paths:
        print(f"newsclean: no *.expected.json under {d} (run 'newsclean fixtures record {d}')", file=sys.stderr)
        return 2
    bad = updated = 0
    for path in paths:
        result, got = check_fixture(path, pipeline)
        print(result.report())
        if not result.ok:
            bad += 1
            if args.update and got is not None:
                update_expected(path, got)
                updated += 1
                print(f"  updated {path}")
    print(f"{len(paths) - bad} passed, {bad} failed" + (f" ({updated} updated)" if args.update else ""))
    return 1 if bad and not args.update else 0
