"""``newsclean stages``: the stages a page goes through, in order, with the page kinds each runs on,
its options (and their defaults) and what it does -- for the pipeline the settings describe."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from newsclean.commands.common import add_settings_args, fail, pipeline_from_args
from newsclean.describe import describe_text
from newsclean.errors import NewscleanError
from newsclean.registry import available_stages


def add_parser(sub: Any) -> None:
    p = sub.add_parser("stages", help="list the pipeline's stages, their options and what they do",
                       description="List the stages in the order they run, with the page kinds each runs on, "
                                   "its options (with defaults) and a one-line description.")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_settings_args(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        pipeline = pipeline_from_args(args)
        infos = pipeline.describe()
        others = [n for n in available_stages() if n not in pipeline.names]
    except NewscleanError as err:
        return fail(err)
    if args.format == "json":
        out = {"stages": [i.to_dict() for i in infos], "not_in_pipeline": others}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(describe_text(infos))
        if others:
            sys.stdout.write(f"\nalso available (not in this pipeline): {', '.join(others)}\n")
    return 0
