# The two commands of the quick start: `make start` and `make test`. Each installs what is
# missing (Debian libraries for canvas, then npm packages), and skips every step whose inputs
# have not changed, so a second run takes seconds.

SHELL := /bin/bash
.DEFAULT_GOAL := start
STAMPS := .make
SOURCES := $(shell find src -name '*.ts') tsconfig.json tsconfig.build.json

.PHONY: start test system-deps system-deps-test clean

## Install, build and serve on 127.0.0.1:4001 (PORT and HOST override).
start: system-deps $(STAMPS)/build
	node dist/main.js

## Install, then run every check CI runs; ends with "N passed, N failed".
test: system-deps-test node_modules/.installed
	npm run --silent format:check
	npm run --silent lint
	npm run --silent typecheck
	npm run --silent schema:check
	npm run --silent codegen:check
	npm test

system-deps:
	@scripts/system-deps.sh

# The tests also drive Debian's Chromium (browser tests) and run a real Redis (shared cache).
system-deps-test:
	@scripts/system-deps.sh chromium redis-server

# canvas has no prebuilt binary to fetch here: build it from source against the Debian libraries.
node_modules/.installed: package.json package-lock.json
	npm_config_build_from_source=true npm ci --no-audit --no-fund
	@touch $@

$(STAMPS)/build: node_modules/.installed $(SOURCES)
	rm -rf dist
	npm run --silent build
	@mkdir -p $(STAMPS) && touch $@

clean:
	rm -rf dist $(STAMPS)
