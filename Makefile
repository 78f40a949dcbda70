# signicat-account-management: build, test and demo. `make help` lists the targets.
#
# Every target installs what is missing first (`make setup`, seconds when all is there).
# Builds are incremental: the wasm is rebuilt only when src/ or Cargo.* change (the testing
# entry's emulator wasm also when emulator/ changes), pkg/ only when a wasm or pkg-template/
# change, and cargo shares one target/ for every build.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# npm's tools (binaryen's wasm-opt, tsc, esbuild) first: never Debian's /usr/bin/wasm-opt.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# For the JS test suites: the assembled package, the packed package installed in a fresh
# project (scripts/consumer.sh), the emulator and the browser.
export SIGNICAT_PKG := $(CURDIR)/pkg
export PKG_CONSUMER := $(CURDIR)/build/consumer
export SIGNICAT_EMULATOR := $(CURDIR)/target/release/signicat-emulator
export CHROMIUM := /usr/bin/chromium

STAMPS := build/stamps
# Directories too, so that adding or deleting a file also triggers a rebuild.
RUST_INPUTS := Cargo.toml Cargo.lock $(shell find src -name '*.rs' -o -type d)
# The emulator's sources and data (every file but its tests and docs), for its wasm build.
EMULATOR_INPUTS := $(shell find emulator -path 'emulator/*/tests' -prune -o ! -name '*.md' -print)
TEMPLATE_INPUTS := $(shell find pkg-template)

# The suites `make test` runs, in this order; add a new suite's target here.
TEST_SUITES := test-native test-lint test-contract test-wasm test-package test-types test-docs test-js test-browser test-bench test-consumers test-cli

# Extra arguments, e.g. `make test-native CARGO_TEST_ARGS=routes`.
CARGO_TEST_ARGS ?=
export NODE_TEST_ARGS ?=

section = @printf '\n==> %s\n' "$(1)"

.PHONY: help setup build build-wasm build-testing-wasm build-emulator pkg docs size test $(TEST_SUITES) demo example bench clean

help:
	@echo "make demo        build everything and serve www-demo/ with the emulator"
	@echo "make test        install what is missing, build, run every suite: $(TEST_SUITES)"
	@echo "make build       wasm (build/web, build/node, build/testing-*), the npm package (pkg/), the emulator"
	@echo "make docs        the HTML reference of both entries (TypeDoc) in build/docs/; any warning fails it"
	@echo "make example     run examples/list-accounts.mjs against a fresh emulator"
	@echo "make size        raw and gzipped sizes of the .wasm and JS glue (the testing entry's apart), the .wasm's five biggest items"
	@echo "make setup       install the toolchain (wasm32 target, wasm-bindgen, wasm-pack, Chromium, npm tools)"
	@echo "make bench       every benchmark against plain fetch in one run: a table and BENCHMARKS.md"
	@echo "make fuzz        the property tests with 200 000 cases each (FUZZ_CASES, FUZZ_SECONDS)"
	@echo "make clean       remove build/ and pkg/ (cargo's target/ stays)"

setup:
	@scripts/setup.sh

# ---- build -----------------------------------------------------------------------------

build: pkg build-emulator

build-wasm: $(STAMPS)/web $(STAMPS)/node

# The emulator in wasm, for the package's `./testing` export (build/testing-web, build/testing-node).
build-testing-wasm: $(STAMPS)/testing-web $(STAMPS)/testing-node

pkg: $(STAMPS)/pkg

# A stamp is dated from the start of its build, so an edit made meanwhile still counts.
$(STAMPS)/web: $(RUST_INPUTS) scripts/build-wasm.sh | setup
	@mkdir -p $(STAMPS) && touch $@.new
	@scripts/build-wasm.sh web
	@mv $@.new $@

$(STAMPS)/node: $(RUST_INPUTS) scripts/build-wasm.sh | setup
	@mkdir -p $(STAMPS) && touch $@.new
	@scripts/build-wasm.sh nodejs
	@mv $@.new $@

$(STAMPS)/testing-web: $(RUST_INPUTS) $(EMULATOR_INPUTS) scripts/build-wasm.sh | setup
	@mkdir -p $(STAMPS) && touch $@.new
	@scripts/build-wasm.sh web emulator/wasm
	@mv $@.new $@

$(STAMPS)/testing-node: $(RUST_INPUTS) $(EMULATOR_INPUTS) scripts/build-wasm.sh | setup
	@mkdir -p $(STAMPS) && touch $@.new
	@scripts/build-wasm.sh nodejs emulator/wasm
	@mv $@.new $@

$(STAMPS)/pkg: $(STAMPS)/web $(STAMPS)/node $(STAMPS)/testing-web $(STAMPS)/testing-node $(TEMPLATE_INPUTS) scripts/assemble.mjs | setup
	$(call section,Assemble pkg/ (scripts/assemble.mjs))
	@touch $@.new
	@node scripts/assemble.mjs
	@mv $@.new $@

$(STAMPS)/consumer: $(STAMPS)/pkg scripts/consumer.sh
	@touch $@.new
	@scripts/consumer.sh
	@mv $@.new $@

# The reference: TypeDoc reads the assembled declarations, so the types generated from Rust are in it.
docs: $(STAMPS)/docs

$(STAMPS)/docs: $(STAMPS)/pkg docs/typedoc.json docs/tsconfig.json docs/typedoc-plugin.mjs docs/favicon.svg package-lock.json | setup
	$(call section,Reference (TypeDoc with docs/typedoc.json: build/docs/))
	@touch $@.new
	@rm -rf build/docs
	@typedoc --options docs/typedoc.json
	@mv $@.new $@

build-emulator: | setup
	$(call section,Emulator (cargo build --release -p signicat-emulator))
	@cargo build --release -p signicat-emulator

size: build-wasm build-testing-wasm
	@scripts/size.sh

# ---- test ------------------------------------------------------------------------------

test: $(TEST_SUITES)
	$(call section,All suites passed: $(TEST_SUITES))

test-native: | setup
	$(call section,Native tests (cargo test --workspace))
	@cargo test --workspace $(CARGO_TEST_ARGS)

test-lint: | setup
	$(call section,Format (cargo fmt --check))
	@cargo fmt --all --check
	$(call section,Lints (cargo clippy --workspace --all-targets -- -D warnings))
	@cargo clippy --workspace --all-targets -- -D warnings
	$(call section,Lints of the wasm build (cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings))
	@cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
	@cargo clippy -p signicat-emulator-wasm --target wasm32-unknown-unknown -- -D warnings

test-wasm: | setup
	@scripts/test-wasm.sh

test-package: $(STAMPS)/consumer
	$(call section,Packed package in Node ESM / CommonJS and Chromium (tests/package))
	@node --test $(NODE_TEST_ARGS) tests/package/*.test.mjs

test-types: $(STAMPS)/consumer
	@scripts/test-types.sh

test-docs: docs build-emulator
	$(call section,The reference's pages and the demo's /docs/ (node --test tests/docs/))
	@node --test $(NODE_TEST_ARGS) tests/docs/*.test.mjs

test-js: build $(STAMPS)/consumer
	$(call section,Node client tests (node --test tests/js/))
	@scripts/node-tests.sh tests/js

test-browser: build $(STAMPS)/consumer
	$(call section,Browser client tests (node --test tests/browser/))
	@scripts/node-tests.sh tests/browser

test-bench: build $(STAMPS)/consumer $(STAMPS)/cli
	$(call section,Benchmarks with tiny counts (node --test bench/smoke.test.mjs))
	@node --test $(NODE_TEST_ARGS) bench/smoke.test.mjs

# One shared install of every tool (tests/consumers/package-lock.json), reused while the lock is unchanged.
test-consumers: build $(STAMPS)/consumer
	$(call section,Consumer matrix: the packed package built and run with each bundler and runtime (tests/consumers))
	@node tests/consumers/run.mjs build/consumer/*.tgz

# The command line (cli/): its dependencies pinned in cli/package-lock.json, the SDK as pkg/ itself.
$(STAMPS)/cli: cli/package.json cli/package-lock.json | $(STAMPS)/pkg
	@touch $@.new
	@cd cli && npm ci --no-audit --no-fund --loglevel=error
	@mv $@.new $@

test-cli: build $(STAMPS)/cli
	$(call section,Command line: signicat-am run as a process (node --test cli/test/))
	@node --test $(NODE_TEST_ARGS) cli/test/*.test.mjs

# ---- run -------------------------------------------------------------------------------

demo: build docs $(STAMPS)/cli
	@scripts/demo.sh

example: build
	@scripts/example.sh

bench: build $(STAMPS)/consumer $(STAMPS)/cli
	$(call section,Benchmarks (bench/run.mjs): one table, written to BENCHMARKS.md)
	@node bench/run.mjs

clean:
	rm -rf build pkg

# ---- hardening -------------------------------------------------------------------------

.PHONY: fuzz

# The contract fuzzer (schemathesis, from PyPI) against the emulator; CONTRACT_EXAMPLES=N per operation.
test-contract: build-emulator
	$(call section,Contract fuzzer (schemathesis against the emulator))
	@scripts/contract.sh

# Property tests of every decoder, rule, query reader and path builder with many more cases
# than `cargo test` (tests/properties.rs); proptest on stable Rust, as cargo-fuzz needs nightly.
FUZZ_CASES ?= 200000
FUZZ_SECONDS ?= 600
fuzz: | setup
	$(call section,Fuzzing (tests/properties.rs with $(FUZZ_CASES) cases each, at most $(FUZZ_SECONDS) s))
	@PROPTEST_CASES=$(FUZZ_CASES) timeout $(FUZZ_SECONDS) cargo test --release --test properties
