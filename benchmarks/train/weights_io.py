"""Writing a fitted weights file, or checking that retraining reproduces the shipped one byte for byte."""
from __future__ import annotations

import argparse
from pathlib import Path


def write_or_check(path: Path, text: str, check: bool) -> int:
    """With ``check``: 0 when ``path`` holds exactly ``text``, else 1 (nothing written). Without: write it."""
    if check:
        same = path.exists() and path.read_text(encoding="utf-8") == text
        print("identical" if same else f"DIFFERENT from {path}")
        return 0 if same else 1
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0


def capture_trainer_parser(description: str | None, bench: Path, cache: Path, out: Path) -> argparse.ArgumentParser:
    """The arguments the capture trainers share: the bench and its render cache, the file to write or check,
    a page limit for quick trials and a pickle of the collected rows."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=bench)
    ap.add_argument("--cache", type=Path, default=cache)
    ap.add_argument("--out", type=Path, default=out)
    ap.add_argument("--limit", type=int, default=None, help="pages per set (a quick trial)")
    ap.add_argument("--check", action="store_true", help="compare with the file at --out instead of writing it")
    ap.add_argument("--data", type=Path, help="keep the collected rows in this pickle (reused while the feature "
                                               "names are unchanged): for trying training settings quickly")
    return ap
