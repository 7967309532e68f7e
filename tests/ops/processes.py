"""Scripts run in other processes of a scratch installation (``manage.py shell -c``)."""

import json
import subprocess
import sys

from ops.scratch import PROJECT


def dev_shell(site, code):
    """A ``manage.py shell -c code`` process of ``site`` (stdout and stderr piped)."""
    return subprocess.Popen(  # noqa: S603
        [sys.executable, str(PROJECT / "manage.py"), "shell", "--no-imports", "-c", code],
        env=site.env,
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def shell_result(process, timeout=300):
    """The JSON a ``dev_shell`` script printed on its line starting with ``RESULT ``."""
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err[-3000:]
    assert "Traceback" not in err, err[-3000:]
    return json.loads(next(line for line in out.splitlines() if line.startswith("RESULT "))[7:])
