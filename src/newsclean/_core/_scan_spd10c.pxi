# Included at the end of _walk.pyx (after _scan.pxi, whose ``malloc``/``free`` it uses): session 10's
# speed work on the text-capture path (issue 16). Each function or class is the twin of a pure-Python
# one named in its docstring, which callers run when ``newsclean._core.compiled(name)`` is None; both
# give identical answers (tests/test_core_scans_spd10c.py compares them on made-up inputs).


cdef class FlatForest:
    """Twin of ``stages.classify.trees.forest_scores_pure`` over one fixed forest: the nodes ``(feature,
    threshold, left, right)`` (a leaf ``(-1, value, 0, 0)``) and the roots are copied to C arrays once,
    when the forest is made, not on every call; ``scores(table)`` then walks them, summing the leaf values
    in tree order after ``base`` as the pure twin does (the same additions in the same order: identical
    floats)."""

    cdef int* feat
    cdef int* left
    cdef int* right
    cdef double* thr
    cdef int* root
    cdef double* x
    cdef Py_ssize_t n, n_roots, width
    cdef double base

    def __cinit__(self, tuple nodes, tuple roots, double base):
        cdef Py_ssize_t i
        cdef tuple node
        self.n = len(nodes)
        self.n_roots = len(roots)
        self.base = base
        self.width = 0
        self.feat = <int*> malloc(max(self.n, 1) * sizeof(int))
        self.left = <int*> malloc(max(self.n, 1) * sizeof(int))
        self.right = <int*> malloc(max(self.n, 1) * sizeof(int))
        self.thr = <double*> malloc(max(self.n, 1) * sizeof(double))
        self.root = <int*> malloc(max(self.n_roots, 1) * sizeof(int))
        if self.feat is NULL or self.left is NULL or self.right is NULL or self.thr is NULL or self.root is NULL:
            raise MemoryError()
        for i in range(self.n):
            node = <tuple> nodes[i]
            self.feat[i], self.thr[i], self.left[i], self.right[i] = node[0], node[1], node[2], node[3]
            if self.feat[i] >= self.width:
                self.width = self.feat[i] + 1
            if self.feat[i] >= 0 and not (0 <= self.left[i] < self.n and 0 <= self.right[i] < self.n):
                raise IndexError("tuple index out of range")
        for i in range(self.n_roots):
            self.root[i] = roots[i]
            if not 0 <= self.root[i] < self.n:
                raise IndexError("tuple index out of range")
        self.x = <double*> malloc(max(self.width, 1) * sizeof(double))
        if self.x is NULL:
            raise MemoryError()

    def __dealloc__(self):
        free(self.feat)
        free(self.left)
        free(self.right)
        free(self.thr)
        free(self.root)
        free(self.x)

    def scores(self, list table):
        """The raw score of every row of ``table`` (lists of floats): ``base`` plus the leaf value each tree
        sends it to, summed in tree order."""
        cdef Py_ssize_t i, j
        cdef int f
        cdef double s
        cdef list row, out = []
        cdef int* feat = self.feat
        cdef int* left = self.left
        cdef int* right = self.right
        cdef double* thr = self.thr
        cdef double* x = self.x
        for r in table:
            row = <list> r
            if len(row) < self.width:
                raise IndexError("list index out of range")
            for j in range(self.width):
                x[j] = row[j]
            s = self.base
            for j in range(self.n_roots):
                i = self.root[j]
                f = feat[i]
                while f >= 0:
                    i = left[i] if x[f] <= thr[i] else right[i]
                    f = feat[i]
                s += thr[i]
            out.append(s)
        return out


def flat_forest(tuple nodes, tuple roots, double base):
    """The ``FlatForest`` of these nodes, roots and base (twin: ``stages.classify.trees.forest_scores_pure``,
    called with the same three on each table)."""
    return FlatForest(nodes, roots, base)
