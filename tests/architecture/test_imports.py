"""The apps depend on each other in one direction only (docs/architecture.md).

Every ``import`` of every module of the project's apps is read with ``ast`` (those inside
functions too, which hide links best), and each arrow from one app to another must be one
the architecture allows. A new app must be placed in ``ALLOWED`` and in the document.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# app -> the apps it may import. cms (settings, URLs) knows the apps; nobody imports cms.
ALLOWED = {
    "cms": {"home", "products", "search", "audit", "monitoring", "ops", "oai", "harvesting", "digitise"},
    "home": {"products", "search"},
    "products": set(),
    "search": {"products", "harvesting", "digitise"},
    "audit": {"products"},
    "monitoring": {"products", "audit"},
    "ops": {"products", "search"},
    "oai": {"products"},
    "harvesting": set(),
    "digitise": {"products"},
    "tools": set(),
}
NOT_APPS = {"tests", "bench", "locale", "docs", "var", "node_modules", "static", "media"}


def project_packages():
    """Top-level folders that are Python packages (an ``__init__.py``)."""
    return sorted(
        path.name
        for path in ROOT.iterdir()
        if path.is_dir() and (path / "__init__.py").exists() and path.name not in NOT_APPS
    )


def imported_modules(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield node.lineno, [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, [node.module]


def arrows():
    """(importing app, imported app, "file:line") for every import between two apps."""
    apps = set(project_packages())
    for app in sorted(apps):
        for path in sorted((ROOT / app).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for line, names in imported_modules(tree):
                for name in names:
                    target = name.split(".")[0]
                    if target in apps and target != app:
                        yield app, target, f"{path.relative_to(ROOT)}:{line}"


def test_every_app_has_its_place_in_the_architecture():
    unplaced = set(project_packages()) - set(ALLOWED)
    assert not unplaced, f"new apps {unplaced}: add them to ALLOWED and to docs/architecture.md"


def test_imports_follow_the_allowed_arrows():
    wrong = [f"{where}: {app} → {target}" for app, target, where in arrows() if target not in ALLOWED[app]]
    assert not wrong, "imports against docs/architecture.md:\n" + "\n".join(wrong)


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_documented_arrows_equal_the_allowed_ones(app):
    """The drawing in docs/architecture.md lists the same arrows as ALLOWED."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    line = next((row for row in text.splitlines() if row.startswith(f"| `{app}` |")), None)
    assert line is not None, f"docs/architecture.md has no row for {app}"
    documented = {name.strip(" `") for name in line.split("|")[2].split(",") if name.strip(" `—")}
    assert documented == ALLOWED[app]


def test_the_checker_sees_a_wrong_arrow(tmp_path):
    """The parser finds imports inside functions, which is where cycles hide."""
    source = "def f():\n    from cms.urls import urlpatterns\n    import search.queue\n"
    found = [names for _line, names in imported_modules(ast.parse(source))]
    assert found == [["cms.urls"], ["search.queue"]]
