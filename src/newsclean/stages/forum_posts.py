"""A forum thread's posts on an HTML page: the repeated containers that hold its question and answers.

``boilerplate`` picks one element with the most article-like text. On a thread that is often one post: the
longest answer, or the question without its answers, or the answers without the question. The posts
themselves are easy to see from the structure: sibling elements of one shape (tag and first class word,
as ``item_groups`` reads them) under one parent, at least ``MIN_POSTS`` of them, each holding prose of its
own, the group with the most prose. ``post_group`` finds that group; ``type_fit`` (option ``restore_posts``)
gives back the prose that the container choice dropped inside it. Plain data out, no decision.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsclean.page import Block, Page
from newsclean.stages.item_groups import shape

#: posts that make a thread: two could be a question and its one answer set apart by the layout, three
#: repeated containers with prose are a pattern
MIN_POSTS = 3
#: a block of at least this many words is a post's prose ("Thanks, that fixed it" is shorter and still a
#: post, but a group is found by its longer ones)
PROSE_WORDS = 8
#: a block with more of its text in links than this is a link row (a list of related threads), not prose
PROSE_MAX_LINK_DENSITY = 0.3
#: ancestors looked at above a block's element: forum software nests a post's text deep below the post's
#: own container (avatar column, body column, content wrapper, the text's own div)
MAX_UP = 14
#: a group whose largest member holds more of its prose than this is a page layout (a main column beside
#: a sidebar and a footer), not a thread's posts
MAX_POST_SHARE = 0.8


@dataclass
class PostGroup:
    """The thread's posts: the parent element and the blocks under each post, in page order."""

    parent: Any
    posts: list[list[Block]] = field(default_factory=list)


def is_prose(block: Block) -> bool:
    """A block long enough and with few enough links to be a post's own text."""
    return len(block.text.split()) >= PROSE_WORDS \
        and block.features.get("link_density", 0.0) <= PROSE_MAX_LINK_DENSITY


def post_group(page: Page) -> PostGroup | None:
    """The thread's post group: among the sibling groups of one shape (above the blocks' own elements)
    with at least ``MIN_POSTS`` members holding prose and none holding more than ``MAX_POST_SHARE`` of it,
    the one with the most prose words (by members' count, a Q&A site's comment list under the question
    outnumbers the answers)."""
    members: dict[tuple[Any, str, str], dict[int, Any]] = {}  # group key -> id(member) -> member
    words: dict[tuple[Any, str, str], dict[int, int]] = {}  # group key -> id(member) -> its prose words
    for b in page.blocks:
        if b.element is None or not is_prose(b):
            continue
        n = len(b.text.split())
        el, up = b.element.getparent(), 1
        while el is not None and up <= MAX_UP:
            parent = el.getparent()
            if parent is None:
                break
            key = (parent, *shape(el))
            members.setdefault(key, {})[id(el)] = el
            per = words.setdefault(key, {})
            per[id(el)] = per.get(id(el), 0) + n
            el, up = parent, up + 1
    best, best_words = None, 0
    for key, per in words.items():
        total = sum(per.values())
        if len(per) >= MIN_POSTS and max(per.values()) <= MAX_POST_SHARE * total and total > best_words:
            best, best_words = key, total
    if best is None:
        return None
    return _collect(page, best)


def _collect(page: Page, key: tuple[Any, str, str]) -> PostGroup:
    """Every member of the group ``key`` (prose or not) and the blocks under them."""
    parent, tag, word = key
    posts = [el for el in parent if shape(el) == (tag, word)]
    slot = {id(el): i for i, el in enumerate(posts)}
    group = PostGroup(parent, [[] for _ in posts])
    for b in page.blocks:
        el = b.element
        while el is not None and el is not parent:
            i = slot.get(id(el))
            if i is not None and el.getparent() is parent:
                group.posts[i].append(b)
                break
            el = el.getparent()
    return group

