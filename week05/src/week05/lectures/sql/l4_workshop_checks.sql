-- The workshop's requirements as statements. Each "refuse_" statement must fail and each
-- "accept_" statement must succeed against a schema that meets the requirements.

-- name: accept_event
INSERT INTO events (id, name, starts_at, capacity)
VALUES ('00000000-0000-0000-0000-00000000e001', 'PyCon', '2026-05-01 09:00+00', 500);

-- name: accept_talk
INSERT INTO talks (id, event_id, title)
VALUES ('00000000-0000-0000-0000-00000000a001', '00000000-0000-0000-0000-00000000e001', 'SQL');

-- name: accept_speakers
INSERT INTO speakers (id, email, name) VALUES
    ('00000000-0000-0000-0000-00000000b001', 'ann@example.com', 'Ann'),
    ('00000000-0000-0000-0000-00000000b002', 'bob@example.com', 'Bob');

-- name: accept_two_speakers_for_one_talk
INSERT INTO talk_speakers (talk_id, speaker_id) VALUES
    ('00000000-0000-0000-0000-00000000a001', '00000000-0000-0000-0000-00000000b001'),
    ('00000000-0000-0000-0000-00000000a001', '00000000-0000-0000-0000-00000000b002');

-- name: refuse_same_speaker_twice_on_a_talk
INSERT INTO talk_speakers (talk_id, speaker_id)
VALUES ('00000000-0000-0000-0000-00000000a001', '00000000-0000-0000-0000-00000000b001');

-- name: refuse_talk_without_event
INSERT INTO talks (event_id, title) VALUES (NULL, 'Orphan');

-- name: refuse_talk_of_unknown_event
INSERT INTO talks (event_id, title) VALUES (gen_random_uuid(), 'Orphan');

-- name: refuse_zero_capacity
INSERT INTO events (name, starts_at, capacity) VALUES ('Tiny', now(), 0);

-- name: refuse_duplicate_speaker_email
INSERT INTO speakers (email, name) VALUES ('ann@example.com', 'Another Ann');

-- name: accept_attendee
INSERT INTO attendees (id, email)
VALUES ('00000000-0000-0000-0000-00000000c001', 'cid@example.com');

-- name: accept_registration
INSERT INTO registrations (event_id, attendee_id)
VALUES ('00000000-0000-0000-0000-00000000e001', '00000000-0000-0000-0000-00000000c001');

-- name: refuse_double_registration
INSERT INTO registrations (event_id, attendee_id)
VALUES ('00000000-0000-0000-0000-00000000e001', '00000000-0000-0000-0000-00000000c001');

-- name: refuse_second_active_account_for_an_email
INSERT INTO attendees (email) VALUES ('cid@example.com');

-- name: accept_soft_delete
UPDATE attendees SET deleted_at = now() WHERE email = 'cid@example.com';

-- name: accept_new_account_after_soft_delete
INSERT INTO attendees (email) VALUES ('cid@example.com');

-- name: accept_deleting_an_event_removes_its_talks_and_registrations
DELETE FROM events WHERE id = '00000000-0000-0000-0000-00000000e001';
