# Included by _walk.pyx (textually, at this point of it): reading libxml2's tree (children, attributes, class/id words).

# --- libxml2 tree reading ------------------------------------------------------------------------
cdef inline bint _is_element_like(xmlNode* n) noexcept:
    """What lxml iterates as elements: elements, comments, processing instructions, entity refs."""
    return (n.type == tree.XML_ELEMENT_NODE or n.type == tree.XML_COMMENT_NODE
            or n.type == tree.XML_PI_NODE or n.type == tree.XML_ENTITY_REF_NODE)


cdef inline xmlNode* _first_child(xmlNode* n) noexcept:
    cdef xmlNode* c = n.children
    while c is not NULL and not _is_element_like(c):
        c = c.next
    return c


cdef inline xmlNode* _next_sibling(xmlNode* n) noexcept:
    cdef xmlNode* c = n.next
    while c is not NULL and not _is_element_like(c):
        c = c.next
    return c


cdef inline xmlNode* _text_or_skip(xmlNode* n) noexcept:
    """lxml's rule for .text/.tail: text and CDATA nodes count, XInclude markers are passed over."""
    while n is not NULL:
        if n.type == tree.XML_TEXT_NODE or n.type == tree.XML_CDATA_SECTION_NODE:
            return n
        if n.type == tree.XML_XINCLUDE_START or n.type == tree.XML_XINCLUDE_END:
            n = n.next
        else:
            return NULL
    return NULL


cdef inline int _add_text(_Frame frame, list pieces, list links, object text, Py_ssize_t link_depth) except -1:
    """An element's text or tail, into the open block (whitespace only where it separates words): the
    pure walker's ``_add_text``."""
    if pieces or frame.tag == "pre" or not text.isspace():
        pieces.append(text)
        if link_depth:
            links.append(text)
        elif frame.lead_at < 0 and not text.isspace():
            frame.lead_at = len(links)
    return 0


cdef object _collect_text(xmlNode* n):
    """lxml's ``.text`` (of n's parent) or ``.tail`` (of n's previous sibling): the run of text
    nodes from n, as one string; None when there is none."""
    cdef xmlNode* cur = _text_or_skip(n)
    cdef xmlNode* only = NULL
    cdef Py_ssize_t count = 0, size = 0, k
    cdef char* buf
    if cur is NULL:
        return None
    n = cur
    while cur is not NULL:
        if cur.content is not NULL and cur.content[0] != 0:
            only = cur
            count += 1
            size += strlen(<const char*> cur.content)
        cur = _text_or_skip(cur.next)
    if count == 0:
        return ""
    if count == 1:
        return PyUnicode_DecodeUTF8(<const char*> only.content, size, NULL)
    buf = <char*> malloc(size)
    if buf is NULL:
        raise MemoryError()
    try:
        k = 0
        cur = n
        while cur is not NULL:
            if cur.content is not NULL and cur.content[0] != 0:
                memcpy(buf + k, cur.content, strlen(<const char*> cur.content))
                k += strlen(<const char*> cur.content)
            cur = _text_or_skip(cur.next)
        return PyUnicode_DecodeUTF8(buf, size, NULL)
    finally:
        free(buf)


cdef xmlAttr* _find_attr(xmlNode* node, const char* name) noexcept:
    """The attribute without namespace called ``name`` (what lxml's ``get(name)`` reads), or NULL."""
    cdef xmlAttr* a = node.properties
    while a is not NULL:
        if a.ns is NULL and strcmp(<const char*> a.name, name) == 0:
            return a
        a = a.next
    return NULL


cdef object _attr_value(xmlAttr* a):
    """An attribute's value as lxml's ``get`` returns it."""
    cdef xmlNode* c = a.children
    if c is NULL:
        return ""
    if c.next is NULL and (c.type == tree.XML_TEXT_NODE or c.type == tree.XML_CDATA_SECTION_NODE):
        if c.content is NULL:
            return ""
        return PyUnicode_DecodeUTF8(<const char*> c.content, strlen(<const char*> c.content), NULL)
    raise _Fallback()


cdef inline object _get(xmlNode* node, const char* name):
    cdef xmlAttr* a = _find_attr(node, name)
    if a is NULL:
        return None
    return _attr_value(a)


cdef const char* _plain_value(xmlAttr* a) except? NULL:
    """An attribute's value as libxml2 holds it ("" for none), or NULL when there is no attribute;
    _Fallback for a value that is not one text node (lxml's get() would assemble it)."""
    cdef xmlNode* c
    if a is NULL:
        return NULL
    c = a.children
    if c is NULL:
        return _EMPTY
    if c.next is NULL and (c.type == tree.XML_TEXT_NODE or c.type == tree.XML_CDATA_SECTION_NODE):
        if c.content is NULL:
            return _EMPTY
        return <const char*> c.content
    raise _Fallback()


cdef inline bint _is_ascii(const char* s) noexcept:
    while s[0] != 0:
        if <unsigned char> s[0] >= 0x80:
            return False
        s += 1
    return True


cdef tuple _hints_of(xmlNode* node):
    """The pure ``_hints``: words of the class and id, lower-cased, camelCase and dashes split."""
    cdef const char* cls = _plain_value(_find_attr(node, b"class"))
    cdef const char* ident = _plain_value(_find_attr(node, b"id"))
    cdef list words
    if (cls is NULL or cls[0] == 0) and (ident is NULL or ident[0] == 0):
        return _NO_HINTS
    if cls is NULL:
        cls = _EMPTY
    if ident is NULL:
        ident = _EMPTY
    if _is_ascii(cls) and _is_ascii(ident):
        # (the pure one splits f"{cls} {id}": the space between them is a break anyway)
        words = []
        _split_ascii(<const unsigned char*> cls, strlen(cls), words)
        _split_ascii(<const unsigned char*> ident, strlen(ident), words)
        return tuple(words)
    return _split_hints(f"{cls.decode('utf-8')} {ident.decode('utf-8')}")


cdef inline bint _is_lower(unsigned char c) noexcept:
    return c >= b'a' and c <= b'z'


cdef inline bint _is_upper(unsigned char c) noexcept:
    return c >= b'A' and c <= b'Z'


cdef inline bint _is_word(unsigned char c) noexcept:
    return _is_lower(c) or _is_upper(c) or (c >= b'0' and c <= b'9')


#: longest word built on the stack (longer ones go through Python)
DEF _WORD_BUF = 256


#: class and id words seen lately, by a hash of their letters: pages repeat their class words
#: ("row", "col", "article") thousands of times, and one string each is enough
DEF _WORD_CACHE = 4096
cdef list _word_cache = [None] * _WORD_CACHE


cdef object _word(const char* word, Py_ssize_t n, unsigned int h):
    """The string of an ASCII word, from the cache when it is there."""
    cdef Py_ssize_t slot = h & (_WORD_CACHE - 1)
    cdef object hit = _word_cache[slot]
    if hit is not None and PyUnicode_GET_LENGTH(hit) == n and memcmp(PyUnicode_DATA(hit), word, n) == 0:
        return hit
    w = word[:n].decode("ascii")
    _word_cache[slot] = w
    return w


cdef int _split_ascii(const unsigned char* s, Py_ssize_t n, list words) except -1:
    """ASCII class/id text to words exactly as the pure ``_split_hints``: a break between a lower-
    and an upper-case letter, lower case, words of [a-z0-9]."""
    cdef Py_ssize_t i = 0, start, k
    cdef unsigned char c
    cdef unsigned int h
    cdef char word[_WORD_BUF]
    while i < n:
        if not _is_word(s[i]):
            i += 1
            continue
        start = i
        i += 1
        while i < n and _is_word(s[i]) and not (_is_upper(s[i]) and _is_lower(s[i - 1])):
            i += 1
        if i - start <= _WORD_BUF:
            h = 2166136261u
            for k in range(i - start):
                c = s[start + k]
                c = c + 32 if _is_upper(c) else c
                word[k] = c
                h = (h ^ c) * 16777619u
            words.append(_word(word, i - start, h))
        else:
            words.append((<const char*> s)[start:i].decode("ascii").lower())
    return 0


cdef bint _exotic_doc(xmlDoc* c_doc) noexcept:
    """A DTD that declares attributes (lxml's get() would read their defaults from it)."""
    if c_doc is NULL:
        return False
    if c_doc.intSubset is not NULL and c_doc.intSubset.attributes is not NULL:
        return True
    return c_doc.extSubset is not NULL and c_doc.extSubset.attributes is not NULL
