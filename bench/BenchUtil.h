// Timing and table helpers shared by the benchmark harnesses.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

namespace findc::bench {

// What the harnesses measure. Thread CPU time (the default) leaves out the
// time the thread spends descheduled, which on a loaded machine dominates
// wall-clock noise; every engine runs on the calling thread, so for a
// CPU-bound loop it equals the wall time of an idle machine. --wall switches
// to std::chrono::steady_clock.
enum class ClockKind { ThreadCpu, Wall };

inline ClockKind& benchClock() {
  static ClockKind kind = ClockKind::ThreadCpu;
  return kind;
}

inline const char* clockName() {
  return benchClock() == ClockKind::Wall ? "wall time (steady_clock)" : "thread CPU time";
}

inline double wallNow() {
  using Clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

inline double cpuNow() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

inline double now() { return benchClock() == ClockKind::Wall ? wallNow() : cpuNow(); }

// The options every harness takes: --help prints `help` and exits, --wall
// switches the clock. Returns whether `arg` was one of them.
inline bool commonOption(const std::string& arg, const char* help) {
  if (arg == "--help" || arg == "-h") {
    std::fputs(help, stdout);
    std::exit(0);
  }
  if (arg == "--wall") {
    benchClock() = ClockKind::Wall;
    return true;
  }
  return false;
}

// Seconds `f()` takes.
template <typename F> double timeOnce(F&& f) {
  double start = now();
  f();
  return now() - start;
}

// The minimum over `reps` runs: the least noisy estimate on a busy machine.
template <typename F> double bestOf(int reps, F&& f) {
  double best = 1e300;
  for (int i = 0; i < reps; ++i)
    best = std::min(best, timeOnce(f));
  return best;
}

inline double median(std::vector<double> values) {
  if (values.empty())
    return 0;
  std::sort(values.begin(), values.end());
  size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

inline double minimum(const std::vector<double>& values) {
  return values.empty() ? 0 : *std::min_element(values.begin(), values.end());
}

[[noreturn]] inline void fail(const std::string& message) {
  std::fprintf(stderr, "error: %s\n", message.c_str());
  std::exit(1);
}

struct ChildSample {
  double wall = 0, cpu = 0; // the child's user + system time
};

// Runs `args` (a path, not searched) with stdout to `outPath`, and returns
// its times; fails unless it exits 0.
inline ChildSample runChild(const std::vector<std::string>& args, const std::string& outPath) {
  std::vector<char*> argv;
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  double w0 = wallNow();
  pid_t pid = 0;
  int err = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (err != 0)
    fail("cannot run " + args[0] + ": " + std::strerror(err));
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid)
    fail("wait4 failed: " + std::string(std::strerror(errno)));
  ChildSample s;
  s.wall = wallNow() - w0;
  auto seconds = [](const timeval& tv) {
    return static_cast<double>(tv.tv_sec) + 1e-6 * static_cast<double>(tv.tv_usec);
  };
  s.cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    fail(args[0] + " " + (args.size() > 1 ? args[1] : "") + " failed (status " + std::to_string(status) + ")");
  return s;
}

// The largest relative difference between `got` and `want`, each point
// measured against max(|got|, |want|, 1e-3 * the largest |want|): near a zero
// crossing a pure relative error only measures cancellation (muparser
// rewrites 1.62*(x - 0.45) as 1.62*x - 0.729, a legitimate 1e-15 change in
// sin's argument, which is ~1e-9 relative next to a root of the sine).
inline double maxRelativeDifference(const double* got, const double* want, size_t n) {
  double scale = 0;
  for (size_t i = 0; i < n; ++i)
    if (std::isfinite(want[i]))
      scale = std::max(scale, std::fabs(want[i]));
  double worst = 0;
  for (size_t i = 0; i < n; ++i) {
    double a = got[i], b = want[i];
    if (std::isnan(a) && std::isnan(b))
      continue;
    if (!std::isfinite(a) || !std::isfinite(b)) {
      if (a != b)
        return INFINITY;
      continue;
    }
    double denom = std::max({std::fabs(a), std::fabs(b), 1e-3 * scale, 1e-300});
    worst = std::max(worst, std::fabs(a - b) / denom);
  }
  return worst;
}
inline double maxRelativeDifference(const std::vector<double>& got, const std::vector<double>& want) {
  return maxRelativeDifference(got.data(), want.data(), got.size());
}

// Parses `--name=value` or `--name value` integer options, at least `min`.
inline bool intOption(int argc, char** argv, int& i, const char* name, long& out, long min = 1) {
  std::string arg = argv[i];
  std::string flag = std::string("--") + name;
  std::string text;
  if (arg == flag && i + 1 < argc)
    text = argv[++i];
  else if (arg.rfind(flag + "=", 0) == 0)
    text = arg.substr(flag.size() + 1);
  else
    return false;
  char* end = nullptr;
  out = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || out < min)
    fail("option " + flag + " expects an integer >= " + std::to_string(min) + ", got '" + text + "'");
  return true;
}

// `--NAME VALUE` or `--NAME=VALUE`.
inline bool stringOption(int argc, char** argv, int& i, const char* name, std::string& out) {
  std::string arg = argv[i];
  std::string flag = std::string("--") + name;
  if (arg == flag && i + 1 < argc)
    out = argv[++i];
  else if (arg.rfind(flag + "=", 0) == 0)
    out = arg.substr(flag.size() + 1);
  else
    return false;
  return true;
}

// About three significant digits, never an exponent.
inline std::string num(double v) {
  char buf[32];
  double a = std::fabs(v);
  std::snprintf(buf, sizeof buf, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
  return buf;
}

// `median [min-max]` of samples, each formatted by `format` (printf, or
// num() when null).
inline std::string spreadCell(const std::vector<double>& v, const char* format = nullptr, const char* suffix = "") {
  auto fmt = [&](double value) {
    if (!format)
      return num(value);
    char buf[32];
    std::snprintf(buf, sizeof buf, format, value);
    return std::string(buf);
  };
  std::string cell = fmt(median(v)) + suffix;
  if (v.size() > 1)
    cell += " [" + fmt(minimum(v)) + "-" + fmt(*std::max_element(v.begin(), v.end())) + "]";
  return cell;
}

} // namespace findc::bench
