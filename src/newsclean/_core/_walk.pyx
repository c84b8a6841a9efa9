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


include "_walk_text.pxi"


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


include "_walk_frames.pxi"
include "_walk_tree.pxi"


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
include "_scan_spd10h.pxi"
include "_scan_pt10.pxi"
include "_scan_spd10c.pxi"
include "_scan_spd10h2.pxi"
include "_scan_spd11c.pxi"
include "_scan_spd11h.pxi"
include "_scan_spd12.pxi"
