"""Small made-up pages, one per page type, for the page_type tests (no real site's text)."""
from __future__ import annotations

import json

PARA = ("The harbour authority said on Monday that the new ferry terminal would open in the spring, after "
        "two years of delays caused by the rising cost of steel and a long dispute with the contractor.")
PARA2 = ("Passengers will be able to buy tickets online, and the old waiting room is to become a small museum "
         "about the island's fishing fleet, the mayor said at a meeting with residents on Tuesday evening.")


def _ld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def _page(body: str, head: str = "", title: str = "Page") -> str:
    return f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>"


NAV = "<nav><ul>" + "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(8)) + "</ul></nav>"

ARTICLE = (_page(
    NAV + "<article><h1>New ferry terminal to open in the spring</h1><p class='byline'>By Ann Smith</p>"
    + "".join(f"<p>{PARA} {PARA2} ({i})</p>" for i in range(6)) + "</article>",
    _ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "New ferry terminal",
         "datePublished": "2024-05-12T08:00:00Z", "author": {"@type": "Person", "name": "Ann Smith"}})
    + '<meta property="og:type" content="article">'),
    "https://news.example.org/2024/05/12/new-ferry-terminal-to-open-in-the-spring")

LISTING = (_page(
    NAV + "<h1>Politics</h1><div class='river'>" + "".join(
        f"<div class='card'><h2><a href='/2024/05/{i}/story-{i}'>Council votes on the harbour budget, part {i}</a>"
        f"</h2><p>The vote was close and the debate long, said members of the council.</p>"
        f"<span>May {i}, 2024</span></div>" for i in range(1, 16))
    + "</div><div class='pagination'><a href='?page=2'>Next page</a></div>",
    '<meta property="og:type" content="website">'),
    "https://news.example.org/tag/politics/")

COLLECTION = (_page(
    NAV + "<h1>Wool socks</h1><div class='filters'><a href='?size=m'>Size M</a><a href='?size=l'>Size L</a></div>"
    "<ul class='product-grid'>" + "".join(
        f"<li class='product-card'><a href='/products/sock-{i}'>Merino crew sock {i}</a>"
        f"<span class='price'>$1{i}.00</span><button>Add to cart</button></li>" for i in range(16)) + "</ul>",
    _ld({"@context": "https://schema.org", "@type": "CollectionPage", "name": "Wool socks"})),
    "https://shop.example.com/collections/wool-socks")

PRODUCT = (_page(
    NAV + "<div class='product'><h1>Merino crew sock</h1><span class='price'>$14.00</span>"
    "<p>A soft, warm sock knitted from merino wool, with a cushioned sole for long walks and a ribbed cuff "
    "that stays up all day.</p><select><option>M</option></select><button>Add to cart</button>"
    "<p>In stock. Free shipping on orders over $50.</p><table><tr><th>Material</th><td>Merino wool</td></tr>"
    "<tr><th>Care</th><td>Machine wash</td></tr></table></div><h2>You may also like</h2><ul>" + "".join(
        f"<li class='product-card'><a href='/products/other-{i}'>Other sock {i}</a> <span>$12.00</span></li>"
        for i in range(4)) + "</ul>",
    _ld({"@context": "https://schema.org", "@type": "Product", "name": "Merino crew sock",
         "offers": {"@type": "Offer", "price": "14.00", "priceCurrency": "USD"}})
    + '<meta property="og:type" content="product">'),
    "https://shop.example.com/products/merino-crew-sock")

FORUM = (_page(
    NAV + "<h1>Ferry app does not load tickets</h1>" + "".join(
        f"<div class='post'><div class='userinfo'><a href='/u/user{i}'>user{i}</a> Joined: 2021 Posts: {i * 7}"
        f"</div><div class='post-body'><p>I tried the app again this morning and the tickets still do not show, "
        f"reply {i}.</p></div><div class='post-actions'><a>Reply</a> <a>Quote</a> {i} days ago</div></div>"
        for i in range(1, 7)),
    _ld({"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Ferry app"})),
    "https://community.example.org/t/ferry-app-does-not-load-tickets/4711")

DOCUMENTATION = (_page(
    "<div class='sidebar toc'><ul>" + "".join(f"<li><a href='/docs/{i}'>Topic {i}</a></li>" for i in range(10))
    + "</ul></div><div class='document'><h1>Reading a config file</h1><p>Use load() to read the settings.</p>"
    "<pre><code>import ferry\nconfig = ferry.load('ferry.toml')\nprint(config.routes)</code></pre>"
    "<h2>Parameters</h2><p>path: the file to read.</p><h2>Returns</h2><p>A Config object.</p>"
    "<pre><code>def load(path: str) -> Config:\n    return Config.parse(path)</code></pre></div>"),
    "https://docs.example.org/en/latest/api/config.html")

SERVICE = (_page(
    NAV + "<h1>Plans and pricing</h1><p>Get started with a free trial. No card needed.</p>" + "".join(
        f"<div class='plan'><h2>Plan {n}</h2><p>${p} per month</p><ul><li>Up to {p} users</li>"
        f"<li>Email support</li></ul><a class='button'>Get started</a></div>"
        for n, p in (("Basic", 9), ("Team", 29), ("Business", 99)))
    + "<p>Questions? Contact us or request a demo with our team.</p>",
    _ld({"@context": "https://schema.org", "@type": "Organization", "name": "Ferryware"})),
    "https://www.example.com/pricing")

PAGES = {"article": ARTICLE, "listing": LISTING, "collection": COLLECTION, "product": PRODUCT,
         "forum": FORUM, "documentation": DOCUMENTATION, "service": SERVICE}

#: a section front whose lead story is long enough to look like the article an article cleaner wants
SECTION_FRONT = (_page(
    NAV + "<h1>Harbour news</h1><div class='lead-story'><h2><a href='/2024/05/12/ferry'>New ferry terminal to open"
    f"</a></h2><p>{PARA} {PARA2}</p></div><div class='more-stories'>" + "".join(
        f"<div class='teaser'><h3><a href='/2024/05/{i}/story-{i}'>Story number {i} about the island council</a>"
        f"</h3><p>Short summary {i} of what the council decided.</p></div>" for i in range(1, 13))
    + "</div><footer><a href='/about'>About us</a></footer>",
    '<meta property="og:type" content="website">'),
    "https://news.example.org/section/harbour/")
