"""The ``newsclean`` command: thin argument parsing over the library.

Subcommands live in newsclean/commands/, one module each, each with ``add_parser(subparsers)``
and ``run(args) -> int``. Exit codes: 0 ok, 1 a page could not be processed, 2 bad usage or input.
"""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from newsclean import __version__
from newsclean._core import core_name
from newsclean.commands import batch as batch_cmd
from newsclean.commands import explain as explain_cmd
from newsclean.commands import extract as extract_cmd
from newsclean.commands import fixtures as fixtures_cmd
from newsclean.commands import learn_site as learn_site_cmd
from newsclean.commands import stages as stages_cmd

COMMANDS = (extract_cmd, batch_cmd, explain_cmd, fixtures_cmd, learn_site_cmd, stages_cmd)
LOG_LEVELS = ("debug", "info", "warning", "error")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean", description="Clean article text and metadata from captured news pages.")
    parser.add_argument("--version", action="version", version=f"newsclean {__version__} ({core_name()})")
    parser.add_argument("--log-level", choices=LOG_LEVELS, metavar="LEVEL",
                        help="show newsclean's log on stderr from this level: " + ", ".join(LOG_LEVELS)
                        + " (debug shows every fallback, e.g. a stage that gave up on an odd tree)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for cmd in COMMANDS:
        cmd.add_parser(sub)
    return parser


def _show_log(level: str) -> None:
    """Send the ``newsclean`` loggers' records at ``level`` and above to stderr (other libraries' stay quiet)."""
    log = logging.getLogger("newsclean")
    for old in [h for h in log.handlers if h.get_name() == "newsclean-cli"]:  # main() run again in-process
        log.removeHandler(old)
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name("newsclean-cli")
    handler.setFormatter(logging.Formatter("newsclean: %(name)s: %(levelname)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(level.upper())


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.log_level:
        _show_log(args.log_level)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("newsclean: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
