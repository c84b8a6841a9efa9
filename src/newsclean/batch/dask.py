"""Run a batch on a Dask cluster: ``newsclean batch ... --dask tcp://scheduler:8786``.

The scheduler's workers run the same ``process_item`` as the local pool, through the
``concurrent.futures`` interface of a ``dask.distributed.Client`` (``client.get_executor()``), so
output records are the same as a local run's. Needs the optional extra: ``pip install 'newsclean[dask]'``.
Every worker needs newsclean installed (the same version) — the pipeline is pickled to it.

>>> run_batch(["pages/"], "out.jsonl", executor=dask_executor(client))      # an open client
>>> with dask_executor("tcp://scheduler:8786") as ex:                       # opened and closed here
...     run_batch(["pages/"], "out.jsonl", executor=ex)
"""
from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Callable
from typing import Any

from newsclean.errors import ConfigError

#: seconds to wait for the scheduler when connecting by address (distributed's own default)
CONNECT_TIMEOUT = 30.0


class DaskExecutor(cf.Executor):
    """A ``concurrent.futures.Executor`` on a Dask cluster; also a context manager, which closes
    the client at the end when it was opened from an address."""

    def __init__(self, client: Any, *, owns_client: bool = False) -> None:
        self.client = client
        self.owns_client = owns_client
        self._executor = client.get_executor()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future:
        return self._executor.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        try:
            self._executor.shutdown(wait=wait)
        finally:
            if self.owns_client:
                self.owns_client = False
                self.client.close()


def dask_executor(address_or_client: Any, *, timeout: float | None = None) -> DaskExecutor:
    """A ``concurrent.futures`` executor on a Dask cluster, usable directly or in a ``with`` block.

    ``address_or_client``: an existing ``dask.distributed.Client``, which is left open, or a
    scheduler address (``tcp://host:8786``): a client is opened here (waiting up to ``timeout``
    seconds, default :data:`CONNECT_TIMEOUT`) and closed when the executor is shut down — use it in
    a ``with`` block. ConfigError when the extra is missing or the scheduler cannot be reached."""
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - exercised only without the extra
        raise ConfigError("--dask needs dask.distributed: pip install 'newsclean[dask]'") from None
    if isinstance(address_or_client, Client):
        return DaskExecutor(address_or_client)
    wait = CONNECT_TIMEOUT if timeout is None else timeout
    try:
        client = Client(address_or_client, timeout=wait, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {address_or_client}: {exc}") from None
    return DaskExecutor(client, owns_client=True)
