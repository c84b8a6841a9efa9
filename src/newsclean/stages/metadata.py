"""Stage 'metadata': read what the page states about itself in markup (HTML only).

JSON-LD (graphs, lists, nested authors), microdata, OpenGraph/article:*, Twitter cards, Dublin
Core and other <meta> names, <title>, the canonical link, <html lang> and <time> elements.
Title, author and date readings become *candidates* (with their source) for the title, byline and
dates stages to weigh against the page text; the simple fields (site_name, description, language,
url, image, section, tags) are set here."""
from __future__ import annotations

from typing import Any

from newsclean import handoffs
from newsclean.meta import jsonld, microdata, tags
from newsclean.meta.tags import HeadInfo
from newsclean.normalize.language import guess_language
from newsclean.page import Page
from newsclean.stages.base import Stage

PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "article:published", "og:published_time",
    "published_time", "datepublished", "publishdate", "publish-date", "publish_date", "published-date",
    "publication_date", "pubdate", "pub_date", "date_published", "dc.date.issued", "dcterms.issued",
    "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "citation_publication_date", "citation_date", "date.available", "article.published",
    "cxenseparse:recs:publishtime", "article_date_original", "original-publish-date", "displaydate",
    "og:pubdate", "rnews:datepublished", "published", "shareaholic:article_published_time", "date", "created",
    "datecreated",
)
MODIFIED_KEYS = (
    "article:modified_time", "og:updated_time", "article:modified", "datemodified", "dcterms.modified",
    "dc.date.modified", "last-modified", "lastmod", "modified", "updated", "revised",
)
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title", "sailthru.title",
              "title", "headline", "citation_title")
AUTHOR_KEYS = ("author", "article:author", "og:article:author", "dc.creator", "dcterms.creator",
               "parsely-author", "sailthru.author", "byl", "citation_author", "twitter:creator", "creator",
               "cxenseparse:author", "article:author_name")


#: a Twitter card's label/data pairs (twitter:label1 / twitter:data1, ...): SEO plugins print the author
#: under one of these labels; the card holds a few pairs
WRITTEN_BY_LABELS = frozenset({"written by", "author", "autor", "autorin", "geschrieben von", "verfasst von",
                               "auteur", "écrit par", "escrito por", "scritto da", "geschreven door"})
TWITTER_PAIRS = 4
#: author metas read per key: a page names a few authors, a longer list is a tag cloud or a mistake
MAX_AUTHOR_METAS = 6
#: the blocks the language guess reads (the top of the page holds the article; the rest adds only cost)
LANGUAGE_BLOCKS = 200
#: a language subtag is an ISO 639 code: two letters, or three
LANGUAGE_CODE_LENGTHS = (2, 3)
#: a tag longer than this is a sentence or a stuffed keyword list, not a tag
MAX_TAG_CHARS = 60
#: tags kept: keyword metas can list hundreds
MAX_TAGS = 30


class MetadataStage(Stage):
    name = "metadata"
    provides = frozenset({handoffs.HEAD, handoffs.JSONLD})
    kinds = frozenset({"html"})

    def run(self, page: Page) -> None:
        root = page.tree
        if root is None:
            return
        ld, head, props = _read(root)
        page.handoffs.jsonld = ld
        page.handoffs.head = head
        st = self.name
        # candidates for the title / byline / dates stages
        _propose_title(page, ld, head, props, st)
        _propose_authors(page, ld, head, st)
        _propose_dates(page, ld, head, props, st)
        # simple fields, set here
        _set_site_and_description(page, ld, head, st)
        _set_language(page, ld, head, st)
        _set_links_and_section(page, ld, head, st)
        _set_tags(page, ld, head, st)


def _read(root: Any) -> tuple[dict[str, Any], HeadInfo, dict[str, list[str]]]:
    """JSON-LD, the head's tags and the microdata itemprops; one walk over the tree finds the elements
    both the JSON-LD and the tag reader want."""
    try:
        found = list(root.iter("meta", "link", "title", "time", "script"))
    except (AttributeError, TypeError):
        found = None
    if found is None:
        ld = jsonld.read(root)
        head = tags.read(root)
    else:
        ld = jsonld.read(root, [el for el in found if el.tag == "script"])
        head = tags.read(root, [el for el in found if el.tag != "script"])
    return ld, head, microdata.itemprops(root)


def _propose_title(page: Page, ld: dict[str, Any], head: HeadInfo, props: dict[str, list[str]], st: str) -> None:
    if ld.get("title"):
        page.propose("title", ld["title"], "jsonld:headline", st)
    for v in props.get("headline", [])[:1]:
        page.propose("title", v, "itemprop:headline", st)
    for key in TITLE_KEYS:
        for v in head.metas.get(key, [])[:1]:
            page.propose("title", v, f"meta:{key}", st)
    if head.title:
        page.propose("title", head.title, "title", st)


def _propose_authors(page: Page, ld: dict[str, Any], head: HeadInfo, st: str) -> None:
    for name, typ in ld.get("authors", []):
        page.propose("authors", name, f"jsonld:author:{typ or 'text'}", st)
    for key in AUTHOR_KEYS:
        for v in head.metas.get(key, [])[:MAX_AUTHOR_METAS]:
            if v.startswith(("http://", "https://", "www.")) or (key == "twitter:creator" and v.startswith("@")):
                continue  # a profile link or a handle, not a name
            page.propose("authors", v, f"meta:{key}", st)
    for i in range(1, TWITTER_PAIRS + 1):
        label, data = head.first(f"twitter:label{i}"), head.first(f"twitter:data{i}")
        if label and data and label.strip(" :").casefold() in WRITTEN_BY_LABELS:
            page.propose("authors", data, "meta:twitter:written-by", st)


def _propose_dates(page: Page, ld: dict[str, Any], head: HeadInfo, props: dict[str, list[str]], st: str) -> None:
    if ld.get("published"):
        page.propose("published", ld["published"], "jsonld:datePublished", st)
    if ld.get("modified"):
        page.propose("modified", ld["modified"], "jsonld:dateModified", st)
    for key in PUBLISHED_KEYS:
        for v in head.metas.get(key, [])[:1]:
            page.propose("published", v, f"meta:{key}", st)
    for key in ("datepublished", "datecreated"):
        for v in props.get(key, [])[:1]:
            page.propose("published", v, f"itemprop:{key}", st)
    for key in MODIFIED_KEYS:
        for v in head.metas.get(key, [])[:1]:
            page.propose("modified", v, f"meta:{key}", st)
    for v in props.get("datemodified", [])[:1]:
        page.propose("modified", v, "itemprop:datemodified", st)


def _set_site_and_description(page: Page, ld: dict[str, Any], head: HeadInfo, st: str) -> None:
    site = (head.first("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site:name")
            or ld.get("site_name") or ld.get("publisher"))
    page.set_field("site_name", site, "meta:og:site_name" if head.first("og:site_name") else "jsonld/meta", st)
    desc_src, desc = _first_of([("meta:og:description", head.first("og:description")),
                                ("meta:description", head.first("description", "dc.description")),
                                ("meta:twitter:description", head.first("twitter:description")),
                                ("jsonld:description", ld.get("description"))])
    page.set_field("description", desc, desc_src, st)


def _set_language(page: Page, ld: dict[str, Any], head: HeadInfo, st: str) -> None:
    """The language the markup states (its primary subtag: "en" of "en_GB"); else a guess from the text."""
    lang_src, lang = _first_of([("html:lang", head.lang),
                                ("meta:content-language", head.first("content-language", "language",
                                                                     "dc.language")),
                                ("meta:og:locale", head.first("og:locale")),
                                ("jsonld:inLanguage", ld.get("language"))])
    if lang:
        lang = lang.replace("_", "-").split(",")[0].strip()
        lang = lang.split("-")[0].lower() if len(lang.split("-")[0]) in LANGUAGE_CODE_LENGTHS else None
    if not lang:
        lang_src, lang = "text", guess_language(" ".join(b.text for b in page.blocks[:LANGUAGE_BLOCKS]))
    page.set_field("language", lang, lang_src, st)


def _set_links_and_section(page: Page, ld: dict[str, Any], head: HeadInfo, st: str) -> None:
    url_src, url = _first_of([("link:canonical", head.canonical), ("meta:og:url", head.first("og:url")),
                              ("jsonld:url", ld.get("url"))])
    if url and url.startswith(("http://", "https://")):
        page.set_field("url", url, url_src, st)
    img_src, img = _first_of([("meta:og:image", head.first("og:image", "og:image:url", "og:image:secure_url")),
                              ("meta:twitter:image", head.first("twitter:image", "twitter:image:src")),
                              ("jsonld:image", ld.get("image"))])
    page.set_field("image", img, img_src, st)
    sec_src, section = _first_of([("meta:article:section", head.first("article:section")),
                                  ("jsonld:articleSection", ld.get("section")),
                                  ("meta:parsely-section", head.first("parsely-section", "section"))])
    page.set_field("section", section, sec_src, st)


def _set_tags(page: Page, ld: dict[str, Any], head: HeadInfo, st: str) -> None:
    """article:tag, else the keywords meta, else JSON-LD keywords; each tag once (case aside)."""
    tag_list = head.all("article:tag")
    tag_src = "meta:article:tag"
    if not tag_list:
        kw = head.first("news_keywords", "keywords")
        tag_list = [t.strip() for t in kw.split(",")] if kw else []
        tag_src = "meta:keywords"
    if not tag_list:
        tag_list, tag_src = ld.get("tags") or [], "jsonld:keywords"
    seen: set[str] = set()
    clean_tags = []
    for t in tag_list:
        t = " ".join(t.split())
        if t and t.lower() not in seen and len(t) <= MAX_TAG_CHARS:
            seen.add(t.lower())
            clean_tags.append(t)
    page.set_field("tags", clean_tags[:MAX_TAGS], tag_src, st)


def _first_of(pairs: list[tuple[str, object]]) -> tuple[str, str | None]:
    for src, v in pairs:
        if isinstance(v, str) and v.strip():
            return src, v.strip()
    return "", None
