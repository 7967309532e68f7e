"""The one JSON logging configuration: Django's (production settings) and gunicorn's own lines.

One object per line on stdout, for journald or any collector, with the same field names from
the application and from the server.
"""


def json_logging(level, loggers):
    """A ``logging.config.dictConfig`` dict: the root at ``level``, plus ``loggers`` as given."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            }
        },
        "handlers": {
            "stdout": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"}
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": loggers,
    }
