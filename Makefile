# Every target bootstraps what it needs: a .venv with the project and its test tools.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_ADDR ?= 127.0.0.1:8000
DEMO_ENV := DEBUG=1 DEMO_MODE=1 TASKS_BACKEND=immediate EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend

.PHONY: demo test lint format messages demo-code demo-manage chromium pdf-libs clean bench

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

chromium:
	@test -x /usr/bin/chromium || { \
	  echo "Installing Chromium for the browser tests"; \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

# WeasyPrint's libraries (Pango, HarfBuzz's subsetter) and Debian's DejaVu fonts, for the PDFs.
PDF_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
pdf-libs:
	@ls /usr/lib/*/libpangoft2-1.0.so.0 /usr/lib/*/libharfbuzz-subset.so.0 \
	  /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf >/dev/null 2>&1 || { \
	  echo "Installing WeasyPrint's libraries for the PDFs"; \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq $(PDF_LIBS) >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $(PDF_LIBS) >/dev/null; fi; }

# Debian's pg_dump and pg_restore, for `huisvanhetkind backup` and `restore` (which refuse a
# client older than the server's major version, PostgreSQL 15 on Debian 12).
.PHONY: pg-client backup-check
pg-client:
	@command -v pg_dump >/dev/null 2>&1 && command -v pg_restore >/dev/null 2>&1 || { \
	  echo "Installing Debian's postgresql-client for backups"; \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq postgresql-client >/dev/null; fi; }
	@server=$$(psql -X -At -h 127.0.0.1 -U postgres -d postgres -c 'SHOW server_version_num' 2>/dev/null || true); \
	client=$$(pg_dump --version | sed -E 's/.*\(PostgreSQL\) ([0-9]+).*/\1/'); \
	if [ -n "$$server" ] && [ "$$client" -lt "$$(( server / 10000 ))" ]; then \
	  echo "pg_dump $$client is older than the server (PostgreSQL $$(( server / 10000 ))): install postgresql-client-$$(( server / 10000 ))"; exit 1; fi

# The backup round trip on the PostgreSQL of 127.0.0.1 (CI runs it): the demo seeded into a fresh
# database, backed up, restored into another fresh one, compared, and the demo smoke test
# against the restored one (.ci/backup-restore; both databases are dropped afterwards).
backup-check: $(STAMP) pdf-libs pg-client
	.ci/backup-restore

# The production stack on this machine (deploy/prod, docs/operations.md): the PostgreSQL and Redis
# of 127.0.0.1, two gunicorn app servers behind Debian's nginx (https://127.0.0.1:8443/), the task
# worker and the scheduler, DEBUG=0; the demo is seeded into an empty database. make prod-stop
# stops exactly what make prod started (pid files in var/prod/run/).
.PHONY: nginx prod prod-stop prod-status prod-code prod-check
nginx:
	@test -x /usr/sbin/nginx || { \
	  echo "Installing Debian's nginx for make prod"; \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq nginx >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq nginx >/dev/null; fi; }

prod: $(STAMP) pdf-libs pg-client nginx
	deploy/prod start

prod-stop:
	deploy/prod stop

prod-status:
	@deploy/prod status

prod-code: $(STAMP)
	@deploy/prod demo-code $(EMAIL)

# Against a running make prod: log-in and question throttles, TOTP replay protection and sessions
# hold across both app servers (deploy/check-shared-state; CI runs it in .ci/prod-check).
prod-check: $(STAMP)
	$(BIN)/python deploy/check-shared-state

# Fault drills (deploy/fault-drills, docs/operations.md): Redis stopped, PostgreSQL stopped and the
# worker killed in the middle of a task, against a throw-away PostgreSQL (port 55432) and Redis
# (56379) of their own, never the machine's shared ones; PASS or FAIL per drill. Not run by CI.
# It needs Debian's PostgreSQL server binaries and redis-server; installing them may start a
# cluster of their own, so it says what is missing instead of installing it.
.PHONY: fault-drills
fault-drills: $(STAMP) pdf-libs
	@ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 && command -v redis-server >/dev/null || { \
	  echo "The fault drills need PostgreSQL's server binaries and redis-server:"; \
	  echo "  apt-get install -y postgresql-15 redis-server (then stop the clusters and services they start)"; exit 1; }
	deploy/fault-drills

# The load test (bench/load/run.py): make prod's stack (deploy/prod) on the benchmark data in its
# own PostgreSQL database (hvhk_load_bench, generated at LOAD_SCALE when it has none), directory
# (var/load/stack) and ports (https://127.0.0.1:28443), trusting the load generator as an outer
# proxy for the client addresses; Locust with families and professionals, 200 simultaneous
# registrations for one session counted in the database, then one app server for the ratio.
# Report: var/load/report.json and Locust's CSV files. load-smoke is CI's short run (.ci/load-smoke).
LOAD_SCALE ?= 1.0
LOAD_ARGS ?=
.PHONY: load load-smoke
load: $(STAMP) pdf-libs pg-client nginx
	$(BIN)/python bench/load/run.py --one-server --scale $(LOAD_SCALE) $(LOAD_ARGS)

load-smoke: $(STAMP) pdf-libs pg-client nginx
	.ci/load-smoke

# The demo is served by gunicorn (as in production, so that a burst of visitors queues instead of
# being refused): one process, so that its in-memory cache (rate limits, used TOTP codes) is the
# only one, with threads for simultaneous requests. Beside it runs the scheduler of the periodic
# jobs (with the immediate backend it runs each due job itself); it stops with the demo.
demo: $(STAMP) pdf-libs
	$(DEMO_ENV) $(BIN)/huisvanhetkind migrate --no-input -v0
	$(DEMO_ENV) $(BIN)/huisvanhetkind seed_demo
	@echo "Serving the demo at http://$(DEMO_ADDR)/ (Ctrl-C stops it)"
	$(DEMO_ENV) $(BIN)/huisvanhetkind scheduler & scheduler=$$!; trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(DEMO_ENV) $(BIN)/gunicorn huisvanhetkind.wsgi:application --bind $(DEMO_ADDR) \
	  --workers 1 --threads 8 --backlog 2048 --timeout 60 --no-control-socket --access-logfile -

demo-code: $(STAMP)
	@$(DEMO_ENV) $(BIN)/huisvanhetkind demo_code $(EMAIL)

# Any command against the demo's database, with the demo's environment, for example
# make demo-manage ARGS="import-hsds offer.json --house kalmthout"
demo-manage: $(STAMP)
	$(DEMO_ENV) $(BIN)/huisvanhetkind $(ARGS)

test: $(STAMP) chromium pdf-libs
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DEBUG=1 $(BIN)/huisvanhetkind makemigrations --check --dry-run

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: $(STAMP)
	cd huisvanhetkind && DEBUG=1 ../$(BIN)/django-admin makemessages -l fr -l en --settings=huisvanhetkind.settings --pythonpath=..
	cd huisvanhetkind && DEBUG=1 ../$(BIN)/django-admin compilemessages --settings=huisvanhetkind.settings --pythonpath=..

# The benchmark (docs/performance.md): a small and a full synthetic dataset on SQLite, then on
# PostgreSQL when it is reachable; each dataset is generated afresh, then measured.
BENCH_SCALE ?= 1.0
BENCH_REQUESTS ?= 300
BENCH_SQLITE_URL ?= sqlite:///$(CURDIR)/var/bench.sqlite3
BENCH_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/hvhk_bench
bench_on = $(BIN)/python bench/generate.py --database-url $(2) --scale 0.01 --output var/bench/$(1)-small-data.json \
	&& $(BIN)/python bench/run.py --database-url $(2) --requests 60 --generated var/bench/$(1)-small-data.json --output var/bench/$(1)-small.json \
	&& $(BIN)/python bench/generate.py --database-url $(2) --scale $(BENCH_SCALE) --output var/bench/$(1)-data.json \
	&& $(BIN)/python bench/run.py --database-url $(2) --requests $(BENCH_REQUESTS) --generated var/bench/$(1)-data.json --compare var/bench/$(1)-small.json --output var/bench/$(1).json
# Then the activities on the same database: 1 % of the sessions (to count the SQL queries),
# then BENCH_SCALE x 1,000,000 sessions, measured, and registrations over HTTP (gunicorn).
BENCH_REGISTRATIONS ?= 2000
bench_activities_on = $(BIN)/python bench/activities_generate.py --database-url $(2) --scale 0.01 --output var/bench/$(1)-activities-small-data.json \
	&& $(BIN)/python bench/activities_run.py --database-url $(2) --requests 60 --registrations 0 --generated var/bench/$(1)-activities-small-data.json --output var/bench/$(1)-activities-small.json \
	&& $(BIN)/python bench/activities_generate.py --database-url $(2) --scale $(BENCH_SCALE) --output var/bench/$(1)-activities-data.json \
	&& $(BIN)/python bench/activities_run.py --database-url $(2) --requests $(BENCH_REQUESTS) --registrations $(BENCH_REGISTRATIONS) --generated var/bench/$(1)-activities-data.json --compare var/bench/$(1)-activities-small.json --output var/bench/$(1)-activities.json

# Then the referrals in the house with the most partners: 2,000 (to count the SQL queries), then
# BENCH_SCALE x 200,000, measured: the receiving inbox and the referrer's list.
bench_referrals_on = $(BIN)/python bench/referrals_generate.py --database-url $(2) --scale 0.01 --output var/bench/$(1)-referrals-small-data.json \
	&& $(BIN)/python bench/referrals_run.py --database-url $(2) --requests 60 --generated var/bench/$(1)-referrals-small-data.json --output var/bench/$(1)-referrals-small.json \
	&& $(BIN)/python bench/referrals_generate.py --database-url $(2) --scale $(BENCH_SCALE) --output var/bench/$(1)-referrals-data.json \
	&& $(BIN)/python bench/referrals_run.py --database-url $(2) --requests $(BENCH_REQUESTS) --figures 3 --generated var/bench/$(1)-referrals-data.json --compare var/bench/$(1)-referrals-small.json --output var/bench/$(1)-referrals.json
# Then the signal index in the same house: 10,000 signals (to count the SQL queries), then
# BENCH_SCALE x 1,000,000, measured: recording a signal and the caseload page of 500 children.
bench_care_on = $(BIN)/python bench/care_generate.py --database-url $(2) --scale 0.01 --output var/bench/$(1)-care-small-data.json \
	&& $(BIN)/python bench/care_run.py --database-url $(2) --requests 60 --generated var/bench/$(1)-care-small-data.json --output var/bench/$(1)-care-small.json \
	&& $(BIN)/python bench/care_generate.py --database-url $(2) --scale $(BENCH_SCALE) --output var/bench/$(1)-care-data.json \
	&& $(BIN)/python bench/care_run.py --database-url $(2) --requests $(BENCH_REQUESTS) --generated var/bench/$(1)-care-data.json --compare var/bench/$(1)-care-small.json --output var/bench/$(1)-care.json

bench: $(STAMP)
	$(call bench_on,sqlite,$(BENCH_SQLITE_URL))
	$(call bench_activities_on,sqlite,$(BENCH_SQLITE_URL))
	$(call bench_referrals_on,sqlite,$(BENCH_SQLITE_URL))
	$(call bench_care_on,sqlite,$(BENCH_SQLITE_URL))
	@if psql -h 127.0.0.1 -U postgres -c 'select 1' >/dev/null 2>&1; then \
	  echo "PostgreSQL:"; $(call bench_on,postgresql,$(BENCH_POSTGRES_URL)) \
	  && $(call bench_activities_on,postgresql,$(BENCH_POSTGRES_URL)) \
	  && $(call bench_referrals_on,postgresql,$(BENCH_POSTGRES_URL)) \
	  && $(call bench_care_on,postgresql,$(BENCH_POSTGRES_URL)); \
	else echo "PostgreSQL is not reachable (psql -h 127.0.0.1 -U postgres): skipping it."; fi
	$(BIN)/python bench/report.py var/bench/sqlite.json var/bench/postgresql.json
	$(BIN)/python bench/activities_report.py var/bench/sqlite-activities.json var/bench/postgresql-activities.json
	$(BIN)/python bench/referrals_report.py var/bench/sqlite-referrals.json var/bench/postgresql-referrals.json
	$(BIN)/python bench/care_report.py var/bench/sqlite-care.json var/bench/postgresql-care.json
	$(BIN)/python bench/coverage_run.py --database-url $(BENCH_SQLITE_URL) --output var/bench/sqlite-coverage.json

clean:
	rm -rf $(VENV) var

# The childcare desk's allocation (bench/childcare_allocation.py, docs/performance.md): a round of
# Flemish scale through `huisvanhetkind childcare-allocate` (under 10 s and 1 GiB), then the same
# rule by the PyPI package matching (HospitalResident) beside ours on 20,000 children. matching is
# installed into the venv here only, for the benchmark (never a dependency); without it that part
# is skipped.
.PHONY: bench-allocation
bench-allocation: $(STAMP)
	@$(BIN)/python -c 'import matching' 2>/dev/null || $(BIN)/python -m pip install --quiet matching \
	  || echo "The package matching could not be installed: its comparison is skipped."
	$(BIN)/python bench/childcare_allocation.py --matching --output var/bench/childcare-allocation.json
bench: bench-allocation

# The childcare requests (bench/childcare_requests.py, docs/performance.md): a house with 40
# locations and 100,000 requests in its own SQLite database (generated once), then the p95 of the
# request form (GET, step 1, a whole request filed) and of the desk's list: at most 50 ms each.
.PHONY: bench-childcare-requests
bench-childcare-requests: $(STAMP)
	$(BIN)/python bench/childcare_requests.py --requests $(BENCH_REQUESTS) --output var/bench/childcare-requests.json
bench: bench-childcare-requests

# The release of a survey's results (bench/participation_release.py, docs/performance.md): a closed
# survey with 50,000 synthetic answers in its own SQLite database (generated once), then the
# aggregate queries, the small-numbers rule, the SVG charts and the CSV rows: under 2 s.
.PHONY: bench-participation
bench-participation: $(STAMP)
	$(BIN)/python bench/participation_release.py --output var/bench/participation-release.json
bench: bench-participation

# The plan pages (bench/steering_plan.py, docs/performance.md): a house with 8 domains, 60 goals,
# 400 actions and 20 live indicators and a house of half its size, in a fresh database (SQLite,
# then PostgreSQL hvhk_steering_bench when it is reachable); the p95 of the public plan page and
# of the partner's and the coordinator's plan page at most 100 ms, the same number of queries at
# both sizes, with the rendering cached and right after a change of the plan.
BENCH_STEERING_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/hvhk_steering_bench
.PHONY: bench-steering
bench-steering: $(STAMP)
	$(BIN)/python bench/steering_plan.py --requests 200 --output var/bench/steering-plan.json
	@if psql -h 127.0.0.1 -U postgres -c 'select 1' >/dev/null 2>&1; then \
	  $(BIN)/python bench/steering_plan.py --requests 200 --database-url $(BENCH_STEERING_POSTGRES_URL) --output var/bench/steering-plan-postgresql.json; \
	else echo "PostgreSQL is not reachable (psql -h 127.0.0.1 -U postgres): skipping it."; fi
bench: bench-steering

# The family's week of free slots (bench/appointments_page.py, docs/performance.md): a desk with
# office hours every weekday 9-17, 20-minute slots with two counters and a year of appointments
# (about 70 % of the counters taken) in its own SQLite database (generated once), then the p95
# of the week page (the first free week, and a seeded week of the coming year): at most 50 ms,
# the same number of queries for every week.
.PHONY: bench-appointments
bench-appointments: $(STAMP)
	$(BIN)/python bench/appointments_page.py --requests 200 --output var/bench/appointments-page.json
bench: bench-appointments

# The room calendars (bench/premises_calendar.py, docs/performance.md): a house with 20 rooms and
# 50,000 bookings in its own SQLite database (generated once; then PostgreSQL hvhk_premises_bench,
# created when missing, when it is reachable), then the p95 of a room's week (by a partner's
# professional and by the coordinator), the partner's calendar and the coordinator's index of
# the rooms over 200 different weeks: at most 50 ms, the same number of queries for every week.
BENCH_PREMISES_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/hvhk_premises_bench
.PHONY: bench-premises
bench-premises: $(STAMP)
	$(BIN)/python bench/premises_calendar.py --requests 200 --output var/bench/premises-calendar.json
	@if psql -h 127.0.0.1 -U postgres -c 'select 1' >/dev/null 2>&1; then \
	  psql -h 127.0.0.1 -U postgres -tc "select 1 from pg_database where datname = 'hvhk_premises_bench'" | grep -q 1 \
	    || psql -h 127.0.0.1 -U postgres -c 'create database hvhk_premises_bench' >/dev/null; \
	  $(BIN)/python bench/premises_calendar.py --requests 200 --database-url $(BENCH_PREMISES_POSTGRES_URL) --output var/bench/premises-calendar-postgresql.json; \
	else echo "PostgreSQL is not reachable (psql -h 127.0.0.1 -U postgres): skipping it."; fi
bench: bench-premises

# The offer in kaart (bench/coverage_run.py, docs/performance.md): the heat map of the largest
# house (target p95 <= 200 ms) and `huisvanhetkind coverage --all` (target < 30 s) on the
# benchmark database, generated at BENCH_SCALE when it has none.
.PHONY: bench-coverage
bench-coverage: $(STAMP)
	@test -f var/bench.sqlite3 || $(BIN)/python bench/generate.py --database-url $(BENCH_SQLITE_URL) --scale $(BENCH_SCALE) --output var/bench/sqlite-data.json
	$(BIN)/python bench/coverage_run.py --database-url $(BENCH_SQLITE_URL) --output var/bench/sqlite-coverage.json
