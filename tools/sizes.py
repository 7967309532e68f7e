"""Modules and functions that have grown past what fits in a head (issue 18).

    python tools/sizes.py [ROOT]

Lists every Python module over ``MAX_MODULE_LINES`` lines and every function (or method) over
``MAX_FUNCTION_LINES`` lines, outside migrations, tests and the virtualenv, and exits 1 when
there is one. A function's length runs from its ``def`` (decorators not counted) to its last
line, docstring included: what a reader has to hold.
"""

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 50
SKIPPED_DIRS = {".venv", "venv", "node_modules", "migrations", "tests", ".git", "static", "media"}


def python_files(root):
    for path in sorted(Path(root).rglob("*.py")):
        if not SKIPPED_DIRS.intersection(path.relative_to(root).parts):
            yield path


@dataclass(frozen=True)
class Offender:
    path: str  # relative to the root, with "/"
    name: str  # the function's name; "" for a module
    line: int
    length: int

    @property
    def key(self):
        """What an allow-list names: "path" for a module, "path name" for a function."""
        return f"{self.path} {self.name}" if self.name else self.path

    def __str__(self):
        if self.name:
            where = f"{self.path}:{self.line} {self.name}"
            return f"{where}: {self.length} lines (function, max {MAX_FUNCTION_LINES})"
        return f"{self.path}: {self.length} lines (module, max {MAX_MODULE_LINES})"


def offenders(root):
    """The modules, then the functions, over their limit under ``root``; largest first."""
    root = Path(root)
    modules, functions = [], []
    for path in python_files(root):
        name = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        if lines > MAX_MODULE_LINES:
            modules.append(Offender(name, "", 1, lines))
        for node in ast.walk(ast.parse(text, filename=name)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    functions.append(Offender(name, node.name, node.lineno, length))

    def by_length(offender):
        return (-offender.length, offender.path, offender.line)

    return sorted(modules, key=by_length) + sorted(functions, key=by_length)


def main(argv):
    root = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parent.parent)
    found = offenders(root)
    for offender in found:
        print(offender)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
