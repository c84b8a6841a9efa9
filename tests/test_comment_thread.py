"""Text captures: a thread of reader comments is not taken for the story (boilerplate/comment_thread.py)."""
from __future__ import annotations

import pytest

from newsclean import Pipeline, extract
from newsclean.stages.boilerplate.comment_thread import is_comment_header, is_reply_label, thread_start

STORY = [
    "The harbour board met on Tuesday to decide the fate of the old grain pier, which has stood empty since the "
    "last freighter left in the spring of the year before the floods reached the lower town.",
    "Members heard from engineers who said the pilings could carry a public walkway if the deck were rebuilt, and "
    "from a developer who wants to put flats on the site instead of the walkway and the market.",
    "The vote was put off until March, when the council expects the survey of the seabed to be finished and the "
    "cost of the repairs to be known to within a tenth of the estimate the engineers gave.",
]
NAMES = ["Armanox", "Leo Brandt", "Mahan", "Paco Ruiz", "William", "Rebel Raime", "Ilya", "Fatima K"]


def _comment(i: int) -> list[str]:
    return [f"{NAMES[i]} June {i + 2}, 2015 at {i + 1}:25 pm",
            f"Comment {i}: I have lived by the pier for thirty years and I think the council has been asleep the whole "
            f"time while the pilings rotted, and now they want us to pay for the walkway they never built for us.",
            f"And another thing about comment {i}: the developer's flats would block the view from the square, and "
            f"nobody asked the people who walk their dogs there every morning whether they want any of it at all.",
            "Reply"]


#: what lies between a story and its comments on many sites: a share bar and a list of other stories
CHROME = ["Share on Facebook", "Share on X", "Email", "Print", "Related stories",
          *[f"• Council {w} the budget for the {w} quarter in the town hall" for w in
            ("approves", "debates", "delays", "cuts", "raises", "reviews", "questions", "publishes",
             "drafts", "defends", "amends", "explains")]]


def _capture(n_comments: int = 8) -> str:
    lines = ["Harbour board delays pier vote", *STORY, *CHROME, "Comments"]
    for i in range(n_comments):
        lines += _comment(i)
    return "\n\n".join(lines)


@pytest.mark.parametrize("text", ["Reply", "Reply ↓", "Antworten", "répondre"])
def test_reply_buttons(text):
    assert is_reply_label(text)


def test_a_sentence_with_reply_in_it_is_no_button():
    assert not is_reply_label("Reply to this story with your thoughts")


@pytest.mark.parametrize(("text", "header"), [
    ("Armanox June 28, 2015 at 10:25 pm", True),
    ("Chinwendu Emmanuel 5/2/2025 at 4:55pm", True),
    ("[6ab3] Badenraser-1018 schreibt:", True),
    ("Jane says:", True),
    ("29. Mai 2019 um 17:39", True),               # under "Tollertext schreibt:"
    ("Armanox June 28, 2015", False),              # no time of day: a byline's dateline
    ("The council meets at 10:30 on Tuesday to vote on the pier and the flats, a spokesman said.", False),
])
def test_comment_headers(text, header):
    assert is_comment_header(text) is header


def test_thread_start_finds_the_first_mark_of_a_thread():
    blocks = Pipeline().load(_capture(), kind="text").blocks
    first = next(i for i, b in enumerate(blocks) if b.text.startswith("Armanox"))
    assert thread_start(blocks, first + 1, len(blocks) - 1) == first
    assert thread_start(blocks, 0, len(blocks) - 1) is None   # the run opens with the story and its chrome


def test_two_marks_are_no_thread():
    blocks = Pipeline().load(_capture(n_comments=1), kind="text").blocks
    first = next(i for i, b in enumerate(blocks) if b.text.startswith("Armanox"))
    assert thread_start(blocks, first, len(blocks) - 1) is None


def test_a_run_holding_the_story_above_the_thread_is_left_alone():
    short = "\n\n".join(["Harbour board delays pier vote", *STORY] + [x for i in range(8) for x in _comment(i)])
    page = Pipeline().process(short, kind="text")
    notes = [d.reason for d in page.decisions if d.stage == "boilerplate" and d.action == "note"]
    assert not any("opens with a thread of comments" in n for n in notes)
    assert all(p in extract(short, kind="text").text for p in STORY)


def test_the_story_is_found_before_a_longer_thread_of_comments():
    page = Pipeline().process(_capture(), kind="text")
    notes = [d.reason for d in page.decisions if d.stage == "boilerplate" and d.action == "note"]
    assert any("opens with a thread of comments" in n for n in notes)
    text = extract(_capture(), kind="text").text
    assert all(p in text for p in STORY)
    assert "rotted" not in text


def test_a_live_blog_under_its_intro_is_not_taken_for_comments():
    entries = [x for i in range(8) for x in (
        f"December 3, 2025 {i + 1}:15 PM",
        f"Update {i}: the harbour board has now heard from the engineers and the developer, and members are "
        f"asking about the cost of the walkway and the survey of the seabed that the council ordered in May.")]
    capture = "\n\n".join(["Live: harbour board decides on the pier", *STORY, *entries])
    page = Pipeline().process(capture, kind="text")
    notes = [d.reason for d in page.decisions if d.stage == "boilerplate" and d.action == "note"]
    assert not any("opens with a thread of comments" in n for n in notes)
    text = extract(capture, kind="text").text
    assert "Update 3" in text and STORY[0] in text


def test_the_step_back_can_be_turned_off():
    pipe = Pipeline(options={"boilerplate": {"text_comment_threads": False}})
    page = pipe.process(_capture(), kind="text")
    notes = [d.reason for d in page.decisions if d.stage == "boilerplate" and d.action == "note"]
    assert not any("opens with a thread of comments" in n for n in notes)
