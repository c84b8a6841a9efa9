"""Writing a fitted weights file, or checking that retraining reproduces the shipped one byte for byte."""
from __future__ import annotations

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
