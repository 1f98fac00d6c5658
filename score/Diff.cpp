#include "score/Diff.h"

#include "compiler/suite/UnitTests.h"
#include "engine/Evaluate.h"
#include "runtime/PyNumbers.h"
#include "runtime/Strings.h"

#include <fmt/core.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <memory>
#include <random>
#include <unordered_map>

namespace findc::score {
namespace {

constexpr size_t kChunk = 4096; // values of the slow path evaluated per arena

// What one function gave at every point: numbers in re/im, anything else
// as text; error kinds where it raised.
struct Outcomes {
  // Written whole by the evaluation, so not zeroed first.
  size_t size = 0, capacity = 0;
  std::unique_ptr<double[]> re;
  std::vector<double> imaginary; // empty unless some value is complex
  std::unique_ptr<uint8_t[]> errors; // rt::ErrorKind codes
  std::vector<uint8_t> notNumber; // empty when every value is a number
  std::unordered_map<size_t, std::string> text; // of the values that are not numbers
  double im(size_t i) const { return imaginary.empty() ? 0.0 : imaginary[i]; }
  bool number(size_t i) const { return notNumber.empty() || !notNumber[i]; }
  rt::ErrorKind error(size_t i) const { return static_cast<rt::ErrorKind>(errors[i]); }
};

bool numberType(Type type) { return type == Type::Real || type == Type::Int || type == Type::Bool || type == Type::Complex; }

void store(Outcomes& out, size_t i, const Scalar& v) {
  if (numberType(v.type)) {
    if (v.type == Type::Complex) {
      out.re[i] = v.c->re;
      if (v.c->isComplex) {
        out.imaginary.resize(out.size);
        out.imaginary[i] = v.c->im;
      }
    } else {
      out.re[i] = v.asDouble();
    }
  } else {
    out.notNumber.resize(out.size);
    out.notNumber[i] = 1;
    out.text[i] = formatPython(v);
  }
}

Effects effectsAt(const DiffOptions& options, uint64_t firstQuery) {
  return {.apply = options.served, .seed = options.seed, .firstQuery = firstQuery};
}

// op at xs (queries firstQuery, firstQuery + 1, ...) into `out`, whose
// buffers are reused from block to block.
void evaluateAt(const DiffOperand& op, std::span<const double> xs, uint64_t firstQuery, const DiffOptions& options,
                Outcomes& out) {
  size_t n = xs.size();
  if (out.capacity < n) {
    out.capacity = n;
    out.re = std::make_unique_for_overwrite<double[]>(n);
    out.errors = std::make_unique_for_overwrite<uint8_t[]>(n);
  }
  out.size = n;
  out.imaginary.clear();
  out.notNumber.clear();
  out.text.clear();
  const ir::Function& f = op.suite->function(op.fn);
  if (f.takesNumbers()) { // one batch, compiled
    engine::evaluateNumberCodes(*op.suite, op.fn, xs, std::span(out.re.get(), n), effectsAt(options, firstQuery),
                                std::span(out.errors.get(), n));
    return;
  }
  for (size_t start = 0; start < n; start += kChunk) {
    size_t count = std::min(kChunk, n - start);
    rt::Arena arena;
    std::vector<Scalar> inputs;
    for (size_t i = 0; i < count; ++i)
      inputs.push_back(Scalar::ofReal(xs[start + i]));
    engine::Outputs got =
        engine::evaluateCall(*op.suite, op.fn, inputs, std::nullopt, effectsAt(options, firstQuery + start), arena);
    for (size_t i = 0; i < count; ++i) {
      out.errors[start + i] = static_cast<uint8_t>(got.errors[i]);
      out.re[start + i] = 0;
      if (!got.failed(i))
        store(out, start + i, got.values[i]);
    }
  }
}

bool agreeReal(double a, double b, const DiffOptions& o) {
  if (std::isnan(a) || std::isnan(b))
    return std::isnan(a) && std::isnan(b);
  if (std::isinf(a) || std::isinf(b))
    return a == b;
  return std::fabs(a - b) <= o.atol + o.rtol * std::max(std::fabs(a), std::fabs(b));
}

// The absolute error at i, or infinity where the outcomes are not both
// finite numbers.
double absError(const Outcomes& a, const Outcomes& b, size_t i) {
  if (a.errors[i] || b.errors[i] || !a.number(i) || !b.number(i))
    return INFINITY;
  double dr = a.re[i] - b.re[i];
  double e = a.imaginary.empty() && b.imaginary.empty() ? std::fabs(dr) : std::hypot(dr, a.im(i) - b.im(i));
  return std::isnan(e) ? INFINITY : e;
}

bool agree(const Outcomes& a, const Outcomes& b, size_t i, const DiffOptions& o) {
  if (a.errors[i] || b.errors[i])
    return a.errors[i] == b.errors[i];
  if (a.number(i) != b.number(i))
    return false;
  if (!a.number(i))
    return a.text.at(i) == b.text.at(i);
  return agreeReal(a.re[i], b.re[i], o) && agreeReal(a.im(i), b.im(i), o);
}

DiffValue valueAt(const DiffOperand& op, double x, uint64_t query, const DiffOptions& options) {
  rt::Arena arena;
  Scalar in = Scalar::ofReal(x);
  engine::Outputs got = engine::evaluateCall(*op.suite, op.fn, std::span(&in, 1), std::nullopt,
                                             effectsAt(options, query), arena);
  return {.text = got.failed(0) ? std::string(rt::errorName(got.errors[0])) : formatPython(got.values[0]),
          .error = got.failed(0)};
}

// The points, in ascending order without repeats (-0.0 before 0.0, both
// kept): a grid over the domain merged with seeded random points and
// boundary points, handed out a block at a time (10^6 points need no 8 MB
// array, and the evaluations' buffers are reused).
class PointStream {
public:
  explicit PointStream(const DiffOptions& o) : o_(o) {
    auto add = [&](double x) {
      if (x >= o.lo && x <= o.hi)
        extra_.push_back(x);
    };
    for (double x : {o.lo, o.hi, std::nextafter(o.lo, INFINITY), std::nextafter(o.hi, -INFINITY), 0.0, -0.0, 1.0,
                     -1.0, 0.5, -0.5, 1e-300, -1e-300, 5e-324, -5e-324, (o.lo + o.hi) / 2})
      add(x);
    // Integers (a hypothesis's `x == int(x)` paths) and FIND's grid, when
    // they take at most a tenth of the points.
    double first = std::ceil(o.lo), last = std::floor(o.hi);
    if (last - first < static_cast<double>(o.points) / 20)
      for (double k = first; k <= last; ++k) {
        add(k);
        add(k + 0.5);
      }
    size_t randomCount = o.points / 10;
    std::mt19937_64 generator(o.seed);
    std::uniform_real_distribution<double> uniform(o.lo, o.hi);
    for (size_t i = 0; i < randomCount; ++i)
      extra_.push_back(uniform(generator));
    std::sort(extra_.begin(), extra_.end(), before);
    gridCount_ = o.points > extra_.size() + 2 ? o.points - extra_.size() : 2;
  }

  // Fills `out` with the next points; 0 at the end.
  size_t next(std::span<double> out) {
    size_t n = 0;
    while (n < out.size() && (grid_ < gridCount_ || extra_index_ < extra_.size())) {
      double g = grid_ < gridCount_ ? gridPoint(grid_) : INFINITY;
      bool fromGrid = extra_index_ >= extra_.size() || (grid_ < gridCount_ && !before(extra_[extra_index_], g));
      double x = fromGrid ? g : extra_[extra_index_];
      (fromGrid ? grid_ : extra_index_)++;
      if (any_ && std::bit_cast<uint64_t>(x) == std::bit_cast<uint64_t>(last_))
        continue;
      out[n++] = last_ = x;
      any_ = true;
    }
    return n;
  }

private:
  static bool before(double a, double b) { return a < b || (a == b && std::signbit(a) > std::signbit(b)); }
  double gridPoint(size_t i) const {
    return o_.lo + (o_.hi - o_.lo) * static_cast<double>(i) / static_cast<double>(gridCount_ - 1);
  }

  const DiffOptions& o_;
  std::vector<double> extra_;
  size_t extra_index_ = 0, grid_ = 0, gridCount_ = 0;
  double last_ = 0;
  bool any_ = false;
};

std::string repr(double x) { return formatPython(Scalar::ofReal(x)); }

std::string jsonDiffValue(const DiffValue& v) {
  return fmt::format("{{\"{}\": {}}}", v.error ? "error" : "value", formatJsonString(v.text));
}

// ---- strings ----

struct StringProbe {
  const DiffOperand& a;
  const DiffOperand& b;
  const DiffOptions& options;
  size_t evaluations = 0;

  DiffValue at(const DiffOperand& op, const std::string& input) {
    rt::Arena arena;
    Scalar in = Scalar::ofStr(rt::makeStr(arena, input));
    engine::Outputs got =
        engine::evaluateCall(*op.suite, op.fn, std::span(&in, 1), std::nullopt, effectsAt(options, 0), arena);
    if (got.failed(0))
      return {.text = std::string(rt::errorName(got.errors[0])), .error = true};
    const Scalar& v = got.values[0];
    // A str quoted, anything else as str() prints it: '3' and 3 differ.
    return {.text = v.type == Type::Str ? formatJsonString(v.s->view()) : formatPython(v)};
  }
  bool differs(const std::string& input) {
    ++evaluations;
    DiffValue x = at(a, input), y = at(b, input);
    return x.error != y.error || x.text != y.text;
  }
};

// UTF-8 code points of s.
std::vector<std::string> codePoints(const std::string& s) {
  std::vector<std::string> points;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0)
      n = 4;
    else if (c >= 0xE0)
      n = 3;
    else if (c >= 0xC0)
      n = 2;
    points.push_back(s.substr(i, n));
    i += n;
  }
  return points;
}

std::string join(const std::vector<std::string>& points) {
  std::string s;
  for (const std::string& p : points)
    s += p;
  return s;
}

// Delta debugging to a 1-minimal input: no chunk can be removed and no
// character replaced by a plainer one ('a', then ' ') while the functions
// still differ. Bounded by `budget` evaluations.
std::string shrink(StringProbe& probe, std::string input, size_t budget) {
  std::vector<std::string> points = codePoints(input);
  size_t start = probe.evaluations;
  auto within = [&] { return probe.evaluations - start < budget; };
  for (bool changed = true; changed && within();) {
    changed = false;
    for (size_t chunk = std::max<size_t>(points.size() / 2, 1); chunk >= 1 && within(); chunk /= 2) {
      for (size_t at = 0; at + chunk <= points.size() && within();) {
        std::vector<std::string> candidate = points;
        candidate.erase(candidate.begin() + static_cast<ptrdiff_t>(at), candidate.begin() + static_cast<ptrdiff_t>(at + chunk));
        if (probe.differs(join(candidate))) {
          points = std::move(candidate);
          changed = true;
        } else {
          ++at;
        }
      }
      if (chunk == 1)
        break;
    }
    for (size_t at = 0; at < points.size() && within(); ++at)
      for (const char* plainer : {"a", " "}) {
        if (points[at] == plainer || (points[at] == "a" && std::string(plainer) == " "))
          break;
        std::vector<std::string> candidate = points;
        candidate[at] = plainer;
        if (probe.differs(join(candidate))) {
          points = std::move(candidate);
          changed = true;
          break;
        }
      }
  }
  return join(points);
}

// Seeded inputs: the given test inputs, the unit tests' pool (edge cases and
// random strings), then random strings over several alphabets and mutations
// of both.
class StringInputs {
public:
  StringInputs(uint64_t seed, std::span<const std::string> testInputs)
      : pool_(testInputs.begin(), testInputs.end()), random_(seed) {
    std::vector<std::string> generated = suite::unitTestStrings(seed);
    pool_.insert(pool_.end(), generated.begin(), generated.end());
  }

  std::string next() {
    if (index_ < pool_.size())
      return pool_[index_++];
    std::uniform_int_distribution<int> kind(0, 2);
    if (kind(random_) == 0)
      return mutate(pool_[std::uniform_int_distribution<size_t>(0, pool_.size() - 1)(random_)]);
    static const std::vector<std::string> alphabets[] = {
        {"a", "b", "c", "x", "y", "z"},
        {"a", "E", "i", "O", "u", "Y", " ", "1", "9"},
        {"A", "b", "!", "?", ".", ",", "-", "_", "'", "\"", " ", "\t", "0"},
        {"é", "ß", "Ω", "日", "😀", "a", "Z", " "}};
    const std::vector<std::string>& alphabet = alphabets[std::uniform_int_distribution<size_t>(0, 3)(random_)];
    size_t length = std::uniform_int_distribution<size_t>(0, 12)(random_);
    std::string s;
    for (size_t i = 0; i < length; ++i)
      s += alphabet[std::uniform_int_distribution<size_t>(0, alphabet.size() - 1)(random_)];
    return s;
  }

private:
  std::string mutate(const std::string& base) {
    std::vector<std::string> points = codePoints(base);
    static const char* const kChars[] = {"a", "Z", " ", "1", "!", "é", "x"};
    int edits = std::uniform_int_distribution<int>(1, 3)(random_);
    for (int e = 0; e < edits; ++e) {
      size_t at = std::uniform_int_distribution<size_t>(0, points.size())(random_);
      const char* c = kChars[std::uniform_int_distribution<size_t>(0, 6)(random_)];
      switch (std::uniform_int_distribution<int>(0, 2)(random_)) {
      case 0: points.insert(points.begin() + static_cast<ptrdiff_t>(at), c); break;
      case 1:
        if (at < points.size())
          points.erase(points.begin() + static_cast<ptrdiff_t>(at));
        break;
      default:
        if (at < points.size())
          points[at] = c;
      }
    }
    return join(points);
  }

  std::vector<std::string> pool_;
  size_t index_ = 0;
  std::mt19937_64 random_;
};

} // namespace

NumericDiff diffNumbers(const DiffOperand& a, const DiffOperand& b, const DiffOptions& options) {
  constexpr size_t kBlock = 1 << 16;
  PointStream stream(options);
  std::vector<double> xs(kBlock);
  Outcomes ya, yb;
  NumericDiff diff;
  struct Worst {
    double error, x;
    uint64_t query;
  };
  std::vector<Worst> worst; // the 5 largest errors among differing points, a min-heap
  auto larger = [](const Worst& p, const Worst& q) { return p.error > q.error; };
  bool previous = false; // whether the point before differs
  for (size_t n; (n = stream.next(xs)) > 0; diff.points += n) {
    std::span<const double> block(xs.data(), n);
    evaluateAt(a, block, diff.points, options, ya);
    evaluateAt(b, block, diff.points, options, yb);
    bool complex = !ya.imaginary.empty() || !yb.imaginary.empty();
    for (size_t i = 0; i < n; ++i) {
      double e = absError(ya, yb, i);
      if (std::isfinite(e)) {
        double scale = complex ? std::max(std::hypot(ya.re[i], ya.im(i)), std::hypot(yb.re[i], yb.im(i)))
                               : std::max(std::fabs(ya.re[i]), std::fabs(yb.re[i]));
        double rel = scale > 0 ? e / scale : 0;
        if (e > diff.maxAbs)
          diff.maxAbs = e, diff.maxAbsAt = xs[i];
        if (rel > diff.maxRel)
          diff.maxRel = rel, diff.maxRelAt = xs[i];
      }
      bool differs = !agree(ya, yb, i, options);
      if (differs) {
        ++diff.differing;
        if (previous) { // the run goes on
          NumericDiff::Interval& run = diff.intervals.back();
          run.hi = xs[i];
          ++run.points;
          run.maxAbs = std::max(run.maxAbs, e);
        } else {
          diff.intervals.push_back({.lo = xs[i], .hi = xs[i], .points = 1, .maxAbs = e});
        }
        if (worst.size() < 5 || e > worst.front().error) {
          worst.push_back({e, xs[i], diff.points + i});
          std::push_heap(worst.begin(), worst.end(), larger);
          if (worst.size() > 5) {
            std::pop_heap(worst.begin(), worst.end(), larger);
            worst.pop_back();
          }
        }
      }
      previous = differs;
    }
  }
  // Worst first; among equal errors (infinities: an error or a NaN on one
  // side), the leftmost first.
  std::sort(worst.begin(), worst.end(),
            [](const Worst& p, const Worst& q) { return p.error > q.error || (p.error == q.error && p.query < q.query); });
  for (const Worst& w : worst)
    diff.worst.push_back({.x = w.x, .a = valueAt(a, w.x, w.query, options), .b = valueAt(b, w.x, w.query, options),
                          .absError = w.error});
  return diff;
}

StringDiff diffStrings(const DiffOperand& a, const DiffOperand& b, const DiffOptions& options) {
  StringProbe probe{a, b, options};
  StringInputs inputs(options.seed, options.testInputs);
  StringDiff diff;
  std::vector<std::string> found;
  for (; diff.inputs < options.stringInputs; ++diff.inputs) {
    std::string input = inputs.next();
    if (!probe.differs(input))
      continue;
    ++diff.differing;
    if (found.size() < options.counterexamples * 4)
      found.push_back(input);
  }
  // The shortest ones first; each shrunk; repeats of one minimal input dropped.
  std::stable_sort(found.begin(), found.end(), [](const std::string& p, const std::string& q) { return p.size() < q.size(); });
  for (const std::string& input : found) {
    if (diff.counterexamples.size() >= options.counterexamples)
      break;
    std::string minimal = shrink(probe, input, 2000);
    if (std::any_of(diff.counterexamples.begin(), diff.counterexamples.end(),
                    [&](const StringDiff::Counterexample& c) { return c.minimal == minimal; }))
      continue;
    diff.counterexamples.push_back({.found = input, .minimal = minimal, .a = probe.at(a, minimal), .b = probe.at(b, minimal)});
  }
  return diff;
}

std::string formatNumericDiff(const DiffOperand& a, const DiffOperand& b, const NumericDiff& d, const DiffOptions& o) {
  std::string text = fmt::format("A = {}\nB = {}\n{} points in [{}, {}]: {} differ (rtol {}, atol {})\n", a.label,
                                 b.label, d.points, repr(o.lo), repr(o.hi), d.differing, repr(o.rtol), repr(o.atol));
  text += fmt::format("max abs error {}{}\nmax rel error {}{}\n", repr(d.maxAbs),
                      d.maxAbsAt ? " at x = " + repr(*d.maxAbsAt) : "", repr(d.maxRel),
                      d.maxRelAt ? " at x = " + repr(*d.maxRelAt) : "");
  if (!d.intervals.empty()) {
    text += fmt::format("{} disagreement interval{}:\n", d.intervals.size(), d.intervals.size() == 1 ? "" : "s");
    for (size_t k = 0; k < std::min<size_t>(d.intervals.size(), 20); ++k)
      text += fmt::format("  [{}, {}]  {} points, max abs error {}\n", repr(d.intervals[k].lo), repr(d.intervals[k].hi),
                          d.intervals[k].points, repr(d.intervals[k].maxAbs));
    if (d.intervals.size() > 20)
      text += fmt::format("  ... {} more\n", d.intervals.size() - 20);
    text += "worst points:\n";
    for (const NumericDiff::Point& p : d.worst)
      text += fmt::format("  x = {}: A {}, B {}\n", repr(p.x), p.a.text, p.b.text);
  }
  return text + (d.differing ? "they differ\n" : "equivalent within the tolerance\n");
}

std::string formatStringDiff(const DiffOperand& a, const DiffOperand& b, const StringDiff& d) {
  std::string text = fmt::format("A = {}\nB = {}\n{} generated inputs: {} differ\n", a.label, b.label, d.inputs,
                                 d.differing);
  for (const StringDiff::Counterexample& c : d.counterexamples)
    text += fmt::format("  minimal {} (from {}): A {}, B {}\n", formatJsonString(c.minimal), formatJsonString(c.found),
                        c.a.text, c.b.text);
  return text + (d.differing ? "they differ\n" : "equivalent on every input tried\n");
}

std::string numericDiffJson(const DiffOperand& a, const DiffOperand& b, const NumericDiff& d, const DiffOptions& o) {
  auto real = [](double x) { return formatJson(Scalar::ofReal(x)); };
  auto at = [&](const std::optional<double>& x) { return x ? real(*x) : std::string("null"); };
  std::string text = fmt::format(
      "{{\"a\": {}, \"b\": {}, \"domain\": [{}, {}], \"points\": {}, \"differing\": {}, \"rtol\": {}, \"atol\": {}, "
      "\"max_abs_error\": {}, \"max_abs_error_at\": {}, \"max_rel_error\": {}, \"max_rel_error_at\": {}, \"intervals\": [",
      formatJsonString(a.label), formatJsonString(b.label), real(o.lo), real(o.hi), d.points, d.differing, real(o.rtol),
      real(o.atol), real(d.maxAbs), at(d.maxAbsAt), real(d.maxRel), at(d.maxRelAt));
  for (size_t k = 0; k < d.intervals.size(); ++k)
    text += fmt::format("{}{{\"lo\": {}, \"hi\": {}, \"points\": {}, \"max_abs_error\": {}}}", k ? ", " : "",
                        real(d.intervals[k].lo), real(d.intervals[k].hi), d.intervals[k].points, real(d.intervals[k].maxAbs));
  text += "], \"worst\": [";
  for (size_t k = 0; k < d.worst.size(); ++k)
    text += fmt::format("{}{{\"x\": {}, \"a\": {}, \"b\": {}}}", k ? ", " : "", real(d.worst[k].x),
                        jsonDiffValue(d.worst[k].a), jsonDiffValue(d.worst[k].b));
  return text + fmt::format("], \"equivalent\": {}}}\n", d.differing == 0 ? "true" : "false");
}

std::string stringDiffJson(const DiffOperand& a, const DiffOperand& b, const StringDiff& d) {
  std::string text = fmt::format("{{\"a\": {}, \"b\": {}, \"inputs\": {}, \"differing\": {}, \"counterexamples\": [",
                                 formatJsonString(a.label), formatJsonString(b.label), d.inputs, d.differing);
  for (size_t k = 0; k < d.counterexamples.size(); ++k) {
    const StringDiff::Counterexample& c = d.counterexamples[k];
    text += fmt::format("{}{{\"minimal\": {}, \"found\": {}, \"a\": {}, \"b\": {}}}", k ? ", " : "",
                        formatJsonString(c.minimal), formatJsonString(c.found), jsonDiffValue(c.a), jsonDiffValue(c.b));
  }
  return text + fmt::format("], \"equivalent\": {}}}\n", d.differing == 0 ? "true" : "false");
}

} // namespace findc::score
