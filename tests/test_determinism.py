"""Extraction is deterministic: the same input gives the same output, in this process and in a
fresh one (different hash seeds, nothing cached between pages)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newsclean import Pipeline

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".html", ".txt"))

CHILD = """
import json, sys
from pathlib import Path
import newsclean
out = {}
for name in sys.argv[1:]:
    out[name] = newsclean.extract(Path(name)).to_dict()
print(json.dumps(out, sort_keys=True))
"""


def _here() -> dict:
    p = Pipeline()
    return {str(f): p.extract(f).to_dict() for f in PAGES}


def test_same_output_twice_in_one_process_and_in_any_order():
    p = Pipeline()
    first = {str(f): p.extract(f).to_dict() for f in PAGES}
    second = {str(f): p.extract(f).to_dict() for f in reversed(PAGES)}
    assert first == second


def test_same_output_across_processes_and_hash_seeds():
    here = json.loads(json.dumps(_here(), sort_keys=True))
    for seed in ("0", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-c", CHILD, *map(str, PAGES)], capture_output=True, text=True,
                              env=env, check=True)
        assert json.loads(proc.stdout) == here, f"differs with PYTHONHASHSEED={seed}"
