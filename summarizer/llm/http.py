"""The HTTP client under the SDK: one deadline for the whole request and a cap on the answer's size.

The SDK's timeout bounds each socket read, not the request: a server trickling a byte a second holds a run
for as long as it likes, and an endless body is read into memory. Here ``send`` reads the body itself, inside
one deadline, through a stream that stops at ``max_bytes``. A missed deadline is raised as the HTTP library's
own read timeout, so the SDK reports it as a timeout like any other.

Imported on the first uncached question only, with the providers.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx2
import openai

from .failures import ResponseTooLarge

__all__ = ["BoundedHttpClient"]


class _CappedStream(httpx2.AsyncByteStream):
    """The response body, refused once it grows past ``limit`` bytes (as sent, before decompression)."""

    def __init__(self, inner: httpx2.AsyncByteStream, limit: int) -> None:
        self._inner = inner
        self._limit = limit

    async def __aiter__(self) -> AsyncIterator[bytes]:
        size = 0
        async for chunk in self._inner:
            size += len(chunk)
            if size > self._limit:
                raise ResponseTooLarge(self._limit)
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()


class BoundedHttpClient(openai.DefaultAsyncHttpxClient):  # type: ignore[misc,valid-type]
    """The SDK's default client, with a whole-request ``deadline`` (seconds) and a body cap (``max_bytes``)."""

    def __init__(self, *, deadline: float, max_bytes: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._deadline = deadline
        self._max_bytes = max_bytes

    async def send(self, request: httpx2.Request, *, stream: bool = False, **kwargs: Any) -> httpx2.Response:
        try:
            async with asyncio.timeout(self._deadline):
                response = await super().send(request, stream=True, **kwargs)
                response.stream = _CappedStream(response.stream, self._max_bytes)
                if not stream:
                    try:
                        await response.aread()
                    except BaseException:
                        await response.aclose()
                        raise
                return response
        except TimeoutError:
            raise httpx2.ReadTimeout(f"no complete answer within {self._deadline:g}s", request=request) from None
