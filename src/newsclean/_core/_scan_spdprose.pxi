# Included at the end of _walk.pyx (after _scan_spdcap.pxi, whose ``_letter`` and character tests it
# uses): the counts of the text boilerplate's prose test (``features.text._prose``, issue 16) that the
# pure core answers with regex ``findall`` calls building one string per match, on every block of a
# capture. Each function is the twin of a pure-Python function named in its docstring, which callers
# run when ``newsclean._core.compiled(name)`` is None; both give the same answer on every text
# (tests/test_core_scans_spdprose.py compares them on every code point and on made-up texts).
#
# The character classes are those of ``re`` for str patterns: ``\w`` is Py_UNICODE_ISALNUM or "_",
# ``\s`` is Py_UNICODE_ISSPACE, ``\d`` is Py_UNICODE_ISDECIMAL.


cdef inline bint _word_char(Py_UCS4 c) noexcept nogil:
    r"""``\w``: Py_UNICODE_ISALNUM or "_"."""
    return c == 95 or Py_UNICODE_ISALNUM(c)


cdef inline bint _cjk(Py_UCS4 c) noexcept nogil:
    r"""``features.text._CJK``: kana, CJK ideographs (and extension A), Hangul syllables, compatibility
    ideographs."""
    return (0x3040 <= c <= 0x30ff or 0x3400 <= c <= 0x4dbf or 0x4e00 <= c <= 0x9fff
            or 0xac00 <= c <= 0xd7af or 0xf900 <= c <= 0xfaff)


def word_count(str text):
    r"""Twin of ``features.text.word_count_pure``: the runs of ``\w`` in ``text``; when it holds CJK
    characters (``_CJK``), those count as breaks between runs and every two of them (rounded up) as
    one more word."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, runs = 0, cjk = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    cdef bint inside = False
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if c >= 0x3040 and _cjk(c):
            cjk += 1
            inside = False
        elif _word_char(c):
            if not inside:
                runs += 1
                inside = True
        else:
            inside = False
    return runs + (cjk + 1) // 2


def letter_count(str text):
    r"""Twin of ``features.text.letter_count_pure``: how many characters of ``text`` are letters
    (``[^\W\d_]``)."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, count = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    for i in range(n):
        if _letter(PyUnicode_READ(kind, data, i)):
            count += 1
    return count


cdef inline bint _sentence_last(Py_UCS4 c) noexcept nogil:
    r"""``[a-z\u00e0-\u024f0-9%)\"”’]``: what may end a sentence's last word."""
    return (97 <= c <= 122 or 0xe0 <= c <= 0x24f or 48 <= c <= 57 or c == 37 or c == 41 or c == 34
            or c == 0x201d or c == 0x2019)


cdef inline bint _sentence_first(Py_UCS4 c) noexcept nogil:
    r"""``[A-Z\"“‘(\u00c0-\u024f]``: what may start the next sentence."""
    return 65 <= c <= 90 or c == 34 or c == 0x201c or c == 0x2018 or c == 40 or 0xc0 <= c <= 0x24f


def inside_sentences(str text):
    r"""Twin of ``features.text.inside_sentences_pure``: ``len(_SENTENCE_INSIDE.findall(text))``, the
    sentence ends inside ``text`` (a word's last character, "." "!" or "?", an optional closing quote,
    white space, the next sentence's first character), counted without overlap from the left."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, j, k, count = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    while i + 3 < n:  # a match takes at least four characters
        if _sentence_last(PyUnicode_READ(kind, data, i)):
            c = PyUnicode_READ(kind, data, i + 1)
            if c == 46 or c == 33 or c == 63:
                j = i + 2
                c = PyUnicode_READ(kind, data, j)
                if c == 34 or c == 0x201d or c == 0x2019:
                    j += 1  # the quote is taken when it can be: without it, "\s+" fails on it
                k = j
                while k < n and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k)):
                    k += 1
                if k > j and k < n and _sentence_first(PyUnicode_READ(kind, data, k)):
                    count += 1
                    i = k + 1
                    continue
        i += 1
    return count
