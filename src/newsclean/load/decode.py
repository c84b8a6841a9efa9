"""Bytes to text: BOM, then a declared charset (HTTP-equiv / meta / XML declaration), then UTF-8,
then detection with charset-normalizer. Also reads paths, with a size limit."""
from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from newsclean.errors import InputError

_log = logging.getLogger(__name__)  # "newsclean.<module>": fallbacks are logged at DEBUG

#: Default upper bound for one page, in bytes (pages above it are refused with InputError).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]{2,40})""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([a-zA-Z0-9_.\-]{2,40})""", re.IGNORECASE)


def _codec(name: str) -> str | None:
    try:
        info = codecs.lookup(name.strip().lower())
    except LookupError:
        return None
    # A page that declares latin-1 almost always means windows-1252 (as browsers assume).
    if info.name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    if info.name.startswith("utf-16") or info.name.startswith("utf-32"):
        return None  # a byte-level declaration of UTF-16 without a BOM is a lie: the bytes were readable
    return info.name


def declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return _codec(m.group(1).decode("ascii", "replace")) if m else None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_zeros > 0.4 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.4 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes) -> str:
    """Decode page bytes to text. Never raises for any byte string; undecodable bytes become U+FFFD."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    enc = _utf16_without_bom(data)
    if enc:
        return data.decode(enc, errors="replace")
    declared = declared_charset(data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration lied; fall through to UTF-8 and detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            # mostly UTF-8 with a few bad bytes: keep UTF-8 if the damage is small
            text = data.decode("utf-8", errors="replace")
            if text.count("\ufffd") <= max(3, len(data) // 2000):
                return text
        except LookupError:
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace")
    except Exception:  # detection is a best effort; never let it crash decoding
        _log.debug("charset detection failed; decoding as cp1252", exc_info=True)
    return data.decode("cp1252", errors="replace")


def read_input(page: object, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Turn ``str``, ``bytes`` or a ``pathlib.Path`` into text, or raise InputError."""
    if isinstance(page, Path):
        try:
            size = page.stat().st_size
            if size > max_bytes:
                raise InputError(f"{page}: {size} bytes is over the limit of {max_bytes} bytes")
            data = page.read_bytes()
        except InputError:
            raise
        except FileNotFoundError:
            raise InputError(f"{page}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{page}: is a directory, not a page") from None
        except OSError as exc:
            raise InputError(f"{page}: cannot read ({exc.strerror or exc})") from None
        return decode(data)
    if isinstance(page, (bytes, bytearray, memoryview)):
        data = bytes(page)
        if len(data) > max_bytes:
            raise InputError(f"page of {len(data)} bytes is over the limit of {max_bytes} bytes")
        return decode(data)
    if isinstance(page, str):
        if len(page) > max_bytes:
            raise InputError(f"page of {len(page)} characters is over the limit of {max_bytes}")
        return page
    raise InputError(f"page must be str, bytes or pathlib.Path, not {type(page).__name__}")
