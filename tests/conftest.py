"""Fixtures shared by the test modules."""

import pytest

from reportmine.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline():
    """One pipeline with the default stages for every test that analyzes text in process."""
    return Pipeline()
