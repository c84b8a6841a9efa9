# Included at the end of _walk.pyx (after _scan_spdcap.pxi and _scan_spdprose.pxi, whose ``_letter`` and
# ``_word_char`` it uses): session 12's speed work on the text-capture path (issue 16). The pure core
# answers with a regex ``findall`` (one regex step per character) the runs of letters the byline ranker
# and the language guess read from a page's long lines, and the runs of four word characters or more the
# title ranker and the regions stage read from its body lines. Each function is the twin of a pure-Python
# function named in its docstring, which callers run when ``newsclean._core.compiled(name)`` is None;
# both give the same list on every text (tests/test_core_scans_spd12.py compares them on every code point
# and on made-up texts).


def letter_runs(str text):
    r"""Twin of ``strings.letter_runs_pure``: the runs of letters (``[^\W\d_]+``) of ``text``, in order,
    as new strings."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, start = -1
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef list out = []
    for i in range(n):
        if _letter(PyUnicode_READ(kind, data, i)):
            if start < 0:
                start = i
        elif start >= 0:
            out.append(PyUnicode_Substring(text, start, i))
            start = -1
    if start >= 0:
        out.append(PyUnicode_Substring(text, start, n))
    return out


def long_word_runs(str text, Py_ssize_t least):
    r"""Twin of ``strings.long_word_runs_pure``: the runs of ``\w`` (Py_UNICODE_ISALNUM or "_") of at
    least ``least`` characters (``\w{least,}``, least >= 1), in order, as new strings."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, start = -1
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef list out = []
    for i in range(n):
        if _word_char(PyUnicode_READ(kind, data, i)):
            if start < 0:
                start = i
        elif start >= 0:
            if i - start >= least:
                out.append(PyUnicode_Substring(text, start, i))
            start = -1
    if start >= 0 and n - start >= least:
        out.append(PyUnicode_Substring(text, start, n))
    return out
