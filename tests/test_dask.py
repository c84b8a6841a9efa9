"""Batch on a real Dask cluster (LocalCluster, 2 worker processes on 127.0.0.1): the output is the
same as a local run's; the per-page time limit also holds on worker threads."""
from __future__ import annotations

import concurrent.futures as cf
import json
from pathlib import Path

import pytest

from newsclean import Pipeline
from newsclean.batch import run_batch
from newsclean.cli import main
from tests.batch_stages import ProbeStage

distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed (the 'dask' extra)")

PARA = ("The committee heard evidence from {n} witnesses on the first day, and its chair said a report "
        "would follow before the end of the session, with recommendations for the ministry.")


def page(i: int) -> str:
    return (f"<html><head><title>Report {i}</title><meta name='author' content='Reporter {i}'></head><body>"
            f"<nav><a href='/'>Home</a><a href='/news'>News</a></nav><article><h1>Report {i}</h1>"
            + "".join(f"<p>{PARA.format(n=i * 10 + k)}</p>" for k in range(4))
            + "</article><footer>© Example</footer></body></html>")


def records(path: Path) -> dict[str, dict]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        rec.pop("ms", None)
        out[rec["id"]] = rec
    return out


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=50) as c:
        yield c


def test_dask_output_matches_local_run(tmp_path: Path, cluster):
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(30):
        (pages / f"{i:02d}.html").write_text(page(i), encoding="utf-8")
    (pages / "broken.html").write_bytes(b"")  # an empty page: an (empty) article either way
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["batch", str(pages), "-o", str(local), "--jobs", "2", "--quiet"]) == 0
    assert main(["batch", str(pages), "-o", str(remote), "--dask", cluster.scheduler_address, "--quiet"]) == 0
    a, b = records(local), records(remote)
    assert len(a) == 31 and a == b


def test_dask_python_api_with_a_client(tmp_path: Path, cluster):
    from distributed import Client

    from newsclean.batch.dask import dask_executor

    pages = tmp_path / "p"
    pages.mkdir()
    for i in range(6):
        (pages / f"{i}.html").write_text(page(i), encoding="utf-8")
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        with dask_executor(client) as ex:
            stats = run_batch([str(pages)], str(tmp_path / "out.jsonl"), executor=ex)
        assert (stats.ok, stats.errors) == (6, 0)
        # the README's call: the executor passed directly, no `with`; the client stays open
        stats = run_batch([str(pages)], str(tmp_path / "direct.jsonl"), executor=dask_executor(client))
        assert (stats.ok, stats.errors) == (6, 0)
        assert client.status == "running"
    # an address: the executor opens a client and closes it when shut down
    with dask_executor(cluster.scheduler_address) as ex:
        stats = run_batch([str(pages)], str(tmp_path / "by_address.jsonl"), executor=ex)
    assert (stats.ok, stats.errors) == (6, 0) and ex.client.status == "closed"


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path, capsys, monkeypatch):
    import newsclean.batch.dask

    monkeypatch.setattr(newsclean.batch.dask, "CONNECT_TIMEOUT", 1.0)  # not distributed's 30 s
    (tmp_path / "a.html").write_text(page(1), encoding="utf-8")
    rc = main(["batch", str(tmp_path / "a.html"), "-o", str(tmp_path / "o.jsonl"), "--dask", "tcp://127.0.0.1:9",
               "--quiet"])
    assert rc == 2 and "cannot reach the Dask scheduler" in capsys.readouterr().err


def test_time_limit_on_worker_threads(tmp_path: Path):
    for i in range(4):
        marked = page(i).replace("<h1>", "<h1>SPIN " if i == 1 else "<h1>")
        (tmp_path / f"{i}.html").write_text(marked, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with cf.ThreadPoolExecutor(2) as pool:
        stats = run_batch([str(tmp_path)], str(out), executor=pool, timeout=3.0,
                          pipeline=Pipeline().add(ProbeStage()))
    recs = records(out)
    assert (stats.ok, stats.errors) == (3, 1)
    assert recs[str(tmp_path / "1.html")]["error"]["type"] == "PageTimeoutError"
