"""Bytes to text: BOM, then a declared charset (HTTP-equiv / meta / XML declaration), then UTF-8,
then detection with charset-normalizer. Also reads paths, with a size limit, undoes gzip and
refuses binary files (see load/binary.py)."""
from __future__ import annotations

import codecs
import io
import logging
import os
import re
from pathlib import Path

from newsclean.errors import InputError
from newsclean.load.binary import (
    GZIP_MAGIC,
    check_control_bytes,
    check_magic,
    check_str_magic,
    check_text,
    gunzip,
)

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


def charset_codec(name: str) -> str | None:
    """The Python codec for a charset label (from a ``<meta>``, an XML declaration or an HTTP header),
    as browsers read it; None for an unknown label and for UTF-16/32 (see below)."""
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
    return charset_codec(m.group(1).decode("ascii", "replace")) if m else None


def _utf32_without_bom(data: bytes) -> str | None:
    """UTF-32 without a BOM: of each four bytes, the top one is always zero (no code point is over
    U+10FFFF) and the next one nearly always (it is only set past U+FFFF)."""
    sample = data[:4000]
    if len(sample) < 8 or len(data) % 4:
        return None
    quarter = len(sample) / 4
    zeros = [sample[i::4].count(0) for i in range(4)]
    if zeros[3] == quarter and zeros[2] > 0.9 * quarter and zeros[0] < 0.05 * quarter:
        return "utf-32-le"
    if zeros[0] == quarter and zeros[1] > 0.9 * quarter and zeros[3] < 0.05 * quarter:
        return "utf-32-be"
    return None


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


def has_bom(data: bytes) -> bool:
    return data.startswith(tuple(bom for bom, _ in _BOMS))


def decode_as_declared(data: bytes, charset: str) -> str | None:
    """``data`` decoded by a charset given from outside (a WARC response's HTTP header), or None
    when the bytes carry a BOM (it wins), the label is unknown or UTF-16/32, or the bytes do not
    decode in it (the header lied: :func:`decode` then detects)."""
    if has_bom(data):
        return None
    codec = charset_codec(charset)
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def decode(data: bytes) -> str:
    """Decode page bytes to text. Never raises for any byte string; undecodable bytes become U+FFFD."""
    return decode_with_encoding(data)[0]


def decode_with_encoding(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the (Python) name of the encoding it was read in."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    wide = _utf32_without_bom(data) or _utf16_without_bom(data)
    if wide:
        return data.decode(wide, errors="replace"), wide
    declared = declared_charset(data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration lied; fall through to UTF-8 and detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            # mostly UTF-8 with a few bad bytes: keep UTF-8 if the damage is small
            text = data.decode("utf-8", errors="replace")
            if text.count("\ufffd") <= max(3, len(data) // 2000):
                return text, "utf-8"
        except LookupError:
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace"), best.encoding
    except Exception:  # detection is a best effort; never let it crash decoding
        _log.debug("charset detection failed; decoding as cp1252", exc_info=True)
    return data.decode("cp1252", errors="replace"), "cp1252"


def is_wide(encoding: str) -> bool:
    """UTF-16 or UTF-32: NUL and control bytes are parts of characters there."""
    return encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32"))


def read_input(page: object, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Turn ``str``, ``bytes`` or a ``pathlib.Path`` into text, or raise InputError: for a missing
    file, a page over ``max_bytes`` (gzip data counts decompressed) or one that is a binary file."""
    return read_input_utf8(page, max_bytes=max_bytes)[0]


def read_input_utf8(page: object, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, bytes | None]:
    """``read_input``, and the page's bytes when they are exactly the UTF-8 of the text (the parser
    reads UTF-8: it need not encode the text again), else None."""
    if isinstance(page, Path):
        return _bytes_to_text(_read_path(page, max_bytes), str(page))
    if isinstance(page, (bytes, bytearray, memoryview)):
        data = bytes(page)
        what = f"page of {len(data)} bytes"
        if data.startswith(GZIP_MAGIC):
            return _bytes_to_text(gunzip(io.BytesIO(data).read, max_bytes, what), what)
        if len(data) > max_bytes:
            raise InputError(f"{what} is over the limit of {max_bytes} bytes")
        return _bytes_to_text(data, what)
    if isinstance(page, str):
        if len(page) > max_bytes:
            raise InputError(f"page of {len(page)} characters is over the limit of {max_bytes}")
        check_str_magic(page, f"page of {len(page)} characters")
        return page, None
    raise InputError(f"page must be str, bytes, pathlib.Path or a parsed bs4 / lxml tree, not {type(page).__name__}")


def _read_path(path: Path, max_bytes: int) -> bytes:
    """A file's bytes, decompressed when they are gzip data (whatever the file is called)."""
    try:
        with path.open("rb") as fh:
            if fh.read(2) == GZIP_MAGIC:
                fh.seek(0)
                return gunzip(fh.read, max_bytes, str(path))
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise InputError(f"{path}: {size} bytes is over the limit of {max_bytes} bytes")
            fh.seek(0)
            return fh.read()
    except InputError:
        raise
    except OSError as exc:
        raise unreadable(path, exc) from None


def unreadable(path: object, exc: OSError) -> InputError:
    """The InputError for a page file the OS would not give us (missing, a directory, no permission…)."""
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{path}: no such file")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{path}: is a directory, not a page")
    return InputError(f"{path}: cannot read ({exc.strerror or exc})")


def _bytes_to_text(data: bytes, what: str) -> tuple[str, bytes | None]:
    """Decoded text, unless the bytes are a binary file (by magic number, by control bytes where
    the encoding is not UTF-16/32, and by junk characters once decoded); and ``data`` when the text
    is their strict UTF-8 reading (no BOM cut off, nothing replaced), else None."""
    check_magic(data, what)
    text, encoding = decode_with_encoding(data)
    if not is_wide(encoding):
        check_control_bytes(data, what)
    check_text(text, what)
    # (a "utf-8" reading with no U+FFFD and no BOM is the strict one: a lenient one replaced something)
    same = encoding == "utf-8" and not data.startswith(codecs.BOM_UTF8) and "\ufffd" not in text
    return text, data if same else None
