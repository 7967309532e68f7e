"""Places in Wagtail's page tree for products created in bulk.

Wagtail's page tree is a treebeard materialised path (``MP_Node``): a page's ``path`` is its
parent's path plus one *step* of ``Page.steplen`` characters in ``Page.alphabet`` (base 36,
"0001", "0002", …, "000A", …). ``add_child`` finds the next step with a query per page; the
importer creates thousands of children of a section at once, so it takes the section's last
step once (under a row lock) and counts on from there. The arithmetic is done here, from the
model's public ``alphabet`` and ``steplen``, rather than through treebeard's private
``_get_path``; the tests check it against pages Wagtail itself created.
"""

from treebeard.exceptions import PathOverflow
from wagtail.models import Page

from products.slugs import ascii_slug


def step_to_text(step, alphabet=Page.alphabet, steplen=Page.steplen):
    """The step number ``step`` (1, 2, …) as the characters of one level of a path."""
    if step < 1:
        raise ValueError(f"a path step starts at 1, not {step}")
    base, digits = len(alphabet), ""
    while step:
        step, digit = divmod(step, base)
        digits = alphabet[digit] + digits
    if len(digits) > steplen:
        raise PathOverflow(f"step needs {len(digits)} characters; a level has {steplen}")
    return digits.rjust(steplen, alphabet[0])


def text_to_step(text, alphabet=Page.alphabet):
    """The step number written as ``text`` (the last level of a path)."""
    base, step = len(alphabet), 0
    for char in text:
        step = step * base + alphabet.index(char)
    return step


def child_path(parent_path, step):
    """The path of the ``step``-th child of the page at ``parent_path``."""
    return parent_path + step_to_text(step)


def children(parent):
    """The pages directly under ``parent``, as a range of paths.

    A range on the (indexed) path, not LIKE 'path%', which SQLite scans the whole table for.
    """
    low = parent.path + Page.alphabet[0] * Page.steplen
    high = parent.path + Page.alphabet[-1] * Page.steplen
    return Page.objects.filter(path__gte=low, path__lte=high)


class SectionState:
    """A unit section and where its next new child goes."""

    def __init__(self, section):
        self.section = section
        self.slugs = set(children(section).values_list("slug", flat=True))
        self.next_step = None

    def lock(self):
        """Lock the section row while its children's paths are taken, and find the next step."""
        list(Page.objects.select_for_update().filter(pk=self.section.pk).values_list("pk"))
        last = children(self.section).order_by("-path").values_list("path", flat=True).first()
        self.next_step = text_to_step(last[-Page.steplen :]) + 1 if last else 1

    def take_path(self):
        path = child_path(self.section.path, self.next_step)
        self.next_step += 1
        return path

    def take_slug(self, title, external_id):
        base = ascii_slug(title, fallback=external_id)[:70].strip("-") or "san-pham"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add(slug)
        return slug
