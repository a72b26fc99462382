"""Time as a dependency. Code that waits or measures takes ``now`` and ``sleep`` as arguments, so
tests pass a fake clock (``testkit.fake_upstream.FakeClock``) and never really wait."""

import asyncio
import time
from collections.abc import Awaitable, Callable

Now = Callable[[], float]  # seconds: time.time (wall clock) or time.monotonic
Sleep = Callable[[float], Awaitable[None]]  # asyncio.sleep in production

wall_clock: Now = time.time
sleep: Sleep = asyncio.sleep
