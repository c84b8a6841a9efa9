"""What one stage leaves for the stages after it, as typed fields on ``Page.handoffs``.

Each stage declares the products it ``provides`` and the ones it ``requires`` (the pipeline refuses an
order where no earlier stage provides a requirement) or can use when present (``optional``: the stage
documents and tests what it does without them). The names below are those product names; each is one
field of :class:`Handoffs`, except ``outside_main`` (a flag on each Block, :attr:`Block.outside_main`)
and the Page fields other stages set (``page_type``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsclean.meta.tags import HeadInfo

#: the head tags and <time> elements, read once (``metadata``)
HEAD = "head"
#: the JSON-LD article fields (``metadata``)
JSONLD = "jsonld"
#: the element holding the article body (``boilerplate``, HTML pages)
HTML_CONTAINER = "html_container"
#: indexes of teaser-card blocks (``boilerplate``, HTML pages)
HTML_TEASERS = "html_teasers"
#: indexes of the cookie-consent notice blocks (``boilerplate``, HTML pages)
HTML_COOKIES = "html_cookies"
#: indexes of the blocks inside a consent manager's box (``boilerplate``, HTML pages; ``consent_boxes``)
HTML_CONSENT = "html_consent"
#: first and last block of the article body (``boilerplate``, text captures)
TEXT_REGION = "text_region"
#: ``Block.outside_main``: the blocks boilerplate judged not part of the main content (``boilerplate``)
OUTSIDE_MAIN = "outside_main"
#: index of the headline block (``title``)
TITLE_BLOCK = "title_block"
#: the ``page_type`` / ``page_type_confidence`` fields (``page_type``)
PAGE_TYPE = "page_type"


@dataclass(slots=True)
class Handoffs:
    """The typed products stages leave on a page (None: no stage provided it, or it found nothing)."""

    head: HeadInfo | None = None
    jsonld: dict[str, Any] | None = None
    html_container: Any = None                  # an lxml element
    html_teasers: tuple[int, ...] | None = None
    html_cookies: tuple[int, ...] | None = None
    html_consent: tuple[int, ...] | None = None
    text_region: tuple[int, int] | None = None
    title_block: int | None = None
