"""Podcast benchmark: a programme feed of 1,000 episodes uncached, and seeking in a 100 MB audio file.

    .venv/bin/python bench/podcast_bench.py                       # scratch SQLite
    .venv/bin/python bench/podcast_bench.py --database-url postgres://ttnq:ttnq@127.0.0.1:5432/ttnq_podcastbench

Imports ``--episodes`` Bahnar radio features of Đài PT-TH through the importer (the generated
archive's rows, ``bench/archive_rows.py``, each with a small MP3 and a transcript) and one more
with a 100 MB MP3, into a scratch database and media folder. Then starts gunicorn (production
settings, one worker, one thread, the page cache off: every feed request is built anew) and
times over HTTP
- the programme feed ``/bdq/podcasts/dai-ptth-kon-tum/radio-feature/rss/`` (all episodes),
- a seek in the 100 MB file: ``Range: bytes=N-`` at a random N, as a player sends it, timed to
  the 206 status line and the first 64 KB (the player starts playing there and reads on);
  and a 1 MB range ``bytes=N-(N+1 MB)`` timed to its last byte.
Each request on a new connection; p50 and p95 over ``--runs``. Client and server share the cores.
The scratch SQLite file and media folder live in the temporary folder (``TMPDIR``: give each
person their own on a shared machine); ``--reuse`` keeps an archive of the right size there.
"""

import argparse
import http.client
import os
import random
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import archive_rows  # noqa: E402 - the generated archive
import search_bench  # noqa: E402 - its scratch database and percentile

DB = Path(tempfile.gettempdir()) / "ttnq_podcast_bench.sqlite3"
MEDIA = Path(tempfile.gettempdir()) / "ttnq_podcast_bench_media"
FEED = "/bdq/podcasts/dai-ptth-kon-tum/radio-feature/rss/"
BIG = 100 * 1024 * 1024
MB = 1024 * 1024


def setup_django(url):
    os.environ["MEDIA_ROOT"] = str(MEDIA)
    search_bench.DB = DB  # fresh_database() deletes and recreates this file
    search_bench.INDEX = Path(tempfile.gettempdir()) / "ttnq_podcast_bench_index"
    search_bench.setup_django(url or f"sqlite:///{DB}", search_bench.INDEX)


def episode_rows(n):
    for number, row in enumerate(archive_rows.rows(n + 1), start=0):
        row.update(language="bdq", unit="dai-ptth-kon-tum", format="radio-feature")
        row.update(transcript=row["summary"], files=["seek.mp3" if number == 0 else "episode.mp3"])
        yield row


def build(n):
    import json
    import shutil

    from products.importing.run import run_import

    search_bench.fresh_database()
    shutil.rmtree(MEDIA, ignore_errors=True)
    files = Path(tempfile.mkdtemp(prefix="ttnq_podcast_files_"))
    (files / "episode.mp3").write_bytes(b"ID3" + secrets.token_bytes(4096))
    with open(files / "seek.mp3", "wb") as big:
        for _ in range(BIG // MB):
            big.write(secrets.token_bytes(MB))
    path = files / "episodes.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for row in episode_rows(n):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    started = time.perf_counter()
    result = run_import(str(path), files_dir=str(files), progress=False)
    assert result.ok and result.created == n + 1, result.summary()
    shutil.rmtree(files)
    print(f"  {n + 1:,} episodes imported in {time.perf_counter() - started:.0f} s")


def start_server(url, port):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(MEDIA),
        "STATIC_ROOT": str(MEDIA.parent / "ttnq_podcast_bench_static"),
        "PORTAL_PAGE_CACHE_SECONDS": "0",
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "1",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "LOG_LEVEL": "WARNING",
    }
    for command in (["createcachetable"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)  # noqa: S603
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "cms/gunicorn.conf.py", "cms.wsgi:application"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.STDOUT}
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, **quiet)  # noqa: S603
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2)  # noqa: S310
            return server
        except urllib.error.HTTPError:
            return server  # it answers (503 when the search index is degraded is fine here)
        except OSError:
            time.sleep(0.2)
    os.killpg(server.pid, signal.SIGTERM)
    raise SystemExit("gunicorn did not answer within 30 s")


def timed(port, path, headers=None, read=None):
    """Seconds to the answer's status and ``read`` bytes of its body (None: all); the answer."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.perf_counter()
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read(read) if read else response.read()
    seconds = time.perf_counter() - started
    connection.close()
    return seconds, response, body


def report(label, seconds):
    p50, p95 = (search_bench.percentile(seconds, p) * 1000 for p in (50, 95))
    print(f"  {label}: p50 {p50:.0f} ms, p95 {p95:.0f} ms ({len(seconds)} requests)")


def bench(port, seek_path, runs):
    _, response, body = timed(port, FEED)
    assert response.status == 200, response.status
    print(f"  feed: {body.count(b'<item>'):,} episodes, {len(body) / 1024:.0f} KB")
    report("feed, uncached", [timed(port, FEED)[0] for _ in range(runs)])
    rng = random.Random(7)
    opened, ranged = [], []
    for _ in range(runs):
        start = rng.randrange(0, BIG - MB)
        seconds, response, body = timed(port, seek_path, {"Range": f"bytes={start}-"}, read=64 * 1024)
        assert response.status == 206 and len(body) == 64 * 1024, response.status
        opened.append(seconds)
        seconds, response, body = timed(port, seek_path, {"Range": f"bytes={start}-{start + MB - 1}"})
        assert response.status == 206 and len(body) == MB, response.status
        ranged.append(seconds)
    report("seek bytes=N- (status + first 64 KB)", opened)
    report("seek bytes=N-(N+1 MB) (whole range)", ranged)


def main():
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--episodes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--reuse", action="store_true", help="keep the archive if it has that many episodes")
    args = parser.parse_args()
    setup_django(args.database_url)
    from django.db import connections
    from wagtailmedia.models import get_media_model

    if not (args.reuse and archive_rows.archive_size() == args.episodes + 1):
        build(args.episodes)
    seek = get_media_model().objects.get(file__endswith=".mp3", title__startswith="seek")
    seek_path = seek.file.url
    connections.close_all()
    from ops.scratch import free_port

    port = free_port()
    server = start_server(os.environ["DATABASE_URL"], port)
    try:
        bench(port, seek_path, args.runs)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
