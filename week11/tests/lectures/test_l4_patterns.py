"""Lecture 4: pub/sub reaches the listeners of the moment; events rebuild state; the tool table."""

from __future__ import annotations

import redis
from week11.lectures.l4_choosing import DECISION_TABLE, choose
from week11.lectures.l4_events import Event, OpenTasksPerAssignee, TaskState, rebuild
from week11.lectures.l4_pubsub import CHANNEL, publish, receive


def test_pubsub_broadcasts_to_current_subscribers_only(r: redis.Redis) -> None:
    first = r.pubsub()  # type: ignore[no-untyped-call]
    second = r.pubsub()  # type: ignore[no-untyped-call]
    first.subscribe(CHANNEL)
    second.subscribe(CHANNEL)
    for pubsub in (first, second):
        assert pubsub.get_message(timeout=5)["type"] == "subscribe"
    assert publish(r, {"kind": "assigned", "task_id": 7}) == 2
    assert receive(first, timeout=5) == {"kind": "assigned", "task_id": 7}
    assert receive(second, timeout=5) == {"kind": "assigned", "task_id": 7}
    late = r.pubsub()  # type: ignore[no-untyped-call]
    late.subscribe(CHANNEL)
    late.get_message(timeout=5)
    assert receive(late, timeout=0.2) is None  # published before it listened: never delivered
    for pubsub in (first, second, late):
        pubsub.close()


def test_state_is_a_fold_over_events_and_the_read_model_follows() -> None:
    events = [
        Event(1, "created", "Write report"),
        Event(1, "assigned", "ada"),
        Event(2, "created", "Review"),
        Event(2, "assigned", "ada"),
        Event(1, "assigned", "bob"),
        Event(2, "completed"),
    ]
    assert rebuild(events, 1) == TaskState("Write report", "bob", done=False)
    assert rebuild(events[:4], 2) == TaskState("Review", "ada", done=False)
    view = OpenTasksPerAssignee()
    for event in events:
        view.project(event)
    assert view.counts == {"ada": 0, "bob": 1}


def test_the_decision_table_and_the_rule_of_thumb() -> None:
    assert [row[0] for row in DECISION_TABLE] == [
        "FastAPI BackgroundTasks", "Celery", "Taskiq", "ARQ"
    ]  # fmt: skip
    assert choose(needs_persistence=False, async_codebase=True, needs_ecosystem=False) == (
        "FastAPI BackgroundTasks"
    )
    assert choose(needs_persistence=True, async_codebase=False, needs_ecosystem=False) == "Celery"
    assert choose(needs_persistence=True, async_codebase=True, needs_ecosystem=False) == "Taskiq"
