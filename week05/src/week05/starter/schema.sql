-- Task manager database: your design of the requirements in week05/README.md (the mini-project).
-- Run it in psql:  psql "$DATABASE_URL" -f schema.sql   (it drops and recreates everything)
--
-- The tests rely only on the names of the naming contract (README); types, keys, constraints,
-- defaults, indexes and triggers are your design decisions. Write a comment where you chose.

-- TODO: drop what an earlier run created, so the file can run again

-- TODO: organizations and users (R1-R3; keys and timestamps: R11, R12)

-- TODO: memberships: organizations and users, many-to-many, with a role (R4, D1, D4)

-- TODO: projects (R5, D1)

-- TODO: tasks: subtasks, assignee, status rules, soft delete, search vector (R6-R8)

-- TODO: comments, tags and the tags of tasks (R9, R10, D3-D5)

-- TODO: indexes for the screens that must stay fast (F1-F7)

-- TODO: updated_at kept by a BEFORE UPDATE trigger on every table that has it (R12)
