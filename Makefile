# The front door. `make run` and `make test` are the two commands in the README.
BUILD     ?= build
BUILD_TYPE ?= Release
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
LISTEN    ?= 127.0.0.1:8080
CMAKE_ARGS ?=

.PHONY: all deps configure build test run bench fuzz coverage-table clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The mock in the foreground with the default world, printing a curl line per method.
run: build
	@$(BUILD)/bin/chatadmin-mock --listen $(LISTEN) --print-curl

# Regenerates the README's conformance coverage table from the suite's test list.
coverage-table: build
	@scripts/coverage-table.sh $(BUILD)/bin/chatadmin_e2e_tests README.md

clean:
	rm -rf $(BUILD)
