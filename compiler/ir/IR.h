// findc's typed SSA IR. A function is a straight-line sequence of
// instructions; value %i is the result of instruction i and may use only
// earlier values. Every operation is total (no traps, no side effects), so
// `if` lowers to `select` and any pure value may be reused or dropped.
// Control flow arrives with loops (strings issue) as blocks with arguments.
#pragma once

#include "runtime/Bench.h"
#include "runtime/PrimOps.h"
#include "runtime/Value.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace findc::ir {

using ValueId = uint32_t;

enum class Opcode : uint8_t {
  Param, // function parameter `index`
  Const, // the scalar `constant`
  Prim,  // primitive operation `prim` on the operands
  Call,  // call of function `index` of the module
};

struct Inst {
  Opcode op = Opcode::Const;
  Type type = Type::Error;
  PrimOp prim = PrimOp::Add;
  uint32_t index = 0;
  Scalar constant;
  std::vector<ValueId> operands;
};

struct Param {
  std::string name;
  Type type = Type::Error;
  std::optional<Scalar> defaultValue;
};

struct Function {
  std::string name;
  std::string doc;
  std::vector<Param> params;
  Type resultType = Type::Error;
  std::vector<Inst> body;
  ValueId result = 0;

  // Whether the function can be called with a single number x: its first
  // parameter is int or real and every other parameter has a default. Such
  // functions get the scalar and batch entry points f(x).
  bool hasUnaryEntry() const;
};

// A benchmark: function `function` is what it computes without noise (the
// clean expression, NaN outside an enforced domain; for a trained `approx
// mlp`, the network). The effects are applied on top by rt::applyEffects.
struct Bench {
  uint32_t function = 0;
  std::string category;
  std::optional<std::pair<double, double>> domain;
  bool extrapolate = false; // the domain is metadata only
  rt::BenchEffects effects;
  struct Approx {
    unsigned hidden = 64;
    bool trained = false;
    std::optional<double> mse;
    uint32_t target = 0; // function index of the clean expression it fits
    // Where the clause is in the source: for diagnostics, and for training,
    // which writes the weights at its end (a byte offset).
    uint32_t line = 0, column = 0;
    size_t endOffset = 0;
  };
  std::optional<Approx> approx;
};

struct Module {
  std::vector<Function> functions;
  std::vector<Bench> benches;

  // Index of the function named `name`, if any.
  std::optional<uint32_t> find(std::string_view name) const;
  // The bench whose function is `function`, if any.
  const Bench* benchFor(uint32_t function) const;
  // Indices of `roots` and every function they call, callees first.
  std::vector<uint32_t> callOrder(const std::vector<uint32_t>& roots) const;
  std::vector<uint32_t> callOrder() const;
};

// Appends instructions to a function.
class Builder {
public:
  explicit Builder(Function& fn) : fn_(fn) {}
  ValueId param(uint32_t index);
  ValueId constant(Scalar value);
  ValueId prim(PrimOp op, Type type, std::vector<ValueId> operands);
  ValueId call(uint32_t callee, Type type, std::vector<ValueId> operands);
  ValueId append(Inst inst);
  Type typeOf(ValueId id) const { return fn_.body[id].type; }

private:
  Function& fn_;
};

// Checks structural and type invariants; returns one message per problem.
std::vector<std::string> verify(const Module& module);

// The textual form `findc emit --ir` prints.
std::string print(const Module& module);
std::string print(const Module& module, const Function& fn);

} // namespace findc::ir
