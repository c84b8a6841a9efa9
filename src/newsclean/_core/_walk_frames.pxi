# Included by _walk.pyx (textually, at this point of it): the walker's state (tag-name table, frames, the _Walker that emits blocks).

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
