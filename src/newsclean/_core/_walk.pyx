# cython: language_level=3
"""The compiled twin of ``newsclean.load.html.html_blocks_pure``: the same walk, read straight from
libxml2's tree (the nodes lxml holds) instead of one Python proxy object per element.

It must give exactly what the pure walker gives (tests/test_cores.py and benchmarks/cores.py check
it). The rare, costly questions (is this hidden element a streamed page? is this table data?) are
asked of the pure module's own functions, on an lxml element made for just that node. Whatever this
walker does not read itself -- comments, processing instructions, entity references, namespaced
elements, attributes whose value is not one text node, a DTD that declares attributes (parse_html
leaves none of these but the last two) -- makes it give the page to the pure walker
(``_Fallback``), so exotic trees are never read in a second way.

Only libxml2's struct layout is used (no libxml2 function is linked): lxml's public C API gives the
node of an element and makes elements for nodes. The module refuses to load (ImportError) when the
lxml or libxml2 it runs with is not the major.minor it was compiled against.
"""
from cpython.unicode cimport PyUnicode_DecodeUTF8

cdef extern from "Python.h":
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)
    Py_ssize_t PyUnicode_GET_LENGTH(object o)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index) nogil
    void PyUnicode_WRITE(int kind, void* data, Py_ssize_t index, Py_UCS4 value) nogil
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch) nogil
from libc.string cimport strcmp, strlen, memcpy, memcmp
from libc.stdlib cimport malloc, realloc, free

from lxml.includes cimport tree
from lxml.includes.tree cimport xmlNode, xmlAttr, xmlDoc, const_xmlChar
cimport lxml.includes.etreepublic as cetree

cdef extern from "lxml-version.h":
    cdef char* LXML_VERSION_STRING

cdef extern from "libxml/xmlversion.h":
    cdef int LIBXML_VERSION_MACRO "LIBXML_VERSION"

from lxml import etree as _etree

COMPILED_LXML = LXML_VERSION_STRING.decode("ascii")
COMPILED_LIBXML = (LIBXML_VERSION_MACRO // 10000, LIBXML_VERSION_MACRO // 100 % 100, LIBXML_VERSION_MACRO % 100)


def _major_minor(version):
    return tuple(int(p) for p in str(version).split(".")[:2])


if _major_minor(COMPILED_LXML) != tuple(_etree.LXML_VERSION[:2]) \
        or tuple(COMPILED_LIBXML[:2]) != tuple(_etree.LIBXML_VERSION[:2]):
    raise ImportError(
        f"newsclean's compiled core was built for lxml {COMPILED_LXML} / libxml2 "
        f"{'.'.join(map(str, COMPILED_LIBXML))}, but lxml {_etree.__version__} / libxml2 "
        f"{'.'.join(map(str, _etree.LIBXML_VERSION))} is installed")

cetree.import_lxml__etree()

from newsclean.load import element_hints as _element_hints
from newsclean.load import html as _pure
from newsclean.load.limits import COMPACT_PIECES
from newsclean.page import Block
from dataclasses import fields as _dataclass_fields

# the walker's actions, as the pure module numbers them
cdef int _INLINE = _pure._INLINE
cdef int _BLOCK = _pure._BLOCK
cdef int _SKIP = _pure._SKIP
cdef int _BR = _pure._BR
cdef int _A = _pure._A
cdef int _TABLE = _pure._TABLE
cdef object _ACTION = _pure._ACTION
cdef object _BLOCK_TAGS = _pure.BLOCK_TAGS
cdef object _TEXT_FRAMES = _pure._TEXT_FRAMES
cdef object _INVISIBLE = _pure._INVISIBLE
cdef object _PARA_SPLIT = _pure._PARA_BREAK.split
cdef object _squash_long = _pure._squash
cdef object _HEADINGS = _pure.HEADINGS
cdef Py_ssize_t _SQUASH_IN_ONE = 1_000_000  # the pure _squash's limit for one split()
cdef object _split_hints = _element_hints.split_hints
cdef object _unseen_class = _element_hints.unseen_class
cdef object _is_hidden = _element_hints.is_hidden
cdef object _wraps_content = _pure._wraps_content
cdef object _is_data_table = _element_hints.is_data_table
cdef object _emit_table = _pure._emit_table
cdef object _MAY_WRAP = frozenset(_pure.SOFT_SKIP_TAGS - {"noscript", "template"})
cdef object _UNSEEN_WORDS = _element_hints.UNSEEN_WORDS
#: frames kept for reuse (more than any real page's depth of nested blocks)
cdef Py_ssize_t _SPARE_FRAMES = 64
cdef tuple _NO_HINTS = ()
cdef const char* _EMPTY = b""
cdef object _NO_TAGS = frozenset()
#: the share of a block's text inside links from which the block counts as one link (as the pure walker)
cdef double _IN_LINK_SHARE = 0.95


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


cdef object _new_block = Block.__new__
# _block sets every field of Block: with other fields, Block's own __init__ is called instead
cdef bint _BLOCK_FIELDS_KNOWN = tuple(f.name for f in _dataclass_fields(Block)) == (
    "index", "text", "kind", "features", "element", "dropped_by", "reason", "role", "outside_main",
    "drop_kind")


cdef object _block(Py_ssize_t index, object text, object kind, dict features, object element):
    """``Block(index, text, kind, features, element)`` without running the dataclass's Python
    ``__init__`` (the other fields at their defaults, as that ``__init__`` sets them)."""
    if not _BLOCK_FIELDS_KNOWN:
        return Block(index, text, kind, features, element)
    b = _new_block(Block)
    b.index = index
    b.text = text
    b.kind = kind
    b.features = features
    b.element = element
    b.dropped_by = None
    b.reason = None
    b.role = None
    b.outside_main = False
    b.drop_kind = None
    return b


class _Fallback(Exception):
    """A tree this walker does not read itself: the pure walker reads the page."""


# --- tag names -> (action, tag string), per walk -----------------------------------------------
# libxml2's HTML parser keeps element names in the document's dictionary, so one name is one
# pointer: a small open-addressing table from pointer to slot avoids building a Python string for
# every element. (The tree does not change during a walk, so a pointer keeps its meaning.)
cdef struct _NameSlot:
    const_xmlChar* name
    int action
    int index          # into _Walker.tag_strs


cdef class _Frame:
    cdef xmlNode* node
    cdef object tag
    cdef list pieces
    cdef list links
    cdef Py_ssize_t lead_at
    cdef object element  # the lxml element, made when the frame's first block is

    def __cinit__(self):
        self.pieces = []
        self.links = []
        self.lead_at = -1


cdef class _Walker:
    cdef cetree._Document doc
    cdef list blocks
    cdef bint over_budget
    # the open elements (a stack of nodes, with their actions)
    cdef xmlNode** open_nodes
    cdef Py_ssize_t n_open, cap_open
    # the memo of the pure walker: tag set, hints and own hints of the open elements 0..memo_len-1
    cdef list m_tags, m_hints, m_own
    cdef Py_ssize_t memo_len
    cdef dict unions
    # names table
    cdef _NameSlot* slots
    cdef Py_ssize_t n_slots, cap_slots
    cdef list tag_strs
    # the context of the block being flushed (see _context)
    cdef object ctx_tags, ctx_hints, ctx_own
    cdef list spare  # frames to reuse

    def __cinit__(self):
        self.cap_open = 64
        self.open_nodes = <xmlNode**> malloc(self.cap_open * sizeof(xmlNode*))
        self.cap_slots = 128
        self.slots = <_NameSlot*> malloc(self.cap_slots * sizeof(_NameSlot))
        if self.open_nodes is NULL or self.slots is NULL:
            raise MemoryError()
        cdef Py_ssize_t i
        for i in range(self.cap_slots):
            self.slots[i].name = NULL
        self.n_slots = 0
        self.n_open = 0
        self.memo_len = 0
        self.m_tags, self.m_hints, self.m_own = [], [], []
        self.unions = {}
        self.tag_strs = []
        self.spare = []
        self.blocks = []
        self.over_budget = False

    def __dealloc__(self):
        free(self.open_nodes)
        free(self.slots)

    # --- names -------------------------------------------------------------------------------
    cdef _NameSlot* _slot(self, xmlNode* node) except NULL:
        cdef const_xmlChar* name = node.name
        cdef size_t mask = self.cap_slots - 1
        cdef size_t h = ((<size_t> name) >> 4) & mask
        while self.slots[h].name is not NULL:
            if self.slots[h].name == name:
                return &self.slots[h]
            h = (h + 1) & mask
        if 2 * (self.n_slots + 1) > self.cap_slots:
            self._grow_slots()
            return self._slot(node)
        tag = PyUnicode_DecodeUTF8(<const char*> name, strlen(<const char*> name), NULL)
        self.slots[h].name = name
        self.slots[h].action = _ACTION.get(tag, _INLINE)
        self.slots[h].index = len(self.tag_strs)
        self.tag_strs.append(tag)
        self.n_slots += 1
        return &self.slots[h]

    cdef int _grow_slots(self) except -1:
        cdef _NameSlot* old = self.slots
        cdef Py_ssize_t old_cap = self.cap_slots, i
        cdef size_t mask, h
        self.cap_slots = old_cap * 2
        self.slots = <_NameSlot*> malloc(self.cap_slots * sizeof(_NameSlot))
        if self.slots is NULL:
            self.slots = old
            self.cap_slots = old_cap
            raise MemoryError()
        for i in range(self.cap_slots):
            self.slots[i].name = NULL
        mask = self.cap_slots - 1
        for i in range(old_cap):
            if old[i].name is not NULL:
                h = ((<size_t> old[i].name) >> 4) & mask
                while self.slots[h].name is not NULL:
                    h = (h + 1) & mask
                self.slots[h] = old[i]
        free(old)
        return 0

    cdef inline object _tag(self, xmlNode* node):
        return self.tag_strs[self._slot(node).index]

    # --- the open stack and its memo -------------------------------------------------------------
    cdef int _push(self, xmlNode* node) except -1:
        cdef xmlNode** grown
        if self.n_open == self.cap_open:
            grown = <xmlNode**> realloc(self.open_nodes, 2 * self.cap_open * sizeof(xmlNode*))
            if grown is NULL:
                raise MemoryError()
            self.open_nodes = grown
            self.cap_open *= 2
        self.open_nodes[self.n_open] = node
        self.n_open += 1
        return 0

    cdef inline void _pop(self) noexcept:
        self.n_open -= 1
        if self.memo_len > self.n_open:
            self.memo_len = self.n_open

    cdef int _context(self) except -1:
        """Tags and class/id words of all open elements, and the innermost one's own words, into
        ctx_tags, ctx_hints, ctx_own (the pure walker's ``_Walk.context``: memoised for a prefix
        of the open elements)."""
        cdef Py_ssize_t i = self.memo_len, top = self.n_open
        cdef xmlNode* node
        cdef tuple own
        if i == top:
            self.ctx_tags, self.ctx_hints, self.ctx_own = self.m_tags[i - 1], self.m_hints[i - 1], self.m_own[i - 1]
            return 0
        if i > 0:
            tags, hints, own = self.m_tags[i - 1], self.m_hints[i - 1], self.m_own[i - 1]
        else:
            tags, hints, own = _NO_TAGS, _NO_HINTS, _NO_HINTS
        while i < top:
            node = self.open_nodes[i]
            tag = self._tag(node)
            if tag not in tags:
                key = (tags, tag)
                union = self.unions.get(key)
                if union is None:
                    union = tags | {tag}
                    self.unions[key] = union
                tags = union
            own = _hints_of(node)
            if own:
                hints = hints + own
            if i < len(self.m_tags):
                self.m_tags[i] = tags
                self.m_hints[i] = hints
                self.m_own[i] = own
            else:
                self.m_tags.append(tags)
                self.m_hints.append(hints)
                self.m_own.append(own)
            i += 1
        self.memo_len = top
        self.ctx_tags, self.ctx_hints, self.ctx_own = tags, hints, own
        return 0

    # --- frames (reused: a page opens thousands of block elements, never more than its depth at once)
    cdef _Frame _new_frame(self, xmlNode* node, object tag):
        cdef _Frame f
        if self.spare:
            f = <_Frame> self.spare.pop()
        else:
            f = _Frame()
        f.node = node
        f.tag = tag
        f.lead_at = -1
        f.element = None
        return f

    cdef inline void _free_frame(self, _Frame f):
        if not f.pieces and not f.links and len(self.spare) < _SPARE_FRAMES:
            self.spare.append(f)

    cdef object _element(self, xmlNode* node):
        return cetree.elementFactory(self.doc, node)

    # --- a block -----------------------------------------------------------------------------------
    cdef int flush(self, _Frame frame) except -1:
        cdef list pieces = frame.pieces
        cdef list links
        cdef Py_ssize_t lead_at, lead, total_len, link_len
        if not pieces:
            return 0
        links = frame.links
        lead_at = frame.lead_at
        raw = "".join(pieces)
        del pieces[:]
        frame.lead_at = -1
        if raw.isspace():
            del links[:]
            return 0
        link_raw = "".join(links) if links else ""
        lead = 0
        if links and lead_at != 0:
            for t in (links if lead_at < 0 else links[:lead_at]):
                lead += len(t.strip())
        del links[:]
        self._context()
        tags, hints, own = self.ctx_tags, self.ctx_hints, self.ctx_own
        if self.open_nodes[self.n_open - 1] is not frame.node:
            own = _hints_of(frame.node)
        pre = "pre" in tags
        texts = None
        if pre:
            one = raw.strip("\n")
        elif self.over_budget or not _has_para_break(raw):
            one = _clean(raw)
        else:
            texts = []
            total_len = 0
            for seg in _PARA_SPLIT(raw):
                t = _clean(seg)
                if t:
                    texts.append(t)
                    total_len += len(t)
            if not texts:
                return 0
            if len(texts) == 1:
                one, texts = texts[0], None
        if texts is None:
            if not one:
                return 0
            total_len = len(one)
        link_len = _squashed_len(link_raw) if link_raw else 0
        kind, level = _kind_of(frame.tag, tags)
        if frame.element is None:
            frame.element = self._element(frame.node)
        blocks = self.blocks
        features = {
            "tag": frame.tag, "level": level, "ancestors": tags, "hints": hints,
            "own_hints": own, "depth": self.n_open,
            "link_density": min(1.0, (<double> link_len) / total_len) if total_len else 0.0,
            "in_link": link_len > 0 and link_len >= total_len * _IN_LINK_SHARE,
            "lead_link": lead,
        }
        if texts is None:
            blocks.append(_block(len(blocks), one, kind, features, frame.element))
        else:
            for t in texts:
                blocks.append(_block(len(blocks), t, kind, dict(features), frame.element))
        return 0


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


# --- the walk ----------------------------------------------------------------------------------------
def html_blocks(root, Py_ssize_t max_blocks):
    """The compiled ``html_blocks``: the same blocks as the pure walker, or None when the tree is
    one it leaves to the pure walker."""
    if root is None:
        return []
    if not isinstance(root, cetree._Element):
        return None
    cdef cetree._Element el = <cetree._Element> root
    if el._c_node is NULL or el._c_node.type != tree.XML_ELEMENT_NODE or _exotic_doc(el._c_node.doc):
        return None
    cdef _Walker w = _Walker()
    w.doc = el._doc
    try:
        _walk(w, el._c_node, max_blocks)
    except _Fallback:
        return None
    return w.blocks


cdef int _walk(_Walker w, xmlNode* root, Py_ssize_t max_blocks) except -1:
    cdef xmlNode* node = root
    cdef xmlNode* child
    cdef _Frame frame = None
    cdef list frames = []
    cdef list pieces = []
    cdef list links = []
    cdef Py_ssize_t link_depth = 0
    cdef int act, skipping  # skipping: 0 no, 1 yes (a space), 2 silently
    cdef _NameSlot* slot
    cdef xmlAttr* style_attr
    cdef bint descend
    while True:
        # ---- start event ------------------------------------------------------------------------
        descend = False
        skipping = 0
        if node.type != tree.XML_ELEMENT_NODE or node.ns is not NULL:
            # comments, processing instructions, entity references (parse_html keeps none of them;
            # lxml's iterwalk passes over the first two and their tails) and namespaced elements
            raise _Fallback()
        else:
            slot = w._slot(node)
            act = slot.action
            if act == _SKIP:
                tag = w.tag_strs[slot.index]
                # (the first test of _wraps_content, without making an element for every script)
                if tag not in _MAY_WRAP or not _wraps_content(w._element(node), tag):
                    skipping = 1
                else:
                    act = _BLOCK if tag in _BLOCK_TAGS else _INLINE
            if not skipping:
                style_attr = _find_attr(node, b"style")
                if style_attr is not NULL or _find_attr(node, b"hidden") is not NULL:
                    style = _attr_value(style_attr) if style_attr is not NULL else None
                    if (style and ("none" in style or "hidden" in style) or _find_attr(node, b"hidden") is not NULL) \
                            and _is_hidden(w._element(node)):
                        skipping = 1
            if not skipping and act == _INLINE and frame is not None and frame.tag in _TEXT_FRAMES \
                    and _unseen(node):
                skipping = 2
            if not skipping:
                w._push(node)
                if act == _TABLE:
                    if len(w.blocks) < max_blocks and _is_data_table(w._element(node)):
                        if pieces:
                            w.flush(frame)
                        w._context()
                        _emit_table(w._element(node), w.blocks, w.ctx_tags, w.ctx_hints)
                        w._pop()
                        skipping = 1
                    else:
                        act = _BLOCK
            if not skipping:
                if act == _BLOCK and len(w.blocks) >= max_blocks and frame is not None:
                    act = _INLINE
                    w.over_budget = True
                    pieces.append(" ")
                    if len(pieces) > COMPACT_PIECES:
                        pieces[:] = ["".join(pieces)]
                if act == _BLOCK:
                    if pieces:
                        w.flush(frame)
                    frame = w._new_frame(node, w.tag_strs[slot.index])
                    frames.append(frame)
                    pieces, links = frame.pieces, frame.links
                elif act == _A:
                    link_depth += 1
                elif act == _BR and frame is not None:
                    pieces.append("\n")
                    if link_depth:
                        links.append("\n")
                text = _collect_text(node.children)
                if text and frame is not None:
                    _add_text(frame, pieces, links, text, link_depth)
                descend = True
        if descend:
            child = _first_child(node)
            if child is not NULL:
                node = child
                continue
        # ---- end events, up to the next sibling -----------------------------------------------------
        while True:
            if skipping:
                if pieces and skipping == 1:  # a removed element still separates the words around it
                    pieces.append(" ")
                    if link_depth:
                        links.append(" ")
                skipping = 0
            elif frame is not None and frame.node is node:
                if pieces:
                    w.flush(frame)
                w._pop()
                w._free_frame(frames.pop())
                if frames:
                    frame = frames[-1]
                    pieces, links = frame.pieces, frame.links
                else:
                    frame, pieces, links = None, [], []
            else:
                w._pop()
                if link_depth and w._slot(node).action == _A:
                    link_depth -= 1
                elif w.over_budget and pieces:
                    pieces.append(" ")
            tail = _collect_text(node.next)
            if tail and frame is not None:
                _add_text(frame, pieces, links, tail, link_depth)
            if node is root:
                while frames:
                    frame = frames.pop()
                    if frame.pieces:
                        w.flush(frame)
                return 0
            child = _next_sibling(node)
            if child is not NULL:
                node = child
                break
            node = node.parent


include "_scan.pxi"
include "_scan_sphtml.pxi"
include "_scan_cls.pxi"
include "_scan_sphtml2.pxi"
include "_scan_spdhtml.pxi"
include "_scan_spdcap.pxi"
include "_scan_spdnames.pxi"
include "_scan_spdprose.pxi"
include "_scan_spd10c.pxi"
