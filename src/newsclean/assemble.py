"""Turn a processed Page into the frozen Article."""
from __future__ import annotations

from datetime import datetime

from newsclean.article import Article, Paragraph, Removed
from newsclean.page import Page

_FIELDS = ("title", "site_name", "section", "description", "language", "url", "image")


def build_article(page: Page) -> Article:
    paragraphs = tuple(
        Paragraph(text=b.text, kind=b.kind, level=b.features.get("level") if b.kind == "heading" else None)
        for b in page.kept()
    )
    removed = tuple(
        Removed(text=b.text, stage=b.dropped_by or "", reason=b.reason or "", kind=b.kind, index=b.index)
        for b in page.blocks if b.dropped_by is not None
    )
    values = {name: page.get(name) for name in _FIELDS}
    if values["url"] is None:
        values["url"] = page.url
    published = page.get("published")
    modified = page.get("modified")
    confidence = page.get("page_type_confidence")
    return Article(
        text="\n\n".join(p.text for p in paragraphs),
        paragraphs=paragraphs,
        authors=tuple(page.get("authors") or ()),
        tags=tuple(page.get("tags") or ()),
        published=published if isinstance(published, datetime) else None,
        modified=modified if isinstance(modified, datetime) else None,
        kind=page.kind,
        page_type=page.get("page_type"),
        page_type_confidence=float(confidence) if isinstance(confidence, (int, float)) else None,
        removed=removed,
        sources={name: fv.source for name, fv in page.fields.items()},
        **values,
    )
