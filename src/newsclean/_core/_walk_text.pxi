# Included by _walk.pyx (textually, at this point of it): the text helpers the walker uses (the pure walker's _squash, _clean, _kind_of, ...).

cdef inline object _squash(object text):
    """The pure ``_squash`` (runs of whitespace as one space, none at the ends), without its call."""
    if len(text) < _SQUASH_IN_ONE:
        return " ".join(text.split())
    return _squash_long(text)


cdef inline bint _invisible(Py_UCS4 c) noexcept:
    return c == 0x200b or c == 0x200c or c == 0x200d or c == 0x2060 or c == 0xfeff or c == 0xad


#: the characters _invisible() knows, which must be the pure module's
_C_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
cdef bint _INVISIBLE_KNOWN = set(_C_INVISIBLE) == set(_pure._INVISIBLE)


cdef object _clean(object seg):
    """``_squash(seg).strip(_INVISIBLE).strip()`` in one pass over the characters, without one
    string object per word: the words of ``seg`` joined by single spaces, then the invisible
    characters at either end, then the spaces that leaves at either end."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(seg), i = 0, k = 0, a, b
    cdef int kind = PyUnicode_KIND(seg)
    cdef void* data = PyUnicode_DATA(seg)
    cdef void* buf
    cdef Py_UCS4 c
    cdef bint gap = False
    if n >= _SQUASH_IN_ONE or not _INVISIBLE_KNOWN:
        return _squash(seg).strip(_INVISIBLE).strip()
    buf = malloc(n * kind + 1)
    if buf is NULL:
        raise MemoryError()
    try:
        for i in range(n):
            c = PyUnicode_READ(kind, data, i)
            if Py_UNICODE_ISSPACE(c):
                gap = k > 0
            else:
                if gap:
                    PyUnicode_WRITE(kind, buf, k, 32)
                    k += 1
                    gap = False
                PyUnicode_WRITE(kind, buf, k, c)
                k += 1
        a, b = 0, k
        while a < b and _invisible(PyUnicode_READ(kind, buf, a)):
            a += 1
        while b > a and _invisible(PyUnicode_READ(kind, buf, b - 1)):
            b -= 1
        while a < b and PyUnicode_READ(kind, buf, a) == 32:
            a += 1
        while b > a and PyUnicode_READ(kind, buf, b - 1) == 32:
            b -= 1
        return PyUnicode_FromKindAndData(kind, <char*> buf + a * kind, b - a)
    finally:
        free(buf)


cdef bint _has_para_break(object raw) except -1:
    """``"\\n" in raw and ("\\n\\n" in raw.replace(" ", "") or "\\n \\n" in raw)``: two line breaks
    with only spaces between them."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(raw), i
    cdef int kind = PyUnicode_KIND(raw)
    cdef void* data = PyUnicode_DATA(raw)
    cdef Py_UCS4 c
    cdef bint after_break = False
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if c == 10:
            if after_break:
                return True
            after_break = True
        elif c != 32:
            after_break = False
    return False


cdef bint _unseen(xmlNode* node) except -1:
    """``_unseen_class(el.get("class") or "")`` of the pure walker."""
    cdef const char* cls = _plain_value(_find_attr(node, b"class"))
    cdef list words
    cdef Py_ssize_t i, n
    if cls is NULL or cls[0] == 0:
        return False
    if not _is_ascii(cls):
        return _unseen_class(cls.decode("utf-8"))
    words = []
    _split_ascii(<const unsigned char*> cls, strlen(cls), words)
    n = len(words)
    for i in range(n):
        if words[i] in _UNSEEN_WORDS:
            return True
        if i + 1 < n and words[i] + words[i + 1] in _UNSEEN_WORDS:
            return True
        if i + 2 < n and words[i] + words[i + 1] + words[i + 2] in _UNSEEN_WORDS:
            return True
    return False


cdef Py_ssize_t _squashed_len(object text) except -1:
    """``len(_squash(text))`` without building it."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, words = 0, chars = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef bint in_word = False
    if n >= _SQUASH_IN_ONE:
        return len(_squash_long(text))
    for i in range(n):
        if Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
            in_word = False
        else:
            chars += 1
            if not in_word:
                words += 1
                in_word = True
    return chars + words - 1 if words else 0


cdef tuple _kind_of(object tag, object ancestors):
    """The pure ``_kind_of``: a block's kind (and heading level) from its tag and ancestors."""
    level = _HEADINGS.get(tag)
    if level is not None:
        return "heading", level
    if "pre" in ancestors:
        return "pre", None
    if "blockquote" in ancestors:
        return "quote", None
    if tag == "figcaption" or tag == "caption" or "figcaption" in ancestors:
        return "caption", None
    if tag == "li" or tag == "dt" or tag == "dd":
        return "list_item", None
    return "paragraph", None
