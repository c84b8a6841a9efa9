"""Text shapes of the site's own notices, whatever their markup: a cookie-consent text, a share line
('Teilen: Facebook Twitter WhatsApp'), a rights line ('Alle Rechte vorbehalten'). Class names miss these
on many European sites (a cookie box in ``div.cc-window``, a share bar as plain text), so the text decides.
Used by the HTML container choice (a cookie text counts against its element) and the navigation stage
(these blocks are dropped). Pure functions."""
from __future__ import annotations

import re

COOKIE_MAX_CHARS = 1500   # a consent text is a paragraph or two; a longer block is an article about cookies
COOKIE_MIN_CHARS = 60     # ... and a sentence or more ('Do we use cookies?' is a heading of a privacy page)
COOKIE_MAX_BLOCKS = 2     # a page with more such blocks is about cookies (a privacy policy), not showing a notice
SHARE_MAX_CHARS = 160     # a share line is one row of network names
RIGHTS_MAX_CHARS = 300    # a rights line is a line or two at the foot of the page
CREDIT_MAX_CHARS = 80     # a picture credit is a label and a name or two

_COOKIE = re.compile(r"(?i)\bcookies?\b")
#: the site speaking about itself: 'we use', 'this website uses', 'wir verwenden', 'nous utilisons', ...
_SITE_VOICE = re.compile(
    r"(?i)\b(we use|we and our partners|(this|our) (web ?)?site uses|by (continuing|using) (to use )?(this|our)|"
    r"wir (verwenden|nutzen|setzen)|(diese|unsere) (web)?(seite|site) (verwendet|nutzt|setzt)|"
    r"nous utilisons|ce site (web )?utilise|en poursuivant votre navigation|utilizamos|usamos|"
    r"(este|nuestro) sitio (web )?(utiliza|usa)|esta (página )?web (utiliza|usa)|utilizziamo|"
    r"questo sito (web )?utilizza|wij gebruiken|deze (web)?site gebruikt)\b")
_NETWORK = (r"(?:facebook|twitter|x|whatsapp|e-?mail|mail|linkedin|pinterest|telegram|xing|reddit|messenger|"
            r"flipboard|tumblr|threads|bluesky|mastodon|print|drucken|imprimer|imprimir|copy link|link kopieren)")
#: 'Teilen: Facebook Twitter WhatsApp', 'Share this article on Facebook, X, Email', 'Facebook | Twitter | LinkedIn'
_SHARE_LINE = re.compile(
    r"(?i)^\W*(?:(?:share|share this(?: article| post| story| page)?|teilen|artikel teilen|beitrag teilen|"
    r"diesen (?:artikel|beitrag) teilen|jetzt teilen|partager|partagez|partager cet article|compartir|compártelo|"
    r"compartilhe|condividi|delen)\s*(?:on|via|auf|sur|en|per|:)?[\s:]*(?:" + _NETWORK + r"[\s,|/·•-]*)+"
    r"|(?:" + _NETWORK + r"[\s,|/·•-]+){2,}" + _NETWORK + r")\W*$")
#: 'Den Artikel mit anderen teilen/diskutieren:', 'Partager cet article :': a share bar's label on its own
_SHARE_LABEL = re.compile(r"(?i)^[^.!?]{0,40}\b(teilen|share|partager|compartir|condividi|delen)\b[^.!?]{0,20}:$")
_SHARED = re.compile(r"(?i)\b(artikel|beitrag|bericht|article|post|story|page|seite|artículo|articolo|nota|noticia)\b")
_AGENCY = (r"(?:AFP|dpa|DPA|Reuters|REUTERS|AP|EPA|APA|ANSA|EFE|KEYSTONE|Keystone|imago(?: images)?|IMAGO|"
           r"Getty Images|picture[ -]alliance)")
#: 'Foto: dpa/Michael Kappeler', 'AFP / MARCO BERTORELLO', 'Bild: imago images': a picture credit standing alone
_CREDIT = re.compile(
    r"^\W*(?:(?:[Ff]oto|FOTO|[Pp]hoto|PHOTO|[Bb]ild|BILD|[Ff]otos|[Pp]hotos|[Qq]uelle|[Cc]r[ée]dit[os]?|©)\s*:?\s*"
    + _AGENCY + r"\b|" + _AGENCY + r"\s*/\s*\S)[^.!?]*$")
_RIGHTS = re.compile(
    r"(?i)(all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
    r"tutti i diritti riservati|alle rechten voorbehouden|todos os direitos reservados)")


def cookie_notice(text: str) -> bool:
    """A cookie-consent text: the word cookie and the site speaking of itself, in one block of notice size."""
    return COOKIE_MIN_CHARS <= len(text) <= COOKIE_MAX_CHARS and "ookie" in text \
        and _COOKIE.search(text) is not None and _SITE_VOICE.search(text) is not None


def cookie_notices(texts: list[str]) -> set[int]:
    """The indexes of the cookie-consent texts among a page's blocks; none when there are more than
    ``COOKIE_MAX_BLOCKS`` (then the page itself is about cookies)."""
    found = {i for i, t in enumerate(texts) if "ookie" in t and cookie_notice(t)}  # (its cheapest test first)
    return found if len(found) <= COOKIE_MAX_BLOCKS else set()


def share_line(text: str) -> bool:
    """A share bar rendered as text: a share label and network names, or three network names and nothing else."""
    return len(text) <= SHARE_MAX_CHARS and _SHARE_LINE.match(text) is not None


def share_label(text: str) -> bool:
    """A share bar's label ending in a colon and naming what is shared ('Diesen Artikel teilen:'; not
    'How to share your screen:')."""
    return len(text) <= SHARE_MAX_CHARS and _ends_in_colon(text) and _SHARE_LABEL.match(text) is not None \
        and _SHARED.search(text) is not None


def _ends_in_colon(text: str) -> bool:
    """Exact pre-test of ``_SHARE_LABEL``: its ``:$`` needs a colon at the end, or before a final newline."""
    return text.endswith(":") or text.endswith(":\n")


def credit_line(text: str) -> bool:
    """A picture credit naming a photo agency, alone in its block."""
    return len(text) <= CREDIT_MAX_CHARS and _CREDIT.match(text) is not None


def rights_line(text: str) -> bool:
    """A short line reserving the site's rights."""
    return len(text) <= RIGHTS_MAX_CHARS and _may_reserve(text) and _RIGHTS.search(text) is not None


def _may_reserve(text: str) -> bool:
    """Exact pre-test of ``_RIGHTS``: each of its phrases holds 'rv' (reserved, réservés, reservados, riservati)
    or 'rbeh' (vorbehalten, voorbehouden), and no other character matches 'r', 'v', 'b', 'e' or 'h'
    case-blind than those whose ``lower()`` it is (only 'i' and 's' have such extra forms)."""
    low = text.lower()
    return "rv" in low or "rbeh" in low


def notice_reason(text: str) -> str | None:
    """Why a block is a site notice by its text alone (a share line or label, a picture credit, a rights
    line), or None."""
    if share_line(text) or share_label(text):
        return "share line"
    if credit_line(text):
        return "picture credit ('Foto: dpa/...')"
    if rights_line(text):
        return "rights line ('all rights reserved')"
    return None
