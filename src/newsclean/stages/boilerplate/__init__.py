"""Stage 'boilerplate': choose the article's main content and drop what lies outside it.

HTML pages: DOM container scoring (boilerplate.html). Text captures: the article's run of lines
(boilerplate.text). Options prefixed ``html_`` / ``text_`` apply to one kind only.
"""
from __future__ import annotations

from dataclasses import dataclass

from newsclean import handoffs
from newsclean.page import Page
from newsclean.stages.base import Stage
from newsclean.stages.boilerplate import html as boilerplate_html
from newsclean.stages.boilerplate import text as boilerplate_text


@dataclass(frozen=True)
class BoilerplateOptions:
    html_use_readability: bool = True  # readability-lxml as a second opinion when unsure
    text_min_body_words: int = 8        # a text block shorter than this is never a body anchor
    text_comment_threads: bool = True   # a best run that opens with reader comments gives way to the story above


class BoilerplateStage(Stage):
    """Choose the article's main content and drop what lies outside it."""

    name = "boilerplate"
    provides = frozenset({handoffs.HTML_CONTAINER, handoffs.HTML_TEASERS, handoffs.HTML_COOKIES,
                          handoffs.HTML_CONSENT, handoffs.TEXT_REGION, handoffs.OUTSIDE_MAIN})
    kinds = frozenset({"html", "text"})
    Options = BoilerplateOptions

    def run_html(self, page: Page) -> None:
        boilerplate_html.select_main(page, self.options, self.name)

    def run_text(self, page: Page) -> None:
        boilerplate_text.select_main(page, self.options, self.name)
