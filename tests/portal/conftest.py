"""Products in every state the public must or must not see."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from search.indexing import repair_index
from tests.factories import make_product

D = datetime.date


def restrict(page):
    """Wagtail privacy: only signed-in users may see the page."""
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.fixture
def hidden(registers):
    """A draft, an unpublished product and a restricted one, each with a title to look for."""
    draft = make_product(title="Bản nháp bí mật", live=False, publications=[("radio", D(2024, 6, 1))])
    unpublished = make_product(title="Đã gỡ xuống", publications=[("radio", D(2024, 6, 2))])
    unpublished.unpublish()
    restricted = make_product(title="Chỉ nội bộ", publications=[("radio", D(2024, 6, 3))])
    restrict(restricted)
    # The index is written after commits, and other modules' tests commit (helpers.committed)
    # products whose rows their rollback removed: an entry of theirs may carry an id one of
    # these reuses. Start from an index that matches this database, as tests/search does.
    repair_index()
    return {"draft": draft, "unpublished": unpublished, "restricted": restricted}


HIDDEN_TITLES = ("Bản nháp bí mật", "Đã gỡ xuống", "Chỉ nội bộ")
