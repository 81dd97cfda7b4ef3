#pragma once
// The journal: one entry per request, kept in memory for GET /__admin/journal.

#include <chatadmin/core/wire_types.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <deque>
#include <string>

namespace chatadmin::mock {

struct journal_entry {
    std::uint64_t seq = 0;
    double time = 0;             ///< Unix time, seconds
    std::string platform;        ///< "bitrix24", "greenapi", "telegram", "admin", "" (unknown path)
    std::string http_method;
    std::string target;          ///< secrets redacted
    std::string api_method;      ///< "imbot.chat.setManager"; empty when unknown
    raw_json params;             ///< parsed parameters (redacted when the journal is shown)
    int status = 0;
    std::string outcome;         ///< "ok", or the error answered
    std::string fault;           ///< the fault applied, if any: "error", "delay", "drop"
};
BOOST_DESCRIBE_STRUCT(journal_entry, (), (seq, time, platform, http_method, target, api_method, params, status, outcome, fault))

/// A bounded list of entries; the oldest are dropped beyond `capacity`.
class journal {
public:
    explicit journal(std::size_t capacity = 10000) : capacity_(capacity) {}
    void add(journal_entry e) {
        e.seq = ++seq_;
        entries_.push_back(std::move(e));
        while (entries_.size() > capacity_) entries_.pop_front();
    }
    void clear() { entries_.clear(); }
    const std::deque<journal_entry>& entries() const { return entries_; }

private:
    std::size_t capacity_;
    std::uint64_t seq_ = 0;
    std::deque<journal_entry> entries_;
};

} // namespace chatadmin::mock
