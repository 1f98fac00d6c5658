// Strings, lists and maps at run time, shared by both engines.
//
// A value of type str is a `const Str*`: immutable UTF-8 text with its byte
// size and its length in code points (Python's len). Lists and maps are
// immutable too; "mutation" in the language builds a new value. Every value
// made during an evaluation lives in the Context's Arena and is freed when
// the caller resets the arena (after a batch), so nothing is ever freed one
// by one and nothing leaks. Constants of a compiled module have the same
// layout and live in the module.
//
// Errors are values, not exceptions: an operation that fails the way Python
// raises records the first ErrorKind in the Context and returns a harmless
// value; the caller reads Context::error after the evaluation.
#pragma once

#include "runtime/Philox.h"
#include "runtime/Value.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace findc::rt {

// Layouts are fixed: generated code builds constants with them and reads
// Context fields directly.
struct Str {
  int64_t bytes;   // UTF-8 size, without the terminating NUL
  int64_t length;  // code points
  const char* data; // NUL-terminated
  std::string_view view() const { return {data, static_cast<size_t>(bytes)}; }
};

union Elem {
  int64_t i;
  double r;
  const Str* s;
};

struct List {
  int64_t size;
  const Elem* items;
};

// Insertion-ordered (as Python's dict); keys unique. Keys and values are
// Elems of the map type's key and value types (mapKey, mapValue).
struct Map {
  int64_t size;
  const Elem* keys;
  const Elem* values;
};

// Bump allocator: blocks are kept until reset() or destruction.
class Arena {
public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  void* allocate(size_t bytes, size_t align = alignof(std::max_align_t));
  // Frees everything allocated so far (keeps one block, up to 1 MiB, for
  // reuse, so a steady batch allocates nothing).
  void reset();
  size_t bytesAllocated() const;

private:
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::vector<size_t> sizes_;
  std::byte* cursor_ = nullptr;
  std::byte* end_ = nullptr;
  size_t total_ = 0;
};

// The kinds of failure, named after the Python exception FIND's code raises.
enum class ErrorKind : int32_t {
  None = 0,
  IndexError,
  KeyError,
  ValueError,
  TypeError,
  BudgetExceeded,
  ZeroDivisionError, // Python float division, 0.0 ** negative
  OverflowError,     // Python float ** out of range
  RecursionError,    // Python recursion deeper than maxRecursionDepth
};
std::string_view errorName(ErrorKind kind);

// Loop iterations one evaluation may run before it fails with
// BudgetExceeded (a `while` that never ends is an error value, not a hang).
inline constexpr int64_t defaultLoopBudget = 1'000'000;

// Calls of recursive functions (a hypothesis's `def` that calls itself,
// directly or through others) one evaluation may nest before it fails with
// RecursionError: CPython's default recursion limit. Bounds the stack an
// evaluation uses in either engine.
inline constexpr int32_t maxRecursionDepth = 1000;

// What an evaluation carries: its arena, its loop budget, its first error,
// and where its random draws come from (Python's random in hypotheses: the
// evaluated function's key, as its bench noise's, and the query number; the
// engines set both per query, so draws are reproducible under a seed).
struct Context {
  Arena* arena = nullptr;
  int64_t budget = defaultLoopBudget;
  int32_t error = 0; // an ErrorKind
  PhiloxKey drawKey{};
  uint64_t query = 0;
  uint32_t draws = 0; // made so far in this evaluation
  int32_t depth = 0;  // calls of recursive functions active now (py.enter)
  // Bytes of maps built so far (maxMapBytes): map stores copy the map, so
  // this, not a map's size, is what bounds the memory a dict-filling loop
  // takes. Reset with the evaluation and with the arena.
  int64_t mapBytes = 0;
  // The arena's bytes when this evaluation began (maxEvaluationBytes).
  size_t arenaStart = 0;
  // Resets budget, error, draws, depth and mapBytes before one evaluation,
  // and marks where its arena stands (the arena keeps what it holds: the
  // values of earlier evaluations).
  void begin(int64_t loopBudget = defaultLoopBudget) {
    budget = loopBudget;
    error = 0;
    draws = 0;
    depth = 0;
    mapBytes = 0;
    arenaStart = arena ? arena->bytesAllocated() : 0;
  }
  ErrorKind errorKind() const { return static_cast<ErrorKind>(error); }
  // Records `kind` unless an error is already recorded.
  void fail(ErrorKind kind);
};

// ---- the operation table ----
enum class StrOp : uint8_t {
#define STROP(Name, Mnemonic, Result, Arity, A, B, C, D, Raises, Compiled) Name,
#include "runtime/StrOps.def"
};

// How compiled code computes an operation (StrOps.def's Compiled).
enum class Compiled : uint8_t { Call, Inline };

struct StrOpInfo {
  std::string_view mnemonic; // "str.concat"
  const char* symbol;        // "findc_rt_str_concat"
  void* address;             // the extern "C" function
  Type result;
  unsigned arity;
  Type operands[4];
  bool raises;
  Compiled compiled;
};
const StrOpInfo& strOpInfo(StrOp op);
std::optional<StrOp> strOpFromMnemonic(std::string_view mnemonic);
std::span<const StrOpInfo> allStrOps();

// The operations of one list type (StrList, IntList or RealList), for the
// stages that pick them by the list's type.
struct ListOps {
  StrOp empty, append, concat, len, get, contains, eq, slice;
};
inline const ListOps& listOps(Type list) {
  using enum StrOp;
  static constexpr ListOps strs{StrListEmpty, StrListAppend, StrListConcat, StrListLen,
                                StrListGet,   StrListContains, StrListEq,   StrListSlice};
  static constexpr ListOps ints{IntListEmpty, IntListAppend, IntListConcat, IntListLen,
                                IntListGet,   IntListContains, IntListEq,   IntListSlice};
  static constexpr ListOps reals{RealListEmpty, RealListAppend, RealListConcat, RealListLen,
                                 RealListGet,   RealListContains, RealListEq,   RealListSlice};
  return list == Type::StrList ? strs : list == Type::IntList ? ints : reals;
}

// The operations of one map type (StrMap, StrIntMap, ..., IntRealMap).
struct MapOps {
  StrOp empty, insert, len, get, lookup, contains, eq, keys, values;
};
const MapOps& mapOps(Type map);

// The interpreter's entry: runs `op` on operands of the table's types.
Scalar applyStrOp(StrOp op, Context& ctx, std::span<const Scalar> operands);

// Values made outside an evaluation (CLI inputs, constants): in `arena`.
const Str* makeStr(Arena& arena, std::string_view utf8);
const List* makeStrList(Arena& arena, std::span<const std::string> items);
const List* makeIntList(Arena& arena, std::span<const int64_t> items);
const List* makeRealList(Arena& arena, std::span<const double> items);
const Map* makeMap(Arena& arena, std::span<const std::pair<std::string, std::string>> entries);

// Python's float(text) of a str: nothing where CPython raises ValueError
// (only ASCII digits; CPython also reads other Unicode decimal digits).
std::optional<double> pythonFloatOf(std::string_view text);

// Python's repr of a str ('abc', "it's", '\n', non-printables escaped as
// Python does).
std::string pythonRepr(std::string_view utf8);

// Largest payload (string bytes, 8 bytes per list item, 16 per map entry)
// one operation builds; a larger result records BudgetExceeded and returns
// the harmless value (a runaway `s = s + s` loop fails instead of
// exhausting memory). Below Text.h's limit, so case mapping never throws.
inline constexpr int64_t maxValueBytes = int64_t{1} << 28;
// Largest total of arena bytes (every string, list, map and complex value
// built) one evaluation allocates: lists and maps are values, so a loop
// that appends to a list copies it each time and builds n^2 / 2 items in
// all; past this the evaluation fails with BudgetExceeded (recorded by the
// allocation that crosses it, which completes; the loop stops at its next
// tick) instead of exhausting memory: about 16,000 appends one by one.
inline constexpr int64_t maxEvaluationBytes = int64_t{1} << 30;

// Largest total of map payloads (16 bytes per entry of every map built) one
// evaluation builds: a map store copies the map (maps are values), so a loop
// filling a dict one key at a time builds n^2 / 2 entries in all; past this
// it fails with BudgetExceeded instead of exhausting memory (about 5,800
// keys stored one by one, or 170,000 stores into a dict of 100 keys).
inline constexpr int64_t maxMapBytes = int64_t{1} << 28;

// The evaluation's arena, for a runtime operation about to allocate:
// records BudgetExceeded once the evaluation has allocated more than
// maxEvaluationBytes.
inline Arena& arenaOf(Context* ctx) {
  if (ctx->arena->bytesAllocated() - ctx->arenaStart > static_cast<size_t>(maxEvaluationBytes))
    ctx->fail(ErrorKind::BudgetExceeded);
  return *ctx->arena;
}

// What compiled code calls besides the operations: a checked batch entry
// (compiler/codegen) of a function that allocates empties the context's
// arena before every point, as the engine does between boxed calls (a
// point's values die with it: the entry returns numbers).
inline constexpr const char* kArenaResetSymbol = "findc_rt_arena_reset";

// Every extern "C" function compiled code may call by name (the operations
// and the arena reset) with its address in this program: how the JIT and an
// artifact's loader bind compiled code to the runtime.
struct RuntimeSymbol {
  const char* name;
  void* address;
};
std::vector<RuntimeSymbol> runtimeSymbols();

} // namespace findc::rt

extern "C" void findc_rt_arena_reset(findc::rt::Context* ctx);
