# Included at the end of _walk.pyx: character tests of the text-capture path (issue 16) that the pure
# core answers with a regex call (a few thousand instructions each, even when it fails at once) on
# almost every line of a capture. Each function is the twin of a pure-Python function named in its
# docstring, which callers run when ``newsclean._core.compiled(name)`` is None; both give the same
# answer on every text (tests/test_core_scans_spdcap.py compares them).
#
# The character classes are those of ``re`` for str patterns: ``\w`` is Py_UNICODE_ISALNUM or "_",
# ``\d`` is Py_UNICODE_ISDECIMAL; ``str.isdigit`` is Py_UNICODE_ISDIGIT.

cdef extern from "Python.h":
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISDECIMAL(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISDIGIT(Py_UCS4 ch) nogil


cdef inline bint _letter(Py_UCS4 c) noexcept nogil:
    r"""``[^\W\d_]``: a word character that is neither a decimal digit nor "_"."""
    return c != 95 and Py_UNICODE_ISALNUM(c) and not Py_UNICODE_ISDECIMAL(c)


def has_digit(str text):
    """Twin of ``strings.has_digit_pure``: ``any(c.isdigit() for c in text)``."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    for i in range(n):
        if Py_UNICODE_ISDIGIT(PyUnicode_READ(kind, data, i)):
            return True
    return False


def first_letters(str text):
    r"""Twin of ``features.text.first_letters_pure``: the first run of letters (``[^\W\d_]+``) of
    ``text``, or None."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, j
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    while i < n and not _letter(PyUnicode_READ(kind, data, i)):
        i += 1
    if i == n:
        return None
    j = i + 1
    while j < n and _letter(PyUnicode_READ(kind, data, j)):
        j += 1
    return PyUnicode_Substring(text, i, j)


def has_alnum(str text):
    r"""Twin of ``features.text.has_alnum_pure``: does ``text`` hold a word character other than "_"
    (``[^\W_]``)?"""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if c != 95 and Py_UNICODE_ISALNUM(c):
            return True
    return False


def may_begin(str text, dict prefixes, Py_ssize_t longest):
    r"""Twin of ``normalize.prefilter.may_begin_pure`` (for a dict of tuples of words): can ``\s*`` then
    one of the words start ``text``, case-blind? Not when the first ``longest`` characters after the
    white space are ASCII and, lower-cased, start with none of the words filed under their first one."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, m, end, k, j, wn
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    while i < n and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
        i += 1
    m = n - i
    end = i + (min(longest, m) if longest >= 0 else max(0, m + longest))   # text.lstrip()[:longest]
    for k in range(i, end):
        if PyUnicode_READ(kind, data, k) >= 128:
            return True
    if end == i:
        starts = prefixes.get("")
    else:
        c = PyUnicode_READ(kind, data, i)
        starts = prefixes.get(chr(_ascii_lower(c)))
    if starts is None:
        return False
    for word in <tuple> starts:
        wn = PyUnicode_GET_LENGTH(<str> word)
        if wn > end - i:
            continue
        for j in range(wn):
            c = PyUnicode_READ(kind, data, i + j)
            if _ascii_lower(c) != PyUnicode_READ(PyUnicode_KIND(word), PyUnicode_DATA(word), j):
                break
        else:
            return True
    return False
