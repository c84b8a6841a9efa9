# Included at the end of _walk.pyx (one extension, one C compile): compiled scans over a page's text,
# bytes or tree. Each is the twin of a pure-Python function named in its docstring, which callers run
# when ``newsclean._core.compiled(name)`` is None; both give identical results (tests/test_core_scans.py
# compares them on made-up inputs, benchmarks/cores.py on every bench page).
from libc.string cimport memchr, strstr


cdef inline bint _junk_char(Py_UCS4 c) noexcept:
    """``load.binary._JUNK``: C0 controls but tab, line feed, vertical tab, form feed, carriage return
    and escape; DEL; U+FFFD."""
    return c <= 0x08 or 0x0e <= c <= 0x1a or 0x1c <= c <= 0x1f or c == 0x7f or c == 0xfffd


cdef extern from *:
    """
    #include <stdint.h>
    #include <string.h>
    /* bytes 0x00-0x1f or 0x7f somewhere in the 8 bytes at p (a word test: 'has a byte below n' and
       'has a zero byte' of x ^ 0x7f..7f; exact as yes/no) */
    static inline int newsclean_may_control8(const unsigned char* p) {
        uint64_t x, d;
        memcpy(&x, p, 8);
        d = x ^ 0x7f7f7f7f7f7f7f7fULL;
        return (((x - 0x2020202020202020ULL) & ~x & 0x8080808080808080ULL)
                | ((d - 0x0101010101010101ULL) & ~d & 0x8080808080808080ULL)) != 0;
    }
    """
    bint _may_control8 "newsclean_may_control8"(const unsigned char* p) noexcept nogil


cdef inline bint _control_byte(unsigned char c) noexcept nogil:
    """C0 controls but tab, line feed, vertical tab, form feed, carriage return and escape; DEL."""
    return c <= 0x08 or 0x0e <= c <= 0x1a or 0x1c <= c <= 0x1f or c == 0x7f


cdef Py_ssize_t _control_bytes(const unsigned char* p, Py_ssize_t n) noexcept nogil:
    """How many of the ``n`` bytes at ``p`` are ``_control_byte``s: 8 bytes at a time past words with
    none of 0x00-0x1f and 0x7f (most of a page), byte by byte in the others."""
    cdef Py_ssize_t i = 0, j, count = 0
    while i + 8 <= n:
        if _may_control8(p + i):
            for j in range(i, i + 8):
                count += _control_byte(p[j])
        i += 8
    while i < n:
        count += _control_byte(p[i])
        i += 1
    return count


def junk_count(str text):
    """Twin of ``load.binary.junk_count_pure``: how many control and undecodable characters."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, count = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    if kind == 1:  # (Latin-1 text holds no U+FFFD: the control bytes are the junk)
        return _control_bytes(<const unsigned char*> data, n)
    if kind == 2:  # (typed reads: see _scan_sphtml2.pxi)
        return _junk_ucs2(data, n)
    return _junk_ucs4(data, n)


def has_controls(str text):
    """Twin of ``load.page.has_controls_pure``: whether ``text`` holds a C0 control character but tab,
    line feed, form feed, carriage return and escape, or DEL."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if c <= 0x08 or c == 0x0b or 0x0e <= c <= 0x1a or 0x1c <= c <= 0x1f or c == 0x7f:
            return True
    return False


def control_byte_count(bytes data):
    """Twin of ``load.binary.control_byte_count_pure``: how many control bytes (C0 but tab, line
    feed, vertical tab, form feed, carriage return and escape; DEL)."""
    return _control_bytes(<const unsigned char*> <char*> data, len(data))


cdef inline unsigned int _ascii_lower(Py_UCS4 c) noexcept:
    cdef unsigned int u = <unsigned int> c
    return u + 32 if 65 <= u <= 90 else u


cdef Py_ssize_t _end_tag_at(int kind, void* data, Py_ssize_t n, Py_ssize_t i) noexcept:
    """The end of ``</body\\s*>`` or ``</html\\s*>`` (any case) starting at ``i`` (a "<"), or -1."""
    cdef Py_ssize_t j
    cdef unsigned int a, b, c, d
    if i + 7 > n or PyUnicode_READ(kind, data, i + 1) != 47:  # "/"
        return -1
    a = _ascii_lower(PyUnicode_READ(kind, data, i + 2))
    b = _ascii_lower(PyUnicode_READ(kind, data, i + 3))
    c = _ascii_lower(PyUnicode_READ(kind, data, i + 4))
    d = _ascii_lower(PyUnicode_READ(kind, data, i + 5))
    if not ((a == 98 and b == 111 and c == 100 and d == 121) or (a == 104 and b == 116 and c == 109 and d == 108)):
        return -1
    j = i + 6
    while j < n and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j)):
        j += 1
    if j < n and PyUnicode_READ(kind, data, j) == 62:  # ">"
        return j + 1
    return -1


def end_tag_span(str text):
    """Twin of ``load.parse.end_tag_span_pure``: (start, end) of the first ``</body>`` or ``</html>``
    (any case, spaces before the ">"), or None."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, end
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    while i < n:
        i = _find_ascii(kind, data, n, i, 60)  # (memchr finds each "<", in strings of any kind)
        if i >= n:
            return None
        end = _end_tag_at(kind, data, n, i)
        if end >= 0:
            return (i, end)
        i += 1
    return None


#: ``meta.microdata.AUTHOR_CLASS_WORDS``, as UTF-8 (a word of ASCII letters is in a value's UTF-8
#: bytes exactly when it is in the value); the test compares the two lists
AUTHOR_CLASS_WORDS = ("author", "Author", "byline", "Byline", "autor", "Autor", "writer", "verfasser")
cdef const char* _AUTHOR_CLASS_WORDS[8]
_AUTHOR_CLASS_WORDS[:] = [b"author", b"Author", b"byline", b"Byline", b"autor", b"Autor", b"writer", b"verfasser"]


cdef bint _author_class(const char* value) noexcept:
    cdef int i
    for i in range(8):
        if strstr(value, _AUTHOR_CLASS_WORDS[i]) is not NULL:
            return True
    return False


cdef bint _author_marked(xmlNode* node) except -1:
    """``meta.microdata._author_candidates``' test of one element."""
    cdef const char* v = _plain_value(_find_attr(node, b"class"))
    if v is not NULL and _author_class(v):
        return True
    v = _plain_value(_find_attr(node, b"id"))
    if v is not NULL and strstr(v, b"author") is not NULL:
        return True
    v = _plain_value(_find_attr(node, b"itemprop"))
    if v is not NULL and (strcmp(v, b"author") == 0 or strcmp(v, b"creator") == 0):
        return True
    v = _plain_value(_find_attr(node, b"rel"))
    return v is not NULL and strcmp(v, b"author") == 0


def author_candidates(root):
    """Twin of ``meta.microdata.author_candidates_pure``: the elements of ``root``'s document (from its
    root element, in document order) whose class, id, itemprop or rel marks an author; None for a tree
    it leaves to the pure twin (one that is not an lxml element, or holds nodes the walker does not
    read: see _walk.pyx)."""
    if not isinstance(root, cetree._Element):
        return None
    cdef cetree._Element el = <cetree._Element> root
    if el._c_node is NULL or el._c_node.doc is NULL or _exotic_doc(el._c_node.doc):
        return None
    cdef xmlNode* top = el._c_node.doc.children
    while top is not NULL and top.type != tree.XML_ELEMENT_NODE:
        top = top.next
    cdef list out = []
    if top is NULL:
        return out
    cdef xmlNode* node = top
    cdef xmlNode* nxt
    try:
        while True:
            if _author_marked(node):
                out.append(cetree.elementFactory(el._doc, node))
            # the next element in document order (text and CDATA are passed over; anything else but
            # elements goes to the pure twin)
            nxt = _first_element(node.children)
            while nxt is NULL:
                if node is top:
                    return out
                nxt = _first_element(node.next)
                if nxt is NULL:
                    node = node.parent
            node = nxt
    except _Fallback:
        return None


cdef xmlNode* _first_element(xmlNode* c) except? NULL:
    """The first element from ``c`` along its siblings, passing over text and CDATA; _Fallback for any
    other node (a comment, an entity reference...)."""
    while c is not NULL:
        if c.type == tree.XML_ELEMENT_NODE:
            return c
        if c.type != tree.XML_TEXT_NODE and c.type != tree.XML_CDATA_SECTION_NODE:
            raise _Fallback()
        c = c.next
    return NULL


cdef inline int _add_word(list words, char* buf, Py_ssize_t k) except -1:
    if k:
        words.append(buf[:k].decode("ascii"))
    return 0


def class_words(str raw):
    """Twin of ``stages.boilerplate.signals.class_words_pure``: the lower-cased ASCII words of a
    class/id string, cut also where a capital follows a small letter (camel case), then each pair of
    neighbours joined. Of the characters beyond ASCII, only two lower-case to a word character:
    U+212A (Kelvin sign) to "k", U+0130 to "i" and a combining dot (which ends the word)."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(raw), i, k = 0, m
    cdef int kind = PyUnicode_KIND(raw)
    cdef void* data = PyUnicode_DATA(raw)
    cdef unsigned int c, ch
    cdef bint after_small = False
    cdef list words = []
    cdef char* buf = <char*> malloc(n + 1)
    if buf is NULL:
        raise MemoryError()
    try:
        for i in range(n):
            c = <unsigned int> PyUnicode_READ(kind, data, i)
            ch = 0
            if 97 <= c <= 122 or 48 <= c <= 57:
                ch = c
            elif 65 <= c <= 90:
                if after_small:  # camel case: a word ends before the capital
                    _add_word(words, buf, k)
                    k = 0
                ch = c + 32
            elif c == 0x212A:
                ch = 107  # "k"
            elif c == 0x130:
                ch = 105  # "i" (its combining dot then ends the word)
            if ch:
                buf[k] = <char> ch
                k += 1
            if not ch or c == 0x130:
                _add_word(words, buf, k)
                k = 0
            after_small = 97 <= c <= 122
        _add_word(words, buf, k)
    finally:
        free(buf)
    m = len(words)
    for i in range(m - 1):
        words.append(words[i] + words[i + 1])
    return tuple(words)
