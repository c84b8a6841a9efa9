"""``newsclean extract PAGE``: one page to text, Markdown or JSON on standard output."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from newsclean.commands.common import add_page_args, add_settings_args, fail, pipeline_from_args, read_page_arg
from newsclean.errors import NewscleanError


def add_parser(sub: Any) -> None:
    p = sub.add_parser("extract", help="extract one page", description="Extract the article from one page.")
    add_page_args(p)
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    add_settings_args(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        article = pipeline_from_args(args).extract(read_page_arg(args.page), url=args.url, kind=args.kind)
    except NewscleanError as err:
        return fail(err)
    if args.format == "json":
        out = article.to_json()
    elif args.format == "markdown":
        out = article.to_markdown()
    else:
        out = article.text
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0
