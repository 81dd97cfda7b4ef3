# The front door. `make run` and `make test` are the two commands in the README.
BUILD     ?= build
BUILD_TYPE ?= Release
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
LISTEN    ?= 127.0.0.1:8080
CMAKE_ARGS ?=

.PHONY: all deps configure build test test-sanitize soak run bench fuzz coverage-table clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# The normal pass, then the same suite under ASan + UBSan (SANITIZE=0 skips the second).
SANITIZE ?= 1
test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
ifneq ($(SANITIZE),0)
	@$(MAKE) --no-print-directory test-sanitize
endif

# The test suite built with -fsanitize=address,undefined in build-asan.
test-sanitize: deps
	@JOBS=$(JOBS) scripts/sanitize.sh

# Every fuzz target under libFuzzer for FUZZ_SECONDS each (default 60), built in build-fuzz.
FUZZ_SECONDS ?= 60
fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) scripts/fuzz.sh

# The mock under load for SOAK_SECONDS (default 60): 64 connections, all five methods,
# fault rules and admin resets (the 10-second version runs in `make test`).
SOAK_SECONDS ?= 60
soak: build
	@CHATADMIN_SOAK_SECONDS=$(SOAK_SECONDS) $(BUILD)/bin/chatadmin_mock_tests "[soak]"

# The mock in the foreground with the default world, printing a curl line per method.
run: build
	@$(BUILD)/bin/chatadmin-mock --listen $(LISTEN) --print-curl

# Serialization benchmarks against peers and the mock-throughput run (wrk); writes
# benchmarks/results/latest.json, a chart, and the results block of README.md.
bench: build
	@BUILD=$(BUILD) scripts/bench.sh

# Regenerates the conformance coverage table in README.md from the end-to-end suite.
coverage-table: build
	@scripts/coverage-table.sh $(BUILD)/bin/chatadmin_e2e_tests README.md

clean:
	rm -rf $(BUILD)
