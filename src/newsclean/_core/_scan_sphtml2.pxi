# Included at the end of _walk.pyx: character scans of the load's full-page passes over 2- and 4-byte
# strings (pages with characters past U+00FF), which read one code unit per step through
# PyUnicode_READ before. Helpers of the compiled twins in _scan.pxi (``end_tag_span``,
# ``junk_count``): their pure twins and tests are those functions' (tests/test_core_scans.py,
# tests/test_core_scans_sphtml2.py).


cdef Py_ssize_t _find_ascii(int kind, void* data, Py_ssize_t n, Py_ssize_t i, unsigned char c) noexcept:
    """The first index at or after ``i`` of the ASCII character ``c`` in a string's ``data`` (``n``
    characters of ``kind`` bytes), or ``n``. memchr finds ``c``'s byte; in a 2- or 4-byte string the
    byte may be part of another character (U+013C, U+3C00...), so a hit counts only when the code unit
    holding it is ``c`` (whatever the byte order)."""
    cdef const char* base = <const char*> data
    cdef const char* hit
    cdef Py_ssize_t end = n * kind, off = i * kind, idx
    while off < end:
        hit = <const char*> memchr(base + off, c, <size_t> (end - off))
        if hit is NULL:
            return n
        idx = (hit - base) // kind
        if PyUnicode_READ(kind, data, idx) == c:
            return idx
        off = (hit - base) + 1
    return n


cdef extern from "Python.h":
    ctypedef unsigned short Py_UCS2  # (Python.h's own typedef: an unsigned 16-bit integer)


cdef Py_ssize_t _junk_ucs2(void* data, Py_ssize_t n) noexcept:
    """``_junk_char``s among the ``n`` code units at ``p`` (a 2-byte string: one read per character,
    no dispatch on the string's kind)."""
    cdef const Py_UCS2* p = <const Py_UCS2*> data
    cdef Py_ssize_t i, count = 0
    cdef Py_UCS2 c
    for i in range(n):
        c = p[i]
        if (c < 0x20 or c == 0x7f or c == 0xfffd) and _junk_char(c):
            count += 1
    return count


cdef Py_ssize_t _junk_ucs4(void* data, Py_ssize_t n) noexcept:
    """``_junk_ucs2`` for a 4-byte string."""
    cdef const Py_UCS4* p = <const Py_UCS4*> data
    cdef Py_ssize_t i, count = 0
    cdef Py_UCS4 c
    for i in range(n):
        c = p[i]
        if (c < 0x20 or c == 0x7f or c == 0xfffd) and _junk_char(c):
            count += 1
    return count


# --- climbing the tree by libxml2's parent pointers (no lxml proxy per ancestor) ---------------------
cdef inline xmlNode* _parent_element(xmlNode* n) noexcept:
    """lxml's ``getparent()``: the parent when it is element-like, else NULL (the document node)."""
    cdef xmlNode* p = n.parent
    if p is NULL or not _is_element_like(p):
        return NULL
    return p


def within(el, anc, Py_ssize_t levels):
    """Twin of ``stages.boilerplate.signals.within_pure``: is ``anc`` ``el`` or one of its ancestors at
    most ``levels`` levels up? Elements that are not lxml's (and None for ``anc``) go to the twin."""
    if not isinstance(anc, cetree._Element) or not (el is None or isinstance(el, cetree._Element)):
        from newsclean.stages.boilerplate.signals import within_pure
        return within_pure(el, anc, levels)
    cdef xmlNode* a = (<cetree._Element> anc)._c_node
    cdef xmlNode* e = NULL if el is None else (<cetree._Element> el)._c_node
    cdef Py_ssize_t k
    for k in range(levels):
        if e is NULL:
            return False
        if e is a:
            return True
        e = _parent_element(e)
    return e is a


def inside_flags(list elements, holder):
    """Twin of ``stages.boilerplate.signals.inside_flags_pure``: for each of ``elements``, whether it is
    ``holder`` or below it (None: False). Elements that are not lxml's go to the twin."""
    cdef Py_ssize_t i, n = len(elements)
    cdef xmlNode* h
    cdef xmlNode* e
    if not isinstance(holder, cetree._Element):
        from newsclean.stages.boilerplate.signals import inside_flags_pure
        return inside_flags_pure(elements, holder)
    for i in range(n):
        el = elements[i]
        if el is not None and not isinstance(el, cetree._Element):
            from newsclean.stages.boilerplate.signals import inside_flags_pure
            return inside_flags_pure(elements, holder)
    h = (<cetree._Element> holder)._c_node
    out = [False] * n
    for i in range(n):
        el = elements[i]
        if el is None:
            continue
        e = (<cetree._Element> el)._c_node
        while e is not NULL and e is not h:
            e = _parent_element(e)
        if e is not NULL:
            out[i] = True
    return out
