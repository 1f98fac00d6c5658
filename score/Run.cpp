#include "score/Run.h"

#include "compiler/suite/FindExport.h"
#include "runtime/Value.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <exception>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

namespace findc::score {
namespace {

// The journal's lines of this run, by function name (the last one wins).
std::map<std::string, std::vector<std::string>> readJournal(const std::string& path) {
  std::map<std::string, std::vector<std::string>> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_discarded() && j.is_object() && j.contains("name") && j["name"].is_string())
      lines[j["name"].get<std::string>()].push_back(line);
  }
  return lines;
}

// Python's str() of a JSON input, as FIND's `str(vec[0][i])` makes it.
std::string pythonStr(const nlohmann::json& j) {
  if (j.is_string())
    return j.get<std::string>();
  if (j.is_boolean())
    return j.get<bool>() ? "True" : "False";
  if (j.is_null())
    return "None";
  if (j.is_number_integer())
    return j.dump();
  if (j.is_number_float())
    return formatPython(Scalar::ofReal(j.get<double>()));
  throw std::runtime_error("an input that is not a string, a number, a bool or null");
}

} // namespace

std::optional<std::string> readText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<FunctionScore> scoreResults(const Scorer& scorer, const RunIdentity& run, const std::string& resultsDir,
                                        const RunOptions& options) {
  size_t count = scorer.size();
  std::vector<std::optional<FunctionScore>> scores(count);
  std::vector<std::string> keys(count), paths(count);
  std::vector<std::optional<std::string>> codes(count), domains(count);
  std::string runKey = fmt::format("{}/{}/{}/{:a}/{}/{}", run.suiteHash, protocolName(run.options.protocol),
                                   run.options.seed, run.options.threshold, run.options.range,
                                   run.options.engine == Engine::Jit ? "jit" : "interp");
  std::map<std::string, std::vector<std::string>> journal;
  if (!options.journalPath.empty())
    journal = readJournal(options.journalPath);
  for (size_t i = 0; i < count; ++i) {
    std::string folder = suite::findFolder(i);
    paths[i] = (std::filesystem::path(resultsDir) / folder / "code.py").string();
    codes[i] = readText(paths[i]);
    domains[i] = readText(std::filesystem::path(resultsDir) / folder / "domain.txt");
    keys[i] = runKey + "/" + (codes[i] ? textHash(*codes[i]) : "missing") + "/" +
              (domains[i] ? textHash(*domains[i]) : "missing");
    if (auto lines = journal.find(folder); lines != journal.end())
      for (const std::string& line : lines->second)
        if (std::optional<FunctionScore> done = readJournalLine(line, keys[i])) {
          scores[i] = std::move(done);
          scores[i]->fromJournal = true;
        }
  }

  std::FILE* journalFile = nullptr;
  if (!options.journalPath.empty() && !(journalFile = std::fopen(options.journalPath.c_str(), "a")))
    throw std::runtime_error("cannot write the journal '" + options.journalPath + "'");
  std::mutex lock; // the journal and the progress line
  std::atomic<size_t> next{0};
  size_t done = static_cast<size_t>(std::count_if(scores.begin(), scores.end(), [](auto& s) { return s.has_value(); }));
  size_t resumed = done;
  std::exception_ptr failure; // the first exception of a worker, rethrown after the join
  auto work = [&] {
    for (size_t i; (i = next++) < count;) {
      if (scores[i])
        continue;
      FunctionScore score;
      try {
        score = scorer.score(i, codes[i], paths[i], domains[i]);
      } catch (...) {
        std::lock_guard guard(lock);
        if (!failure)
          failure = std::current_exception();
        next = count; // the others stop at their next function
        return;
      }
      std::lock_guard guard(lock);
      if (journalFile) { // one whole line per function; a torn last line is ignored on resume
        std::string line = journalLine(keys[i], score) + "\n";
        std::fwrite(line.data(), 1, line.size(), journalFile);
        std::fflush(journalFile);
      }
      scores[i] = std::move(score);
      ++done;
      if (options.progress)
        std::fprintf(stderr, "\rscored %zu/%zu%s", done, count,
                     resumed ? fmt::format(" ({} from the journal)", resumed).c_str() : "");
    }
  };
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, std::max<size_t>(1, count)));
  std::vector<std::jthread> threads;
  for (unsigned j = 1; j < jobs; ++j)
    threads.emplace_back(work);
  work();
  threads.clear(); // joins
  if (journalFile)
    std::fclose(journalFile);
  if (options.progress)
    std::fprintf(stderr, "\n");
  if (failure) // what was scored is in the journal
    std::rethrow_exception(failure);
  std::vector<FunctionScore> result;
  for (std::optional<FunctionScore>& s : scores)
    result.push_back(std::move(*s));
  return result;
}

std::vector<suite::UnitTests> readUnitTestData(const std::string& path) {
  std::optional<std::string> text = readText(path);
  if (!text)
    throw std::runtime_error("cannot read '" + path + "'");
  nlohmann::json data = nlohmann::json::parse(*text, nullptr, false);
  if (data.is_discarded() || !data.is_array())
    throw std::runtime_error("'" + path + "' is not FIND's unit_test_data.json (a JSON list)");
  std::vector<suite::UnitTests> tests;
  for (size_t i = 0; i < data.size(); ++i) {
    const nlohmann::json& entry = data[i];
    std::string where = fmt::format("'{}', entry {}", path, i);
    try {
      suite::UnitTests unit;
      unit.name = entry.value("name", suite::findFolder(i));
      const nlohmann::json& vectors = entry.at("test_vec");
      const nlohmann::json& correct = entry.at("correct_inx");
      if (correct.size() < vectors.size())
        throw std::runtime_error("fewer correct_inx than test_vec");
      for (size_t v = 0; v < vectors.size(); ++v) {
        suite::UnitTestVector vector;
        for (const nlohmann::json& input : vectors[v].at(0))
          vector.inputs.push_back(pythonStr(input));
        for (const nlohmann::json& output : vectors[v].at(1)) {
          if (!output.is_string())
            throw std::runtime_error("an output that is not a string (findc compares str outputs)");
          vector.outputs.push_back(output.get<std::string>());
        }
        int64_t index = correct[v].is_string() ? std::stoll(correct[v].get<std::string>()) : correct[v].get<int64_t>();
        if (index < 1 || static_cast<size_t>(index) > std::min(vector.inputs.size(), vector.outputs.size()))
          throw std::runtime_error(fmt::format("correct_inx {} is not a pair of vector {}", index, v));
        vector.correct = static_cast<size_t>(index - 1);
        unit.vectors.push_back(std::move(vector));
      }
      tests.push_back(std::move(unit));
    } catch (const std::exception& e) {
      throw std::runtime_error(where + ": " + e.what());
    }
  }
  return tests;
}

} // namespace findc::score
