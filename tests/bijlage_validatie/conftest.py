import pytest

from bijlage_validatie import Werkerpool

# The clause tests are made in this helper module; registered so that a failing assert there shows its values.
pytest.register_assert_rewrite("tests.bijlage_validatie.clausulegevallen")


@pytest.fixture(scope="session")
def pool():
    with Werkerpool(aantal=2) as werkerpool:
        yield werkerpool
