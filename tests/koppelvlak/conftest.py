import pytest

# The reading tests' helpers assert what a refusal must be; registered so that a failing assert there shows
# its values.
pytest.register_assert_rewrite("tests.koppelvlak.lezing")
