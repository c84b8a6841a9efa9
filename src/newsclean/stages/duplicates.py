"""Stage 'duplicates' (placeholder being written)."""
from __future__ import annotations

from newsclean.page import Page
from newsclean.stages.base import Stage


class DuplicatesStage(Stage):
    name = "duplicates"
    kinds = frozenset({"html", "text"})

    def run(self, page: Page) -> None:
        return None
