# The course's single entry point. `make help` lists the targets.
# Every target bootstraps what it needs: uv (installed with pip when missing) and `uv sync --locked`.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# `make test-week 3` as well as `make test-week N=3`: a number after the target becomes N.
WEEK_TARGETS := test-week check-week watch diff-week bench-week verify-week grade dsa
ifneq ($(filter $(firstword $(MAKECMDGOALS)),$(WEEK_TARGETS)),)
  EXTRA_GOALS := $(wordlist 2,$(words $(MAKECMDGOALS)),$(MAKECMDGOALS))
  ifneq ($(EXTRA_GOALS),)
    N ?= $(firstword $(EXTRA_GOALS))
    $(eval $(EXTRA_GOALS):;@:)
  endif
endif
IMPL ?= solution

UV := $(shell command -v uv 2>/dev/null || { test -x "$$HOME/.local/bin/uv" && echo "$$HOME/.local/bin/uv"; } || echo "python3 -m uv")
# A sparse checkout (one week + shared/) has fewer workspace members than uv.lock: install the
# members that are present from the lock as it is (--frozen) instead of checking the lock (--locked).
SPARSE := $(filter true,$(shell git config --get core.sparseCheckout 2>/dev/null))
MEMBERS := $(wildcard week[0-9][0-9] capstone deploy)
SYNC := $(if $(SPARSE),sync --frozen $(addprefix --package ,course-testkit $(MEMBERS)),sync --all-packages --locked)
# UVRUN, not RUN: `make progress RUN=1` is a documented switch, and a variable of that name would
# always be set.
UVRUN := $(UV) run --frozen --no-sync
TESTKIT := $(UVRUN) testkit

.PHONY: help bootstrap run test test-testkit test-week verify verify-week lint fmt typecheck starters diff-week \
	services-up services-down ci deploy-smoke check-week watch progress dsa grade bench-week openapi docs docs-serve docs-check docs-browser

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

bootstrap: ## install uv if missing, then the locked environment (every target does this)
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet uv 2>/dev/null \
		|| python3 -m pip install --quiet --user uv 2>/dev/null \
		|| { if command -v pipx >/dev/null && pipx install uv; then echo "uv installed with pipx: run make again."; \
		     else echo "Could not install uv. Run: pipx install uv"; fi; exit 1; }
	@$(UV) $(SYNC) --compile-bytecode --quiet  # bytecode once: every pytest process starts faster
	@command -v bwrap >/dev/null || [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null \
		|| { echo "installing bubblewrap (the grading sandbox)"; export DEBIAN_FRONTEND=noninteractive; \
		     apt-get install -y -qq bubblewrap >/dev/null 2>&1 \
		     || { apt-get update -qq && apt-get install -y -qq bubblewrap >/dev/null; }; }

run: bootstrap ## serve the newest finished project on dev services at http://127.0.0.1:8000/docs [PORT=8000]
	@$(TESTKIT) serve $(if $(PORT),--port $(PORT))  # Ctrl-C stops it, and the services it started

test: bootstrap ## every week's lecture + project tests against the solutions, and the testkit's tests (COV=1: coverage gates)
	@$(MAKE) test-testkit
	@for week in $$($(TESTKIT) weeks); do $(MAKE) test-week N=$$week; done

test-testkit: bootstrap ## the testkit's own tests (COV=1: with its 85% branch coverage gate)
	@rm -f .coverage .coverage.*
	@$(if $(COV),$(UVRUN) coverage run --source=testkit -m pytest shared/tests,$(UVRUN) pytest shared/tests)
	@$(if $(COV),$(UVRUN) coverage combine --quiet && $(UVRUN) coverage report --fail-under=85 --skip-covered)

test-week: bootstrap ## one week: make test-week 3 [IMPL=starter]
	@test -n "$(N)" || { echo "usage: make test-week N=3 [IMPL=starter]"; exit 2; }
	@$(TESTKIT) run-week $(N) --impl $(IMPL) $(if $(COV),--cov)

verify: bootstrap ## verify every week: starters, files alone, README commands, mutants, share [QUICK=1]
	@for week in $$($(TESTKIT) weeks); do $(TESTKIT) verify-week $$week $(if $(QUICK),--quick); done

verify-week: bootstrap ## verify one week (see shared/README.md): make verify-week 3 [QUICK=1]
	@$(TESTKIT) verify-week $(N) $(if $(QUICK),--quick)

lint: bootstrap ## ruff check + ruff format --check + the CI workflow's schema and audit
	@$(UVRUN) ruff check .
	@$(UVRUN) ruff format --check .
	@$(UVRUN) check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	@$(UVRUN) zizmor --offline --no-progress .github/workflows

fmt: bootstrap ## format and autofix
	@$(UVRUN) ruff format .
	@$(UVRUN) ruff check --fix .

typecheck: bootstrap ## mypy --strict on every package's src and tests (one run per package)
	@for pkg in shared $$($(TESTKIT) weeks); do \
		echo "mypy $$pkg"; $(UVRUN) mypy $$pkg/src $$pkg/tests; done

starters: bootstrap ## regenerate every starter from its solution
	@$(TESTKIT) starters

diff-week: ## what changed in the solution since the previous week's (markers ignored): make diff-week 4
	@test -n "$(N)" || { echo "usage: make diff-week N=4"; exit 2; }
	@cur=$$(printf 'week%02d' $(N)); prev=$$(printf 'week%02d' $$(( $(N) - 1 ))); \
	if [ -f "$$cur/src/$$cur/solution/main.py" ]; then \
		for n in $$(seq $$(( $(N) - 1 )) -1 1); do w=$$(printf 'week%02d' $$n); \
			if [ -f "$$w/src/$$w/solution/main.py" ]; then prev=$$w; break; fi; done; fi; \
	echo "solution of $$prev -> solution of $$cur"; \
	markers='^\s*(#|--) (BEGIN SOLUTION|REPLACE WITH|END SOLUTION)'; \
	git diff --no-index --stat -I "$$markers" "$$prev/src/$$prev/solution" "$$cur/src/$$cur/solution" || true; \
	git diff --no-index -I "$$markers" "$$prev/src/$$prev/solution" "$$cur/src/$$cur/solution" || true

services-up: bootstrap ## start development PostgreSQL + Redis (data in .data/, fixed ports)
	@$(TESTKIT) services up

services-down: bootstrap ## stop the development services (data is kept)
	@$(TESTKIT) services down

ci: ## what CI runs: lint, typecheck, make test with coverage gates, verify, the website check, the deploy smoke test
	@rm -rf .reports
	@$(MAKE) lint
	@$(MAKE) typecheck
	@$(MAKE) test COV=1
	@$(MAKE) verify
	@$(MAKE) docs-check
	@$(MAKE) deploy-smoke
	@$(TESTKIT) summary --label ci

deploy-smoke: bootstrap ## the capstone's image and Compose stack built and run for real (root; deploy/docker/smoke.sh)
	@UVRUN="$(UVRUN)" deploy/docker/smoke.sh

check-week: bootstrap ## your starter against a week's tests, per task with hints: make check-week 3 [TASK=2] [HINT=2]
	@test -n "$(N)" || { echo "usage: make check-week N=3 [TASK=2] [HINT=2]"; exit 2; }
	@$(TESTKIT) check-week $(N) $(if $(TASK),--task $(TASK)) $(if $(HINT),--hint $(HINT))

watch: bootstrap ## work on a week task by task: its tests on every save of your files: make watch N=6
	@test -n "$(N)" || { echo "usage: make watch N=6"; exit 2; }
	@$(TESTKIT) watch $(N)

progress: bootstrap ## your points per week, from your latest checks (RUN=1 checks every week first)
	@$(TESTKIT) progress $(if $(RUN),--run)

dsa: bootstrap ## DSA track: solved per week (RUN=1 checks first); make dsa 5 [TASK=3] [HINT=2]: one week's problems
	@$(TESTKIT) dsa $(N) $(if $(TASK),--task $(TASK)) $(if $(HINT),--hint $(HINT)) $(if $(RUN),--run)

grade: bootstrap ## grade branches: make grade N=3 BRANCH=alice/week03 | BRANCHES="a b" | BRANCHES_FILE=f [HIDDEN=dir] [SANDBOX=none]
	@test -n "$(N)" || { echo "usage: make grade N=3 BRANCH=alice/week03 (or BRANCHES=\"a b\" or BRANCHES_FILE=file) [HIDDEN=path]"; exit 2; }
	@$(TESTKIT) grade $(N) $(if $(BRANCH),--branch "$(BRANCH)") $(if $(BRANCHES),--branches "$(BRANCHES)") \
		$(if $(BRANCHES_FILE),--branches-file "$(BRANCHES_FILE)") $(if $(HIDDEN),--hidden "$(HIDDEN)") \
		$(if $(OUT),--out "$(OUT)") $(if $(SANDBOX),--sandbox "$(SANDBOX)")

bench-week: bootstrap ## a week's benchmark: make bench-week 7
	@bench=$$(ls $$($(TESTKIT) folder $(N))/benchmarks/*.py 2>/dev/null || true); \
	if [ -z "$$bench" ]; then echo "week $(N) has no benchmark"; exit 2; fi; \
	for b in $$bench; do $(UVRUN) python $$b; done

openapi: bootstrap ## regenerate committed OpenAPI contracts (weeks that have them)
	@for week in $$($(TESTKIT) weeks); do \
		if [ -f $$week/scripts/openapi.py ]; then $(UVRUN) python $$week/scripts/openapi.py; fi; done

# --- The course website (mkdocs-material; pages come from the repository's Markdown) -----------
# Mermaid is served by the site itself, fetched once from the npm registry and checked by hash;
# without npm the theme loads it from a CDN instead.
MERMAID_VERSION := 11.17.2
MERMAID_SHA256 := 581ed7d74bd9048d0e3a91363927d72ef22942d7722546b27f7cc29e35390eb8
MERMAID_JS := build/vendor/mermaid.min.js
DOCS_PORT ?= 8001
MKDOCS := NO_MKDOCS_2_WARNING=1 $(UVRUN) mkdocs

$(MERMAID_JS):
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "npm not found: the site will load Mermaid from a CDN (install Node.js to serve it offline)"; exit 0; fi; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	(cd "$$tmp" && npm pack --silent "mermaid@$(MERMAID_VERSION)" >/dev/null); \
	tar -xzf "$$tmp/mermaid-$(MERMAID_VERSION).tgz" -C "$$tmp" package/dist/mermaid.min.js; \
	python3 -c 'import hashlib, sys; sys.exit(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest() != sys.argv[2])' \
		"$$tmp/package/dist/mermaid.min.js" "$(MERMAID_SHA256)" || { echo "mermaid.min.js: wrong SHA-256"; exit 1; }; \
	mkdir -p $(@D) && mv "$$tmp/package/dist/mermaid.min.js" $@

docs: bootstrap $(MERMAID_JS) ## build the course website into build/site (strict: broken links fail)
	@$(MKDOCS) build --quiet
	@echo "site: build/site/index.html (make docs-serve serves it with live reload)"

docs-serve: bootstrap $(MERMAID_JS) ## serve the course website at http://127.0.0.1:8001 with live reload
	@$(MKDOCS) serve --dev-addr 127.0.0.1:$(DOCS_PORT)

docs-browser: ## install Debian's chromium for the website check, if missing (root or sudo)
	@if [ -n "$${CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
		echo "The website check needs Chromium: install it, or set CHROMIUM=/path/to/chrome"; exit 1; fi; \
	sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	echo "installing chromium (Debian package) for the website check"; \
	$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq chromium >/dev/null

docs-check: bootstrap docs-browser $(MERMAID_JS) ## strict build + a real headless Chromium reads two pages (screenshots in .reports/docs/)
	@test -f $(MERMAID_JS) || { echo "$(MERMAID_JS) is missing: the browser check runs offline and needs it (npm)"; exit 1; }
	@$(UVRUN) mypy website
	@$(UVRUN) pytest website/tests
