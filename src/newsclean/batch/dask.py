"""Run a batch on a Dask cluster: ``newsclean batch ... --dask tcp://scheduler:8786``.

The scheduler's workers run the same ``process_item`` as the local pool, through the
``concurrent.futures`` interface of a ``dask.distributed.Client`` (``client.get_executor()``), so
output records are the same as a local run's. Needs the optional extra: ``pip install 'newsclean[dask]'``.
Every worker needs newsclean installed (the same version) — the pipeline is pickled to it.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

from newsclean.errors import ConfigError


@contextmanager
def dask_executor(address_or_client: Any, *, timeout: float = 30.0) -> Iterator[Any]:
    """A ``concurrent.futures``-style executor on a Dask cluster.

    ``address_or_client``: a scheduler address (``tcp://host:8786``) — a client is opened and closed
    here — or an existing ``dask.distributed.Client``, which is left open."""
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - exercised only without the extra
        raise ConfigError("--dask needs dask.distributed: pip install 'newsclean[dask]'") from None
    if isinstance(address_or_client, Client):
        yield address_or_client.get_executor()
        return
    try:
        client = Client(address_or_client, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {address_or_client}: {exc}") from None
    try:
        yield client.get_executor()
    finally:
        client.close()
