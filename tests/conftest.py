from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The seeds built once for the whole session: the output folder."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds-build")
    build([SEEDS], out)
    return out
