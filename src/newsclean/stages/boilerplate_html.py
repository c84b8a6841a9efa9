"""Main-content selection for html pages (placeholder being written)."""
from __future__ import annotations

from typing import Any

from newsclean.page import Page


def select_main(page: Page, options: Any, stage: str) -> None:
    return None
