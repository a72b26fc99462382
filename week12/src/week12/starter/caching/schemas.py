"""What the admin endpoint shows about the caches."""

from pydantic import BaseModel, Field


class CacheStatsRead(BaseModel):
    cache: str = Field(description="tasks.search, tasks.page, stats.tasks, http.github")
    hits: int
    misses: int
    errors: int = Field(description="Lookups served without the cache: Redis was unavailable")
    recomputes: int = Field(description="Loads from the database (or upstream) that filled it")
    recompute_seconds: float
    hit_ratio: float | None = Field(description="hits / (hits + misses); None before a lookup")


class CacheReport(BaseModel):
    redis: str = Field(description="closed: in use; open: skipped after a failure; half_open")
    caches: list[CacheStatsRead]
