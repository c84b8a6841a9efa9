"""JSON-LD (``<script type="application/ld+json">``): the article object and its fields.

Handles ``@graph``, top-level lists, nested author/publisher objects, ``@id`` references inside a
graph, and the broken JSON pages really ship (trailing commas, raw newlines, HTML comments)."""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "report", "scholarlyarticle",
    "techarticle", "socialmediaposting", "liveblogposting", "medicalwebpage", "posting", "review",
    "advertisernewsarticle", "satiricalarticle", "askpublicnewsarticle", "medicalscholarlyarticle",
    "creativework", "webpage", "itempage", "recipe", "videoobject", "podcastepisode", "howto",
})
STRONG_TYPES = ARTICLE_TYPES - {"webpage", "itempage", "creativework", "videoobject", "recipe", "howto",
                                "podcastepisode"}
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def _loads(text: str) -> Any:
    text = text.strip()
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    text = text.strip().rstrip(";")
    if not text:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        pass
    try:
        return json.loads(_TRAILING_COMMA.sub(r"\1", text.replace("\n", " ").replace("\r", " ").replace("\t", " ")),
                          strict=False)
    except (ValueError, RecursionError):
        return None


def _walk(obj: Any, depth: int = 0) -> Iterator[dict]:
    if depth > 6:
        return
    if isinstance(obj, list):
        for x in obj:
            yield from _walk(x, depth + 1)
    elif isinstance(obj, dict):
        yield obj
        graph = obj.get("@graph")
        if graph is not None:
            yield from _walk(graph, depth + 1)
        main = obj.get("mainEntity") or obj.get("mainEntityOfPage")
        if isinstance(main, (dict, list)):
            yield from _walk(main, depth + 1)


def types_of(obj: dict) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower().split("/")[-1]}
    if isinstance(t, list):
        return {x.lower().split("/")[-1] for x in t if isinstance(x, str)}
    return set()


def objects(root: Any, scripts: list[Any] | None = None) -> list[dict]:
    """Every JSON-LD object of the page, graphs flattened, in page order (``scripts``: the page's
    script elements, when the caller has collected them already)."""
    out: list[dict] = []
    if root is None:
        return out
    try:
        if scripts is None:
            scripts = root.iter("script")
    except (AttributeError, TypeError):
        return out
    for el in scripts:
        typ = (el.get("type") or "").lower()
        if "ld+json" not in typ:
            continue
        data = _loads(el.text or "")
        if data is not None:
            out.extend(_walk(data))
    return out


def text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value (string, {"@value"}, {"name"}, or a list's first one)."""
    if isinstance(value, str):
        if "&" in value and ";" in value:
            value = html.unescape(value)
        v = " ".join(value.split())
        return v or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        for k in ("@value", "name", "text"):
            if k in value:
                return text_of(value[k])
        return None
    if isinstance(value, list):
        for x in value:
            t = text_of(x)
            if t:
                return t
    return None


def _names(value: Any, by_id: dict[str, dict], depth: int = 0) -> list[tuple[str, str]]:
    """(name, type) pairs of an author value: strings, objects, lists, @id references."""
    if depth > 4 or value is None:
        return []
    if isinstance(value, str):
        v = " ".join(value.split())
        return [(v, "")] if v and not v.startswith(("http://", "https://")) else []
    if isinstance(value, list):
        out: list[tuple[str, str]] = []
        for x in value:
            out.extend(_names(x, by_id, depth + 1))
        return out
    if isinstance(value, dict):
        if "name" not in value and isinstance(value.get("@id"), str) and value["@id"] in by_id:
            value = by_id[value["@id"]]
        name = value.get("name")
        t = ",".join(sorted(types_of(value)))
        if isinstance(name, list):   # {"@type": "Person", "name": ["Jane Doe", "John Roe"]}: one name each
            names = [text_of(x) for x in name]
            return [(n, t) for n in names if n]
        if isinstance(name, dict):   # {"@value": "Jane Doe"}
            name = text_of(name)
        if not isinstance(name, str):
            given, family = value.get("givenName"), value.get("familyName")
            if isinstance(given, str) or isinstance(family, str):
                name = " ".join(x for x in (given, family) if isinstance(x, str))
        return [(" ".join(name.split()), t)] if isinstance(name, str) and name.strip() else []
    return []


def _score(obj: dict) -> int:
    t = types_of(obj)
    s = 0
    if t & STRONG_TYPES:
        s += 10
    elif t & ARTICLE_TYPES:
        s += 3
    for k in ("headline", "datePublished", "author", "articleBody"):
        if k in obj:
            s += 2
    return s


def read(root: Any, scripts: list[Any] | None = None) -> dict[str, Any]:
    """The fields of the page's main JSON-LD article object (and publisher/site facts)."""
    objs = objects(root, scripts)
    out: dict[str, Any] = {}
    if not objs:
        return out
    by_id = {o["@id"]: o for o in objs if isinstance(o.get("@id"), str) and len(o) > 2}
    ranked = sorted((o for o in objs if _score(o) > 0), key=_score, reverse=True)
    for o in objs:
        t = types_of(o)
        if "website" in t and "site_name" not in out:
            out["site_name"] = text_of(o.get("name"))
        if t & {"organization", "newsmediaorganization"} and "org_name" not in out:
            out["org_name"] = text_of(o.get("name"))
    if not ranked:
        return out
    main = ranked[0]
    out["type"] = ",".join(sorted(types_of(main)))
    out["strong"] = bool(types_of(main) & STRONG_TYPES)
    out["title"] = text_of(main.get("headline")) or text_of(main.get("name"))
    out["published"] = text_of(main.get("datePublished")) or text_of(main.get("dateCreated"))
    out["modified"] = text_of(main.get("dateModified"))
    authors = _names(main.get("author"), by_id) or _names(main.get("creator"), by_id)
    out["authors"] = authors
    pub = main.get("publisher")
    pubs = _names(pub, by_id)
    out["publisher"] = pubs[0][0] if pubs else None
    out["section"] = text_of(main.get("articleSection"))
    kw = main.get("keywords")
    if isinstance(kw, str):
        out["tags"] = [k.strip() for k in kw.split(",") if k.strip()]
    elif isinstance(kw, list):
        out["tags"] = [t for t in (text_of(k) for k in kw) if t]
    out["description"] = text_of(main.get("description"))
    img = main.get("image") or main.get("thumbnailUrl")
    if isinstance(img, dict):
        img = img.get("url") or img.get("contentUrl")
    elif isinstance(img, list) and img:
        img = img[0].get("url") if isinstance(img[0], dict) else img[0]
    out["image"] = img if isinstance(img, str) else None
    out["language"] = text_of(main.get("inLanguage"))
    url = main.get("url")
    out["url"] = url if isinstance(url, str) else None
    # a second strong article object with a different date would make the page a listing
    others = [o for o in ranked[1:] if types_of(o) & STRONG_TYPES and o.get("headline")]
    out["n_articles"] = 1 + len(others)
    return {k: v for k, v in out.items() if v not in (None, "", [])}


_SCRIPT_DATE = re.compile(r'"(?:datePublished|publishedDate|publishDate|published_at|publishedAt|firstPublished|'
                          r'publicationDate)"\s*:\s*"([^"]{8,40})"')


def script_dates(root: Any, limit: int = 3) -> list[str]:
    """Publication dates named in other JSON the page embeds for its scripts (app state, data
    layers): ``"publishedDate":"2016-11-04T20:37:27Z"``. The first few, in page order."""
    out: list[str] = []
    try:
        scripts = root.iter("script")
    except (AttributeError, TypeError):
        return out
    for el in scripts:
        typ = (el.get("type") or "").lower()
        text = el.text or ""
        if "ld+json" in typ or len(text) > 200_000 or "ublish" not in text:
            continue
        out.extend(m.group(1) for m in _SCRIPT_DATE.finditer(text))
        if len(out) >= limit:
            break
    return out[:limit]


_SCRIPT_STAMP = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)([-/])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])"
                           r"[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?![\d])")


def script_timestamps(root: Any, limit: int = 4) -> list[tuple[int, int, int, int, int, int]]:
    """Date-and-time stamps written into inline scripts (``showDate("2020/04/17 01:43:09")``):
    (year, month, day, hour, minute, second) in page order, at most ``limit + 1`` of them.
    A very weak signal, for pages that state no date anywhere else."""
    out: list[tuple[int, int, int, int, int, int]] = []
    try:
        scripts = root.iter("script")
    except (AttributeError, TypeError):
        return out
    for el in scripts:
        if (el.get("src") or "") or "json" in (el.get("type") or "").lower():
            continue
        text = el.text or ""
        if len(text) > 200_000:
            continue
        for m in _SCRIPT_STAMP.finditer(text):
            out.append((int(m.group(1)), int(m.group(3)), int(m.group(4)), int(m.group(5)), int(m.group(6)),
                        int(m.group(7) or 0)))
            if len(out) > limit:
                return out
    return out
