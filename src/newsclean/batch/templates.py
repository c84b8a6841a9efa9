"""``newsclean batch --learn-templates``: learn each host's template from the run's own pages.

Pass 1 loads every page (no stages) and returns, per page, its host and the hashes of its short
blocks; per host with at least ``min_pages`` pages, the blocks found on at least ``min_share`` of them
are that host's template, recovered as exact texts from a few of its pages. Pass 2 is the normal
run, with those texts as site rules (after the user's own rules for the host, which they extend).

Because the template is computed from all of a host's pages before any page is extracted, early and
late pages are cleaned alike, and the output does not depend on the job count or the input order.
The price is a second parse of every page.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsclean.batch.runner import _page_input
from newsclean.batch.sources import Item, resolve_item
from newsclean.errors import NewscleanError
from newsclean.load import load_page
from newsclean.rules.site import SiteRule
from newsclean.strings import squeeze
from newsclean.urls import host_of


@dataclass(frozen=True)
class TemplateOptions:
    min_pages: int = 5          # a host needs this many pages before its template is learned
    min_share: float = 0.6      # a block on at least this share of a host's pages is template
    max_text_chars: int = 600   # longer blocks are never taken as template


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()


def _page_host(item: Item, max_bytes: int) -> tuple[str | None, Any]:
    page = load_page(_page_input(item), url=item.url, kind=item.kind, max_bytes=max_bytes)
    host = host_of(item.url)
    if host is None and page.tree is not None:
        for link in page.tree.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
                host = host_of(link.get("href"))
                break
    return host, page


def fingerprint(item: Item, max_bytes: int, max_text_chars: int) -> tuple[str | None, frozenset[bytes]]:
    """(host, hashes of the page's distinct short blocks); (None, empty) for an unreadable page."""
    item = resolve_item(item)
    if item.error is not None:
        return None, frozenset()
    try:
        host, page = _page_host(item, max_bytes)
    except NewscleanError:
        return None, frozenset()
    return host, frozenset(_digest(t) for t in (squeeze(b.text) for b in page.blocks) if t and len(t) <= max_text_chars)


def _texts_for(item: Item, hashes: set[bytes], max_bytes: int) -> dict[bytes, str]:
    item = resolve_item(item)
    try:
        _, page = _page_host(item, max_bytes)
    except NewscleanError:
        return {}
    found = {}
    for b in page.blocks:
        t = squeeze(b.text)
        h = _digest(t)
        if h in hashes:
            found[h] = t
    return found


def learn_templates(items: Iterable[Item], executor: Any, *, max_bytes: int,
                    options: TemplateOptions = TemplateOptions()) -> tuple[SiteRule, ...]:
    """Run pass 1 on ``executor`` and return one SiteRule (exact texts) per host with a template."""
    items = [it for it in items if it.error is None]
    futures = [executor.submit(fingerprint, it, max_bytes, options.max_text_chars) for it in items]
    per_host: dict[str, list[int]] = defaultdict(list)
    counts: dict[str, Counter[bytes]] = defaultdict(Counter)
    for i, fut in enumerate(futures):
        try:
            host, hashes = fut.result()
        except Exception:  # a worker that died on a page: that page just does not vote
            continue
        if host:
            per_host[host].append(i)
            counts[host].update(hashes)
    rules = []
    for host in sorted(per_host):
        n = len(per_host[host])
        if n < options.min_pages:
            continue
        need = max(2, math.ceil(options.min_share * n))
        template = {h for h, c in counts[host].items() if c >= need}
        if not template:
            continue
        texts: dict[bytes, str] = {}
        for i in sorted(per_host[host], key=lambda k: items[k].id)[:8]:  # deterministic: by id
            texts.update(_texts_for(items[i], template - set(texts), max_bytes))
            if len(texts) == len(template):
                break
        rules.append(SiteRule(host=host, drop_texts=tuple(sorted(texts.values()))))
    return tuple(rules)


def merge_rules(user: tuple[SiteRule, ...], learned: tuple[SiteRule, ...]) -> tuple[SiteRule, ...]:
    """The user's rules, with learned texts added to the rule of the same host (or a new rule)."""
    import dataclasses

    by_host = {r.host: r for r in user}
    for r in learned:
        if r.host in by_host:
            old = by_host[r.host]
            by_host[r.host] = dataclasses.replace(
                old, drop_texts=tuple(dict.fromkeys(old.drop_texts + r.drop_texts)))
        else:
            by_host[r.host] = r
    return tuple(by_host[h] for h in sorted(by_host))
