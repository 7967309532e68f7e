"""The bulk importer's page-tree paths equal the ones Wagtail (treebeard) gives its pages."""

import pytest
from treebeard.exceptions import PathOverflow
from wagtail.models import Page

from products.importing.tree import SectionState, child_path, children, step_to_text, text_to_step


@pytest.mark.parametrize(
    ("step", "text"),
    [(1, "0001"), (9, "0009"), (10, "000A"), (35, "000Z"), (36, "0010"), (1297, "0101"), (36**4 - 1, "ZZZZ")],
)
def test_steps_are_base_36_in_four_characters(step, text):
    assert step_to_text(step) == text
    assert text_to_step(text) == step


def test_a_step_past_the_level_overflows_instead_of_corrupting_the_tree():
    with pytest.raises(PathOverflow):
        step_to_text(36**4)
    with pytest.raises(ValueError, match="starts at 1"):
        step_to_text(0)


@pytest.fixture
def parent(db):
    return Page.get_first_root_node().add_child(instance=Page(title="Cây thử", slug="cay-thu"))


def test_child_paths_are_the_ones_wagtail_gave(parent):
    for n in range(3):
        parent.add_child(instance=Page(title=f"Con {n}", slug=f"con-{n}"))
    made_by_wagtail = list(children(parent).order_by("path").values_list("path", flat=True))
    assert made_by_wagtail == [child_path(parent.path, step) for step in (1, 2, 3)]


def test_a_section_takes_the_path_wagtail_would_give_its_next_child(parent):
    parent.add_child(instance=Page(title="Có sẵn", slug="co-san"))
    state = SectionState(parent)
    state.lock()
    taken = [state.take_path(), state.take_path()]

    parent.refresh_from_db()
    after_one = parent.add_child(instance=Page(title="Wagtail thêm", slug="wagtail-them")).path
    assert taken[0] == after_one
    assert taken[1] == child_path(parent.path, text_to_step(after_one[-4:]) + 1)
    assert state.slugs == {"co-san"}


def test_an_empty_section_starts_at_the_first_step(parent):
    state = SectionState(parent)
    state.lock()
    assert state.take_path() == parent.path + "0001"
    assert state.take_slug("Tiêu đề", "x-1") == "tieu-de"
    assert state.take_slug("Tiêu đề", "x-2") == "tieu-de-2"
