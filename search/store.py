"""The embedded engine's index on disk: which generation is live, readers, one writer at a time.

Each database has its own folder in ``SEARCH_INDEX_DIR`` (``db-<key>/``: ``search.owner``).
That folder holds one Tantivy index per *generation* (``g-<time>-<random>/``) and a
file ``CURRENT`` naming the live one. A rebuild fills a new generation while searches and
writes go on in the live one, then replaces ``CURRENT`` in one atomic rename: no search
ever sees an empty or half-built index.

Every process opens the live generation read-only and looks at two file stamps per search
(``CURRENT`` and the index's ``meta.json``, rewritten by every commit), so a write or a
swap made by any process is seen by the next search of every other one.

After each commit to the live generation and each swap, ``announce()`` sends ``index_changed``:
what was read from the index and kept (the portal's cached search pages) is out of date.
``version()`` names the live index as it is now on this host, for keys of such copies.

Tantivy allows one ``IndexWriter`` per index, guarded by a lock file that the operating
system releases when its process dies (even by SIGKILL). ``writer()`` takes it for one
batch of writes, waiting (with back-off) while another process holds it; the queue in the
database (``search.queue``) makes sure that nothing waiting is lost.
"""

import fcntl
import logging
import os
import shutil
import threading
import time
import uuid
from contextlib import contextmanager

import tantivy
from django.dispatch import Signal

from search import owner
from search.schema import build_schema

CURRENT = "CURRENT"
WRITER_HEAP = 16_000_000  # bytes of indexing buffer per writer: Tantivy wants at least 15 MB
LOCK_WAIT = 3.0  # seconds a writer waits for another one before leaving its work to it

logger = logging.getLogger(__name__)
# Sent (sender None) after a commit to the live generation or a swap of generations.
index_changed = Signal()
_open = {}  # generation path -> OpenIndex
_open_lock = threading.Lock()
_writer_locks = {}  # generation path -> threading.Lock: threads of a process take turns


class WriterBusy(Exception):
    """Another process held the index writer for longer than we were willing to wait."""


class RebuildRunning(Exception):
    """Another process is rebuilding the index."""


class IndexUnavailable(Exception):
    """The live index cannot be opened: its folder is unusable, belongs to another database,
    or was built with another schema. Searches answer 503 with a message, ``/health/`` names
    the reason."""


class IndexOutdated(IndexUnavailable):
    """The live generation was built by a version of this code with another schema."""


def root():
    """This database's index folder (``SEARCH_INDEX_DIR/db-<key>``: ``search.owner``)."""
    return owner.index_folder()


def _stamp(path):
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def open_index(path):
    """A Tantivy index at ``path`` (created when missing) with our tokenizer registered."""
    path.mkdir(parents=True, exist_ok=True)
    try:
        index = tantivy.Index(build_schema(), str(path), reuse=True)
    except ValueError as exc:
        if "schema does not match" not in str(exc):
            raise
        raise IndexOutdated(f"{path} has another schema: run manage.py rebuild_archive_index") from exc
    # Words are prepared in Python (search.text): the index only splits on spaces and
    # keeps every token whole (Tantivy's own "whitespace" drops tokens over 40 bytes).
    index.register_tokenizer("words", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())
    index.config_reader(reload_policy="manual")
    return index


class OpenIndex:
    """A generation opened by this process, reloaded when its ``meta.json`` changes."""

    def __init__(self, path):
        self.path = path
        self.index = open_index(path)
        self.meta = _stamp(path / "meta.json")

    def fresh(self):
        meta = _stamp(self.path / "meta.json")
        if meta != self.meta:
            self.index.reload()
            self.meta = meta
        return self.index


def current_name():
    try:
        return (root() / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return ""


@contextmanager
def _file_lock(name, wait=True):
    root().mkdir(parents=True, exist_ok=True)
    with open(root() / name, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RebuildRunning(f"{root()}: another rebuild is running") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _dir_lock():
    """Serialises creating the first generation and swapping generations between processes."""
    return _file_lock(".swap.lock")


def rebuild_lock():
    """Held for a whole rebuild: a second one at the same time fails at once (it would delete
    the first one's new generation when it swaps)."""
    return _file_lock(".rebuild.lock", wait=False)


def new_generation():
    """The path of a new, empty generation (not live until ``make_current``)."""
    name = f"g-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    path = root() / name
    open_index(path)
    return path


def make_current(path):
    """Make the generation at ``path`` the live one, in one atomic rename."""
    with _dir_lock():
        temp = root() / f".{CURRENT}.{uuid.uuid4().hex}"
        temp.write_text(path.name, encoding="utf-8")
        os.replace(temp, root() / CURRENT)
    announce()


def announce():
    """Send ``index_changed``; a listener's failure is logged, never raised (the index is written)."""
    for receiver, result in index_changed.send_robust(sender=None):
        if isinstance(result, Exception):
            logger.error("Archive index: %s failed on index_changed: %r", receiver, result)


_versions = {}  # root -> (stamp of CURRENT, generation name) as version() last read it


def version():
    """This host's live index as it is now: changes with every commit and every swap.

    Two ``stat`` calls (``CURRENT`` and the live generation's ``meta.json``, which Tantivy
    rewrites on every commit); the index is not opened.
    """
    folder = os.fspath(root())  # strings, not Paths: this runs on every cached search
    try:
        stamp = _stamp(os.path.join(folder, CURRENT))
    except OSError:  # an unusable folder: the search answers 503 (never cached), not this 500
        return "unavailable"
    known = _versions.get(folder)
    if known is None or known[0] != stamp:
        known = _versions[folder] = (stamp, current_name())
    meta = _stamp(os.path.join(folder, known[1], "meta.json")) if known[1] else None
    return f"{known[1] or 'none'}.{'-'.join(map(str, meta or ()))}"


def remove_old_generations():
    """Delete every generation but the live one. Processes that still have one open keep
    reading it (its files stay until they close them) and switch at their next search."""
    with _dir_lock():
        live = current_name()
        for other in root().glob("g-*"):
            if other.name != live:
                shutil.rmtree(other, ignore_errors=True)


def _ensure_current():
    owner.claim(root())
    name = current_name()
    if name and (root() / name / "meta.json").exists():
        return name
    with _dir_lock():
        name = current_name()
        if not (name and (root() / name / "meta.json").exists()):
            name = new_generation().name
            temp = root() / f".{CURRENT}.{uuid.uuid4().hex}"
            temp.write_text(name, encoding="utf-8")
            os.replace(temp, root() / CURRENT)
    return name


def opened(path):
    """The OpenIndex of the generation at ``path`` in this process (opened once)."""
    found = _open.get(path)
    if found is None:
        with _open_lock:
            found = _open.get(path)
            if found is None:
                found = _open[path] = OpenIndex(path)
                _writer_locks.setdefault(path, threading.Lock())
    return found


_live = {}  # root -> (stamp of CURRENT, generation name) as this process last read it


def current():
    """(generation name, tantivy.Index) of the live generation, reloaded to its last commit.

    Two ``stat`` calls when nothing changed: ``CURRENT`` and the generation's ``meta.json``.
    """
    folder = root()
    try:
        stamp = _stamp(folder / CURRENT)
        known = _live.get(folder)
        if stamp is None or known is None or known[0] != stamp:
            name = _ensure_current()
            _live[folder] = known = (_stamp(folder / CURRENT), name)
            with _open_lock:  # forget generations a rebuild has replaced
                for stale in [p for p in _open if p.parent == folder and p.name != name and not p.exists()]:
                    del _open[stale]
        path = folder / known[1]
        return known[1], opened(path).fresh()
    except IndexUnavailable:
        raise
    except (OSError, ValueError, owner.IndexForeign) as exc:  # ValueError: Tantivy's, a damaged index
        raise IndexUnavailable(f"the archive index at {folder} cannot be opened: {exc}") from exc


def _take_writer(index, deadline):
    delay = 0.01
    while True:
        try:
            return index.writer(heap_size=WRITER_HEAP, num_threads=1)
        except ValueError as exc:
            if "LockBusy" not in str(exc):
                raise
            if time.monotonic() > deadline:
                raise WriterBusy(str(exc)) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


@contextmanager
def writer(path=None, wait=LOCK_WAIT):
    """The writer of the live generation (or of the one at ``path``), for a batch of writes.

    Waits up to ``wait`` seconds for another writer, then raises ``WriterBusy``. The caller
    commits; leaving on an exception rolls back; on leaving, merges finish and the lock is
    released.
    """
    deadline = time.monotonic() + wait
    while True:
        target = path or root() / _ensure_current()
        index = opened(target).fresh()
        lock = _writer_locks[target]
        if not lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise WriterBusy("another thread of this process is writing")
        try:
            handle = _take_writer(index, deadline)
        except BaseException:
            lock.release()
            if path is None and not target.exists():
                continue  # a rebuild swapped it out and removed it meanwhile
            raise
        if path is not None or target.name == current_name():
            break
        handle.wait_merging_threads()  # a rebuild made another generation live meanwhile
        lock.release()
    try:
        yield handle
    except BaseException:
        handle.rollback()
        raise
    finally:
        handle.wait_merging_threads()  # merges finish, the lock file is released
        lock.release()
