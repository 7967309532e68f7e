"""The OCR queue: a scan's task on the ``ocr`` backend (django-tasks' database backend).

``manage.py db_worker --backend ocr`` runs the tasks outside the request. A worker killed in the
middle of a scan leaves the scan RUNNING and its task row RUNNING, which no worker takes again:
``resume()`` (``manage.py ocr_scans --resume``, run before the worker starts by ``make run``,
``make serve`` and the systemd unit) queues such scans again; their pages already read are skipped.
One worker process per installation: the resume step takes every RUNNING task as orphaned.
"""

from functools import partial

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus

from digitise import ocr
from digitise.models import Scan, ScanPage
from digitise.pipeline import run_scan

BACKEND = "ocr"


@task(backend=BACKEND)
def ocr_scan(scan_id):
    status = run_scan(scan_id)
    return str(status) if status else None


def enqueue(scan_id):
    """Queue the scan once the current transaction commits (the worker must see the row)."""
    transaction.on_commit(partial(ocr_scan.enqueue, scan_id))


def scan_for(*, document=None, image=None, language=""):
    """The file's scan, created and queued the first time the file is met; None if not a scan."""
    item = document or image
    if item is None or not ocr.scan_kind(item.file.name):
        return None
    lookup = {"document": document} if document is not None else {"image": image}
    scan, created = Scan.objects.get_or_create(**lookup, defaults={"languages": ocr.models_for(language)})
    if created:
        enqueue(scan.pk)
    return scan


def run_again(scan):
    """The admin's "run again": failed pages back to waiting, the scan queued."""
    scan.pages.filter(status=ScanPage.Status.FAILED).update(status=ScanPage.Status.PENDING, error="")
    Scan.objects.filter(pk=scan.pk).update(status=Scan.Status.QUEUED, error="", finished_at=None)
    enqueue(scan.pk)


def _queued_ids():
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(
        backend_name=BACKEND, task_path=ocr_scan.module_path, status=TaskResultStatus.READY
    ).values_list("args_kwargs", flat=True)
    return {args["args"][0] for args in rows if args.get("args")}


def resume():
    """Queue again the scans a killed worker left (RUNNING, or QUEUED with no task waiting);
    the task rows it left RUNNING are marked failed. Returns the scans' ids."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(backend_name=BACKEND, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now()
    )
    waiting = _queued_ids()
    ids = [
        pk
        for pk in Scan.objects.filter(status__in=[Scan.Status.QUEUED, Scan.Status.RUNNING]).values_list(
            "pk", flat=True
        )
        if pk not in waiting
    ]
    for pk in ids:
        ocr_scan.enqueue(pk)
    return ids
