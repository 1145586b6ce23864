import pytest

from bijlage_validatie import Werkerpool


@pytest.fixture(scope="session")
def pool():
    with Werkerpool(aantal=2) as werkerpool:
        yield werkerpool
