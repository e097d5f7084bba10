import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
EXPORTS = ("graph.ttl", "graph.trig", "graph.html")


def exports(out):
    """The bytes of each export in `out`."""
    return {name: (out / name).read_bytes() for name in EXPORTS}


@pytest.fixture
def corpus(tmp_path):
    """A copy of the seeds the test may change."""
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEED_FILES:
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The seeds built once for the whole session: the output folder."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds-build")
    build([SEEDS], out)
    return out
