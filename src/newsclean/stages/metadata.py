"""Stage 'metadata' (placeholder being written)."""
from __future__ import annotations

from newsclean.page import Page
from newsclean.stages.base import Stage


class MetadataStage(Stage):
    name = "metadata"
    kinds = frozenset({"html"})

    def run(self, page: Page) -> None:
        return None
