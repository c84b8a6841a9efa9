"""URL signals for ``page_type``: path words that name a page type (``/tag/``, ``/products/``, ``/docs/``,
a forum's host), the path's depth, a long slug, a date in the path, a tag/category/search path.

Split from ``features``; it only measures. A page without a URL gets ``url_none`` and no URL signal (the
model then reads each as its training mean).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

#: path depth is capped here (six levels deep is as deep as it gets for the type)
DEPTH_CAP = 6
#: words of the last segment are capped here (a slug of 12 words is as long as it gets)
SLUG_CAP = 12

_DATE_PATH = re.compile(r"/(?:19|20)\d\d[/-](?:[01]?\d)(?:[/-]|$)|/\d{8}(?:/|$)")
_TAG_OR_SEARCH = re.compile(r"/(?:tags?|category|categories|topics?|search|archives?|author|authors)(?:/|$|\?)"
                            r"|[?&](?:s|q|query)=", re.IGNORECASE)

URL_PATTERNS: dict[str, re.Pattern[str]] = {
    "listing": re.compile(r"/(?:tags?|category|categories|topics?|section|sections|archives?|search|author|"
                          r"authors|news|latest|page/\d+|issues|blog|blogs|stories|articles)(?:/|$|\?)|[?&](?:s|q|"
                          r"query|page|tag|category)=", re.IGNORECASE),
    "collection": re.compile(r"/(?:collections?|shop|store|c|cat|catalog|catalogue|department|browse|"
                             r"products?)(?:/|$)|/(?:all|all-products|view-all)(?:/|$)", re.IGNORECASE),
    "product": re.compile(r"/(?:products?|p|dp|item|items|gp/product|sku)/[^/]+|\d{5,}\.html?$|/[\w-]+-p-?\d+",
                          re.IGNORECASE),
    "forum": re.compile(r"/(?:t|threads?|topics?|questions?|forums?|discussions?|community|viewtopic|"
                        r"showthread|comments|r/\w+/comments)(?:[/.?]|$)|^(?:forums?|community|discuss|discussion|"
                        r"answers|boards?)\.|stackexchange|stackoverflow|reddit", re.IGNORECASE),
    "documentation": re.compile(r"/(?:docs?|documentation|api|reference|ref|guides?|manual|userguide|"
                                r"usersguide|learn|tutorials?|wiki|handbook|kb|glossary)(?:/|$|\.)|^(?:docs?|"
                                r"developer|developers|wiki|learn|api)\.|readthedocs|gitbook|github\.io",
                                re.IGNORECASE),
    "service": re.compile(r"/(?:pricing|plans?|about(?:-us)?|contact(?:-us)?|services?|solutions?|features?|"
                          r"careers|jobs|team|why-us|testimonials|reviews|programs?|courses?|offers?|"
                          r"enterprise|support)(?:/|$|-)", re.IGNORECASE),
    "article": re.compile(r"/(?:19|20)\d\d/(?:[01]?\d/)?|/\d{4}-\d\d-\d\d|[a-z]+(?:-[a-z0-9]+){4,}", re.IGNORECASE),
}


def url_features(url: str | None, f: dict[str, float]) -> None:
    """The URL signals into ``f`` (``url_none`` when there is no URL to read)."""
    if not url:
        f["url_none"] = 1.0
        return
    try:
        parts = urlsplit(url)
    except ValueError:
        f["url_none"] = 1.0
        return
    host = (parts.hostname or "").lower()
    path = parts.path or "/"
    query = ("?" + parts.query) if parts.query else ""
    segments = [s for s in path.split("/") if s]
    f["url_depth"] = float(min(len(segments), DEPTH_CAP))
    f["url_root"] = 1.0 if not segments else 0.0
    last = segments[-1] if segments else ""
    f["url_slug_words"] = float(min(len(re.findall(r"[a-z]+", last.lower())), SLUG_CAP))
    f["url_digits"] = 1.0 if re.search(r"\d{4,}", path) else 0.0
    for name, rx in URL_PATTERNS.items():
        target = host if name in ("forum", "documentation") else ""
        hit = rx.search(path + query) or (target and rx.search(target + "/"))
        f[f"url_{name}"] = 1.0 if hit else 0.0
    f["url_date_path"] = 1.0 if _DATE_PATH.search(path) else 0.0
    f["url_tagcat"] = 1.0 if _TAG_OR_SEARCH.search(path + query) else 0.0

#: every signal this module may set (left out, with ``url_none``, when the page has no URL)
URL_SIGNALS = frozenset({"url_depth", "url_root", "url_slug_words", "url_digits", "url_date_path", "url_tagcat"}
                        | {f"url_{g}" for g in URL_PATTERNS})
