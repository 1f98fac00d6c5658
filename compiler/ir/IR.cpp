#include "compiler/ir/IR.h"

#include "runtime/PyNumbers.h"

#include <functional>
#include <set>
#include <sstream>

namespace findc::ir {

bool Function::takesNumbers() const {
  if (params.empty() || !isNumeric(params[0].type))
    return false;
  if (!isNumeric(resultType) && resultType != Type::Bool)
    return false;
  for (size_t i = 1; i < params.size(); ++i)
    if (!params[i].defaultValue)
      return false;
  return true;
}

bool Function::hasUnaryEntry() const { return !usesContext && takesNumbers(); }

bool Function::hasCheckedBatchEntry() const {
  if (!usesContext || drawsRandom || !takesNumbers())
    return false;
  for (const Param& p : params)
    if (!isNumeric(p.type) && p.type != Type::Bool)
      return false;
  return true;
}

const Bench* Module::benchFor(uint32_t function) const {
  for (const Bench& bench : benches)
    if (bench.function == function)
      return &bench;
  return nullptr;
}

Type Bench::servedType(Type clean) const {
  bool staysInt = effects.corruption.region == rt::CorruptRegion::None &&
                  (effects.noise.kind == rt::NoiseKind::None || effects.noise.kind == rt::NoiseKind::Poisson);
  if (clean == Type::Complex || (clean == Type::Int && staysInt))
    return clean;
  return Type::Real;
}

std::optional<uint32_t> Module::find(std::string_view name) const {
  for (uint32_t i = 0; i < functions.size(); ++i)
    if (functions[i].name == name)
      return i;
  return std::nullopt;
}

std::vector<uint32_t> Module::callOrder(const std::vector<uint32_t>& roots) const {
  std::vector<uint32_t> order;
  std::vector<char> seen(functions.size(), 0);
  std::function<void(uint32_t)> visit = [&](uint32_t f) {
    if (seen[f])
      return;
    seen[f] = 1;
    for (const Inst& inst : functions[f].body)
      if (inst.op == Opcode::Call && inst.index < functions.size())
        visit(inst.index);
    order.push_back(f);
  };
  for (uint32_t root : roots)
    visit(root);
  return order;
}

std::vector<uint32_t> Module::callOrder() const {
  std::vector<uint32_t> all(functions.size());
  for (uint32_t i = 0; i < all.size(); ++i)
    all[i] = i;
  return callOrder(all);
}

ValueId Builder::append(Inst inst) {
  fn_.body.push_back(std::move(inst));
  auto id = static_cast<ValueId>(fn_.body.size() - 1);
  if (block_)
    fn_.blocks[*block_].insts.push_back(id);
  return id;
}

ValueId Builder::param(uint32_t index) {
  Inst inst;
  inst.op = Opcode::Param;
  inst.type = fn_.params[index].type;
  inst.index = index;
  return append(std::move(inst));
}

ValueId Builder::constant(Scalar value) {
  Inst inst;
  inst.op = Opcode::Const;
  inst.type = value.type;
  inst.constant = value;
  return append(std::move(inst));
}

ValueId Builder::prim(PrimOp op, Type type, std::vector<ValueId> operands) {
  Inst inst;
  inst.op = Opcode::Prim;
  inst.prim = op;
  inst.type = type;
  inst.operands = std::move(operands);
  return append(std::move(inst));
}

ValueId Builder::runtime(rt::StrOp op, std::vector<ValueId> operands) {
  Inst inst;
  inst.op = Opcode::Runtime;
  inst.index = static_cast<uint32_t>(op);
  inst.type = rt::strOpInfo(op).result;
  inst.operands = std::move(operands);
  return append(std::move(inst));
}

ValueId Builder::text(std::string utf8) {
  Inst inst;
  inst.op = Opcode::Const;
  inst.type = Type::Str;
  inst.constant.type = Type::Str;
  inst.text = std::move(utf8);
  return append(std::move(inst));
}

namespace {

// Sets fn's usesContext and drawsRandom from its body and its callees' marks.
void markOne(const Module& module, Function& fn) {
  bool uses = !fn.blocks.empty() || isHandle(fn.resultType);
  for (const Param& p : fn.params)
    uses |= isHandle(p.type);
  bool draws = false;
  for (const Inst& inst : fn.body) {
    uses |= isHandle(inst.type) || inst.op == Opcode::Runtime ||
            (inst.op == Opcode::Call && module.functions[inst.index].usesContext);
    draws |= (inst.op == Opcode::Runtime && rt::drawsRandom(inst.strOp())) ||
             (inst.op == Opcode::Call && module.functions[inst.index].drawsRandom);
  }
  fn.usesContext = uses;
  fn.drawsRandom = draws;
}

} // namespace

void markContextUse(Module& module) {
  // Callees first; a recursive cycle reads its own functions' marks, so the
  // whole module is marked again until a cycle's marks stop changing (they
  // only ever turn true).
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t f : module.callOrder()) {
      Function& fn = module.functions[f];
      bool before[] = {fn.usesContext, fn.drawsRandom};
      markOne(module, fn);
      changed |= fn.recursive && (before[0] != fn.usesContext || before[1] != fn.drawsRandom);
    }
  }
}

ValueId Builder::call(uint32_t callee, Type type, std::vector<ValueId> operands) {
  Inst inst;
  inst.op = Opcode::Call;
  inst.index = callee;
  inst.type = type;
  inst.operands = std::move(operands);
  return append(std::move(inst));
}

// ---- verifier ----

namespace {

class Verifier {
public:
  explicit Verifier(const Module& module) : module_(module) {}

  std::vector<std::string> run() {
    for (const Function& fn : module_.functions)
      verifyFunction(fn);
    if (problems_.empty())
      verifyAcyclic();
    return std::move(problems_);
  }

private:
  void fail(const Function& fn, size_t at, const std::string& what) {
    problems_.push_back("@" + fn.name + ": %" + std::to_string(at) + ": " + what);
  }

  void verifyFunction(const Function& fn) {
    if (!fn.blocks.empty()) {
      verifyBlocks(fn);
      return;
    }
    for (size_t i = 0; i < fn.body.size(); ++i) {
      const Inst& inst = fn.body[i];
      if (inst.op == Opcode::BlockArg)
        fail(fn, i, "block argument in a function without blocks");
      for (ValueId operand : inst.operands)
        if (operand >= i) {
          fail(fn, i, "uses %" + std::to_string(operand) + " before it is defined");
          return;
        }
      verifyInst(fn, i);
    }
    if (fn.result >= fn.body.size())
      problems_.push_back("@" + fn.name + ": result %" + std::to_string(fn.result) + " is not defined");
    else if (fn.body[fn.result].type != fn.resultType)
      problems_.push_back("@" + fn.name + ": returns " + std::string(typeName(fn.body[fn.result].type)) +
                          " but is declared " + std::string(typeName(fn.resultType)));
  }

  // Every instruction in exactly one block, every block reachable, every use
  // dominated by its definition, branches matching their targets.
  void verifyBlocks(const Function& fn) {
    size_t n = fn.blocks.size();
    constexpr uint32_t none = UINT32_MAX;
    std::vector<uint32_t> blockOf(fn.body.size(), none), position(fn.body.size(), 0);
    auto place = [&](ValueId id, uint32_t b, uint32_t pos) {
      if (id >= fn.body.size()) {
        problems_.push_back("@" + fn.name + ": ^bb" + std::to_string(b) + " lists an undefined value");
        return false;
      }
      if (blockOf[id] != none) {
        fail(fn, id, "is listed by two blocks");
        return false;
      }
      blockOf[id] = b;
      position[id] = pos;
      return true;
    };
    for (uint32_t b = 0; b < n; ++b) {
      uint32_t pos = 0;
      for (ValueId arg : fn.blocks[b].args)
        if (!place(arg, b, pos++) || fn.body[arg].op != Opcode::BlockArg)
          return fail(fn, arg, "is not a block argument");
      for (ValueId id : fn.blocks[b].insts)
        if (!place(id, b, pos++) || fn.body[id].op == Opcode::BlockArg)
          return fail(fn, id, "is a block argument listed as an instruction");
    }
    for (size_t i = 0; i < fn.body.size(); ++i)
      if (blockOf[i] == none)
        return fail(fn, i, "belongs to no block");
      else if (fn.body[i].op == Opcode::Param && blockOf[i] != 0)
        return fail(fn, i, "parameter outside the entry block");

    auto successors = [&](uint32_t b) {
      const Terminator& t = fn.blocks[b].term;
      std::vector<uint32_t> out;
      if (t.kind != Terminator::Kind::Return)
        out.push_back(t.edges[0].block);
      if (t.kind == Terminator::Kind::CondBranch)
        out.push_back(t.edges[1].block);
      return out;
    };
    for (uint32_t b = 0; b < n; ++b)
      for (uint32_t s : successors(b))
        if (s >= n || s == 0) {
          problems_.push_back("@" + fn.name + ": ^bb" + std::to_string(b) + " branches to an invalid block");
          return;
        }
    // Dominators, iteratively (functions have tens of blocks).
    std::vector<std::vector<uint32_t>> preds(n);
    for (uint32_t b = 0; b < n; ++b)
      for (uint32_t s : successors(b))
        preds[s].push_back(b);
    std::vector<char> reachable(n, 0);
    std::vector<uint32_t> stack = {0};
    reachable[0] = 1;
    while (!stack.empty()) {
      uint32_t b = stack.back();
      stack.pop_back();
      for (uint32_t s : successors(b))
        if (!reachable[s]) {
          reachable[s] = 1;
          stack.push_back(s);
        }
    }
    for (uint32_t b = 0; b < n; ++b)
      if (!reachable[b]) {
        problems_.push_back("@" + fn.name + ": ^bb" + std::to_string(b) + " is unreachable");
        return;
      }
    std::vector<std::vector<char>> dom(n, std::vector<char>(n, 1));
    dom[0].assign(n, 0);
    dom[0][0] = 1;
    for (bool changed = true; changed;) {
      changed = false;
      for (uint32_t b = 1; b < n; ++b) {
        std::vector<char> next(n, 1);
        for (uint32_t p : preds[b])
          for (uint32_t k = 0; k < n; ++k)
            next[k] &= dom[p][k];
        next[b] = 1;
        if (next != dom[b]) {
          dom[b] = std::move(next);
          changed = true;
        }
      }
    }
    // `use` at (block b, position pos) sees `id` if defined before it there,
    // or in a block that dominates b.
    auto visible = [&](ValueId id, uint32_t b, uint32_t pos) {
      if (id >= fn.body.size())
        return false;
      return blockOf[id] == b ? position[id] < pos : dom[b][blockOf[id]] != 0;
    };
    for (uint32_t b = 0; b < n; ++b) {
      const Block& block = fn.blocks[b];
      for (ValueId id : block.insts) {
        for (ValueId operand : fn.body[id].operands)
          if (!visible(operand, b, position[id]))
            return fail(fn, id, "uses %" + std::to_string(operand) + " where it is not defined");
        verifyInst(fn, id);
      }
      for (size_t k = 0; k < block.args.size(); ++k)
        if (fn.body[block.args[k]].index != k)
          fail(fn, block.args[k], "block argument index mismatch");
      uint32_t end = static_cast<uint32_t>(block.args.size() + block.insts.size());
      const Terminator& t = block.term;
      std::string where = "@" + fn.name + ": ^bb" + std::to_string(b) + ": ";
      if (t.kind != Terminator::Kind::Branch && !visible(t.value, b, end)) {
        problems_.push_back(where + "terminator uses an undefined value");
        continue;
      }
      if (t.kind == Terminator::Kind::Return) {
        if (fn.body[t.value].type != fn.resultType)
          problems_.push_back(where + "returns " + std::string(typeName(fn.body[t.value].type)) +
                              " but the function is declared " + std::string(typeName(fn.resultType)));
        continue;
      }
      if (t.kind == Terminator::Kind::CondBranch && fn.body[t.value].type != Type::Bool)
        problems_.push_back(where + "branch condition must be bool");
      for (size_t e = 0; e < (t.kind == Terminator::Kind::CondBranch ? 2u : 1u); ++e) {
        const Terminator::Edge& edge = t.edges[e];
        const Block& target = fn.blocks[edge.block];
        if (edge.args.size() != target.args.size()) {
          problems_.push_back(where + "branch to ^bb" + std::to_string(edge.block) + " passes " +
                              std::to_string(edge.args.size()) + " arguments for " +
                              std::to_string(target.args.size()));
          continue;
        }
        for (size_t k = 0; k < edge.args.size(); ++k)
          if (!visible(edge.args[k], b, end))
            problems_.push_back(where + "branch passes an undefined value");
          else if (fn.body[edge.args[k]].type != fn.body[target.args[k]].type)
            problems_.push_back(where + "branch argument " + std::to_string(k) + " to ^bb" +
                                std::to_string(edge.block) + " has the wrong type");
      }
    }
  }

  void verifyInst(const Function& fn, size_t at) {
    const Inst& inst = fn.body[at];
    if (inst.type == Type::Error) {
      fail(fn, at, "has no type");
      return;
    }
    auto typeOf = [&](size_t k) { return fn.body[inst.operands[k]].type; };
    switch (inst.op) {
    case Opcode::Param:
      if (inst.index >= fn.params.size())
        fail(fn, at, "parameter index out of range");
      else if (fn.params[inst.index].type != inst.type)
        fail(fn, at, "parameter type mismatch");
      break;
    case Opcode::Const:
      if (inst.constant.type != inst.type || (isHandle(inst.type) && inst.type != Type::Str))
        fail(fn, at, "constant type mismatch");
      break;
    case Opcode::BlockArg: break;
    case Opcode::Runtime: {
      if (inst.index >= rt::allStrOps().size()) {
        fail(fn, at, "unknown runtime operation");
        break;
      }
      const rt::StrOpInfo& info = rt::strOpInfo(inst.strOp());
      if (inst.operands.size() != info.arity) {
        fail(fn, at, std::string(info.mnemonic) + " expects " + std::to_string(info.arity) + " operands");
        break;
      }
      for (size_t k = 0; k < inst.operands.size(); ++k)
        if (typeOf(k) != info.operands[k])
          fail(fn, at, "operand " + std::to_string(k) + " of " + std::string(info.mnemonic) + " has the wrong type");
      if (inst.type != info.result)
        fail(fn, at, "result type of " + std::string(info.mnemonic) + " is wrong");
      break;
    }
    case Opcode::Prim: {
      if (inst.operands.size() != primArity(inst.prim)) {
        fail(fn, at, std::string(primMnemonic(inst.prim)) + " expects " + std::to_string(primArity(inst.prim)) +
                         " operands");
        break;
      }
      size_t first = inst.prim == PrimOp::Select ? 1 : 0;
      if (inst.prim == PrimOp::Select && typeOf(0) != Type::Bool)
        fail(fn, at, "select condition must be bool");
      Type operand = typeOf(first);
      for (size_t k = first; k < inst.operands.size(); ++k)
        if (typeOf(k) != operand)
          fail(fn, at, "operands of " + std::string(primMnemonic(inst.prim)) + " differ in type");
      if (!primAccepts(inst.prim, operand))
        fail(fn, at, std::string(primMnemonic(inst.prim)) + " does not accept " + std::string(typeName(operand)));
      else if (primResultType(inst.prim, operand) != inst.type)
        fail(fn, at, "result type of " + std::string(primMnemonic(inst.prim)) + " is wrong");
      break;
    }
    case Opcode::Call: {
      if (inst.index >= module_.functions.size()) {
        fail(fn, at, "calls an undefined function");
        break;
      }
      const Function& callee = module_.functions[inst.index];
      if (callee.params.size() != inst.operands.size()) {
        fail(fn, at, "call of @" + callee.name + " has the wrong number of arguments");
        break;
      }
      for (size_t k = 0; k < inst.operands.size(); ++k)
        if (typeOf(k) != callee.params[k].type)
          fail(fn, at, "argument " + std::to_string(k) + " of @" + callee.name + " has the wrong type");
      if (callee.resultType != inst.type)
        fail(fn, at, "call of @" + callee.name + " has the wrong result type");
      break;
    }
    }
  }

  void verifyAcyclic() {
    std::vector<int> state(module_.functions.size(), 0);
    std::function<bool(uint32_t)> visit = [&](uint32_t f) {
      state[f] = 1;
      for (const Inst& inst : module_.functions[f].body) {
        if (inst.op != Opcode::Call)
          continue;
        // A call back into the active chain is recursion: allowed only
        // among functions marked recursive.
        if (state[inst.index] == 1 && !(module_.functions[f].recursive && module_.functions[inst.index].recursive)) {
          problems_.push_back("@" + module_.functions[f].name + ": recursive call of @" +
                              module_.functions[inst.index].name);
          return false;
        }
        if (state[inst.index] == 0 && !visit(inst.index))
          return false;
      }
      state[f] = 2;
      return true;
    };
    for (uint32_t f = 0; f < module_.functions.size(); ++f)
      if (state[f] == 0 && !visit(f))
        return;
  }

  const Module& module_;
  std::vector<std::string> problems_;
};

void printConstant(std::ostream& os, const Scalar& value) {
  os << formatPython(value);
}

} // namespace

std::vector<std::string> verify(const Module& module) { return Verifier(module).run(); }

std::string print(const Module& module, const Function& fn) {
  std::ostringstream os;
  if (!fn.doc.empty()) {
    std::istringstream doc(fn.doc);
    for (std::string line; std::getline(doc, line);)
      os << (line.empty() ? ";" : "; ") << line << "\n";
  }
  os << "func @" << fn.name << "(";
  for (size_t i = 0; i < fn.params.size(); ++i) {
    const Param& p = fn.params[i];
    os << (i ? ", " : "") << p.name << ": " << typeName(p.type);
    if (p.defaultValue) {
      os << " = ";
      printConstant(os, *p.defaultValue);
    }
  }
  os << ") -> " << typeName(fn.resultType) << " {\n";
  auto printInst = [&](ValueId i) {
    const Inst& inst = fn.body[i];
    os << "  %" << i << " = ";
    switch (inst.op) {
    case Opcode::Param: os << "param " << inst.index; break;
    case Opcode::Const:
      os << "const ";
      if (inst.type == Type::Str)
        os << rt::pythonRepr(inst.text);
      else
        printConstant(os, inst.constant);
      break;
    case Opcode::Prim: os << primMnemonic(inst.prim); break;
    case Opcode::Call: os << "call @" << module.functions[inst.index].name; break;
    case Opcode::Runtime: os << rt::strOpInfo(inst.strOp()).mnemonic; break;
    case Opcode::BlockArg: os << "arg " << inst.index; break;
    }
    for (size_t k = 0; k < inst.operands.size(); ++k)
      os << (k ? ", %" : " %") << inst.operands[k];
    os << " : " << typeName(inst.type);
    if (inst.op == Opcode::Param)
      os << "  ; " << fn.params[inst.index].name;
    os << "\n";
  };
  if (fn.blocks.empty()) {
    for (size_t i = 0; i < fn.body.size(); ++i)
      printInst(static_cast<ValueId>(i));
    os << "  ret %" << fn.result << "\n}\n";
    return os.str();
  }
  auto edge = [&](const Terminator::Edge& e) {
    os << "^bb" << e.block;
    if (e.args.empty())
      return;
    for (size_t k = 0; k < e.args.size(); ++k)
      os << (k ? ", %" : "(%") << e.args[k];
    os << ")";
  };
  for (size_t b = 0; b < fn.blocks.size(); ++b) {
    const Block& block = fn.blocks[b];
    os << "^bb" << b;
    for (size_t k = 0; k < block.args.size(); ++k)
      os << (k ? ", %" : "(%") << block.args[k] << ": " << typeName(fn.body[block.args[k]].type);
    os << (block.args.empty() ? ":\n" : "):\n");
    for (ValueId id : block.insts)
      printInst(id);
    const Terminator& t = block.term;
    switch (t.kind) {
    case Terminator::Kind::Return: os << "  ret %" << t.value; break;
    case Terminator::Kind::Branch: os << "  br "; edge(t.edges[0]); break;
    case Terminator::Kind::CondBranch:
      os << "  cond_br %" << t.value << ", ";
      edge(t.edges[0]);
      os << ", ";
      edge(t.edges[1]);
      break;
    }
    os << "\n";
  }
  os << "}\n";
  return os.str();
}

std::string print(const Module& module) {
  std::string out;
  for (const Function& fn : module.functions) {
    if (!out.empty())
      out += "\n";
    out += print(module, fn);
  }
  return out;
}

} // namespace findc::ir
