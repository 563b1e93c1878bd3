"""Shared fixtures: the repository's paths, the demarche binary, a news corpus we wrote."""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO.parent / "shared" / "examples" / "global-times-2021-11-20-china-russia.txt"


def demarche_bin() -> Path:
    """The demarche binary: $DEMARCHE_BIN, else the workspace's release or debug build."""
    given = os.environ.get("DEMARCHE_BIN")
    if given:
        return Path(given)
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    for profile in ("release", "debug"):
        candidate = target / profile / "demarche"
        if candidate.exists():
            return candidate
    found = shutil.which("demarche")
    if found:
        return Path(found)
    pytest.fail("no demarche binary: build it (cargo build -p demarche) or set DEMARCHE_BIN")


def sentences() -> list:
    """Every sentence of our own demo corpus (corpus/demo/reports.jsonl, written for demarche)."""
    out = []
    with open(REPO / "corpus" / "demo" / "reports.jsonl", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            for s in record["text"].split(". "):
                s = s.strip()
                if s:
                    out.append(s if s.endswith(".") else s + ".")
    return out


def make_corpus(n: int, seed: int = 13) -> list:
    """``n`` news records (id, date, text) of 1-6 sentences of our corpus, deterministic."""
    rng = random.Random(seed)
    pool = sentences()
    records = []
    for i in range(n):
        k = rng.randint(1, 6)
        text = " ".join(rng.choice(pool) for _ in range(k))
        day = 1 + rng.randrange(28)
        month = 1 + rng.randrange(12)
        year = rng.choice([2021, 2022, 2023])
        records.append({"id": f"doc-{i:05d}", "date": f"{year}-{month:02d}-{day:02d}", "text": text})
    return records


@pytest.fixture(scope="session")
def binary() -> Path:
    return demarche_bin()
