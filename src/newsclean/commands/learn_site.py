"""``newsclean learn-site PAGES... -o site.toml``: learn a site's template from several of its pages
and write it as rules a human can read and edit."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsclean.errors import NewscleanError
from newsclean.page import Page
from newsclean.pipeline import Pipeline
from newsclean.rules.learn import LearnOptions, group_by_host, learn_rule
from newsclean.urls import host_of


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


def _load(paths: list[Path], kind: str | None) -> tuple[list[Page], list[Path], int]:
    """The readable pages (through the default pipeline, so that their kept text is known) and
    their paths; unreadable ones are reported and counted."""
    pipeline = Pipeline()
    pages, read, skipped = [], [], 0
    for p in paths:
        url_file = p.with_name(p.stem + ".url")
        url = url_file.read_text(encoding="utf-8").strip() if url_file.is_file() else None
        try:
            pages.append(pipeline.process(p, url=url, kind=kind))
        except NewscleanError as exc:
            print(f"newsclean: {p}: {exc} (skipped)", file=sys.stderr)
            skipped += 1
            continue
        read.append(p)
    return pages, read, skipped


def _check_groups(groups: dict[str, list[Path]], skipped: int) -> int:
    """0 when every host has at least two readable pages, else an exit code after a message."""
    if len(groups) > 1:
        print(f"newsclean: the pages are of {len(groups)} sites; learning each one's template on its own",
              file=sys.stderr)
    thin = {h: ps for h, ps in groups.items() if len(ps) < 2}
    for host, ps in thin.items():
        print(f"newsclean: learn-site needs at least two pages of each site; {host} has only "
              f"{', '.join(map(str, ps)) or 'none'}", file=sys.stderr)
    if not thin:
        return 0
    return 1 if skipped else 2


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
    pages, read, skipped = _load(paths, args.kind)
    if len(pages) < 2:
        print("newsclean: fewer than two readable pages", file=sys.stderr)
        return 1
    hosts = [args.host or host_of(page.url) or host_of(page.get("url")) for page in pages]
    unknown = [str(p) for p, h in zip(read, hosts) if not h]
    if unknown:
        print(f"newsclean: cannot tell the site's host of {', '.join(unknown)}; give --host "
              "or put the URL in a .url file next to the page", file=sys.stderr)
        return 2
    known = [h for h in hosts if h]
    code = _check_groups(group_by_host(read, known), skipped)
    if code:
        return code
    rules = [learn_rule(group, host, LearnOptions(min_share=args.min_share))
             for host, group in group_by_host(pages, known).items()]
    header = (f"# learned by newsclean learn-site from {len(pages)} pages; edit freely.\n"
              f"# use with: newsclean extract PAGE --url URL --config {args.output}\n")
    Path(args.output).write_text(header + "\n".join(rule.to_toml() for rule in rules), encoding="utf-8")
    for rule in rules:
        print(f"{args.output}: {len(rule.drop)} selectors, {len(rule.drop_texts)} recurring texts for {rule.host}",
              file=sys.stderr)
    return 0
