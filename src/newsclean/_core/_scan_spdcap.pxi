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
