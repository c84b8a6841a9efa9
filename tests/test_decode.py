"""Bytes in any encoding become the right text; bad input types and sizes are InputErrors."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsclean import InputError, extract
from newsclean.load.decode import decode, read_input

TEXT = "Zürich: café, naïve — “quotes” € 10"


@pytest.mark.parametrize("enc,bom", [
    ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE),
])
def test_bom_wins(enc, bom):
    assert decode(bom + TEXT.encode(enc)) == TEXT


def test_utf16_without_bom():
    assert decode(("<p>" + TEXT + "</p>").encode("utf-16-le")) == "<p>" + TEXT + "</p>"


def test_meta_charset_is_used():
    html = f'<html><head><meta charset="windows-1252"></head><body><p>{TEXT}</p></body></html>'
    assert TEXT in decode(html.encode("cp1252"))


def test_http_equiv_charset():
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            '</head><body><p>Zürich café</p></body></html>')
    assert "Zürich café" in decode(html.encode("latin-1"))


def test_lying_meta_charset_falls_back_to_utf8():
    html = '<html><head><meta charset="shift_jis"></head><body><p>Ελληνικά κείμενα εδώ</p></body></html>'
    # valid UTF-8 that is not valid Shift-JIS: the declaration lied
    assert "Ελληνικά" in decode(html.encode("utf-8"))


def test_undeclared_legacy_encoding_is_detected():
    text = "Der Bürgermeister äußerte sich über die Straßenbahn und die Größe der Brücke. " * 5
    assert "Bürgermeister äußerte" in decode(text.encode("cp1252"))


def test_read_input_types(tmp_path: Path):
    p = tmp_path / "page.html"
    p.write_bytes("<p>héllo</p>".encode())
    assert read_input(p) == "<p>héllo</p>"
    assert read_input(b"<p>x</p>") == "<p>x</p>"
    with pytest.raises(InputError, match="no such file"):
        read_input(tmp_path / "missing.html")
    with pytest.raises(InputError, match="directory"):
        read_input(tmp_path)
    with pytest.raises(InputError, match="must be str, bytes"):
        read_input(123)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="over the limit"):
        read_input(b"x" * 101, max_bytes=100)


def test_extract_accepts_path_bytes_and_str(tmp_path: Path):
    page = "<html><body><article><p>" + "A sentence of the body text. " * 10 + "</p></article></body></html>"
    p = tmp_path / "a.html"
    p.write_text(page, encoding="utf-8")
    texts = {extract(p).text, extract(page.encode()).text, extract(page).text}
    assert len(texts) == 1 and "A sentence of the body text." in texts.pop()


def test_bad_kind_is_input_error():
    with pytest.raises(InputError, match="kind"):
        extract("x", kind="pdf")


def test_gzipped_file_is_read_decompressed_and_limited_by_its_decompressed_size(tmp_path: Path):
    import gzip

    page = "<html><body><article><p>" + "A sentence of the body text. " * 40 + "</p></article></body></html>"
    p = tmp_path / "a.html.gz"
    p.write_bytes(gzip.compress(page.encode("cp1252")))
    assert read_input(p) == page
    assert "A sentence of the body text." in extract(p).text
    assert p.stat().st_size < 200 < len(page)
    with pytest.raises(InputError, match=r"a\.html\.gz: over the limit of 200 bytes once decompressed"):
        read_input(p, max_bytes=200)
    with pytest.raises(InputError, match="over the limit of 200 bytes once decompressed"):
        read_input(p.read_bytes(), max_bytes=200)


def test_endless_gzip_stream_stops_at_the_limit():
    import zlib

    from newsclean.load.binary import gunzip

    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"<p>" + b" " * 100_000
    reads = []

    def endless(n: int) -> bytes:  # a stream that never ends: only a bound while decompressing stops it
        reads.append(n)
        return z.compress(block) + z.flush(zlib.Z_SYNC_FLUSH)

    with pytest.raises(InputError, match="over the limit of 1000000 bytes once decompressed"):
        gunzip(endless, 1_000_000, "stream")
    assert len(reads) < 20


def test_binary_bytes_and_text_are_refused_but_text_in_wide_encodings_is_not():
    from newsclean.load.decode import decode_with_encoding

    with pytest.raises(InputError, match=r"page of \d+ bytes: not an HTML page or a text capture \(looks like PDF\)"):
        read_input(b"%PDF-1.7\n" + bytes(range(256)))
    with pytest.raises(InputError, match=r"looks like binary data: 1\d% control bytes"):
        read_input(bytes(range(256)) * 10)
    with pytest.raises(InputError, match=r"page of 2569 characters: .* \(looks like PDF\)"):
        read_input("%PDF-1.7\n" + "".join(map(chr, range(256))) * 10)  # a PDF read as Latin-1
    assert read_input("\ufffd\x01" * 500)  # other str pages are the text the caller meant
    # control bytes are parts of characters in UTF-16/32: pages in them are text, with a BOM or without
    chinese = "北京市政府今天宣布了新的交通规划方案，市民反应热烈。" * 40
    for enc in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        for page in (chinese, f"<p>{chinese}</p>"):
            assert read_input(page.encode(enc)) == page, enc
            assert decode_with_encoding(page.encode(enc))[1].replace("_", "-") == enc
    russian = "Правительство объявило о новых мерах поддержки. " * 20
    assert read_input(russian.encode().decode("latin-1")) != ""  # double-encoded UTF-8: mojibake, but text
    assert read_input("Colour codes \x1b[1mbold\x1b[0m and a form feed \x0c stay text.") != ""
