"""Host names of URLs: one place for the two questions the code asks of a URL's host.

- :func:`host_of` -- "which host is this URL (or host name) for?", as site rules, ``learn-site
  --host`` and batch templates ask it: a bare ``example.org/path`` counts, ``www.`` is kept (a rule
  for ``www.example.org`` is not one for ``example.org``), ``None`` when there is no host.
- :func:`site_of` -- "which site does this link point to?", as the HTML stages ask it of a page's URL
  and of its links: only an absolute ``http(s)://`` or ``//`` URL has one (``news/a.html`` is a
  relative link, not a host), ``www.`` is dropped (``www.example.org`` and ``example.org`` are one
  site), ``""`` when there is none.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

_ABSOLUTE = re.compile(r"(?i)^(?:https?:)?//([^/:?#]+)")


def host_of(url: str | None) -> str | None:
    """The lower-case host of ``url`` (a full URL or a bare ``host/path``), without port, user or a
    trailing dot; ``None`` for an empty or unreadable URL."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


def site_of(url: str | None) -> str:
    """The lower-case host an absolute link (``http(s)://host/...`` or ``//host/...``) points to,
    without a leading ``www.``; ``""`` for a relative link, another scheme or no URL."""
    if not url:
        return ""
    m = _ABSOLUTE.match(url.strip())
    if not m:
        return ""
    host = m.group(1).lower()
    return host[4:] if host.startswith("www.") else host
