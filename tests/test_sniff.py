from __future__ import annotations

from newsclean import extract
from newsclean.load.sniff import sniff_kind


def test_html_documents():
    assert sniff_kind("<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert sniff_kind("\n\n  <html lang='en'><head><title>t</title></head></html>") == "html"
    assert sniff_kind('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"></html>') == "html"
    assert sniff_kind("<div><p>a</p><p>b</p><p>c</p><span>d</span><a href=x>e</a></div>") == "html"


def test_text_captures(seed_text):
    assert sniff_kind(seed_text) == "text"
    assert sniff_kind("Just a sentence that mentions <p> tags in prose, once.") == "text"
    assert sniff_kind("") == "text"


def test_kind_override():
    page = "<p>Hello world, this is a paragraph.</p>"
    assert extract(page, kind="text").kind == "text"
    assert extract(page, kind="html").kind == "html"
