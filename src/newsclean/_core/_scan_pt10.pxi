# Included at the end of _walk.pyx: page_type's count of a few start tags in the page's source (issue 17),
# case-blind, in one memchr pass over the "<"s instead of one lower-cased copy of the source and a count per
# tag. The function is the twin of a pure-Python function named in its docstring, which callers run when
# ``newsclean._core.compiled(name)`` is None; both give the same answer on every text
# (tests/test_core_scans_pt10.py compares them on made-up sources and on every code point after a tag).


cdef inline bint _tag_name_char(Py_UCS4 c) noexcept nogil:
    """A character that goes on a tag's name: an ASCII letter or digit, "-", "_" or ":"."""
    return (97 <= c <= 122 or 65 <= c <= 90 or 48 <= c <= 57 or c == 45 or c == 95 or c == 58)


#: the longest tag name ``tag_counts`` takes (the names are copied into fixed buffers)
cdef enum:
    _TAG_NAME_MAX = 15


def tag_counts(str text, Py_ssize_t end, tuple names):
    """Twin of ``stages.page_type.counts.tag_counts_pure``: for each name of ``names`` (lower-case ASCII
    letters and digits), how many times ``"<" + name`` stands in ``text[:end]``, ASCII letters compared
    case-blind, followed by a character that does not go on a tag's name (not an ASCII letter or digit,
    "-", "_", ":") or by the end of ``text[:end]``. Each "<" is found by memchr on its byte; the name after
    it is read once (lower-cased) and compared with the names of its length."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), k = len(names), j, t, m, idx, pos, limit, off
    cdef int kind = PyUnicode_KIND(text)
    cdef const char* data = <const char*> PyUnicode_DATA(text)
    cdef const char* hit
    cdef unsigned int c
    cdef unsigned char got[_TAG_NAME_MAX + 1]
    for j in range(k):
        if not _tag_name_ok(names[j]) or len(names[j]) > _TAG_NAME_MAX:
            raise ValueError(f"tag_counts: not a lower-case ASCII tag name: {names[j]!r}")
    if end < 0:
        end = 0
    if end < n:
        n = end
    counts = [0] * k
    if k == 0:
        return counts
    cdef Py_ssize_t* found = <Py_ssize_t*> PyMem_Malloc(2 * k * sizeof(Py_ssize_t))
    cdef unsigned char* wanted = <unsigned char*> PyMem_Malloc(k * (_TAG_NAME_MAX + 1))
    if found is NULL or wanted is NULL:
        PyMem_Free(found)
        PyMem_Free(wanted)
        raise MemoryError()
    cdef Py_ssize_t* lens = found + k
    try:
        for j in range(k):
            found[j] = 0
            lens[j] = len(names[j])
            memcpy(wanted + j * (_TAG_NAME_MAX + 1), PyUnicode_DATA(<str> names[j]), <size_t> lens[j])
        limit = n * kind
        pos = 0
        while pos < limit:
            hit = <const char*> memchr(data + pos, 60, <size_t> (limit - pos))
            if hit is NULL:
                break
            off = hit - data
            idx = off // kind
            pos = (idx + 1) * kind
            if off % kind != 0 or PyUnicode_READ(kind, <void*> data, idx) != 60:
                continue  # (a byte of another character)
            # the name after "<", lower-cased, up to one character past the longest name
            m = 0
            t = idx + 1
            while t < n and m <= _TAG_NAME_MAX:
                c = <unsigned int> PyUnicode_READ(kind, <void*> data, t)
                if not _tag_name_char(c):
                    break
                got[m] = <unsigned char> (c + 32 if 65 <= c <= 90 else c)
                m += 1
                t += 1
            if m == 0 or m > _TAG_NAME_MAX:
                continue
            for j in range(k):
                if lens[j] == m and memcmp(got, wanted + j * (_TAG_NAME_MAX + 1), <size_t> m) == 0:
                    found[j] += 1
        for j in range(k):
            counts[j] = found[j]
    finally:
        PyMem_Free(found)
        PyMem_Free(wanted)
    return counts


cdef bint _tag_name_ok(object name):
    """A non-empty str of lower-case ASCII letters and digits (the names ``tag_counts`` accepts)."""
    if not isinstance(name, str) or not name:
        return False
    for ch in <str> name:
        if not ("a" <= ch <= "z" or "0" <= ch <= "9"):
            return False
    return True
