# convfuzz — build, run and test.
#   make run    fuzz the bundled reference server (no account, no network)
#   make test   run the whole test suite
SWIFT ?= swift
CONFIG ?= debug
BIN := .build/$(CONFIG)/convfuzz
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RUN_ARGS ?=

.PHONY: all deps test-deps build release run test bench clean

all: build

# Install libcurl's development files when pkg-config cannot find them; do nothing otherwise.
deps:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libcurl; then \
	  :; \
	else \
	  echo "installing libcurl4-openssl-dev (libcurl development files) ..."; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcurl4-openssl-dev pkg-config >/dev/null; \
	fi

# The JUnit report test validates against an XSD with xmllint; the browser test renders the
# HTML report with headless Chromium.
test-deps: deps
	@if ! command -v xmllint >/dev/null 2>&1; then \
	  echo "installing libxml2-utils (xmllint, for the JUnit schema test) ..."; \
	  ($(SUDO) apt-get update -qq || true) && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libxml2-utils >/dev/null; \
	fi
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
	  echo "installing chromium (headless, for the HTML report's browser test) ..."; \
	  ($(SUDO) apt-get update -qq || true) && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG)

release: deps
	$(SWIFT) build -c release

run: build
	$(BIN) run $(RUN_ARGS)

# The command-line tests run the built binary, so build it first.
test: test-deps
	$(SWIFT) build
	$(SWIFT) test

bench: deps
	bash bench/run-all.sh

clean:
	rm -rf .build
