"""Stage 'metadata': JSON-LD, microdata, <meta> tags, <title>, canonical, lang, simple fields."""
from newsclean import Article, Pipeline, extract
from newsclean.meta import jsonld, tags

HEAD = """<!doctype html><html lang="de-DE"><head>
<title>Bohren, bis es heiß wird | ZEIT ONLINE</title>
<meta property="og:site_name" content="ZEIT ONLINE">
<meta property="og:title" content="Bohren, bis es heiß wird">
<meta property="og:description" content="Weltweit finanzieren Banken Unternehmungen, die dem Klima schaden.">
<meta property="og:image" content="https://img.example.org/a.jpg">
<meta property="article:section" content="Wirtschaft">
<meta property="article:tag" content="Klima"><meta property="article:tag" content="Banken">
<meta name="author" content="Heike Buchter">
<meta property="article:published_time" content="2019-10-16T10:00:00+02:00">
<link rel="canonical" href="https://www.example.org/2019/43/bohren">
%s
</head><body><article><h1>Bohren, bis es heiß wird</h1><p>Von Heike Buchter</p>
<p>%s</p></article></body></html>"""
BODY = "Ein langer Absatz über Banken und das Klima, der hier als Text des Artikels steht. " * 4


def run(html, url=None):
    return Pipeline(["metadata"]).process(html, url=url)


def test_simple_fields_from_meta_tags():
    page = run(HEAD % ("", BODY))
    assert page.get("site_name") == "ZEIT ONLINE"
    assert page.get("description").startswith("Weltweit finanzieren")
    assert page.get("language") == "de"
    assert page.get("url") == "https://www.example.org/2019/43/bohren"
    assert page.get("image") == "https://img.example.org/a.jpg"
    assert page.get("section") == "Wirtschaft"
    assert page.get("tags") == ["Klima", "Banken"]
    assert page.fields["url"].source == "link:canonical"


def test_candidates_carry_provenance():
    page = run(HEAD % ("", BODY))
    sources = {fv.source for fv in page.candidates["title"]}
    assert {"meta:og:title", "title"} <= sources
    assert [fv.value for fv in page.candidates["authors"]] == ["Heike Buchter"]
    assert page.candidates["published"][0].source == "meta:article:published_time"


def test_jsonld_graph_nested_author_and_id_reference():
    ld = """<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","@id":"#site","name":"Example News"},
      {"@type":"Person","@id":"#jane","name":"Jane Doe"},
      {"@type":"NewsArticle","headline":"A &amp; B agree","datePublished":"2024-03-05T09:30:00Z",
       "dateModified":"2024-03-06T10:00:00Z","author":[{"@id":"#jane"},{"@type":"Person","name":"John Roe"}],
       "publisher":{"@type":"Organization","name":"Example Media"},"articleSection":"Politics",
       "keywords":"one, two"}]}</script>"""
    page = run(HEAD % (ld, BODY))
    data = page.handoffs.jsonld
    assert data["title"] == "A & B agree"
    assert data["authors"] == [("Jane Doe", "person"), ("John Roe", "person")]
    assert data["published"] == "2024-03-05T09:30:00Z"
    assert data["modified"] == "2024-03-06T10:00:00Z"
    assert data["publisher"] == "Example Media"
    assert page.candidates["published"][0].source == "jsonld:datePublished"


def test_jsonld_top_level_list_and_broken_json():
    html = """<html><head><script type="application/ld+json">
    [{"@type": "BreadcrumbList"}, {"@type": "BlogPosting", "headline": "List item", "author": "Ann Lee",}]
    </script><script type="application/ld+json">{not json at all</script></head><body><p>x</p></body></html>"""
    page = run(html)
    assert page.handoffs.jsonld["title"] == "List item"
    assert page.candidates["authors"][0].value == "Ann Lee"


def test_microdata_and_time_elements():
    html = """<html><head><title>T</title></head><body><article>
    <h1 itemprop="headline">Microdata headline here</h1>
    <time itemprop="datePublished" datetime="2021-06-01T08:00:00+01:00">1 June</time>
    <time class="updated" datetime="2021-06-02">2 June</time></article></body></html>"""
    page = run(html)
    assert page.candidates["title"][0].value == "Microdata headline here"
    assert any(fv.source == "itemprop:datepublished" for fv in page.candidates["published"])
    head = page.handoffs.head
    assert head.times[0].itemprop == "datepublished"


def test_language_guessed_when_markup_is_silent():
    html = "<html><head><title>x</title></head><body>%s</body></html>" % (
        "<p>The dog and the cat were on the road, and it is for the best that they were there.</p>" * 5)
    assert run(html).get("language") == "en"


def test_odd_pages_do_not_raise():
    """Empty, headless, content-less and nested-JSON pages: an Article with nothing invented, no error."""
    for html in ["<html></html>", "<p>no head</p>", "<html><head><meta name='author'></head></html>",
                 "<script type='application/ld+json'>[[[[[[[[[[]]]]]]]]]]</script>"]:
        page = run(html)  # the metadata stage alone: a StageError here would fail the test
        assert not page.candidates.get("title") and not page.candidates.get("authors"), html
        article = extract(html, kind="html")
        assert isinstance(article, Article), html
        assert (article.title, article.authors, article.published) == (None, (), None), html


def test_tags_reader_unescapes_entities():
    from newsclean.load.parse import parse_html
    head = tags.read(parse_html('<html><head><meta property="og:title" content="Rates &amp;#038; Prices">'
                                '</head></html>'))
    assert head.first("og:title") == "Rates & Prices"


def test_jsonld_text_of_values():
    assert jsonld.text_of({"@value": "x"}) == "x"
    assert jsonld.text_of(["", {"name": "Jane"}]) == "Jane"
    assert jsonld.text_of(None) is None


def test_weird_jsonld_values_never_raise():
    cases = [
        '{"@type":"NewsArticle","author":42,"headline":["a","b"],"datePublished":{"x":1}}',
        '{"@type":["Article","NewsArticle"],"author":[null,{"name":null},{"@id":"#nobody"}],"keywords":[1,{"name":"k"}]}',
        '{"@graph":{"@graph":{"@graph":[{"@type":"Article","headline":"Deep"}]}}}',
        '{"@type":"NewsArticle","image":[{"url":5}],"publisher":"Someone","datePublished":"31/02/2020"}',
        '"just a string"', '12', 'null', '{"@type": "NewsArticle", "headline": "\\ud800"}',
    ]
    for c in cases:
        html = f'<html><head><script type="application/ld+json">{c}</script></head><body><p>x</p></body></html>'
        art = extract(html, kind="html")
        assert art.published is None or art.published.year >= 1990
