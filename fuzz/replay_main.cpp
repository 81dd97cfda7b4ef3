// A main for fuzz targets built without libFuzzer: every file named on the command line,
// and every file under every directory named, goes once through LLVMFuzzerTestOneInput.
// Arguments starting with '-' (libFuzzer flags) are ignored, so one command line serves both.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

bool run_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "replay: cannot read %s\n", p.c_str());
        return false;
    }
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // A copy of exactly the input's size, so that reads past the end are caught by sanitizers.
    std::vector<std::uint8_t> exact(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(exact.empty() ? nullptr : exact.data(), exact.size());
    return true;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t count = 0;
    bool ok = true;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.starts_with("-")) continue;
        std::filesystem::path p(arg);
        std::error_code ec;
        if (std::filesystem::is_directory(p, ec)) {
            std::vector<std::filesystem::path> files;
            for (const auto& e : std::filesystem::recursive_directory_iterator(p, ec))
                if (e.is_regular_file()) files.push_back(e.path());
            std::sort(files.begin(), files.end());
            for (const auto& f : files) count += run_file(f) ? 1 : (ok = false, 0);
        } else if (std::filesystem::is_regular_file(p, ec)) {
            count += run_file(p) ? 1 : (ok = false, 0);
        } else {
            std::fprintf(stderr, "replay: %s: no such file or directory\n", arg.c_str());
            ok = false;
        }
    }
    std::printf("replay: %zu inputs, no failure\n", count);
    return ok ? 0 : 1;
}
