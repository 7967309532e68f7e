"""The property-based sweeps run the same examples on every run unless a developer asks otherwise.

Issue 24: the sweeps drew new random examples on each run, so a run could pass or fail by chance
(hypothesis only derandomizes by itself when it sees a CI variable). tests/conftest.py selects
the "ci" profile (derandomized, failures printed with a blob to replay them) unless
HYPOTHESIS_PROFILE names another: "explore" draws random examples, more of them.
"""

import importlib
import inspect
import os

import pytest
from hypothesis import settings

SWEEPS = [
    "tests.importing.test_import_properties",
    "tests.public.test_anonymous_sweep",
    "tests.public.test_search_params",
]


def property_tests():
    for name in SWEEPS:
        module = importlib.import_module(name)
        for test_name, test in inspect.getmembers(module, inspect.isfunction):
            if hasattr(test, "hypothesis"):
                yield f"{name}.{test_name}", test


def effective_settings(test):
    """The settings a @given test runs with: its own @settings, else the profile loaded then."""
    return getattr(test, "_hypothesis_internal_use_settings", None) or settings.default


@pytest.mark.skipif(
    os.environ.get("HYPOTHESIS_PROFILE", "ci") != "ci", reason="a developer chose another profile"
)
def test_sweeps_are_derandomized_by_default():
    assert settings.get_current_profile_name() == "ci"
    tests = dict(property_tests())
    assert len(tests) >= 10
    for name, test in tests.items():
        chosen = effective_settings(test)
        assert chosen.derandomize, name
        assert chosen.database is None, name
        assert chosen.print_blob, name


def test_explore_profile_draws_random_examples():
    explore = settings.get_profile("explore")
    assert not explore.derandomize
    assert explore.max_examples > settings.get_profile("ci").max_examples
