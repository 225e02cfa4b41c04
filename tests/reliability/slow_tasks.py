"""A task that only takes time, for tests that need one in flight while something breaks.

Loaded into a test's worker with `celery worker --include tests.reliability.slow_tasks`.
"""

import time

from config.celery import app


@app.task(name="parley.tests.sleep", ignore_result=False)
def sleep(seconds: float) -> float:
    time.sleep(seconds)
    return seconds
