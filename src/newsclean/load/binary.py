"""Bytes that are not a page as they stand: gzip to undo (within the size limit), and binary files
(images, PDFs, archives, executables, random bytes) to refuse with an InputError."""
from __future__ import annotations

import re
import zlib
from collections.abc import Callable

from newsclean._core import compiled
from newsclean.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
#: compressed bytes fed to the decompressor at a time, and the most it returns at a time
_GZIP_CHUNK = 1 << 20
#: the part of a page the text checks look at: enough for a share, cheap on any page
SAMPLE = 65536
#: share of control (and, in decoded text, undecodable) characters from which a page is binary:
#: text in any 8-bit or UTF-8 encoding has next to none (a few stray NULs or terminal codes),
#: random bytes have ~12 % (30 of 256 byte values), executables and images far more
MAX_JUNK_SHARE = 0.05

# (offset, magic bytes, what the file is); checked on the first bytes after any gzip is undone
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"%PDF-", "PDF"),
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"II*\x00", "a TIFF image"),
    (0, b"MM\x00*", "a TIFF image"),
    (0, b"\x00\x00\x01\x00", "an icon"),
    (0, b"wOFF", "a web font"),
    (0, b"wOF2", "a web font"),
    (0, b"RIFF", "RIFF media (WebP, WAV, AVI)"),
    (0, b"OggS", "Ogg media"),
    (0, b"fLaC", "FLAC audio"),
    (0, b"\x1aE\xdf\xa3", "Matroska/WebM video"),
    (4, b"ftyp", "MP4/QuickTime media"),
    (0, b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (0, b"PK\x05\x06", "a ZIP archive"),
    (0, b"PK\x07\x08", "a ZIP archive"),
    (0, GZIP_MAGIC, "gzip data"),
    (0, b"\xfd7zXZ\x00", "xz data"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"Rar!\x1a\x07", "a RAR archive"),
    (0, b"\x28\xb5\x2f\xfd", "zstd data"),
    (4, b"1AY&SY", "bzip2 data"),
    (257, b"ustar", "a tar archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"\x7fELF", "an ELF executable"),
    (0, b"\xca\xfe\xba\xbe", "a Java class or Mach-O executable"),
    (0, b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (0, b"\xce\xfa\xed\xfe", "a Mach-O executable"),
    (0, b"\x00asm", "WebAssembly"),
)
# C0 controls but tab, line feed, vertical tab, form feed, carriage return and escape (terminal
# colour codes), and DEL
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
# the same in decoded text, and U+FFFD (what could not be decoded); not the C1 controls, which
# double-encoded UTF-8 (mojibake, but text) is full of
_JUNK = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]")


def not_a_page(what: str, looks_like: str) -> InputError:
    return InputError(f"{what}: not an HTML page or a text capture (looks like {looks_like})")


def magic_kind(data: bytes) -> str | None:
    """The binary format ``data`` starts with, by its magic number, or None."""
    for offset, magic, name in _MAGIC:
        if data.startswith(magic, offset):
            return name
    return None


def control_byte_count_pure(data: bytes) -> int:
    """How many control bytes ``data`` holds (the compiled core's ``control_byte_count`` is its twin)."""
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def junk_count_pure(text: str) -> int:
    """How many control and undecodable characters ``text`` holds (twin: the compiled ``junk_count``)."""
    return len(_JUNK.findall(text))


def control_byte_share(data: bytes) -> float:
    """Share of control bytes in the first ``SAMPLE`` bytes (for bytes not in UTF-16/32)."""
    head = data[:SAMPLE]
    count = compiled("control_byte_count") or control_byte_count_pure
    return count(head) / len(head) if head else 0.0


def junk_share(text: str) -> float:
    """Share of control and undecodable characters in the first ``SAMPLE`` characters."""
    head = text[:SAMPLE]
    count = compiled("junk_count") or junk_count_pure
    return count(head) / len(head) if head else 0.0


def check_text(text: str, what: str) -> None:
    """Refuse decoded text with a share of control and undecodable characters no text has."""
    share = junk_share(text)
    if share >= MAX_JUNK_SHARE:
        raise not_a_page(what, f"binary data: {share:.0%} control or undecodable characters")


def check_str_magic(text: str, what: str) -> None:
    """Refuse a str page that starts like a binary file (bytes read as Latin-1). Otherwise a str
    is taken as the text the caller meant: its characters are not judged."""
    kind = magic_kind(text[:300].encode("latin-1", errors="replace"))
    if kind is not None:
        raise not_a_page(what, kind)


def check_magic(data: bytes, what: str) -> None:
    """Refuse bytes that start with the magic number of a binary format."""
    kind = magic_kind(data)
    if kind is not None:
        raise not_a_page(what, kind)


def check_control_bytes(data: bytes, what: str) -> None:
    """Refuse bytes with a share of control bytes no text has (only for bytes not read as
    UTF-16/32, where NUL and control bytes are parts of characters)."""
    share = control_byte_share(data)
    if share >= MAX_JUNK_SHARE:
        raise not_a_page(what, f"binary data: {share:.0%} control bytes")


def gunzip(read: Callable[[int], bytes], max_bytes: int, what: str) -> bytes:
    """Decompress gzip data (one or more members) read in chunks from ``read``; the page may be at
    most ``max_bytes`` once decompressed, which is checked as it grows (a gzip bomb costs no more
    than the limit). Damaged data is an InputError; data cut short keeps what it decompressed."""
    parts: list[bytes] = []
    total = 0
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    pending = b""
    while True:
        chunk = d.unconsumed_tail or pending or read(_GZIP_CHUNK)
        pending = b""
        if not chunk:
            break
        try:
            # (at most a chunk's worth at a time: one call for all would grow its buffer by doubling)
            out = d.decompress(chunk, min(_GZIP_CHUNK, max_bytes + 1 - total))  # (never 0: "no bound")
        except zlib.error as exc:
            raise InputError(f"{what}: damaged gzip data ({exc})") from None
        total += len(out)
        if total > max_bytes:
            raise InputError(f"{what}: over the limit of {max_bytes} bytes once decompressed (gzip)")
        parts.append(out)
        if d.eof:
            rest = d.unused_data or read(_GZIP_CHUNK)
            if not rest.startswith(GZIP_MAGIC):
                break  # the end of the data (or padding after it)
            d, pending = zlib.decompressobj(16 + zlib.MAX_WBITS), rest  # another member follows
    if not total and not d.eof:
        raise InputError(f"{what}: truncated gzip data (nothing could be decompressed)")
    return b"".join(parts)
