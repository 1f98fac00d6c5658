// findc's typed SSA IR. Value %i is the result of instruction i of the
// function's body. A function without control flow (every numeric function
// written as an expression) is a straight-line body: each instruction uses
// only earlier values, `if` is a `select`, and every operation is total and
// pure, so passes may reuse or drop any value. A function with statements,
// or with operations that can fail (strings: an index out of range), has
// basic blocks with arguments (MLIR style) in `blocks`; its instructions
// still live in `body` and are listed by the block that runs them.
#pragma once

#include "runtime/Bench.h"
#include "runtime/PrimOps.h"
#include "runtime/Strings.h"
#include "runtime/Value.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace findc::ir {

using ValueId = uint32_t;

enum class Opcode : uint8_t {
  Param,    // function parameter `index`
  Const,    // the scalar `constant`, or for a str the UTF-8 `text`
  Prim,     // primitive operation `prim` on the operands
  Call,     // call of function `index` of the module
  Runtime,  // string/list/map operation rt::StrOp(`index`) on the operands
  BlockArg, // argument `index` of the block that lists it
};

struct Inst {
  Opcode op = Opcode::Const;
  Type type = Type::Error;
  PrimOp prim = PrimOp::Add;
  uint32_t index = 0;
  Scalar constant;
  std::string text; // a str constant
  std::vector<ValueId> operands;

  rt::StrOp strOp() const { return static_cast<rt::StrOp>(index); }
};

// How a block ends. Branch arguments bind the target block's arguments.
struct Terminator {
  enum class Kind : uint8_t { Return, Branch, CondBranch } kind = Kind::Return;
  ValueId value = 0; // Return: the result; CondBranch: the bool condition
  struct Edge {
    uint32_t block = 0;
    std::vector<ValueId> args;
  };
  Edge edges[2]; // Branch: edges[0]; CondBranch: if true, if false
};

struct Block {
  std::vector<ValueId> args;  // BlockArg instructions, in order
  std::vector<ValueId> insts; // the others, in execution order
  Terminator term;
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
  ValueId result = 0; // straight-line functions
  // Control flow: blocks[0] is the entry (it lists the Param instructions).
  // Empty for a straight-line function.
  std::vector<Block> blocks;
  // Whether it runs with an rt::Context (arena, loop budget, error): it has
  // blocks, handles (str, list, map) or runtime operations, or calls a
  // function that does. Such functions take the context as a hidden first
  // argument in compiled code and are left alone by the IR passes.
  bool usesContext = false;
  // Whether it or a function it calls draws Python's random (py_random,
  // ...): each draw is keyed by the evaluation's query, which the boxed
  // calls set (the checked batch keeps no draw key).
  bool drawsRandom = false;
  // Whether it calls itself, directly or through other functions (Python
  // hypotheses): its entry counts the call (py.enter), each return leaves
  // (py.leave); the verifier accepts calls among recursive functions.
  bool recursive = false;

  // Whether the function can be evaluated at numbers, f(x) for each x: its
  // first parameter is int or real, every other parameter has a default,
  // and it returns a number or a bool.
  bool takesNumbers() const;
  // Whether its first parameter is a str (a function of a string suite).
  bool takesStr() const { return !params.empty() && params[0].type == Type::Str; }
  // Whether it takes numbers and needs no context. Such functions get the
  // scalar and batch entry points f(x); every function can be called
  // through the boxed entry.
  bool hasUnaryEntry() const;
  // Whether it takes numbers but needs a context (statements, operations
  // that raise), with numbers and bools for parameters: such functions get
  // a checked batch entry, one compiled loop over the points that records
  // each point's error. Not if it draws Python's random.
  bool hasCheckedBatchEntry() const;
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

  // The type of what the bench serves (its effects applied, or with every
  // draw zero) when its clean function returns `clean`: FIND's np.where with
  // normal noise, and uniform or normal noise, make ints real; Poisson noise
  // keeps them; a complex stays complex (Python adds a float to it).
  Type servedType(Type clean) const;
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
  // The first of `function` and the functions it calls with a runtime
  // operation `uses` accepts, if any.
  template <typename Predicate> const Function* findRuntimeUse(uint32_t function, Predicate uses) const {
    for (uint32_t f : callOrder({function}))
      for (const Inst& inst : functions[f].body)
        if (inst.op == Opcode::Runtime && uses(inst.strOp()))
          return &functions[f];
    return nullptr;
  }
};

// Appends instructions to a function.
class Builder {
public:
  explicit Builder(Function& fn) : fn_(fn) {}
  ValueId param(uint32_t index);
  ValueId constant(Scalar value);
  ValueId prim(PrimOp op, Type type, std::vector<ValueId> operands);
  ValueId call(uint32_t callee, Type type, std::vector<ValueId> operands);
  ValueId runtime(rt::StrOp op, std::vector<ValueId> operands);
  ValueId text(std::string utf8);
  ValueId append(Inst inst);
  Type typeOf(ValueId id) const { return fn_.body[id].type; }
  // Instructions appended from now on are listed by block `block` (none:
  // a straight-line body).
  void setBlock(std::optional<uint32_t> block) { block_ = block; }

private:
  Function& fn_;
  std::optional<uint32_t> block_;
};

// Sets Function::usesContext and drawsRandom for every function (callees
// first).
void markContextUse(Module& module);

// Checks structural and type invariants; returns one message per problem.
std::vector<std::string> verify(const Module& module);

// The textual form `findc emit --ir` prints.
std::string print(const Module& module);
std::string print(const Module& module, const Function& fn);

} // namespace findc::ir
