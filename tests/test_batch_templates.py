"""batch --learn-templates: per-host templates learned from the run's own pages remove the template
from every page (first and last alike) and the output does not depend on the job count."""
from __future__ import annotations

import json
from pathlib import Path

from newsclean.cli import main
from newsclean.testing import shingle_f1
from tests import sites

N = len(sites.BODIES)


def _records(path: Path) -> dict[str, dict]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        rec.pop("ms")
        out[rec["id"]] = rec
    return out


def test_learn_templates_html_and_text(tmp_path: Path):
    html_dir = tmp_path / "html"
    html_dir.mkdir()
    for i in range(N):
        (html_dir / f"{i}.html").write_text(sites.page_html(i), encoding="utf-8")  # host from <link rel=canonical>
    captures = tmp_path / "captures.jsonl"
    captures.write_text("".join(json.dumps({"url": sites.url(i), "text": sites.page_text(i)}) + "\n"
                                for i in range(N)), encoding="utf-8")
    plain, one, two = tmp_path / "plain.jsonl", tmp_path / "j1.jsonl", tmp_path / "j2.jsonl"
    assert main(["batch", str(html_dir), str(captures), "-o", str(plain), "--quiet", "--jobs", "2"]) == 0
    common = ["--learn-templates", "--template-min-pages", "3", "--quiet"]
    assert main(["batch", str(html_dir), str(captures), "-o", str(one), "--jobs", "1", *common]) == 0
    assert main(["batch", str(html_dir), str(captures), "-o", str(two), "--jobs", "2", *common]) == 0
    before, after = _records(plain), _records(one)
    assert after == _records(two)  # deterministic whatever the job count
    assert len(after) == 2 * N
    f1s = []
    for rid, rec in after.items():
        i = int(Path(rid.split(":")[0]).stem) if rid.endswith(".html") else int(rid.rsplit(":", 1)[1]) - 1
        assert not any(t in rec["text"] for t in sites.TEMPLATE_PROSE), rid
        assert shingle_f1(rec["text"], sites.truth(i)) >= shingle_f1(before[rid]["text"], sites.truth(i))
        f1s.append(shingle_f1(rec["text"], sites.truth(i)))
    assert sum(f1s) / len(f1s) > 0.93
    assert any(any(t in r["text"] for t in sites.TEMPLATE_PROSE) for r in before.values())  # the test has teeth
