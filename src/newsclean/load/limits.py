"""Documented limits of the loaders (see README, "Limits and guarantees")."""
from __future__ import annotations

#: blocks cut from one page before the rest of it is read as running text: a real article has a
#: few hundred blocks, long live blogs a few thousand; beyond this the page is degenerate (hundreds
#: of thousands of tiny paragraphs or list lines) and one Python object per block would cost far
#: more memory than the page itself
DEFAULT_MAX_BLOCKS = 20_000
#: pieces of text held for one block before they are joined (keeps a block of 100,000s of tiny
#: text nodes from holding one small string object per node)
COMPACT_PIECES = 4096
