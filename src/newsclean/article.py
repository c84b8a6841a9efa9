"""The result of an extraction: a frozen Article, with JSON and Markdown renderings."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Paragraph:
    """One body block: ``kind`` is paragraph, heading, list_item, quote, table, pre or caption."""

    text: str
    kind: str = "paragraph"
    level: int | None = None  # heading level (1-6) where known

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.level is not None:
            d["level"] = self.level
        return d


@dataclass(frozen=True)
class Removed:
    """A block that is not in the body: which stage dropped it and why."""

    text: str
    stage: str
    reason: str
    kind: str = "paragraph"
    index: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "kind": self.kind, "stage": self.stage, "reason": self.reason, "text": self.text}


def _float(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class Article:
    """A clean article. ``text`` is the body, paragraphs separated by a blank line.

    ``published`` / ``modified`` are timezone-aware only when the page states a zone or offset
    ("2025-01-13T05:01:00-05:00", "5:01 AM ET"); a date written without one is returned naive, as
    written (no zone is guessed), and a date without a time is midnight. ``to_dict``/``to_json`` write
    them in ISO 8601, with the offset when there is one."""

    text: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    modified: datetime | None = None
    site_name: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    description: str | None = None
    language: str | None = None
    url: str | None = None
    image: str | None = None
    kind: str = "html"
    page_type: str | None = None  # article, listing, collection, product, forum, documentation or service
    page_type_confidence: float | None = None  # the model's probability of that type (0-1)
    removed: tuple[Removed, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)  # field name -> where its value came from

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "title": self.title,
            "authors": list(self.authors),
            "published": _iso(self.published),
            "modified": _iso(self.modified),
            "site_name": self.site_name,
            "section": self.section,
            "tags": list(self.tags),
            "description": self.description,
            "language": self.language,
            "url": self.url,
            "image": self.image,
            "kind": self.kind,
            "page_type": self.page_type,
            "page_type_confidence": self.page_type_confidence,
            "removed": [r.to_dict() for r in self.removed],
            "sources": dict(self.sources),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an Article from ``to_dict()`` output (e.g. a line of a batch's JSON Lines)."""
        def dt(v: Any) -> datetime | None:
            return datetime.fromisoformat(v) if isinstance(v, str) and v else None

        return cls(
            text=data.get("text") or "",
            paragraphs=tuple(Paragraph(p.get("text", ""), p.get("kind", "paragraph"), p.get("level"))
                             for p in data.get("paragraphs") or ()),
            title=data.get("title"), authors=tuple(data.get("authors") or ()),
            published=dt(data.get("published")), modified=dt(data.get("modified")),
            site_name=data.get("site_name"), section=data.get("section"), tags=tuple(data.get("tags") or ()),
            description=data.get("description"), language=data.get("language"), url=data.get("url"),
            image=data.get("image"), kind=data.get("kind") or "html",
            page_type=data.get("page_type"), page_type_confidence=_float(data.get("page_type_confidence")),
            removed=tuple(Removed(r.get("text", ""), r.get("stage", ""), r.get("reason", ""),
                                  r.get("kind", "paragraph"), r.get("index", -1))
                          for r in data.get("removed") or ()),
            sources=dict(data.get("sources") or {}),
        )

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        out: list[str] = []
        if self.title:
            out.append(f"# {self.title}")
        meta = []
        if self.authors:
            meta.append("By " + ", ".join(self.authors))
        if self.published:
            meta.append(self.published.isoformat())
        if meta:
            out.append("*" + " · ".join(meta) + "*")
        prev_kind = None
        for p in self.paragraphs:
            if p.kind == "heading":
                out.append("#" * min(6, max(2, p.level or 2)) + " " + p.text)
            elif p.kind == "list_item":
                line = "- " + p.text
                if prev_kind == "list_item" and out:
                    out[-1] += "\n" + line
                else:
                    out.append(line)
            elif p.kind == "quote":
                out.append("\n".join("> " + ln for ln in p.text.splitlines() or [""]))
            elif p.kind == "pre":
                out.append("```\n" + p.text + "\n```")
            elif p.kind == "table":
                rows = [r.split("\t") for r in p.text.splitlines()]
                width = max(len(r) for r in rows)
                lines = ["| " + " | ".join(c.strip() for c in r + [""] * (width - len(r))) + " |" for r in rows]
                lines.insert(1, "|" + " --- |" * width)
                out.append("\n".join(lines))
            elif p.kind == "caption":
                out.append("*" + p.text + "*")
            else:
                out.append(p.text)
            prev_kind = p.kind
        return "\n\n".join(out) + "\n"
