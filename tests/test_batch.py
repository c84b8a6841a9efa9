"""newsclean batch: input kinds, error records, time limits, worker crashes, kill -9 and resume."""
from __future__ import annotations

import concurrent.futures as cf
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsclean import Article, Pipeline
from newsclean.batch import InlineExecutor, ListSink, Runner, WorkerCrashError, load_state, repair_tail, run_batch
from newsclean.batch.sources import Item, resolve_inputs
from newsclean.cli import main as cli_main
from newsclean.commands.batch import Progress
from newsclean.errors import InputError
from tests.batch_stages import ProbeStage

warcio = pytest.importorskip("warcio")
from warcio.archiveiterator import ArchiveIterator  # noqa: E402
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

ARTICLE_KEYS = set(Article().to_dict())


def html(i: int, paras: int = 3, marker: str = "") -> str:
    body = "".join(f"<p>Paragraph {j} of story {i}: the council met on Tuesday to discuss the budget "
                   f"and argued at length about roads. {marker}</p>" for j in range(paras))
    return (f"<html><head><title>Story {i}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Story {i}</h1>{body}</article></body></html>")


def read_jsonl(path: Path) -> list[dict]:
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n"), "output ends in an incomplete line"
    return [json.loads(line) for line in data.splitlines()]


def by_id(records: list[dict]) -> dict[str, dict]:
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "an id appears more than once"
    return {r["id"]: r for r in records}


def inline(inputs, out, **kw):
    return run_batch([str(i) for i in inputs], str(out), executor=InlineExecutor(), **kw)


def write_warc(path: Path, responses: list[tuple[str, bytes, str, str]], gz: bool) -> list[int]:
    """Write a warcinfo, a request and the given (url, body, content type, status) responses;
    return the offsets of the response records."""
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
        w.write_record(w.create_warc_record("http://example.org/", "request", payload=io.BytesIO(
            b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n"), warc_content_type="application/http; msgtype=request"))
        for url, body, ctype, status in responses:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        return [it.get_record_offset() for rec in it if rec.rec_type == "response"]


# --- input kinds ---------------------------------------------------------------------------
def test_files_directories_globs_and_stdin(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / "sub" / "deeper").mkdir(parents=True)
    (pages / ".hidden").mkdir()
    for i in range(3):
        (pages / f"a{i}.html").write_text(html(i))
    (pages / "sub" / "b.htm").write_text(html(10))
    (pages / "sub" / "deeper" / "c.txt").write_text("A text capture\n\nIt has two paragraphs of words.\n")
    (pages / "sub" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a page: not walked
    (pages / ".hidden" / "x.html").write_text(html(99))
    (tmp_path / "g1.html").write_text(html(20))
    (tmp_path / "g2.html").write_text(html(21))
    out = tmp_path / "out.jsonl"
    # the same file named twice (directly and through the directory) is processed once
    stats = inline([pages, str(tmp_path / "g*.html"), pages / "a0.html"], out)
    recs = by_id(read_jsonl(out))
    expected = {str(pages / f"a{i}.html") for i in range(3)} | {
        str(pages / "sub" / "b.htm"), str(pages / "sub" / "deeper" / "c.txt"),
        str(tmp_path / "g1.html"), str(tmp_path / "g2.html")}
    assert set(recs) == expected
    assert (stats.ok, stats.errors, stats.skipped) == (7, 0, 0)
    rec = recs[str(pages / "a1.html")]
    assert ARTICLE_KEYS <= set(rec) and {"id", "input_url", "ms"} <= set(rec)
    assert rec["title"] == "Story 1" and "Paragraph 2 of story 1" in rec["text"]
    assert recs[str(pages / "sub" / "deeper" / "c.txt")]["kind"] == "text"
    # '-': paths on standard input, checked up front
    listed = resolve_inputs(["-"], stdin=io.StringIO(f"{tmp_path / 'g1.html'}\n\n{pages}\n"))
    assert listed == [str(tmp_path / "g1.html"), str(pages)]
    with pytest.raises(InputError, match="no such file"):
        resolve_inputs(["-"], stdin=io.StringIO(f"{tmp_path / 'nope.html'}\n"))


def test_warc_inputs(tmp_path: Path) -> None:
    responses = [
        ("http://example.org/a", html(1).encode(), "text/html; charset=utf-8", "200 OK"),
        ("http://example.org/img.png", b"\x89PNG....", "image/png", "200 OK"),
        ("http://example.org/missing", b"<html>gone</html>", "text/html", "404 Not Found"),
        ("http://example.org/latin", "<html><body><p>Un café très noir, s'il vous plaît, et vite.</p>"
         "</body></html>".encode("latin-1"), "text/html; charset=ISO-8859-1", "200 OK"),
        ("http://example.org/big", html(2, paras=200).encode(), "text/html", "200 OK"),
    ]
    offsets = {}
    for name, gz in (("crawl.warc", False), ("crawl.warc.gz", True)):
        offsets[name] = write_warc(tmp_path / name, responses, gz)
    out = tmp_path / "out.jsonl"
    stats = inline([tmp_path / "crawl.warc", tmp_path / "crawl.warc.gz"], out, max_bytes=20_000)
    recs = by_id(read_jsonl(out))
    assert stats.ignored == 4  # the image and the 404, in each file
    for name in offsets:
        a, _, _, latin, big = (f"{tmp_path / name}#{off}" for off in offsets[name])
        assert recs[a]["input_url"] == "http://example.org/a"
        assert recs[a]["warc_date"] and recs[a]["title"] == "Story 1"
        assert "café très" in recs[latin]["text"]  # decoded with the HTTP charset
        assert recs[big]["error"]["type"] == "InputError" and "20000" in recs[big]["error"]["message"]
        assert recs[big]["input_url"] == "http://example.org/big"
    assert len(recs) == 6
    # a damaged archive: one error record where reading stopped, the good records before it kept
    bad = tmp_path / "bad.warc"
    bad.write_bytes((tmp_path / "crawl.warc").read_bytes()[: offsets["crawl.warc"][1] + 40])
    out2 = tmp_path / "out2.jsonl"
    inline([bad], out2)
    recs2 = by_id(read_jsonl(out2))
    assert any("error" not in r for r in recs2.values()) and any("error" in r for r in recs2.values())


def test_jsonl_inputs(tmp_path: Path) -> None:
    src = tmp_path / "pages.jsonl"
    lines = [
        json.dumps({"url": "http://e.org/1", "html": html(1)}),
        "",
        json.dumps({"url": "http://e.org/2", "text": "A capture\n\nwith two paragraphs of text here.\n"}),
        "{not json",
        json.dumps({"url": "http://e.org/4"}),
        json.dumps({"url": "http://e.org/5", "html": "x" * 100_000}),
    ]
    src.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    stats = inline([src], out, max_bytes=20_000)
    recs = by_id(read_jsonl(out))
    assert set(recs) == {f"{src}:{n}" for n in (1, 3, 4, 5, 6)}
    assert recs[f"{src}:1"]["input_url"] == "http://e.org/1" and recs[f"{src}:1"]["kind"] == "html"
    assert recs[f"{src}:3"]["kind"] == "text"
    assert recs[f"{src}:4"]["error"]["type"] == "InputError"
    assert "html" in recs[f"{src}:5"]["error"]["message"]
    assert "limit" in recs[f"{src}:6"]["error"]["message"]
    assert (stats.ok, stats.errors) == (2, 3)
    gz = tmp_path / "pages.jsonl.gz"
    gz.write_bytes(gzip.compress(src.read_bytes()))
    out_gz = tmp_path / "out_gz.jsonl"
    inline([gz], out_gz, max_bytes=20_000)
    assert set(by_id(read_jsonl(out_gz))) == {f"{gz}:{n}" for n in (1, 3, 4, 5, 6)}


# --- error records ---------------------------------------------------------------------------
def test_error_records_unreadable_raising_and_too_big(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.html").write_text(html(1))
    (d / "boom.html").write_text(html(2, marker="BOOM"))
    (d / "big.html").write_text(html(3, paras=300))
    (d / "dangling.html").symlink_to(d / "gone.html")
    unreadable = d / "secret.html"
    unreadable.write_text(html(4))
    unreadable.chmod(0)
    out = tmp_path / "out.jsonl"
    try:
        stats = inline([d], out, pipeline=Pipeline().add(ProbeStage()), max_bytes=20_000)
    finally:
        unreadable.chmod(0o644)
    recs = by_id(read_jsonl(out))
    assert "error" not in recs[str(d / "good.html")]
    boom = recs[str(d / "boom.html")]["error"]
    assert boom["type"] == "StageError" and "probe exploded" in boom["message"]
    assert recs[str(d / "big.html")]["error"]["type"] == "InputError"
    assert "over the limit" in recs[str(d / "big.html")]["error"]["message"]
    assert recs[str(d / "dangling.html")]["error"]["type"] == "InputError"
    secret = recs[str(d / "secret.html")]
    if os.geteuid() != 0:  # root reads a mode-000 file anyway
        assert secret["error"]["type"] == "InputError" and "cannot read" in secret["error"]["message"]
    assert stats.pages == 5 and stats.errors == 5 - stats.ok


def test_hung_page_times_out_in_worker_process(tmp_path: Path) -> None:
    items = [Item(id=f"p{i}", data=html(i, marker="HANG" if i == 3 else "")) for i in range(8)]
    sink = ListSink()
    # the limit leaves an ordinary page ample time on a loaded machine (its first page also loads the models)
    stats = Runner(Pipeline().add(ProbeStage()), jobs=2, timeout=3.0).run(items, sink)
    recs = by_id(sink.records())
    assert set(recs) == {f"p{i}" for i in range(8)}
    assert recs["p3"]["error"]["type"] == "PageTimeoutError"
    assert all("error" not in recs[f"p{i}"] for i in range(8) if i != 3)
    assert (stats.ok, stats.errors) == (7, 1)


def test_a_worker_killed_by_its_page_becomes_an_error_record() -> None:
    # (a run of its own: a worker dying while another page is in flight may take that page down with it,
    # and which page is in flight then depends on timing)
    items = [Item(id=f"p{i}", data=html(i)) for i in range(4)] + [Item(id="crash", data=html(9, marker="CRASH"))]
    sink = ListSink()
    stats = Runner(Pipeline().add(ProbeStage()), jobs=2, timeout=30.0).run(items, sink)
    recs = by_id(sink.records())
    assert set(recs) == {"p0", "p1", "p2", "p3", "crash"}
    assert recs["crash"]["error"]["type"] == "WorkerCrashError"
    assert stats.errors >= 1 and stats.ok + stats.errors == 5


def test_page_stuck_beyond_the_timer_is_killed_by_the_watchdog() -> None:
    items = [Item(id=f"p{i}", data=html(i, marker="STUCK" if i == 1 else "")) for i in range(4)]
    sink = ListSink()
    Runner(Pipeline().add(ProbeStage()), jobs=2, timeout=2.0, grace=1.0).run(items, sink)
    recs = by_id(sink.records())
    assert set(recs) == {"p0", "p1", "p2", "p3"}
    assert recs["p1"]["error"]["type"] == "PageTimeoutError"
    assert sum("error" in r for r in recs.values()) == 1


def test_workers_that_cannot_start_stop_the_run_instead_of_failing_every_page() -> None:
    from tests.batch_stages import die_at_start

    class DeadPool(Runner):
        def _new_pool(self) -> cf.ProcessPoolExecutor:
            return cf.ProcessPoolExecutor(self.jobs, initializer=die_at_start)

    sink = ListSink()
    with pytest.raises(WorkerCrashError, match="cannot run"):
        DeadPool(jobs=2, timeout=1).run([Item(id=f"p{i}", data=html(i)) for i in range(5)], sink)
    assert sink.lines == []  # nothing blamed on the pages: a re-run will process them


def test_any_executor_can_be_passed(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"{i}.html").write_text(html(i, marker="BOOM" if i == 2 else ""))
    out = tmp_path / "out.jsonl"
    with cf.ThreadPoolExecutor(2) as pool:
        stats = run_batch([str(tmp_path)], str(out), executor=pool, pipeline=Pipeline().add(ProbeStage()))
    assert (stats.ok, stats.errors) == (4, 1) and len(by_id(read_jsonl(out))) == 5


# --- resume ----------------------------------------------------------------------------------
def test_repair_and_resume_after_a_torn_last_line(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"{i}.html").write_text(html(i))
    out = tmp_path / "out.jsonl"
    inline([tmp_path], out)
    full = out.read_bytes()
    lines = full.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]) + lines[2][:17])  # a crash in the middle of line 3
    state = load_state(str(out))
    assert len(state.done) == 2 and state.repaired_bytes == 17
    assert out.read_bytes() == b"".join(lines[:2])
    stats = inline([tmp_path], out)
    assert (stats.ok, stats.skipped) == (2, 2)
    assert sorted(by_id(read_jsonl(out))) == sorted(json.loads(ln)["id"] for ln in lines)
    out.write_bytes(b'{"id": "x"')  # nothing complete at all
    assert repair_tail(str(out)) == 10 and out.read_bytes() == b""


def _count_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def test_kill_9_mid_run_then_rerun_gives_every_id_exactly_once(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(200):
        (pages / f"p{i:03}.html").write_text(html(i, paras=150))
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "newsclean.cli", "batch", str(pages), "-o", str(out), "--jobs", "2"]
    killed = 0
    # kill early (after a few records): on a loaded machine this test's own polling may be starved while the
    # batch runs on, and a run that finishes before the kill proves nothing
    for kill_at in (5, 60):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True)
        deadline = time.monotonic() + 20
        while proc.poll() is None and _count_lines(out) < kill_at and time.monotonic() < deadline:
            time.sleep(0.005)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            killed += 1
        proc.wait()
        proc.stderr.close()
        # every line written so far is whole JSON; ids are unique
        by_id(read_jsonl(out))
        if kill_at == 5:  # also leave a torn last line, as a kill in the middle of a write would
            with open(out, "ab") as fh:
                fh.write(b'{"id": "' + str(pages / "p199.html").encode() + b'", "input_url": nu')
    assert killed >= 1, "the run finished before it could be killed"
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "run completed" in done.stderr and "resuming" in done.stderr
    recs = by_id(read_jsonl(out))
    assert set(recs) == {str(pages / f"p{i:03}.html") for i in range(200)}
    for i in range(200):
        rec = recs[str(pages / f"p{i:03}.html")]
        assert "error" not in rec and rec["title"] == f"Story {i}" and ARTICLE_KEYS <= set(rec)


# --- the command line ------------------------------------------------------------------------
def test_cli_usage_errors_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.html").write_text(html(1))
    (tmp_path / "b.html").write_text(html(2, marker="x" * 5000))
    out = tmp_path / "out.jsonl"
    assert cli_main(["batch", str(tmp_path / "missing.html"), "-o", str(out)]) == 2
    assert "no such file" in capsys.readouterr().err
    assert cli_main(["batch", str(tmp_path / "*.xml"), "-o", str(out)]) == 2
    assert "no file matches" in capsys.readouterr().err
    for bad in (["--jobs", "0"], ["--timeout", "-1"], ["--max-bytes", "many"], ["--kind", "pdf"]):
        with pytest.raises(SystemExit) as exc:
            cli_main(["batch", str(tmp_path), "-o", str(out), *bad])
        assert exc.value.code == 2
    capsys.readouterr()
    assert cli_main(["batch", str(tmp_path), "-o", str(out), "--max-bytes", "0"]) == 2
    assert cli_main(["batch", str(tmp_path), "-o", str(out), "--config", str(tmp_path / "no.toml")]) == 2
    assert not out.exists()
    capsys.readouterr()
    # exit 1: the run completed and a page is an error record (also on a resume that adds no new one)
    assert cli_main(["batch", str(tmp_path), "-o", str(out), "--jobs", "1", "--max-bytes", "3000"]) == 1
    err = capsys.readouterr().err
    assert "2 pages" in err and "1 ok, 1 errors" in err and "1 page failed" in err and "pages/s" in err
    assert cli_main(["batch", str(tmp_path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "2 skipped" in err and "1 error record from earlier runs" in err and "--retry-errors" in err
    assert len(read_jsonl(out)) == 2
    # --retry-errors: the failed page runs again (without the limit now) and is in the output once
    assert cli_main(["batch", str(tmp_path), "-o", str(out), "--retry-errors"]) == 0
    err = capsys.readouterr().err
    assert "running the page whose record was an error again" in err and "1 ok, 0 errors, 1 skipped" in err
    recs = by_id(read_jsonl(out))
    assert set(recs) == {str(tmp_path / "a.html"), str(tmp_path / "b.html")}
    assert not any("error" in r for r in recs.values())
    # exit 0: every page ok
    assert cli_main(["batch", str(tmp_path), "-o", str(tmp_path / "fresh.jsonl")]) == 0


def test_retry_errors_keeps_the_output_whole_and_its_mode(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"{i}.html").write_text(html(i, marker="BOOM" if i % 2 else ""))
    out = tmp_path / "out.jsonl"
    probe = Pipeline().add(ProbeStage())
    assert inline([tmp_path], out, pipeline=probe).errors == 2
    out.chmod(0o640)
    seen: list = []
    stats = inline([tmp_path], out, retry_errors=True, on_resume=seen.append)  # no probe: they succeed now
    assert (stats.ok, stats.errors, stats.skipped) == (2, 0, 2) and seen[0].retried == 2
    assert sorted(by_id(read_jsonl(out))) == sorted(str(tmp_path / f"{i}.html") for i in range(4))
    assert not any("error" in r for r in read_jsonl(out))
    assert out.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_warc_input_without_warcio_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    write_warc(tmp_path / "crawl.warc.gz", [("http://e.org/a", html(1).encode(), "text/html", "200 OK")], True)
    (tmp_path / "a.html").write_text(html(2))
    monkeypatch.setitem(sys.modules, "warcio", None)  # as if the 'warc' extra were not installed
    out = tmp_path / "out.jsonl"
    for inputs in ([str(tmp_path / "crawl.warc.gz")], [str(tmp_path)]):  # named, or found in a directory
        assert cli_main(["batch", *inputs, "-o", str(out)]) == 2
        assert "needs warcio" in capsys.readouterr().err
        assert not out.exists()


def test_gzipped_pages_are_found_and_handed_on_as_bytes(tmp_path: Path) -> None:
    from newsclean.batch.sources import Sources

    (tmp_path / "sub").mkdir()
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(html(1).encode()))
    (tmp_path / "sub" / "b.htm.gz").write_bytes(gzip.compress(html(2).encode()))
    (tmp_path / "sub" / "c.txt.gz").write_bytes(gzip.compress(b"A capture\n\nwith two paragraphs of words.\n"))
    (tmp_path / "logo.png.gz").write_bytes(gzip.compress(b"\x89PNG\r\n\x1a\n"))  # not a page
    found = [item.id for item in Sources([str(tmp_path)])]
    assert found == [str(tmp_path / "a.html.gz"), str(tmp_path / "sub" / "b.htm.gz"),
                     str(tmp_path / "sub" / "c.txt.gz")]
    assert [item.id for item in Sources(resolve_inputs([str(tmp_path / "*.html.gz")]))] == [found[0]]
    from newsclean.batch.worker import _page_input

    item = Item(id=found[0], path=found[0])
    assert _page_input(item) == (tmp_path / "a.html.gz").read_bytes()  # the loader decompresses
    with pytest.raises(InputError, match="over the limit"):
        _page_input(item, max_bytes=10)


def test_progress_shows_done_of_total_and_eta_when_the_inputs_can_be_counted(tmp_path: Path) -> None:
    from newsclean.batch import Stats
    from newsclean.commands.batch import progress_line

    for i in range(5):
        (tmp_path / f"{i}.html").write_text(html(i))
    out = tmp_path / "out.jsonl"
    seen: list[Stats] = []
    stats = inline([tmp_path, tmp_path / "0.html"], out, progress=seen.append)
    assert stats.total == 5 and seen
    (tmp_path / "5.html").write_text(html(5))
    (tmp_path / "6.html").write_text(html(6))
    assert inline([tmp_path], out).total == 2  # on resume: what is left to do
    src = tmp_path / "more.jsonl"
    src.write_text(json.dumps({"url": "http://e.org/1", "html": html(1)}) + "\n")
    assert inline([tmp_path, src], tmp_path / "out2.jsonl").total is None  # records are not counted
    line = progress_line(Stats(ok=30, errors=2, total=128, started=time.monotonic() - 8))
    assert line.startswith("32/128 pages (25%), 30 ok, 2 errors") and "4.0 pages/s" in line and "ETA 24 s" in line
    line = progress_line(Stats(ok=30, errors=2, started=time.monotonic() - 8))
    assert line.startswith("32 pages, 30 ok") and "ETA" not in line


def test_progress_lines_when_not_a_terminal() -> None:
    from newsclean.batch import Stats

    stream = io.StringIO()
    progress = Progress(stream, every=0.0)
    stats = Stats(ok=3, errors=1, skipped=2)
    progress(stats)
    progress(stats)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2 and "4 pages, 3 ok, 1 errors, 2 skipped" in lines[0] and "pages/s" in lines[0]
    assert "\r" not in stream.getvalue()
