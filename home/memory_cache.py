"""The page cache's default store: this process's memory, bounded in bytes.

Django's ``LocMemCache`` bounds the number of entries, not their size. Pages differ in size
(a product with a long transcript, a page for readers who do not take gzip), and a reader can
ask for as many different pages as there are search words: 5,000 entries came to about
250 MB per worker. Here every entry is counted by what it holds (the pickled page, its key and
a fixed overhead for the dictionaries' slots), and the least recently read entries make room
for a new one; ``MAX_BYTES`` is the budget (``PORTAL_PAGE_CACHE_MAX_BYTES``). A page larger than
the whole budget is not stored. The bound is on what the cache holds; the process's resident
memory also carries the allocator's slack.
"""

import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
ENTRY_OVERHEAD = 300  # bytes per entry besides the page and its key: dict slots, the expiry, the size

# Like LocMemCache's own stores, shared by every instance of one name in this process.
_sizes = {}  # name -> {key: bytes counted for the entry}
_totals = {}  # name -> [bytes counted for all entries]


class ByteBoundedLocMemCache(LocMemCache):
    """``LocMemCache`` whose entries together stay within ``OPTIONS["MAX_BYTES"]``."""

    def __init__(self, name, params):
        super().__init__(name, params)
        self.max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", DEFAULT_MAX_BYTES))
        self._sizes = _sizes.setdefault(name, {})
        self._total = _totals.setdefault(name, [0])

    @property
    def stored_bytes(self):
        """The bytes counted for everything held now (never more than ``max_bytes``)."""
        return self._total[0]

    def _set(self, key, value, timeout=DEFAULT_TIMEOUT):
        self._delete(key)
        size = len(key) + len(value) + ENTRY_OVERHEAD
        if size > self.max_bytes:
            return
        while self._cache and (
            self._total[0] + size > self.max_bytes or len(self._cache) >= self._max_entries
        ):
            self._delete(next(reversed(self._cache)))  # the least recently read (LocMemCache's order)
        super()._set(key, value, timeout)
        self._sizes[key] = size
        self._total[0] += size

    def _delete(self, key):
        deleted = super()._delete(key)
        if deleted:
            self._total[0] -= self._sizes.pop(key)
        return deleted

    def _cull(self):
        """Not reached (``_set`` makes room itself); kept consistent for LocMemCache's callers."""
        for _ in range(len(self._cache) // max(self._cull_frequency, 1)):
            self._delete(next(reversed(self._cache)))

    def clear(self):
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            self._sizes.clear()
            self._total[0] = 0

    def incr(self, key, delta=1, version=None):
        """As ``LocMemCache.incr`` (which writes the store directly), with the new value counted
        like any other entry and its expiry kept."""
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(self._cache[key]) + delta  # noqa: S301 -- this process's own pickles
            expiry = self._expire_info[key]
            self._set(key, pickle.dumps(value, self.pickle_protocol))
            self._expire_info[key] = expiry
        return value
