"""The exceptions newsclean raises. Every error it raises on bad input is a NewscleanError."""
from __future__ import annotations


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


class InputError(NewscleanError):
    """The page cannot be read: wrong type, missing file, too large, not decodable."""


class ConfigError(NewscleanError):
    """A pipeline or stage was configured wrongly (unknown stage, bad option, bad position)."""


class StageError(NewscleanError):
    """A stage failed on a page. Carries the stage name; the original exception is chained."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"stage {stage!r} failed: {message}")
        self.stage = stage


class PageTypeSkipped(NewscleanError):
    """The page is not of a type the pipeline was asked for (``page_types``): not an error, a page
    to leave out. Carries the page's ``page_type`` and ``confidence``."""

    def __init__(self, page_type: str, confidence: float | None = None) -> None:
        super().__init__(f"page type {page_type!r} is not among the page types asked for")
        self.page_type = page_type
        self.confidence = confidence
