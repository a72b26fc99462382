"""Simultaneous writes over committed transactions (the hostile suite's bursts, here with the
answers spelled out): of identical deletes one wins and the others find nothing (404, one audit
event); identical updates without ``If-Match`` all apply, one after the other; a project is never
deleted under a task being created in it."""

import pytest

from .conftest import Racing

BURST = 6


@pytest.mark.task(5)
async def test_simultaneous_project_deletes_and_task_creates(racing: Racing) -> None:
    project = await racing.new_project()
    deletes = await racing.burst(
        *(racing.client.delete(f"/projects/{project}") for _ in range(BURST))
    )
    assert deletes == {204: 1, 404: BURST - 1}
    events = "SELECT count(*) FROM audit_events WHERE action = 'project.deleted' AND entity_id = :p"
    assert await racing.scalar(events, p=project) == 1

    project = await racing.new_project()
    body = {"project_id": project, "title": "Racing the delete"}
    answers = await racing.burst(
        racing.client.delete(f"/projects/{project}"),
        *(racing.client.post("/tasks", json=body) for _ in range(BURST - 1)),
    )
    assert set(answers) <= {204, 409, 201, 422}, answers
    # Either the tasks came first (the delete is a 409) or the delete did (the tasks are 422s).
    orphans = (
        "SELECT count(*) FROM tasks JOIN projects ON projects.id = tasks.project_id "
        "WHERE tasks.deleted_at IS NULL AND projects.deleted_at IS NOT NULL"
    )
    assert await racing.scalar(orphans) == 0
    assert answers[204] + answers[409] == 1


@pytest.mark.task(6)
async def test_simultaneous_task_writes_without_if_match(racing: Racing) -> None:
    project = await racing.new_project()
    task = (await racing.client.post("/tasks", json={"project_id": project, "title": "T"})).json()

    patches = await racing.burst(
        *(racing.client.patch(f"/tasks/{task['id']}", json={"title": "Same"}) for _ in range(BURST))
    )
    assert patches == {200: BURST}  # no If-Match, no 412: the last write wins
    version = "SELECT version FROM tasks WHERE id = :t"
    assert await racing.scalar(version, t=task["id"]) == 1 + BURST  # each applied, in turn

    deletes = await racing.burst(
        *(racing.client.delete(f"/tasks/{task['id']}") for _ in range(BURST))
    )
    assert deletes == {204: 1, 404: BURST - 1}  # no precondition was sent: 404, not 412
