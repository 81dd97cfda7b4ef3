// The test runner. Listing is never wrapped, so scripts/coverage-table.sh can read one test
// name and its tags per line.
#define CATCH_CONFIG_MAIN
#define CATCH_CONFIG_CONSOLE_WIDTH 300
#include <catch2/catch.hpp>
