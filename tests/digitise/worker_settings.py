"""Settings for the processes of the worker test: the test settings, with the media and private
folders the test gives (the test settings make a new temporary folder per process)."""

import os
from pathlib import Path

from cms.settings.test import *  # noqa: F403

MEDIA_ROOT = os.environ["OCR_TEST_MEDIA"]
MONITORING_PRIVATE_ROOT = Path(os.environ["OCR_TEST_PRIVATE"])
