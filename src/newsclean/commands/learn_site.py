"""``newsclean learn-site PAGES... -o site.toml``: learn a site's template from several of its pages
and write it as rules a human can read and edit."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsclean.errors import NewscleanError
from newsclean.pipeline import Pipeline
from newsclean.rules.learn import LearnOptions, learn_rule
from newsclean.rules.site import host_of


def add_parser(sub: Any) -> None:
    p = sub.add_parser("learn-site", help="learn a site's recurring blocks from several of its pages",
                       description="Find the blocks that recur across pages of one site and write them as site rules.")
    p.add_argument("pages", nargs="+", metavar="PAGE")
    p.add_argument("-o", "--output", required=True, help="TOML file to write (use with --config)")
    p.add_argument("--host", help="the site's host (default: from the pages' URLs)")
    p.add_argument("--min-share", type=float, default=LearnOptions.min_share,
                   help="a block on at least this share of the pages is template (default %(default)s)")
    p.add_argument("--kind", choices=("html", "text"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.pages]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"newsclean: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    if len(paths) < 2:
        print("newsclean: learn-site needs at least two pages of the site", file=sys.stderr)
        return 2
    if not 0 < args.min_share <= 1:
        print("newsclean: --min-share must be in (0, 1]", file=sys.stderr)
        return 2
    pipeline = Pipeline(["metadata"])
    pages, host = [], args.host
    for p in paths:
        url_file = p.with_name(p.stem + ".url")
        url = url_file.read_text(encoding="utf-8").strip() if url_file.is_file() else None
        try:
            page = pipeline.process(p, url=url, kind=args.kind)
        except NewscleanError as exc:
            print(f"newsclean: {p}: {exc} (skipped)", file=sys.stderr)
            continue
        pages.append(page)
        host = host or host_of(url) or host_of(page.get("url"))
    if len(pages) < 2:
        print("newsclean: fewer than two readable pages", file=sys.stderr)
        return 1
    if not host:
        print("newsclean: cannot tell the site's host from the pages; give --host", file=sys.stderr)
        return 2
    rule = learn_rule(pages, host, LearnOptions(min_share=args.min_share))
    header = (f"# learned by newsclean learn-site from {len(pages)} pages; edit freely.\n"
              f"# use with: newsclean extract PAGE --url URL --config {args.output}\n")
    Path(args.output).write_text(header + rule.to_toml(), encoding="utf-8")
    print(f"{args.output}: {len(rule.drop)} selectors, {len(rule.drop_texts)} recurring texts for {host}",
          file=sys.stderr)
    return 0
