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
