"""Resident memory of this process and its children, read from /proc (Linux).

Used by bench/throughput.py and bench/memory.py: pool workers and Spark's Python
workers are children, so a figure for the process alone would hide them.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Self

PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20


def process_rss_mb(pid: int) -> float:
    """Resident memory of one process in MB; 0 once it has exited."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_MB
    except (OSError, IndexError, ValueError):
        return 0.0


def descendants(pid: int) -> list[int]:
    """Every live process below ``pid``."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        below = children.get(todo.pop(), [])
        found += below
        todo += below
    return found


def tree_rss_mb(pid: int | None = None) -> tuple[float, list[float]]:
    """(RSS of ``pid``, RSS of each of its descendants) in MB."""
    pid = pid or os.getpid()
    return process_rss_mb(pid), [process_rss_mb(c) for c in descendants(pid)]


class _Sampler:
    """Calls ``read()`` every ``every`` seconds in a thread while in a ``with`` block."""

    def __init__(self, every_seconds: float) -> None:
        self.every = every_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def read(self) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        while True:
            self.read()
            if self._stop.wait(self.every):
                return

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


class PeakRss(_Sampler):
    """Samples the RSS of this process tree in a thread; ``peak_mb`` is the largest sum
    seen, ``peak_process_mb`` the largest single process."""

    def __init__(self, every_seconds: float = 0.25) -> None:
        super().__init__(every_seconds)
        self.peak_mb = self.peak_process_mb = 0.0

    def read(self) -> None:
        own, children = tree_rss_mb()
        self.peak_mb = max(self.peak_mb, own + sum(children))
        self.peak_process_mb = max(self.peak_process_mb, own, *children)


class ChildPeaks(_Sampler):
    """Samples each child process's RSS in a thread; ``take()`` gives, per child pid, the
    largest RSS seen since the last call. A worker that hands memory back after each
    batch sits low between batches and high inside one, so a single reading is noise;
    the peak over a stretch of the run is what it needs."""

    def __init__(self, every_seconds: float = 0.5) -> None:
        super().__init__(every_seconds)
        self._peaks: dict[int, float] = {}
        self._lock = threading.Lock()

    def read(self) -> None:
        readings = {pid: process_rss_mb(pid) for pid in descendants(os.getpid())}
        with self._lock:
            for pid, mb in readings.items():
                self._peaks[pid] = max(self._peaks.get(pid, 0.0), mb)

    def take(self) -> dict[int, float]:
        with self._lock:
            peaks, self._peaks = self._peaks, {}
        return peaks
