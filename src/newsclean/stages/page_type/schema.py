"""The ``page_type`` signals a page declares about itself and what the earlier stages found: schema.org
types in the source (JSON-LD ``@type``, microdata ``itemtype``), ``og:type`` and a published date in the
head, the metadata stage's JSON-LD article, and the authors and date the byline and dates stages found.
``features.page_features`` calls :func:`schema_features`; counts are log-scaled (``log1p``) as there."""
from __future__ import annotations

import math
import re

from newsclean.page import Page

#: a page's source is scanned for schema.org types only this far (types sit in the head or near
#: the top of the body; the scan must stay cheap on multi-megabyte pages)
SOURCE_SCAN_CHARS = 400_000
#: at most this many schema.org type names are read from one page
MAX_TYPES = 60

#: schema.org types by the page type they point to (lower-case, without the schema.org/ prefix)
TYPE_GROUPS: dict[str, frozenset[str]] = {
    "article": frozenset({"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                          "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
                          "scholarlyarticle", "socialmediaposting", "report", "satiricalarticle"}),
    "product": frozenset({"product", "offer", "aggregateoffer", "productgroup", "individualproduct",
                          "productmodel", "vehicle", "book"}),
    "forum": frozenset({"qapage", "question", "answer", "discussionforumposting", "comment"}),
    "collection": frozenset({"collectionpage", "itemlist", "searchresultspage", "offercatalog", "listitem"}),
    "documentation": frozenset({"techarticle", "apireference", "softwaresourcecode", "softwareapplication",
                                "howto", "course"}),
    "service": frozenset({"organization", "localbusiness", "service", "aboutpage", "contactpage", "faqpage",
                          "professionalservice", "educationalorganization", "corporation", "product",
                          "offercatalog", "event"}),
}
_TYPE_KEY = '"@type"'
_TYPE_NAME = re.compile(r"[\w:/.]{1,80}")


def schema_types(page: Page) -> list[str]:
    """schema.org types the page declares (JSON-LD ``@type`` and microdata ``itemtype``), lower-case,
    in source order, read from the source string with plain ``find`` (the metadata stage keeps only
    the article object, and parsing the JSON again would cost more than the whole stage may)."""
    src = page.source if page.kind == "html" else ""
    if not src:
        return []
    limit = min(len(src), SOURCE_SCAN_CHARS)
    out: list[str] = []
    for key, opener in ((_TYPE_KEY, '"'), ("schema.org/", "")):
        i = src.find(key, 0, limit)
        while i >= 0 and len(out) < MAX_TYPES:
            j = i + len(key)
            if opener:  # "@type" : "NewsArticle" (or ["NewsArticle", ...])
                q = src.find(opener, j, j + 20)
                if q < 0:
                    i = src.find(key, j, limit)
                    continue
                j = q + 1
            m = _TYPE_NAME.match(src, j)
            end = m.end() if m else j
            name = src[j:end].rsplit("/", 1)[-1].lower()
            if name and (opener or src.rfind("itemtype", max(0, i - 40), i) >= 0):
                out.append(name)
            i = src.find(key, end, limit)
    return out


def schema_features(page: Page, f: dict[str, float], signals: list[str]) -> None:
    types = schema_types(page)
    seen = set(types)
    for group, names in TYPE_GROUPS.items():
        n = sum(1 for t in types if t in names)
        f[f"ld_{group}"] = math.log1p(n)
    f["ld_any"] = 1.0 if types else 0.0
    f["ld_breadcrumb"] = 1.0 if "breadcrumblist" in seen else 0.0
    f["ld_website_only"] = 1.0 if seen and seen <= {"website", "webpage", "organization", "searchaction",
                                                      "breadcrumblist", "listitem", "imageobject",
                                                      "entrypoint", "person", "sitenavigationelement"} else 0.0
    if types:
        signals.append("schema.org types: " + ", ".join(sorted(seen)[:8]))
    head = page.handoffs.head
    og = ""
    if head is not None:
        og = (head.first("og:type") or "").lower()
        f["meta_published"] = 1.0 if head.first("article:published_time", "datepublished", "pubdate",
                                                "publish-date", "date") else 0.0
    if og:
        signals.append(f"og:type {og}")
    f["og_article"] = 1.0 if og in ("article", "news", "blog", "newsarticle") else 0.0
    f["og_product"] = 1.0 if og.startswith(("product", "og:product")) else 0.0
    f["og_website"] = 1.0 if og == "website" else 0.0
    ld = page.handoffs.jsonld or {}
    f["ld_main_article"] = 1.0 if ld.get("strong") else 0.0
    f["cand_published"] = math.log1p(len(page.candidates.get("published", ())))
    # what the byline and dates stages found (they run before this one): articles state a date and authors
    published = page.fields.get("published")
    f["has_published"] = 1.0 if published is not None else 0.0
    f["published_in_text"] = 1.0 if published is not None and not published.source.startswith(
        ("meta", "jsonld", "itemprop", "time")) else 0.0
    f["has_authors"] = 1.0 if page.get("authors") else 0.0
    f["dropped_share"] = sum(1 for b in page.blocks if b.dropped_by is not None) / max(len(page.blocks), 1)
    f["cand_authors"] = math.log1p(len(page.candidates.get("authors", ())))
    f["ld_n_articles"] = math.log1p(ld.get("n_articles", 0))


#: the signals above that only HTML shows (a text capture has no source, head or JSON-LD): left unknown
SCHEMA_HTML_ONLY = frozenset({
    "ld_any", "ld_breadcrumb", "ld_website_only", "og_article", "og_product", "og_website", "meta_published",
    "ld_main_article", "ld_n_articles", "cand_published", "cand_authors", "published_in_text", "dropped_share",
} | {f"ld_{g}" for g in TYPE_GROUPS})
