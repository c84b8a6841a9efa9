"""Hostile inputs, generated (never stored): name -> zero-argument function returning the page.

Shared by tests/test_hostile.py (no crash, right outcome) and benchmarks/hostile.py (time and
memory per MB)."""
from __future__ import annotations

import gzip
import io
import json
import random
import struct
import textwrap
import zipfile
import zlib
from collections.abc import Callable

_SENTENCES = (
    "The council met on Tuesday evening to discuss the new budget for the coming year.",
    "Several residents spoke against the plan, saying the library would lose its weekend hours.",
    "Paragraph 3 of the story quotes the mayor, who said the cuts were painful but necessary.",
    "A final vote is expected next month after a second round of public hearings in the town hall.",
    "Officials said the figures would be published online before the hearings begin.",
)
ARTICLE = ("<html><head><title>Story</title></head><body><article><h1>Story</h1>"
           + "".join(f"<p>{s}</p>" for s in _SENTENCES) + "</article></body></html>")


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(random.Random(1).randrange(256) for _ in range(30)) for _ in range(10))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 10, 10, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("index.html", ARTICLE)
    return buf.getvalue()


def _state_in_head(state_chars: int, body_chars: int) -> str:
    """A page whose <head> holds an inline JSON state of ``state_chars`` characters (Next.js,
    Shopify... ship the whole page's data so), then ``body_chars`` of article paragraphs."""
    item = '{"id":%d,"title":"Product number %d","price":"%d.99","tags":["a","b"]},'
    items, n = [], 0
    while n < state_chars:
        items.append(item % (len(items), len(items), len(items)))
        n += len(items[-1])
    body, n = [], 0
    while n < body_chars:
        body.append(f"<div class=\"row\"><p>{_SENTENCES[len(body) % 5]} Item {len(body)}.</p></div>")
        n += len(body[-1])
    return ('<html><head><title>Shop</title><script id="__NEXT_DATA__" type="application/json">{"items":['
            + "".join(items) + "]}</script></head><body><article>" + "".join(body) + "</article></body></html>")


def _gzip_bomb() -> bytes:
    """64 MB of spaces in 64 KB of gzip: over the 50 MB limit only once decompressed."""
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * (1 << 20)
    return b"".join(z.compress(block) for _ in range(64)) + z.flush()


def one_line_capture(n_chars: int) -> str:
    """A text capture flattened to one line: a menu, then ``n_chars`` of article sentences (words
    of the story and made-up words in a random order, so that no two are alike) with a newsletter
    call to action now and then."""
    rng = random.Random(5)
    syllables = ("ba", "co", "den", "fi", "gal", "ho", "ker", "lu", "man", "no", "pri", "sto", "ter", "vi")
    vocab = sorted({w.strip(".,").lower() for s in _SENTENCES for w in s.split()}
                   | {a + b + c for a in syllables for b in syllables for c in ("", "s", "ed", "ing")})
    parts = ["• Home • World • Business • Sport • Subscribe", "Story"]
    n = 0
    while n < n_chars:
        if len(parts) % 40:
            words = rng.choices(vocab, k=rng.randrange(10, 25))
            parts.append(" ".join(words).capitalize() + ".")
        else:
            parts.append("Sign up for our newsletter to get the latest news delivered to your inbox.")
        n += len(parts[-1]) + 1
    return " ".join(parts)


def side_by_side_capture(n_lines: int) -> str:
    """A capture of ``n_lines`` lines laid out as two columns (w3m's table cells side by side): a story wrapped
    at 58 columns and padded to 62, a sidebar's entries beside it (``load.text_columns`` unfolds it)."""
    rng = random.Random(3)
    story = textwrap.wrap(" ".join(rng.choice(_SENTENCES) for _ in range(n_lines // 2)), 58)[:n_lines]
    return "\n".join((left.ljust(62) + (f"  □ Archive entry {i}" if i % 3 else f"• Year {i}")).rstrip()
                     for i, left in enumerate(story))


def _deep(n: int) -> str:
    return "<html><body>" + "<div>" * n + "deep text here" + "</div>" * n + "</body></html>"


CASES: dict[str, Callable[[], object]] = {
    "empty-str": lambda: "",
    "empty-bytes": lambda: b"",
    "whitespace-only": lambda: " \n\t\r\n   \u00a0\u2003\n",
    "invalid-utf8-start": lambda: b"\xff\xfe\xfd" + ARTICLE.encode(),
    "invalid-utf8-middle": lambda: ARTICLE.encode()[:200] + b"\xc3\x28\xa0\xa1" + ARTICLE.encode()[200:],
    "invalid-utf8-end": lambda: ARTICLE.encode() + b"\xe2\x82",
    "invalid-utf8-everywhere": lambda: bytes(b if i % 7 else 0xC0 for i, b in enumerate(ARTICLE.encode())),
    "utf16-le-bom": lambda: b"\xff\xfe" + ARTICLE.encode("utf-16-le"),
    "utf16-be-bom": lambda: b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
    "utf16-le-no-bom": lambda: ARTICLE.encode("utf-16-le"),
    "utf16-be-no-bom": lambda: ARTICLE.encode("utf-16-be"),
    "utf32-le-bom": lambda: b"\xff\xfe\x00\x00" + ARTICLE.encode("utf-32-le"),
    "utf32-le-no-bom": lambda: ARTICLE.encode("utf-32-le"),
    "wrong-meta-charset": lambda: ('<meta charset="utf-16">' + ARTICLE.replace("Story", "Ünïcödé")).encode("utf-8"),
    "unknown-meta-charset": lambda: ('<meta charset="x-no-such-charset">' + ARTICLE).encode(),
    "mixed-encodings": lambda: "Café ".encode() + "Café ".encode("cp1252") + ARTICLE.encode(),
    "gzip-bytes": lambda: gzip.compress(ARTICLE.encode()),
    "pdf-bytes": lambda: b"%PDF-1.4\n1 0 obj<<>>endobj\n" + bytes(range(256)) * 20 + b"\n%%EOF",
    "png-bytes": _png,
    "zip-bytes": _zip,
    "random-binary": lambda: random.Random(7).randbytes(50_000),
    "elf-bytes": lambda: b"\x7fELF\x02\x01\x01" + bytes(9) + struct.pack("<HHI", 2, 62, 1) + bytes(4000),
    "exe-without-magic": lambda: b"MZ" + bytes(58) + b"This program cannot be run in DOS mode.\r\n" + bytes(3000),
    "gzip-of-png": lambda: gzip.compress(_png()),
    "gzip-two-members": lambda: gzip.compress(ARTICLE[:300].encode()) + gzip.compress(ARTICLE[300:].encode()),
    "gzip-truncated": lambda: gzip.compress(ARTICLE.encode() * 20)[:-100],
    "gzip-damaged": lambda: gzip.compress(ARTICLE.encode())[:12] + b"\xff" * 40,
    "gzip-bomb": _gzip_bomb,
    "utf32-be-no-bom": lambda: ARTICLE.encode("utf-32-be"),
    "json-document": lambda: json.dumps({"title": "x", "items": [{"a": i} for i in range(1000)]}),
    "rss-feed": lambda: ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed</title>'
                         + "".join(f"<item><title>Item {i}</title><description>Text {i}</description></item>"
                                   for i in range(200)) + "</channel></rss>"),
    "nul-bytes": lambda: ARTICLE.replace("<p>", "<p>\x00").encode(),
    "control-chars": lambda: ARTICLE.replace("words", "wo\x01rds\x1b[31m\x7f"),
    "lone-surrogates-str": lambda: ARTICLE.replace("Story", "St\ud800ory\udfff"),
    "truncated-mid-tag": lambda: ARTICLE[: len(ARTICLE) // 2] + "<p class=\"x",
    "unclosed-comment": lambda: ARTICLE.replace("<article>", "<article><!-- never closed "),
    "cdata": lambda: ARTICLE.replace("<article>", "<article><![CDATA[ <p>not markup</p> ]]>"),
    "plaintext-tag": lambda: "<html><body><plaintext><p>everything after is text</p></body></html>",
    "frameset": lambda: ('<html><head><title>Frames</title></head><frameset cols="50%,50%">'
                         '<frame src="a.html"><frame src="b.html"></frameset>'
                         "<noframes><p>Your browser does not support frames.</p></noframes></html>"),
    "only-scripts": lambda: "<html><head>" + "<script>var x = 1;</script>" * 1000 + "</head><body></body></html>",
    "comment-only": lambda: "<!-- " + "just a comment " * 1000 + "-->",
    "head-only": lambda: "<html><head><title>Only a head</title><meta name='author' content='A'></head></html>",
    "deep-nesting-100k": lambda: _deep(100_000),
    "deep-inline-nesting": lambda: "<html><body><p>" + "<b><i>" * 20_000 + "text" + "</i></b>" * 20_000 + "</p></body></html>",
    "deep-tables": lambda: "<html><body>" + "<table><tr><td>" * 2000 + "cell" + "</td></tr></table>" * 2000 + "</body></html>",
    "million-tiny-elements": lambda: "<html><body>" + "<b>x</b>" * 1_000_000 + "</body></html>",
    "ten-mb-one-word": lambda: "a" * 10_000_000,
    "ten-mb-one-word-html": lambda: "<html><body><p>" + "a" * 10_000_000 + "</p></body></html>",
    "ten-mb-attribute": lambda: '<html><body><div data-x="' + "y" * 10_000_000 + '"><p>text</p></div></body></html>',
    "huge-meta-content": lambda: '<html><head><meta name="description" content="' + "d " * 500_000 + '"></head><body><p>t</p></body></html>',
    "many-brs": lambda: "<html><body><p>" + "word<br>" * 200_000 + "</p></body></html>",
    "xml-entity-bomb": lambda: ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                                + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
                                          for i in range(1, 10))
                                + ']><html><body><p>&lol9;</p></body></html>'),
    "external-entity": lambda: ('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                                "<html><body><p>before &xxe; after</p></body></html>"),
    "svg-heavy": lambda: "<html><body>" + "<svg><path d='M0 0 L10 10'/><text>label</text></svg>" * 5000 + "<p>Body.</p></body></html>",
    "bad-json-ld": lambda: ARTICLE.replace("</head>", '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script></head>'),
    "deep-json-ld": lambda: ARTICLE.replace("</head>", '<script type="application/ld+json">' + '{"a":' * 5000 + "1" + "}" * 5000 + "</script></head>"),
    "many-json-ld": lambda: ARTICLE.replace("</head>", '<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"A"}}</script>' * 2000 + "</head>"),
    "garbage-dates": lambda: ARTICLE.replace("</head>", '<meta property="article:published_time" content="9999-99-99T99:99"><time datetime="0000-00-00">x</time></head>'),
    "text-one-huge-line": lambda: "word " * 400_000,
    # a table printed with a very wide column: runs of 200,000 spaces inside lines, beside a photo credit's word
    # (two patterns were quadratic in such a run: the over-long line's bullet break and the closing-credit tail)
    "text-wide-space-runs": lambda: "Title of the story\n\n" + ("Photo" + " " * 200_000 + "credit\n\n") * 3
    + "\n\n".join(_SENTENCES),
    "text-one-line-capture-10mb": lambda: one_line_capture(10_000_000),
    "text-100k-bullet-lines": lambda: "\n".join(f"  • item {i}" for i in range(100_000)),
    # columns side by side (load/text_columns.py): a 100,000-row table of two cells that keeps one blank band
    # all the way (tried once, not again from each of its rows), and a 60,000-line story column beside a sidebar
    "text-100k-two-cell-rows": lambda: "\n".join(f"Label {i:<12}   value {i}" for i in range(100_000)),
    "text-60k-lines-side-by-side": lambda: side_by_side_capture(60_000),
    # ... and 100,000 lines built to fail late: runs of 16 lines, seven of them beside a right column, nine with a
    # gap of their own (each a place a run is tried from), never enough lines beside the band to be columns
    "text-100k-lines-near-columns": lambda: "\n".join(
        ([("word " * 6)[:29].ljust(40) + "right side text"] * 7 + ["ab   cd efg"] * 9) * 6_250),
    "text-cr-only": lambda: "Title line\r\rBy Someone\r\rA paragraph of body text that is long enough to be kept here.\r",
    "twelve-mb-paragraph": lambda: "<html><body><p>" + "word " * 2_500_000 + "</p></body></html>",
    "300k-tiny-paragraphs": lambda: "<html><body>" + "<p>pad " * 300_000 + "</body></html>",
    "500k-one-letter-paragraphs": lambda: "<html><body>" + "<p>x" * 500_000 + "</body></html>",
    "400k-list-items": lambda: "<html><body><ul>" + "<li>a" * 400_000 + "</ul></body></html>",
    "million-one-letter-links": lambda: "<html><body><p>" + "<a>x</a>" * 1_000_000 + "</p></body></html>",
    # over 2 million characters, so runs of text are checked for libxml2's text-node limit: a run
    # just under that length was once read again from each of its characters (quadratic)
    "json-state-265k-in-head-2mb": lambda: _state_in_head(265_000, 1_800_000),
    "json-state-1.9m-in-head": lambda: _state_in_head(1_900_000, 300_000),
    "over-max-bytes": lambda: b"<p>" + b"x" * (51 * 1024 * 1024),
}
