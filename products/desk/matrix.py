"""The role matrix: what each role may do, written once and read by the code and the tests.

Each row is an action on a resource; each column a role; each cell a ``Scope`` saying on
which objects the role may act. Nothing outside its scope, and nothing marked ``NONE``.
``products.desk.roles`` grants the permissions that give these rights,
``products.desk.permissions`` adds the rules Wagtail's permissions cannot express, and
``tests/security/test_role_matrix.py`` drives the real admin, import and API views as each
role and asserts every cell. The README's "Vai trò / Roles" section is this table in prose;
``as_markdown()`` prints it.
"""

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    ANONYMOUS = "anonymous"
    EDITOR = "editor"  # "Phóng viên, biên tập viên – <unit>": per unit
    REVIEWER = "reviewer"  # "Duyệt bài – <unit>": per unit
    TRANSLATOR = "translator"  # "Biên dịch viên" + "Biên dịch viên – <language>": per language
    AUDITOR = "auditor"  # "Kiểm tra viên"
    ADMINISTRATOR = "administrator"  # "Quản trị viên"
    SUPERUSER = "superuser"


class Scope(StrEnum):
    NONE = "—"
    PUBLIC = "public"  # live products without a view restriction, and the files they use
    OWN_UNIT = "own unit"  # the units whose desk the person belongs to, every language
    OWN_UNIT_DRAFTS = "own unit, drafts"  # as OWN_UNIT, only products not published
    OWN_COLLECTION = "own unit's collection"  # images, documents, media of the unit's desk
    ASSIGNED_LANGUAGES = "assigned languages"  # translation drafts (never published) in those languages
    PUBLISHED_INTO_ASSIGNED = "published → assigned languages"  # any unit's published product
    NON_SUPERUSERS = "non-superusers"  # other users who are not superusers
    OTHERS_NOT_SELF = "others, not self"  # other non-superusers' groups, never one's own
    WITHIN_ADMIN_ROLE = "within administrator role"  # permissions the administrator role holds
    ALL = "all"


S = Scope


@dataclass(frozen=True)
class Row:
    resource: str
    action: str
    meaning: str
    cells: dict

    @property
    def key(self):
        return f"{self.resource}.{self.action}"


def _row(resource, action, meaning, **cells):
    """A row; roles not named get ``NONE``."""
    full = dict.fromkeys(Role, S.NONE)
    full.update({Role(name): scope for name, scope in cells.items()})
    return Row(resource, action, meaning, full)


UNIT_DESK = {"editor": S.OWN_UNIT, "reviewer": S.OWN_UNIT}

ROWS = (
    # -- products -----------------------------------------------------------------------
    _row(
        "products",
        "view_public",
        "read a live, unrestricted product (portal, archive search, API)",
        **{role.value: S.PUBLIC for role in Role},
    ),
    _row(
        "products",
        "view_draft",
        "see a draft's title or content in the admin (explorer, listing, chooser, search, "
        "dashboard, workflow panels, preview)",
        **UNIT_DESK,
        translator=S.ASSIGNED_LANGUAGES,
        superuser=S.ALL,
    ),
    _row("products", "add", "create a product in a unit's section", **UNIT_DESK, superuser=S.ALL),
    _row(
        "products",
        "edit",
        "save a draft of a product",
        **UNIT_DESK,
        translator=S.ASSIGNED_LANGUAGES,
        superuser=S.ALL,
    ),
    _row(
        "products",
        "submit",
        "submit a draft to the unit's review workflow",
        **UNIT_DESK,
        translator=S.ASSIGNED_LANGUAGES,
        superuser=S.ALL,
    ),
    _row("products", "publish", "publish (or approve in review)", reviewer=S.OWN_UNIT, superuser=S.ALL),
    _row("products", "unpublish", "unpublish a live product", reviewer=S.OWN_UNIT, superuser=S.ALL),
    _row(
        "products",
        "delete",
        "delete a product",
        editor=S.OWN_UNIT_DRAFTS,
        reviewer=S.OWN_UNIT,
        superuser=S.ALL,
    ),
    _row(
        "products",
        "move",
        "move a product to another section (only within its own language)",
        editor=S.OWN_UNIT_DRAFTS,
        reviewer=S.OWN_UNIT,
        superuser=S.ALL,
    ),
    _row(
        "products",
        "translate",
        "create a translation draft of a product in another language",
        translator=S.PUBLISHED_INTO_ASSIGNED,
        superuser=S.ALL,
    ),
    _row(
        "products",
        "import",
        "import products from a file (without publish rights: drafts submitted for review)",
        **UNIT_DESK,
        superuser=S.ALL,
    ),
    # -- registers ----------------------------------------------------------------------
    _row(
        "registers",
        "manage",
        "add, edit, delete areas, tasks, formats, channels (and their digital flag), units, topics",
        administrator=S.ALL,
        superuser=S.ALL,
    ),
    # -- media --------------------------------------------------------------------------
    _row(
        "media",
        "upload",
        "upload an image, document, audio or video",
        editor=S.OWN_COLLECTION,
        reviewer=S.OWN_COLLECTION,
        administrator=S.ALL,
        superuser=S.ALL,
    ),
    _row(
        "media",
        "choose",
        "list and choose images, documents, audio and video",
        editor=S.OWN_COLLECTION,
        reviewer=S.OWN_COLLECTION,
        administrator=S.ALL,
        superuser=S.ALL,
    ),
    _row(
        "media",
        "edit",
        "edit or delete a file (editors: their own uploads)",
        editor=S.OWN_COLLECTION,
        reviewer=S.OWN_COLLECTION,
        administrator=S.ALL,
        superuser=S.ALL,
    ),
    _row(
        "media",
        "download_private",
        "list or download a file used only by products that are not public",
        **UNIT_DESK,
        auditor=S.ALL,
        administrator=S.ALL,
        superuser=S.ALL,
    ),
    _row(
        "media",
        "download_public",
        "download a file used by a public product",
        **{role.value: S.PUBLIC for role in Role},
    ),
    # -- users and groups ---------------------------------------------------------------
    _row(
        "users",
        "manage",
        "add, edit (password too), deactivate, delete users",
        administrator=S.NON_SUPERUSERS,
        superuser=S.ALL,
    ),
    _row(
        "users",
        "grant_superuser",
        "make a superuser, or edit, deactivate or delete one",
        superuser=S.ALL,
    ),
    _row(
        "users",
        "assign_groups",
        "put users in groups: role groups (the desk's, the plan monitoring's desks), or groups within "
        "the administrator role",
        administrator=S.OTHERS_NOT_SELF,
        superuser=S.ALL,
    ),
    _row(
        "groups",
        "manage_roles",
        "edit or delete role groups (the desk's, by seed_reference; the plan desks, by seed_monitoring)",
        superuser=S.ALL,
    ),
    _row(
        "groups",
        "manage_other",
        "create, edit, delete other groups (no page permissions; nothing the administrator lacks)",
        administrator=S.WITHIN_ADMIN_ROLE,
        superuser=S.ALL,
    ),
    _row(
        "users",
        "unlock_login",
        "see login lockouts and lift one",
        administrator=S.ALL,
        superuser=S.ALL,
    ),
    # -- audit --------------------------------------------------------------------------
    _row(
        "audit",
        "view",
        "see the target-4 audit and its drill-down, export them",
        auditor=S.ALL,
        administrator=S.ALL,
        superuser=S.ALL,
    ),
    _row(
        "audit",
        "settings",
        "change the target band",
        administrator=S.ALL,
        superuser=S.ALL,
    ),
    # -- API ----------------------------------------------------------------------------
    _row(
        "api",
        "read",
        "read /api/v2/ and /api/search/ (live, unrestricted products only; never drafts)",
        **{role.value: S.PUBLIC for role in Role},
    ),
)

MATRIX = {row.key: row for row in ROWS}


def scope(role, key):
    """The scope in which ``role`` may do ``key`` (``"products.publish"``)."""
    return MATRIX[key].cells[Role(role)]


def allowed(role, key):
    return scope(role, key) != Scope.NONE


def as_markdown():
    """The matrix as the README's table."""
    roles = list(Role)
    lines = [
        "| action | " + " | ".join(role.value for role in roles) + " |",
        "|---|" + "---|" * len(roles),
    ]
    for row in ROWS:
        cells = " | ".join(row.cells[role].value for role in roles)
        lines.append(f"| `{row.key}` {row.meaning} | {cells} |")
    return "\n".join(lines)
