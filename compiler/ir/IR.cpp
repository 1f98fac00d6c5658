#include "compiler/ir/IR.h"

#include <functional>
#include <set>
#include <sstream>

namespace findc::ir {

bool Function::hasUnaryEntry() const {
  if (params.empty() || !isNumeric(params[0].type))
    return false;
  for (size_t i = 1; i < params.size(); ++i)
    if (!params[i].defaultValue)
      return false;
  return true;
}

const Bench* Module::benchFor(uint32_t function) const {
  for (const Bench& bench : benches)
    if (bench.function == function)
      return &bench;
  return nullptr;
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
  return static_cast<ValueId>(fn_.body.size() - 1);
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
    for (size_t i = 0; i < fn.body.size(); ++i)
      verifyInst(fn, i);
    if (fn.result >= fn.body.size())
      problems_.push_back("@" + fn.name + ": result %" + std::to_string(fn.result) + " is not defined");
    else if (fn.body[fn.result].type != fn.resultType)
      problems_.push_back("@" + fn.name + ": returns " + std::string(typeName(fn.body[fn.result].type)) +
                          " but is declared " + std::string(typeName(fn.resultType)));
  }

  void verifyInst(const Function& fn, size_t at) {
    const Inst& inst = fn.body[at];
    if (inst.type == Type::Error) {
      fail(fn, at, "has no type");
      return;
    }
    for (ValueId operand : inst.operands)
      if (operand >= at) {
        fail(fn, at, "uses %" + std::to_string(operand) + " before it is defined");
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
      if (inst.constant.type != inst.type)
        fail(fn, at, "constant type mismatch");
      break;
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
        if (state[inst.index] == 1) {
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
  for (size_t i = 0; i < fn.body.size(); ++i) {
    const Inst& inst = fn.body[i];
    os << "  %" << i << " = ";
    switch (inst.op) {
    case Opcode::Param: os << "param " << inst.index; break;
    case Opcode::Const: os << "const "; printConstant(os, inst.constant); break;
    case Opcode::Prim: os << primMnemonic(inst.prim); break;
    case Opcode::Call: os << "call @" << module.functions[inst.index].name; break;
    }
    for (size_t k = 0; k < inst.operands.size(); ++k)
      os << (k ? ", %" : " %") << inst.operands[k];
    os << " : " << typeName(inst.type);
    if (inst.op == Opcode::Param)
      os << "  ; " << fn.params[inst.index].name;
    os << "\n";
  }
  os << "  ret %" << fn.result << "\n}\n";
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
