"""The per-article analysis as a map on a Dask cluster, with a time limit on every call.

Dask's own timeouts do not cover every way a scheduler can fail: a server that
accepts the connection and never answers hangs `Client()` for ever, one that
answers with garbage makes it allocate exabytes, and a scheduler with no
workers holds every task. So each call runs under a deadline of ours, and every
failure becomes a one-line error naming the scheduler.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from typing import Any

from .analysis import BATCH_ARTICLES, Progress, analyse_batch, batches_of, max_workers
from .errors import UserError
from .models import Article
from .outline import Actor

# Connecting (and the handshake) to a reachable scheduler takes well under a second.
CONNECT_SECONDS = 10.0
# A scheduler that has no worker after this long is not about to get one.
WORKERS_SECONDS = 30.0
# One batch of BATCH_ARTICLES articles takes a worker about a second (a 5 MB
# article about ten); no batch finishing in this long means the cluster is stuck.
PROGRESS_SECONDS = 300.0
# Closing the client: it may wait on a scheduler that has gone.
CLOSE_SECONDS = 5.0

FIX = "check the address (tcp://host:port), that the scheduler runs and has workers"


def _within(seconds: float, call: Callable[[], Any], what: str) -> Any:
    """`call()` in a helper thread, given up after `seconds` (the thread is a daemon
    and Dask's event loop thread is too, so an abandoned call does not keep the
    process alive)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=run, name=f"brief: {what}", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise TimeoutError(f"no answer in {seconds:.0f} s")
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _connect(scheduler: str) -> Any:
    from dask.distributed import Client

    try:
        client = _within(CONNECT_SECONDS,
                         lambda: Client(scheduler, timeout=f"{CONNECT_SECONDS:.0f}s"),
                         "connect")
    except MemoryError:  # a server sending garbage: Dask reads it as a huge frame length
        raise UserError("--scheduler", f"{scheduler} answered with data that is not the "
                        "Dask protocol", FIX) from None
    except Exception as exc:  # noqa: BLE001 - whatever fails here, the scheduler is at fault
        raise UserError("--scheduler", f"cannot reach Dask scheduler {scheduler} "
                        f"({type(exc).__name__}: {str(exc)[:200]})", FIX) from None
    try:
        _within(WORKERS_SECONDS + 1, lambda: client.wait_for_workers(
            1, timeout=WORKERS_SECONDS), "wait for workers")
    except Exception:  # noqa: BLE001 - a timeout or a lost scheduler
        _close(client)
        raise UserError("--scheduler", f"Dask scheduler {scheduler} has no worker after "
                        f"{WORKERS_SECONDS:.0f} s", FIX) from None
    return client


def _close(client: Any) -> None:
    # closing is best effort: the results are in
    with contextlib.suppress(Exception):
        _within(CLOSE_SECONDS + 1, lambda: client.close(timeout=CLOSE_SECONDS), "close")


def _gather(client: Any, batches: list[Sequence[Article]], actors: tuple[Actor, ...],
            where: str, progress: Progress | None, done: int, total: int
            ) -> list[dict[str, Any]]:
    from dask.distributed import wait

    # (not `actors=`: Client.map has a parameter of that name, for Dask actors)
    futures = client.map(analyse_batch, batches, [actors] * len(batches), pure=False)
    order = {future.key: i for i, future in enumerate(futures)}
    results: list[list[dict[str, Any]] | None] = [None] * len(futures)
    pending = set(futures)
    while pending:
        try:
            finished, pending = wait(list(pending), timeout=PROGRESS_SECONDS,
                                     return_when="FIRST_COMPLETED")
        except TimeoutError:
            raise UserError("--engine dask", f"no batch of articles finished on {where} in "
                            f"{PROGRESS_SECONDS:.0f} s", FIX) from None
        for future in sorted(finished, key=lambda f: order[f.key]):
            records = future.result(timeout=PROGRESS_SECONDS)
            results[order[future.key]] = records
            done += len(records)
            if progress:
                progress(done, total)
    return [record for batch in results for record in (batch or [])]


def run_on_dask(todo: Sequence[Article], actors: tuple[Actor, ...], jobs: int,
                scheduler: str | None, progress: Progress | None, done_before: int,
                total: int) -> list[dict[str, Any]]:
    """Records of `todo`, in order, analysed on the cluster at `scheduler` (or on a
    local cluster of `jobs` workers)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UserError("--engine dask", "Dask is not installed",
                        "install it with `pip install 'brief[dask]'`") from None
    cluster = None
    if scheduler:
        client = _connect(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, min(jobs, max_workers())),
                               threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    where = f"Dask scheduler {scheduler}" if scheduler else "the local Dask cluster"
    try:
        return _gather(client, batches_of(todo, BATCH_ARTICLES), actors, where, progress,
                       done_before, total)
    except (OSError, EOFError) as exc:  # the connection to the scheduler was lost
        raise UserError("--engine dask", f"lost {where} ({type(exc).__name__}: {exc})",
                        FIX) from None
    finally:
        _close(client)
        if cluster is not None:
            cluster.close()
