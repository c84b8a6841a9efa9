"""``newsclean batch INPUT... -o OUT.jsonl``: many pages to JSON Lines, in parallel, resumable.

Exit codes (EXIT_*): 0 the run completed and every page is a page record; 1 the run completed and
some pages are error records (the summary says how many); 2 bad options or inputs (nothing was
run); 3 the run stopped before the end (e.g. disk full); 130 Ctrl-C; 143 SIGTERM. Re-running the
same command after 3, 130 or 143 resumes where the output stops.
"""
from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any, TextIO

from newsclean.batch import ResumeState, Stats, run_batch
from newsclean.batch.runner import default_jobs
from newsclean.commands.common import add_settings_args, pipeline_from_args
from newsclean.errors import ConfigError, InputError, NewscleanError

EXIT_OK = 0           # completed, every page a page record
EXIT_PAGE_ERRORS = 1  # completed, some pages are error records
EXIT_USAGE = 2        # bad options or inputs: nothing was run
EXIT_STOPPED = 3      # the run stopped before the end (resumable)
EXIT_INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, the shell's convention
EXIT_TERMINATED = 143   # SIGTERM: 128 + SIGTERM

EPILOG = """\
inputs: page files (HTML or text captures, also gzipped: .html.gz), directories (searched
recursively for .html/.htm/.xhtml/.shtml/.txt/.text[.gz]/.warc/.warc.gz/.jsonl/.ndjson files), glob patterns,
WARC files (HTML responses), JSON Lines files of {"url":..., "html":...} or {"url":..., "text":...},
and '-' for a list of paths on standard input, one per line.

output: one JSON record per page: id, input_url, [warc_date], every article field, ms;
or {id, input_url, error: {type, message}, ms} for a page that failed; with --only-articles (or the
page_types setting), {id, input_url, skipped: "page_type", page_type, page_type_confidence, ms} for
a page of another type.
Ids: the file path, path#offset for WARC records, path:line for JSON Lines records.
If OUT exists, the run resumes: pages already in it are skipped (use --overwrite to start over,
--retry-errors to run the pages whose records are errors again).

exit codes: 0 every page ok; 1 completed, some pages are error records; 2 bad options or inputs;
3 the run stopped (e.g. disk full); 130 Ctrl-C; 143 SIGTERM. After 3, 130, 143: rerun to resume.
"""


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or a positive number, not {text}")
    return value


def add_parser(sub: Any) -> None:
    p = sub.add_parser("batch", help="extract many pages to JSON Lines",
                       description="Extract many pages in parallel into a JSON Lines file.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, glob, WARC, JSONL, or -")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="JSON Lines (or, with --format parquet, Parquet) output; appended to and resumed "
                        "if it exists; - for stdout (JSON Lines only)")
    p.add_argument("--format", choices=("jsonl", "parquet", "text", "markdown"), default="jsonl",
                   help="jsonl (default); parquet (needs the 'parquet' extra); text or markdown: one file "
                        "per page under --output-dir, mirroring the input tree")
    p.add_argument("--output-dir", metavar="DIR", help="where --format text|markdown writes the page files")
    p.add_argument("--jobs", "-j", type=_positive_int, default=None, metavar="N",
                   help=f"worker processes (default: all cores, here {default_jobs()})")
    p.add_argument("--timeout", type=_seconds, default=60.0, metavar="SECONDS",
                   help="time limit per page; a page over it becomes an error record (0: none; default 60)")
    p.add_argument("--kind", choices=("html", "text"),
                   help="treat pages as HTML or text captures (default: guess; WARC and JSONL records say)")
    p.add_argument("--overwrite", action="store_true", help="start OUT afresh instead of resuming")
    p.add_argument("--retry-errors", action="store_true",
                   help="when resuming, run the pages whose records in OUT are errors again (e.g. after "
                        "installing an extra or raising --timeout); their error records are replaced")
    p.add_argument("--learn-templates", action="store_true",
                   help="first learn each host's recurring blocks from these pages, then drop them (two passes)")
    p.add_argument("--template-min-pages", type=_positive_int, default=5, metavar="N",
                   help="learn a host's template only from N or more of its pages (default %(default)s)")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="run on a Dask cluster (scheduler address, e.g. tcp://scheduler:8786); "
                        "needs the 'dask' extra")
    p.add_argument("--only-articles", action="store_true",
                   help="extract article pages only; every other page (listing, product, forum, ...) becomes a "
                        "skip record {id, input_url, skipped: \"page_type\", page_type} (the settings key "
                        "page_types does the same for any list of types)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress lines, only the summary")
    add_settings_args(p)  # --config, --max-bytes (a page over it becomes an error record)
    p.set_defaults(func=run)


class Progress:
    """A self-rewriting line on a terminal, else a plain line every ``every`` seconds."""

    def __init__(self, stream: TextIO, *, quiet: bool = False, every: float = 10.0) -> None:
        self.stream = stream
        self.quiet = quiet
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.every = 0.25 if self.tty else every
        self.last = time.monotonic()
        self.shown = False

    def __call__(self, stats: Stats) -> None:
        now = time.monotonic()
        if self.quiet or now - self.last < self.every:
            return
        self.last = now
        line = progress_line(stats)
        if self.tty:
            self.stream.write("\r\x1b[K" + line)
            self.shown = True
        else:
            self.stream.write("newsclean batch: " + line + "\n")
        self.stream.flush()

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def progress_line(stats: Stats) -> str:
    """``120/1000 pages (12%), 118 ok, 2 errors, 30 skipped, 35.2 pages/s, 3 s, ETA 25 s``; without
    the total and the ETA when the inputs could not be counted (WARC, JSON Lines)."""
    done = f"{stats.pages} pages"
    if stats.total is not None:
        share = 100 * stats.pages / stats.total if stats.total else 100.0
        done = f"{stats.pages}/{stats.total} pages ({share:.0f}%)"
    line = (f"{done}, {stats.ok} ok, {stats.errors} errors, {stats.skipped} skipped, "
            f"{stats.rate:.1f} pages/s, {_duration(stats.elapsed)}")
    eta = stats.eta
    if eta is not None:
        line += f", ETA {_duration(eta)}"
    return line


def summary(stats: Stats, output: str) -> str:
    lines = [f"newsclean batch: {stats.pages} pages in {stats.elapsed:.1f} s ({stats.rate:.1f} pages/s): "
             f"{stats.ok} ok, {stats.errors} errors, {stats.skipped} skipped (already in the output)"]
    if stats.ignored:
        lines.append(f"newsclean batch: {stats.ignored} WARC responses were not HTML pages and were ignored")
    where = "standard output" if output == "-" else output
    if stats.errors:
        failed = "1 page failed: its error record is" if stats.errors == 1 else \
            f"{stats.errors} pages failed: their error records are"
        lines.append(f"newsclean batch: run completed; {failed} in {where} (records with an \"error\" field)")
    else:
        lines.append(f"newsclean batch: run completed; output in {where}")
    if stats.errors_before:
        earlier = "1 error record" if stats.errors_before == 1 else f"{stats.errors_before} error records"
        lines.append(f"newsclean batch: {earlier} from earlier runs also in {where} "
                     "(--retry-errors runs those pages again)")
    return "\n".join(lines) + "\n"


def _output_plan(args: argparse.Namespace) -> tuple[str, Any]:
    """(the JSON Lines journal to write and resume from, an exporter or None) for --format."""
    if args.format in ("text", "markdown"):
        if not args.output_dir:
            raise ValueError(f"--format {args.format} needs --output-dir DIR")
        if args.output:
            raise ValueError(f"--format {args.format} writes to --output-dir, not -o")
        import os

        from newsclean.batch.export import JOURNAL_NAME, DirExporter, common_root

        os.makedirs(args.output_dir, exist_ok=True)
        return os.path.join(args.output_dir, JOURNAL_NAME), DirExporter(args.output_dir, args.format,
                                                                       common_root(args.inputs))
    if args.output_dir:
        raise ValueError("--output-dir goes with --format text or markdown")
    if not args.output:
        raise ValueError("give -o OUT (or --format text|markdown --output-dir DIR)")
    if args.format == "parquet":
        if args.output == "-":
            raise ValueError("--format parquet cannot write to standard output")
        from newsclean.batch.export import ParquetExporter

        return args.output + ".journal.jsonl", ParquetExporter(args.output)
    return args.output, None


def _template_options(args: argparse.Namespace) -> object:
    from newsclean.batch.templates import TemplateOptions

    return TemplateOptions(min_pages=args.template_min_pages)


def run(args: argparse.Namespace) -> int:
    err = sys.stderr
    progress = Progress(err, quiet=args.quiet)

    def on_resume(state: ResumeState) -> None:
        if state.records:
            err.write(f"newsclean batch: resuming: {state.records} records already in {args.output}"
                      + (f" (cut {state.repaired_bytes} bytes of an incomplete last line)"
                         if state.repaired_bytes else "") + "\n")
        if state.retried:
            pages = "the page whose record was an error" if state.retried == 1 else (
                f"the {state.retried} pages whose records were errors")
            err.write(f"newsclean batch: --retry-errors: running {pages} again\n")
        if state.foreign:
            err.write(f"newsclean batch: warning: {state.foreign} lines of {args.output} are not "
                      "newsclean records\n")

    try:
        journal, exporter = _output_plan(args)
    except (ConfigError, ValueError) as exc:
        err.write(f"newsclean batch: {exc}\n")
        return EXIT_USAGE
    target = args.output_dir or args.output  # what the user asked for, for the summary
    args.output = journal
    if args.max_bytes is not None and args.max_bytes < 1:
        err.write(f"newsclean batch: --max-bytes must be at least 1, not {args.max_bytes}\n")
        return EXIT_USAGE
    try:
        with _sigterm_as_interrupt():
            stats = _run_batch(args, exporter, progress, on_resume)
    except (InputError, ConfigError) as exc:
        progress.clear()
        err.write(f"newsclean batch: {exc}\n")
        return EXIT_USAGE
    except NewscleanError as exc:
        progress.clear()
        err.write(f"newsclean batch: run failed: {exc}\n")
        return EXIT_STOPPED
    except BrokenPipeError:
        raise  # '-o -' into a closed pipe: the CLI's convention applies
    except OSError as exc:  # e.g. the output could not be written (disk full): resumable
        progress.clear()
        err.write(f"newsclean batch: run failed: {exc}; run the same command again to resume\n")
        return EXIT_STOPPED
    except KeyboardInterrupt as exc:
        progress.clear()
        what = "terminated (SIGTERM)" if isinstance(exc, Terminated) else "interrupted"
        err.write(f"newsclean batch: {what}; run the same command again to resume\n")
        return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
    progress.clear()
    err.write(summary(stats, target))
    return EXIT_PAGE_ERRORS if stats.errors or stats.errors_before else EXIT_OK


def _run_batch(args: argparse.Namespace, exporter: Any, progress: Progress, on_resume: Any) -> Stats:
    pipeline = pipeline_from_args(args)  # settings: flags > --config > pyproject.toml > defaults
    if args.only_articles:
        pipeline.page_types = ("article",)
    with ExitStack() as stack:
        executor = None
        if args.dask:
            from newsclean.batch.dask import dask_executor

            executor = stack.enter_context(dask_executor(args.dask))
        return run_batch(args.inputs, args.output, pipeline=pipeline, jobs=args.jobs, executor=executor,
                         timeout=args.timeout or None, kind=args.kind, resume=not args.overwrite,
                         retry_errors=args.retry_errors, progress=progress, on_resume=on_resume,
                         learn_templates=args.learn_templates, template_options=_template_options(args),
                         exporter=exporter)


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: the run stops as on Ctrl-C (workers killed, output whole, resumable)."""


def _raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated()


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM (a job scheduler, ``kill``) stops the run like Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set on the main thread
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
