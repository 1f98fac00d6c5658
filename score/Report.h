// What a score run writes (docs/score.md): findc's JSON (one encoding,
// docs/json.md), a table by category, FIND's own result files as its
// scorers write them (so existing notebooks read them), and the journal
// lines a resumed run reads back.
#pragma once

#include "score/Score.h"

#include <optional>
#include <span>
#include <string>

namespace findc::score {

// What identifies a run: the suite, the protocol and its parameters.
struct RunIdentity {
  std::string suitePath;
  std::string suiteHash; // of the suite's text (and of the unit tests of a string suite)
  ScoreOptions options;
};

// {"findc": VERSION, "suite": ..., "suite_hash": ..., "protocol": ..., "seed": ...,
//  "threshold": ..., "range": ..., "functions": [...], "summary": [...], "score": MEAN}
std::string scoreJson(const RunIdentity& run, std::span<const FunctionScore> scores, bool strings);
// The summary table: functions, mean score and errors per category, then all.
std::string scoreTable(std::span<const FunctionScore> scores);

// FIND's files: numeric scores.json and test_res_data.json; strings
// scores_code.json and test_res_data_code.json (Python's json.dump: `, `
// and `: ` separators, floats as repr, NaN and Infinity as Python writes
// them, None as null).
struct FindFile {
  std::string name;
  std::string text;
};
std::vector<FindFile> findFiles(std::span<const FunctionScore> scores, bool strings);

// One journal line (no newline) for a scored function and the key of what
// it scored (the run and its code.py); the score back from a line whose key
// is `key`, or nothing (another key, or a torn line).
std::string journalLine(const std::string& key, const FunctionScore& score);
std::optional<FunctionScore> readJournalLine(const std::string& line, const std::string& key);

// FNV-1a, as 16 hex digits: identities of texts, not security.
std::string textHash(std::string_view text);

} // namespace findc::score
