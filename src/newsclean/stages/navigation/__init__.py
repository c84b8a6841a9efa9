"""Stage 'navigation': menus, nav lists, breadcrumbs, footers, "Latest in / Most popular / Related"
lists, share/subscribe/promo blocks. Rules for HTML in navigation.html, for text captures in
navigation.text. Options prefixed ``html_`` / ``text_`` apply to one kind only."""
from __future__ import annotations

from dataclasses import dataclass

from newsclean import handoffs
from newsclean.page import Page
from newsclean.stages.base import Stage
from newsclean.stages.navigation import html as navigation_html
from newsclean.stages.navigation import text as navigation_text


@dataclass(frozen=True)
class NavigationOptions:
    html_max_link_density: float = 0.5
    text_drop_bullets: bool = True


class NavigationStage(Stage):
    """Drop menus, footers, share/promo boxes, "Latest in…" lists and comments inside the content."""

    name = "navigation"
    #: without boilerplate's products: the rules run over the whole page (no container, no teaser cards)
    optional = frozenset({handoffs.HTML_CONTAINER, handoffs.HTML_TEASERS, handoffs.HTML_COOKIES,
                          handoffs.OUTSIDE_MAIN})
    kinds = frozenset({"html", "text"})
    Options = NavigationOptions

    def run_html(self, page: Page) -> None:
        navigation_html.drop_navigation(page, self.options, self.name)

    def run_text(self, page: Page) -> None:
        navigation_text.drop_navigation(page, self.options, self.name)
