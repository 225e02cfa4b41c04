"""One request per host per interval, across every worker: request slots booked ahead in Redis.

A fetch books the next free slot of its host once (`reserve`) and keeps it: a task whose slot is
far off is queued again for that very time, instead of giving its place up and going to the
back each time (which let one busy feed crawl along at a few items an hour). When the slot
comes, `claim` lets the request go only if the host's last request is at least one interval
old, so a task that comes back late (a busy worker) cannot land close to the next one.

Both steps are Lua scripts, so each is atomic however many workers ask at once, and both read
Redis's clock, so workers whose clocks disagree still agree on the slots. Without Redis (the
quickstart: tasks inline in one process) the same rules hold in the process, under a lock.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from typing import NamedTuple

import redis
from django.conf import settings


class HostBusy(Exception):
    """The host's next free slot is further away than the caller may wait."""

    def __init__(self, wait: float):
        shown = f"{wait:.1f}" if wait < 10 else f"{wait:.0f}"
        super().__init__(f"the next free request slot is {shown} s away")
        self.wait = wait


class Claim(NamedTuple):
    wait: float  # seconds before the request may go; 0 when it may go now (and the slot is taken)
    missed: bool  # the booked time has passed and the host is busy with later bookings


_KEY = "parley:fetch-host:{}"

# KEYS[1]: the host's hash (next: first unbooked slot, last: when the last request went, in ms of
# Redis's clock). ARGV: interval ms, horizon ms. Returns {slot ms, now ms}; slot -1 if too far.
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval, horizon = tonumber(ARGV[1]), tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'next', 'last')
local slot = math.max(now, tonumber(state[1] or 0), tonumber(state[2] or -interval) + interval)
if slot - now > horizon then
    return {-1, now, slot}
end
redis.call('HSET', KEYS[1], 'next', slot + interval)
redis.call('PEXPIRE', KEYS[1], slot - now + 2 * interval)
return {slot, now}
"""

# ARGV: slot ms, interval ms. Returns {ms to wait, now ms}; 0 means the request goes now.
_CLAIM = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local slot, interval = tonumber(ARGV[1]), tonumber(ARGV[2])
if now < slot then
    return {slot - now, now}
end
local state = redis.call('HMGET', KEYS[1], 'next', 'last')
local free = tonumber(state[2] or -interval) + interval
if now < free then
    return {free - now, now}
end
local booked = math.max(tonumber(state[1] or 0), now + interval)
redis.call('HSET', KEYS[1], 'last', now, 'next', booked)
redis.call('PEXPIRE', KEYS[1], booked - now + 2 * interval)
return {0, now}
"""


class RedisSlots:
    """Slots shared by every worker on one Redis."""

    def __init__(self, url: str):
        self.client = redis.Redis.from_url(url)
        self._reserve = self.client.register_script(_RESERVE)
        self._claim = self.client.register_script(_CLAIM)

    def reserve(self, host: str, *, interval: float, horizon: float) -> float:
        """Book the host's next free slot and return its time (seconds, Redis's clock); raise HostBusy past horizon."""
        slot, now, *later = self._reserve(keys=[_KEY.format(host)], args=[_ms(interval), _ms(horizon)])
        if slot < 0:
            raise HostBusy((later[0] - now) / 1000)
        return slot / 1000

    def claim(self, host: str, slot: float, *, interval: float) -> Claim:
        """Take the booked slot if its time has come and the host's last request is one interval old."""
        wait, now = self._claim(keys=[_KEY.format(host)], args=[_ms(slot), _ms(interval)])
        return Claim(wait / 1000, missed=wait > 0 and now >= _ms(slot))

    def seconds_until(self, slot: float) -> float:
        """How far off a booked slot is, on the clock it was booked on."""
        seconds, microseconds = self.client.time()
        return slot - (seconds + microseconds / 1e6)


class LocalSlots:
    """The same rules for one process (tasks inline, no Redis), under a lock."""

    def __init__(self, clock: Callable[[], float] = time.time):
        self.clock = clock
        self.lock = threading.Lock()
        self.hosts: dict[str, dict[str, float]] = {}

    def reserve(self, host: str, *, interval: float, horizon: float) -> float:
        with self.lock:
            now = self.clock()
            state = self.hosts.setdefault(host, {"next": 0.0, "last": -interval})
            slot = max(now, state["next"], state["last"] + interval)
            if slot - now > horizon:
                raise HostBusy(slot - now)
            state["next"] = slot + interval
            return slot

    def claim(self, host: str, slot: float, *, interval: float) -> Claim:
        with self.lock:
            now = self.clock()
            if now < slot:
                return Claim(slot - now, missed=False)
            state = self.hosts.setdefault(host, {"next": 0.0, "last": -interval})
            if now < state["last"] + interval:
                return Claim(state["last"] + interval - now, missed=True)
            state["last"], state["next"] = now, max(state["next"], now + interval)
            return Claim(0.0, missed=False)

    def seconds_until(self, slot: float) -> float:
        return slot - self.clock()


def take_turn(slots: RedisSlots | LocalSlots, host: str, slot: float, *, interval: float, budget: float) -> float:
    """Sleep until the booked slot may be used, then take it; return the time slept.

    Raise HostBusy when that would take more than `budget` seconds of sleep.
    """
    slept = 0.0
    while True:
        claim = slots.claim(host, slot, interval=interval)
        if claim.wait <= 0:
            return slept
        if slept + claim.wait > budget:
            raise HostBusy(claim.wait)
        time.sleep(claim.wait)
        slept += claim.wait


def _ms(seconds: float) -> int:
    return int(round(seconds * 1000))


@functools.cache
def _slots_for(redis_url: str | None) -> RedisSlots | LocalSlots:
    return RedisSlots(redis_url) if redis_url else LocalSlots()


def host_slots() -> RedisSlots | LocalSlots:
    """The slot book this process shares with every other one that fetches."""
    return _slots_for(settings.REDIS_URL)
