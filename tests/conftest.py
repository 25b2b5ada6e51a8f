"""Shared fixtures: the repository's folders and the bundled rulebook, loaded once per session."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from dancoso_rules.load import load_rules
from dancoso_rules.load.packs import LoadedRules
from dancoso_rules.model import Rulebook

REPO = Path(__file__).resolve().parent.parent
RULES = REPO / "rules"
SCHEMAS = REPO / "schemas"
EXAMPLES = REPO / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    """Keep the precompiled rule cache of the test run out of the user's own cache folder, and make the
    command line's default language the same on every machine: English messages (the tests assert
    them), whatever the developer's locale; a test of the Vietnamese default sets its own locale."""
    os.environ["DANCOSO_CACHE_DIR"] = tempfile.mkdtemp(prefix="dancoso-test-cache-")
    os.environ["LC_MESSAGES"] = "vi_VN.UTF-8"
    os.environ.pop("LC_ALL", None)


@pytest.fixture(scope="session")
def loaded_rules() -> LoadedRules:
    """The repository's rule folder, loaded and checked."""
    return load_rules(RULES)


@pytest.fixture(scope="session")
def rulebook(loaded_rules: LoadedRules) -> Rulebook:
    """The repository's rulebook."""
    return loaded_rules.rulebook
