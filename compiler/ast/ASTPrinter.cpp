#include "compiler/ast/ASTPrinter.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace findc::ast {
namespace {

std::string position(SourceLoc loc) { return std::to_string(loc.line) + ":" + std::to_string(loc.column); }

// " <L:C>", or nothing for a node the front end gave no position.
std::string located(SourceLoc loc) { return loc.valid() ? " <" + position(loc) + ">" : ""; }

// " : T" once Sema has typed the node.
std::string typed(Type type) { return type == Type::Error ? "" : " : " + std::string(typeName(type)); }

std::string spelled(const TypeRef& ref) {
  std::string text = ref.name;
  for (size_t i = 0; i < ref.args.size(); ++i)
    text += (i ? ", " : "[") + spelled(ref.args[i]);
  return ref.args.empty() ? text : text + "]";
}

// A declaration's type: Sema's, or as written while Sema has not run.
std::string declaredAs(Type type, const TypeRef* written) {
  if (type == Type::Error && written)
    return " : " + spelled(*written);
  return typed(type);
}

// Strings as Python's repr, so that a value with a newline stays on its line.
std::string quoted(std::string_view text) { return rt::pythonRepr(text); }

std::string literal(const Scalar& value) {
  return value.type == Type::Str ? quoted(value.s->view()) : formatPython(value);
}

std::string realText(double value) { return formatPython(Scalar::ofReal(value)); }

// A clause's number as Sema folded it; "?" before Sema has run.
std::string folded(const ClauseValue& clause, std::string (*format)(double) = realText) {
  return clause.expr->type == Type::Error ? "?" : format(clause.value);
}

// The three kinds of local, as their declarations read.
std::string_view localKind(const LetStmt& let) {
  if (!let.init)
    return "loop var";
  return let.mutableVar ? "var" : "let";
}

std::string localRef(const LetStmt& let) { return std::string(localKind(let)) + " at " + position(let.loc); }

std::string resolution(const Binding& binding) {
  switch (binding.kind) {
  case Binding::Kind::Unresolved: return "";
  case Binding::Kind::Param: return " (param #" + std::to_string(binding.paramIndex) + ")";
  case Binding::Kind::Let: return " (" + localRef(*binding.let) + ")";
  case Binding::Kind::Const: {
    const ConstDecl& constant = *binding.constant;
    if (constant.text)
      return " (const = " + quoted(*constant.text) + ")";
    return constant.value ? " (const = " + literal(*constant.value) + ")" : " (const)";
  }
  case Binding::Kind::Builtin: return " (builtin = " + literal(binding.builtinValue) + ")";
  }
  return "";
}

std::string resolution(const CallTarget& target) {
  switch (target.kind) {
  case CallTarget::Kind::Unresolved: return ""; // also `range` in a for loop: the ForStmt says so
  case CallTarget::Kind::Function: {
    const FuncDecl& fn = *target.function;
    return fn.library.empty() ? " (function " + fn.name + ")" : " (library " + fn.library + "." + fn.name + ")";
  }
  case CallTarget::Kind::Prim:
    return " (prim " + std::string(primMnemonic(target.prim)) + ", operands " +
           std::string(typeName(target.operandType)) + ")";
  case CallTarget::Kind::Convert: return " (convert to " + std::string(typeName(target.operandType)) + ")";
  case CallTarget::Kind::Runtime: return " (runtime " + std::string(rt::strOpInfo(target.strOp).mnemonic) + ")";
  }
  return "";
}

std::string_view iterated(ForStmt::Over over) {
  switch (over) {
  case ForStmt::Over::Str: return "str";
  case ForStmt::Over::List: return "list";
  case ForStmt::Over::Range: return "range";
  }
  return "?";
}

class Printer {
public:
  std::string take() && { return std::move(out_); }

  void module(const Module& module) {
    std::string library = module.libraryName.empty() ? "" : " (library " + module.libraryName + ")";
    line({}, "Module" + (module.file ? " " + module.file->path() : "") + library);
    Nested children(*this);
    std::map<const FuncDecl*, const BenchDecl*> benches;
    for (const BenchDecl& bench : module.benches)
      benches.emplace(bench.function, &bench);
    // Constants and functions are kept apart in the module; merged here by
    // position so the dump reads like the source.
    struct Decl {
      SourceLoc loc;
      const ConstDecl* constant;
      const FuncDecl* function;
    };
    std::vector<Decl> decls;
    for (const auto& constant : module.constants)
      decls.push_back({constant->loc, constant.get(), nullptr});
    for (const auto& function : module.functions)
      decls.push_back({function->loc, nullptr, function.get()});
    std::stable_sort(decls.begin(), decls.end(), [](const Decl& a, const Decl& b) {
      return std::tie(a.loc.line, a.loc.column) < std::tie(b.loc.line, b.loc.column);
    });
    for (const Decl& decl : decls) {
      if (decl.constant) {
        constDecl(*decl.constant);
        continue;
      }
      auto bench = benches.find(decl.function);
      function(*decl.function, bench == benches.end() ? nullptr : bench->second);
    }
  }

  // `bench` is the declaration whose clean function this is, if any.
  void function(const FuncDecl& fn, const BenchDecl* bench) {
    std::string result = fn.resultType != Type::Error ? " -> " + std::string(typeName(fn.resultType))
                         : fn.resultRef              ? " -> " + spelled(*fn.resultRef)
                                                     : "";
    std::string library = fn.library.empty() ? "" : " (library " + fn.library + ")";
    line({}, (bench ? "BenchDecl" : "FuncDecl") + located(fn.loc) + " " + fn.name + result + library);
    Nested children(*this);
    doc(fn.doc);
    for (const Param& param : fn.params)
      this->param(param);
    if (fn.hasStatements())
      statements(fn.statements);
    else
      expr(*fn.body, "body");
    if (bench)
      clauses(*bench);
  }

private:
  // Indents what is printed while it lives by one level.
  class Nested {
  public:
    explicit Nested(Printer& printer) : printer_(printer) { ++printer_.depth_; }
    ~Nested() { --printer_.depth_; }
    Nested(const Nested&) = delete;
    Nested& operator=(const Nested&) = delete;

  private:
    Printer& printer_;
  };

  // One node; `label` names its role in its parent where the order of the
  // children does not.
  void line(std::string_view label, const std::string& text) {
    out_.append(2 * depth_, ' ');
    if (!label.empty())
      out_.append(label).append(": ");
    out_.append(text).push_back('\n');
  }

  void doc(const std::string& text) {
    if (!text.empty())
      line({}, "Doc " + quoted(text));
  }

  void constDecl(const ConstDecl& decl) {
    const TypeRef* written = decl.declaredType ? &*decl.declaredType : nullptr;
    std::string value = decl.text ? " = " + quoted(*decl.text) : decl.value ? " = " + literal(*decl.value) : "";
    line({}, "ConstDecl" + located(decl.loc) + " " + decl.name + declaredAs(decl.type, written) + value);
    Nested children(*this);
    doc(decl.doc);
    expr(*decl.init);
  }

  void param(const Param& param) {
    std::string value = param.defaultValue ? " = " + literal(*param.defaultValue) : "";
    line({}, "Param" + located(param.loc) + " " + param.name + declaredAs(param.type, &param.typeRef) + value);
    if (!param.defaultExpr)
      return;
    Nested children(*this);
    expr(*param.defaultExpr, "default");
  }

  void let(const LetStmt& let) {
    const TypeRef* written = let.declaredType ? &*let.declaredType : nullptr;
    line({}, "LetStmt" + located(let.loc) + " " + std::string(localKind(let)) + " " + let.name +
                 declaredAs(let.type, written));
    if (!let.init)
      return;
    Nested children(*this);
    expr(*let.init);
  }

  // ---- benchmark clauses ----

  void clauses(const BenchDecl& bench) {
    if (!bench.category.empty())
      line({}, "Category " + quoted(bench.category));
    if (const auto& domain = bench.domain) {
      line({}, "Domain" + located(domain->loc) + " [" + folded(domain->lo) + ", " + folded(domain->hi) + "]" +
                   (domain->extrapolate ? " extrapolate" : ""));
      Nested children(*this);
      expr(*domain->lo.expr, "lo");
      expr(*domain->hi.expr, "hi");
    }
    if (const auto& noise = bench.noise) {
      line({}, "Noise" + located(noise->loc) + " " + std::string(rt::noiseKindName(noise->kind)) + " " +
                   folded(noise->scale));
      Nested children(*this);
      expr(*noise->scale.expr, "scale");
    }
    if (const auto& corrupt = bench.corrupt) {
      bool inside = corrupt->region == rt::CorruptRegion::Inside;
      std::string bounds = inside ? "(" + folded(corrupt->a) + ", " + folded(corrupt->b) + ")" : folded(corrupt->a);
      line({}, "Corrupt" + located(corrupt->loc) + " " + std::string(rt::corruptRegionName(corrupt->region)) + " " + bounds +
                   " mean " + folded(corrupt->mean) + " scale " + folded(corrupt->scale));
      Nested children(*this);
      expr(*corrupt->a.expr, inside ? "a" : "bound");
      if (inside)
        expr(*corrupt->b.expr, "b");
      expr(*corrupt->mean.expr, "mean");
      expr(*corrupt->scale.expr, "scale");
    }
    if (const auto& approx = bench.approx) {
      // Trained weights are data (hundreds of numbers): counted, not listed.
      std::string trained = approx->weights.empty() ? "" : " weights " + std::to_string(approx->weights.size());
      std::string mse = approx->mse ? " mse " + folded(*approx->mse) : "";
      line({}, "Approx" + located(approx->loc) + " mlp hidden " + folded(approx->hidden, formatG17) + trained + mse);
      Nested children(*this);
      expr(*approx->hidden.expr, "hidden");
      if (approx->mse)
        expr(*approx->mse->expr, "mse");
    }
  }

  // ---- statements ----

  void statements(const StmtList& list) {
    for (const auto& stmt : list)
      statement(*stmt);
  }

  void statement(const Stmt& stmt) {
    switch (stmt.kind) {
    case StmtKind::Let: let(*static_cast<const LetStatement&>(stmt).let); return;
    case StmtKind::Assign: {
      const auto& assign = static_cast<const AssignStmt&>(stmt);
      std::string op = assign.compound ? std::string(spelling(assign.op)) + "=" : "=";
      std::string target;
      if (assign.target) {
        bool converts = assign.compound && assign.operandType != Type::Error;
        target = " (" + localRef(*assign.target) +
                 (converts ? ", operands " + std::string(typeName(assign.operandType)) : "") + ")";
      }
      line({}, "AssignStmt" + located(stmt.loc) + " " + assign.name + " '" + op + "'" + target);
      Nested children(*this);
      expr(*assign.value);
      return;
    }
    case StmtKind::If: {
      const auto& ifStmt = static_cast<const IfStmt&>(stmt);
      line({}, "IfStmt" + located(stmt.loc));
      Nested children(*this);
      for (size_t i = 0; i < ifStmt.conds.size(); ++i) {
        expr(*ifStmt.conds[i], i == 0 ? "if" : "elif");
        block("Then", ifStmt.bodies[i]);
      }
      if (ifStmt.bodies.size() > ifStmt.conds.size())
        block("Else", ifStmt.bodies.back());
      return;
    }
    case StmtKind::For: {
      const auto& forStmt = static_cast<const ForStmt&>(stmt);
      // What is iterated is Sema's to say; it has when the variable has a type.
      bool checked = forStmt.var->type != Type::Error;
      line({}, "ForStmt" + located(stmt.loc) + (checked ? " over " + std::string(iterated(forStmt.over)) : ""));
      Nested children(*this);
      let(*forStmt.var);
      expr(*forStmt.iterable, "in");
      statements(forStmt.body);
      return;
    }
    case StmtKind::While: {
      const auto& whileStmt = static_cast<const WhileStmt&>(stmt);
      line({}, "WhileStmt" + located(stmt.loc));
      Nested children(*this);
      expr(*whileStmt.cond, "cond");
      statements(whileStmt.body);
      return;
    }
    case StmtKind::Return: {
      line({}, "ReturnStmt" + located(stmt.loc));
      Nested children(*this);
      expr(*static_cast<const ReturnStmt&>(stmt).value);
      return;
    }
    case StmtKind::Break: line({}, "BreakStmt" + located(stmt.loc)); return;
    case StmtKind::Continue: line({}, "ContinueStmt" + located(stmt.loc)); return;
    }
  }

  // The statements of one branch of an `if`, under a header.
  void block(const char* header, const StmtList& list) {
    line({}, header);
    Nested children(*this);
    statements(list);
  }

  // ---- expressions ----

  // The line every expression starts with: "KIND <L:C> FIELDS : TYPE (RESOLVED)".
  void node(std::string_view label, const char* kind, const Expr& e, const std::string& fields,
            const std::string& resolved = "") {
    line(label, kind + located(e.loc) + fields + typed(e.type) + resolved);
  }

  void expr(const Expr& e, std::string_view label = {}) {
    switch (e.kind) {
    case ExprKind::IntLit:
      node(label, "IntLit", e, " " + literal(Scalar::ofInt(static_cast<const IntLit&>(e).value)));
      return;
    case ExprKind::RealLit:
      node(label, "RealLit", e, " " + realText(static_cast<const RealLit&>(e).value));
      return;
    case ExprKind::BoolLit:
      node(label, "BoolLit", e, " " + literal(Scalar::ofBool(static_cast<const BoolLit&>(e).value)));
      return;
    case ExprKind::StrLit:
      node(label, "StrLit", e, " " + quoted(static_cast<const StrLit&>(e).value));
      return;
    case ExprKind::Name: {
      const auto& name = static_cast<const NameRef&>(e);
      node(label, "NameRef", e, " " + name.name, resolution(name.binding));
      return;
    }
    case ExprKind::Unary: {
      const auto& unary = static_cast<const Unary&>(e);
      node(label, "Unary", e, " '" + std::string(spelling(unary.op)) + "'");
      Nested children(*this);
      expr(*unary.operand);
      return;
    }
    case ExprKind::Binary: {
      const auto& binary = static_cast<const Binary&>(e);
      std::string resolved;
      if (binary.strOp)
        resolved = " (runtime " + std::string(rt::strOpInfo(*binary.strOp).mnemonic) +
                   (binary.swapOperands ? ", operands swapped" : "") + ")";
      else if (binary.operandType != Type::Error && binary.operandType != e.type)
        resolved = " (operands " + std::string(typeName(binary.operandType)) + ")";
      node(label, "Binary", e, " '" + std::string(spelling(binary.op)) + "'", resolved);
      Nested children(*this);
      expr(*binary.lhs);
      expr(*binary.rhs);
      return;
    }
    case ExprKind::Compare: {
      const auto& compare = static_cast<const Compare&>(e);
      std::string ops, operands;
      for (CompareOp op : compare.ops)
        ops += " '" + std::string(spelling(op)) + "'";
      for (Type type : compare.operandTypes)
        operands += (operands.empty() ? " (operands " : ", ") + std::string(typeName(type));
      node(label, "Compare", e, ops, operands.empty() ? "" : operands + ")");
      Nested children(*this);
      for (const auto& operand : compare.operands)
        expr(*operand);
      return;
    }
    case ExprKind::Conditional: {
      const auto& conditional = static_cast<const Conditional&>(e);
      node(label, "Conditional", e, "");
      Nested children(*this);
      expr(*conditional.cond, "cond");
      expr(*conditional.thenExpr, "then");
      expr(*conditional.elseExpr, "else");
      return;
    }
    case ExprKind::Call: {
      const auto& call = static_cast<const Call&>(e);
      node(label, "Call", e, " " + call.callee, resolution(call.target));
      Nested children(*this);
      for (const Arg& arg : call.args)
        expr(*arg.value, arg.name);
      // Parameters no argument was bound to take their defaults (Sema).
      for (size_t i = 0; i < call.boundArgs.size(); ++i)
        if (!call.boundArgs[i]) {
          const Param& param = call.target.function->params[i];
          line({}, "Default " + param.name + (param.defaultValue ? " = " + literal(*param.defaultValue) : ""));
        }
      return;
    }
    case ExprKind::Block: {
      const auto& block = static_cast<const Block&>(e);
      node(label, "Block", e, "");
      Nested children(*this);
      for (const auto& let : block.lets)
        this->let(*let);
      expr(*block.result, "result");
      return;
    }
    case ExprKind::ListLit: {
      node(label, "ListLit", e, "");
      Nested children(*this);
      for (const auto& element : static_cast<const ListLit&>(e).elements)
        expr(*element);
      return;
    }
    case ExprKind::MapLit: {
      const auto& map = static_cast<const MapLit&>(e);
      node(label, "MapLit", e, "");
      Nested children(*this);
      for (size_t i = 0; i < map.keys.size(); ++i) {
        expr(*map.keys[i], "key");
        expr(*map.values[i], "value");
      }
      return;
    }
    case ExprKind::Index: {
      const auto& index = static_cast<const Index&>(e);
      node(label, "Index", e, "");
      Nested children(*this);
      expr(*index.base);
      expr(*index.index);
      return;
    }
    case ExprKind::Slice: {
      const auto& slice = static_cast<const Slice&>(e);
      node(label, "Slice", e, "");
      Nested children(*this);
      expr(*slice.base);
      // Absent parts are Python's None: left out.
      if (slice.lo)
        expr(*slice.lo, "lo");
      if (slice.hi)
        expr(*slice.hi, "hi");
      if (slice.step)
        expr(*slice.step, "step");
      return;
    }
    }
  }

  std::string out_;
  size_t depth_ = 0;
};

} // namespace

std::string print(const Module& module) {
  Printer printer;
  printer.module(module);
  return std::move(printer).take();
}

std::string print(const FuncDecl& function) {
  Printer printer;
  printer.function(function, nullptr);
  return std::move(printer).take();
}

} // namespace findc::ast
