"""newsclean: clean article text and metadata from captured news pages (HTML or text captures).

>>> import newsclean
>>> article = newsclean.extract(html_or_text, url="https://example.org/story")
>>> article.title, article.authors, article.published, article.text

``page`` may also be a parsed tree a scraper already holds -- a ``bs4.BeautifulSoup`` or ``bs4.Tag``, an
lxml element or ElementTree: it is serialised back to markup and read like it (one extra parse).
"""
from __future__ import annotations

from newsclean.article import Article, Paragraph, Removed
from newsclean.errors import ConfigError, InputError, NewscleanError, StageError
from newsclean.page import Block, Page
from newsclean.pipeline import Pipeline
from newsclean.stages.base import Stage

__version__ = "0.1.0"  # the only place the version is written: pyproject.toml reads it from here


def extract(page: object, url: str | None = None, *, kind: str | None = None,
            pipeline: Pipeline | None = None) -> Article:
    """Extract the article from ``page`` (HTML or a text capture; str, bytes or pathlib.Path; or a
    parsed ``bs4`` / lxml tree of the HTML, with the same output as for its markup).

    ``kind`` ("html" or "text") overrides the automatic guess. Raises only NewscleanError
    subclasses (InputError for unreadable input)."""
    return (pipeline or Pipeline()).extract(page, url=url, kind=kind)


__all__ = [
    "extract", "Article", "Paragraph", "Removed", "Pipeline", "Stage", "Page", "Block",
    "NewscleanError", "InputError", "ConfigError", "StageError", "__version__",
]
