# Included at the end of _walk.pyx (after _scan_spdprose.pxi, whose ``_word_char`` it uses): the word
# tokens of the HTML path (issue 16, session 10). The pure core answers with ``re.findall(r"\w+", text)``,
# which runs the regex engine once per character; the duplicates stage and the container choice's copy
# match tokenise most blocks of every HTML page. The function is the twin of a pure-Python function named
# in its docstring, which callers run when ``newsclean._core.compiled(name)`` is None; both give the same
# list on every text (tests/test_core_scans_spd10h.py compares them on every code point and made-up texts).


def word_tokens(str text):
    r"""Twin of ``strings.word_tokens_pure``: the runs of ``\w`` (Py_UNICODE_ISALNUM or "_") in
    ``text``, in order, as new strings."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, start = -1
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef list out = []
    for i in range(n):
        if _word_char(PyUnicode_READ(kind, data, i)):
            if start < 0:
                start = i
        elif start >= 0:
            out.append(PyUnicode_Substring(text, start, i))
            start = -1
    if start >= 0:
        out.append(PyUnicode_Substring(text, start, n))
    return out
