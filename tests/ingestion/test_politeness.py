"""The per-host slot book: one request per host per interval, across callers, on Redis and in-process.

The Redis book is tested on the test Redis under host names of its own; the in-process one is
what runs when tasks run inline. Both follow the same rules, so each test runs on both.
"""

from __future__ import annotations

import threading
import time
import uuid

import pytest
from django.conf import settings

from apps.ingestion.politeness import HostBusy, LocalSlots, RedisSlots

# Long enough that a stalled test machine cannot make one caller's turn overtake the next one's.
INTERVAL = 1.0


def take(slots, host: str, slot: float) -> float:
    """Claim a booked slot, waiting as told; return when the request was let go."""
    for _ in range(10):
        claim = slots.claim(host, slot, interval=INTERVAL)
        if claim.wait == 0:
            return time.time()
        time.sleep(claim.wait)
    raise AssertionError("the slot was never let go")


@pytest.fixture(params=["redis", "in-process"])
def slots(request):
    if request.param == "in-process":
        yield LocalSlots()
        return
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set (tasks run inline)")
    book = RedisSlots(settings.REDIS_URL)
    yield book
    book.client.close()


@pytest.fixture
def host():
    return f"host-{uuid.uuid4().hex}.parley-test.invalid"


def test_each_caller_gets_the_next_slot_one_interval_after_the_last(slots, host):
    booked = [slots.reserve(host, interval=INTERVAL, horizon=60) for _ in range(4)]

    gaps = [round(b - a, 3) for a, b in zip(booked, booked[1:])]
    assert gaps == [INTERVAL] * 3
    assert booked[0] <= time.time() + 0.01, "an idle host's first slot is now"
    other = slots.reserve("other-" + host, interval=INTERVAL, horizon=60)
    assert other < booked[1], "another host is not held up"


def test_a_booked_slot_is_kept_until_its_time_and_then_taken_once(slots, host):
    first = slots.reserve(host, interval=INTERVAL, horizon=60)
    second = slots.reserve(host, interval=INTERVAL, horizon=60)

    went = take(slots, host, first)
    early = slots.claim(host, second, interval=INTERVAL)
    assert 0 < early.wait <= INTERVAL and not early.missed, "too early: wait for the slot, which stays booked"
    assert take(slots, host, second) >= went + INTERVAL - 0.01
    third = slots.reserve(host, interval=INTERVAL, horizon=60)
    assert third - second >= INTERVAL - 0.001, "nobody was handed the slot meanwhile"


def test_a_late_request_holds_the_next_one_back_so_they_never_come_closer_than_the_interval(slots, host):
    late = slots.reserve(host, interval=INTERVAL, horizon=60)
    on_time = slots.reserve(host, interval=INTERVAL, horizon=60)
    time.sleep(max(0.0, late + INTERVAL / 2 - time.time()))  # the first holder comes back half an interval late

    before_late_request = time.time()
    assert slots.claim(host, late, interval=INTERVAL).wait == 0
    time.sleep(max(0.0, on_time - time.time()))
    held_back = slots.claim(host, on_time, interval=INTERVAL)

    assert held_back.missed, "its time has come, but the host had a request less than an interval ago"
    assert 0 < held_back.wait <= INTERVAL
    assert take(slots, host, on_time) >= before_late_request + INTERVAL - 0.01
    assert slots.reserve(host, interval=INTERVAL, horizon=60) >= before_late_request + 2 * INTERVAL - 0.01, "new bookings follow"


def test_a_slot_beyond_the_horizon_is_refused_and_not_booked(slots, host):
    for _ in range(5):
        slots.reserve(host, interval=INTERVAL, horizon=60)

    with pytest.raises(HostBusy) as busy:
        slots.reserve(host, interval=INTERVAL, horizon=INTERVAL * 2)
    assert INTERVAL * 3 < busy.value.wait <= INTERVAL * 5 + 0.01
    assert slots.reserve(host, interval=INTERVAL, horizon=60) - time.time() <= INTERVAL * 5 + 0.01, "the refused call booked nothing"


def test_many_callers_at_once_get_distinct_slots_one_interval_apart(slots, host):
    booked: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def caller():
        start.wait()
        for _ in range(10):
            slot = slots.reserve(host, interval=0.2, horizon=600)
            with lock:
                booked.append(slot)

    threads = [threading.Thread(target=caller) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    booked.sort()
    assert len(booked) == 80
    assert {round(b - a, 3) for a, b in zip(booked, booked[1:])} == {0.2}


def test_the_redis_book_forgets_an_idle_host(host):
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set (tasks run inline)")
    book = RedisSlots(settings.REDIS_URL)
    slot = book.reserve(host, interval=0.05, horizon=60)
    book.claim(host, slot, interval=0.05)
    key = f"parley:fetch-host:{host}"

    assert 0 < book.client.pttl(key) <= 150
    time.sleep(0.2)
    assert not book.client.exists(key)
    book.client.close()
