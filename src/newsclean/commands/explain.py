"""``newsclean explain PAGE``: every block in page order, kept or dropped, by which stage, why;
then the metadata fields with the source each came from."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from newsclean.commands.common import add_page_args, add_settings_args, fail, pipeline_from_args, read_page_arg
from newsclean.errors import NewscleanError
from newsclean.explain import explain_dict, explain_text


def add_parser(sub: Any) -> None:
    p = sub.add_parser("explain", help="show why each block was kept or dropped",
                       description="Show every block of a page, kept or dropped, by which stage and why.")
    add_page_args(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--html", metavar="REPORT", help="also write a self-contained HTML report to this file")
    add_settings_args(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        page = pipeline_from_args(args).process(read_page_arg(args.page), url=args.url, kind=args.kind)
    except NewscleanError as err:
        return fail(err)
    if args.html:
        from newsclean.report import render_report

        try:
            with open(args.html, "w", encoding="utf-8") as fh:
                fh.write(render_report(page))
        except OSError as exc:
            print(f"newsclean: cannot write {args.html}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        print(f"report written to {args.html}", file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(json.dumps(explain_dict(page), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(explain_text(page, color=sys.stdout.isatty()))
    return 0
