-- The workshop's reference design (docs/design-workshop.md): a conference registration system.
-- Write your own first, then check it: uv run python -m week05.lectures.l4_design_workshop FILE

CREATE TABLE events (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    starts_at timestamptz NOT NULL,
    capacity integer NOT NULL CHECK (capacity > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- One-to-many: a talk belongs to exactly one event.
CREATE TABLE talks (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    title text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX talks_event_id_idx ON talks (event_id);

CREATE TABLE speakers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL UNIQUE,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Many-to-many: a talk has one or more speakers, a speaker gives any number of talks.
CREATE TABLE talk_speakers (
    talk_id uuid NOT NULL REFERENCES talks (id) ON DELETE CASCADE,
    speaker_id uuid NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    PRIMARY KEY (talk_id, speaker_id)
);
CREATE INDEX talk_speakers_speaker_id_idx ON talk_speakers (speaker_id);

-- Attendees close their account by soft delete; the address may register again later.
CREATE TABLE attendees (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
CREATE UNIQUE INDEX attendees_email_active_key ON attendees (email) WHERE deleted_at IS NULL;

-- Many-to-many with data of its own: when the attendee registered.
CREATE TABLE registrations (
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    attendee_id uuid NOT NULL REFERENCES attendees (id) ON DELETE CASCADE,
    registered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, attendee_id)
);
CREATE INDEX registrations_attendee_id_idx ON registrations (attendee_id);
