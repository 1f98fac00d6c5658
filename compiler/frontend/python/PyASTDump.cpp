#include "compiler/frontend/python/PyASTDump.h"

#include "runtime/Utf8.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace findc::py {
namespace {

// What Python's ascii() writes for a str: repr's quotes, every code point
// outside printable ASCII escaped.
std::string asciiRepr(std::string_view utf8) {
  bool single = utf8.find('\'') == std::string_view::npos || utf8.find('"') != std::string_view::npos;
  char quote = single ? '\'' : '"';
  std::string out(1, quote);
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp = rt::decodeUtf8(utf8, i);
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp >= 0x20 && cp < 0x7F) {
      out += static_cast<char>(cp);
    } else {
      char buffer[16];
      const char* format = cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x";
      std::snprintf(buffer, sizeof buffer, format, static_cast<unsigned>(cp));
      out += buffer;
    }
  }
  return out + quote;
}

// Python's repr() of a float: the shortest digits that round-trip, in
// positional notation for decimal exponents -4..15, else scientific.
// `imaginary` writes a complex number's imaginary part, which has no ".0".
std::string floatRepr(double value, bool imaginary) {
  if (std::isnan(value))
    return "nan";
  if (std::isinf(value))
    return value < 0 ? "-inf" : "inf";
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string_view text(buffer, static_cast<size_t>(end - buffer)); // "-1.2345e-05"
  std::string sign;
  if (text.front() == '-') {
    sign = "-";
    text.remove_prefix(1);
  }
  size_t e = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e))
    if (c != '.')
      digits += c;
  int exponent = 0;
  std::string_view exponentText = text.substr(e + 1);
  if (exponentText.front() == '+')
    exponentText.remove_prefix(1);
  std::from_chars(exponentText.data(), exponentText.data() + exponentText.size(), exponent);
  std::string out;
  if (exponent >= -4 && exponent < 16) {
    int point = exponent + 1; // digits before the decimal point
    if (point <= 0)
      out = "0." + std::string(static_cast<size_t>(-point), '0') + digits;
    else if (static_cast<size_t>(point) >= digits.size())
      out = digits + std::string(static_cast<size_t>(point) - digits.size(), '0') + (imaginary ? "" : ".0");
    else
      out = digits.substr(0, static_cast<size_t>(point)) + "." + digits.substr(static_cast<size_t>(point));
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1)
      out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += exp;
  }
  return sign + out;
}

class Dumper {
public:
  std::string out;

  void module(const Module& m) {
    out += "Module(body=";
    stmts(m.body);
    out += ")";
  }

private:
  // `Type(` ... `)`, fields separated by ", " as they are added.
  class Node {
  public:
    Node(Dumper& d, std::string_view type) : d_(d) { d_.out.append(type).append("("); }
    ~Node() { d_.out += ")"; }
    Node(const Node&) = delete;
    Node& operator=(const Node&) = delete;
    Dumper& field(std::string_view name) {
      d_.out.append(first_ ? "" : ", ").append(name).append("=");
      first_ = false;
      return d_;
    }

  private:
    Dumper& d_;
    bool first_ = true;
  };

  template <typename List, typename Each> void list(const List& items, Each each) {
    out += "[";
    bool first = true;
    for (const auto& item : items) {
      if (!first)
        out += ", ";
      first = false;
      each(item);
    }
    out += "]";
  }

  void stmts(const StmtList& list_) {
    list(list_, [this](const StmtPtr& s) { stmt(*s); });
  }
  void exprs(const ExprList& list_) {
    list(list_, [this](const ExprPtr& e) { expr(e.get()); });
  }
  void str(std::string_view text) { out += asciiRepr(text); }
  void optionalName(const std::string& name) {
    if (name.empty())
      out += "None";
    else
      str(name);
  }

  void args(const std::vector<Arg>& params) {
    list(params, [this](const Arg& a) {
      Node n(*this, "arg");
      n.field("arg").str(a.name);
      n.field("default").expr(a.defaultValue.get());
    });
  }

  void aliases(const std::vector<Alias>& names) {
    list(names, [this](const Alias& a) {
      Node n(*this, "alias");
      n.field("name").str(a.name);
      n.field("asname").optionalName(a.asname);
    });
  }

  void generators(const std::vector<Comprehension>& gens) {
    list(gens, [this](const Comprehension& c) {
      Node n(*this, "comprehension");
      n.field("target").expr(c.target.get());
      n.field("iter").expr(c.iter.get());
      n.field("ifs").exprs(c.ifs);
    });
  }

  void stmt(const Stmt& s) {
    switch (s.kind) {
    case StmtKind::FunctionDef: {
      auto& f = static_cast<const FunctionDef&>(s);
      Node n(*this, "FunctionDef");
      n.field("name").str(f.name);
      n.field("args").args(f.args);
      n.field("body").stmts(f.body);
      return;
    }
    case StmtKind::Return: {
      Node n(*this, "Return");
      n.field("value").expr(static_cast<const Return&>(s).value.get());
      return;
    }
    case StmtKind::Assign: {
      auto& a = static_cast<const Assign&>(s);
      Node n(*this, "Assign");
      n.field("targets").exprs(a.targets);
      n.field("value").expr(a.value.get());
      return;
    }
    case StmtKind::AugAssign: {
      auto& a = static_cast<const AugAssign&>(s);
      Node n(*this, "AugAssign");
      n.field("target").expr(a.target.get());
      n.field("op").out += astName(a.op);
      n.field("value").expr(a.value.get());
      return;
    }
    case StmtKind::If: {
      auto& i = static_cast<const If&>(s);
      Node n(*this, "If");
      n.field("test").expr(i.test.get());
      n.field("body").stmts(i.body);
      n.field("orelse").stmts(i.orelse);
      return;
    }
    case StmtKind::For: {
      auto& f = static_cast<const For&>(s);
      Node n(*this, "For");
      n.field("target").expr(f.target.get());
      n.field("iter").expr(f.iter.get());
      n.field("body").stmts(f.body);
      n.field("orelse").stmts(f.orelse);
      return;
    }
    case StmtKind::While: {
      auto& w = static_cast<const While&>(s);
      Node n(*this, "While");
      n.field("test").expr(w.test.get());
      n.field("body").stmts(w.body);
      n.field("orelse").stmts(w.orelse);
      return;
    }
    case StmtKind::Break: out += "Break()"; return;
    case StmtKind::Continue: out += "Continue()"; return;
    case StmtKind::Pass: out += "Pass()"; return;
    case StmtKind::ExprStmt: {
      Node n(*this, "Expr");
      n.field("value").expr(static_cast<const ExprStmt&>(s).value.get());
      return;
    }
    case StmtKind::Try: {
      auto& t = static_cast<const Try&>(s);
      Node n(*this, "Try");
      n.field("body").stmts(t.body);
      n.field("handlers").list(t.handlers, [this](const ExceptHandler& h) {
        Node hn(*this, "ExceptHandler");
        hn.field("type").expr(h.type.get());
        hn.field("name").optionalName(h.name);
        hn.field("body").stmts(h.body);
      });
      n.field("orelse").stmts(t.orelse);
      n.field("finalbody").stmts(t.finalbody);
      return;
    }
    case StmtKind::Import: {
      Node n(*this, "Import");
      n.field("names").aliases(static_cast<const Import&>(s).names);
      return;
    }
    case StmtKind::ImportFrom: {
      auto& i = static_cast<const ImportFrom&>(s);
      Node n(*this, "ImportFrom");
      n.field("module").str(i.module);
      n.field("names").aliases(i.names);
      return;
    }
    }
  }

  void constant(const Constant& c) {
    switch (c.type) {
    case Constant::Type::None: out += "None"; return;
    case Constant::Type::Bool: out += c.boolValue ? "True" : "False"; return;
    case Constant::Type::Int: out += c.intDigits; return;
    case Constant::Type::Float: out += floatRepr(c.floatValue, false); return;
    case Constant::Type::Complex: out += floatRepr(c.floatValue, true) + "j"; return;
    case Constant::Type::Str: str(c.strValue); return;
    }
  }

  void expr(const Expr* e) {
    if (!e) {
      out += "None";
      return;
    }
    switch (e->kind) {
    case ExprKind::Constant: {
      Node n(*this, "Constant");
      n.field("value").constant(static_cast<const Constant&>(*e));
      return;
    }
    case ExprKind::Name: {
      Node n(*this, "Name");
      n.field("id").str(static_cast<const Name&>(*e).id);
      return;
    }
    case ExprKind::Attribute: {
      auto& a = static_cast<const Attribute&>(*e);
      Node n(*this, "Attribute");
      n.field("value").expr(a.value.get());
      n.field("attr").str(a.attr);
      return;
    }
    case ExprKind::UnaryOp: {
      auto& u = static_cast<const UnaryOp&>(*e);
      Node n(*this, "UnaryOp");
      n.field("op").out += astName(u.op);
      n.field("operand").expr(u.operand.get());
      return;
    }
    case ExprKind::BinOp: {
      auto& b = static_cast<const BinOp&>(*e);
      Node n(*this, "BinOp");
      n.field("left").expr(b.left.get());
      n.field("op").out += astName(b.op);
      n.field("right").expr(b.right.get());
      return;
    }
    case ExprKind::BoolOp: {
      auto& b = static_cast<const BoolOp&>(*e);
      Node n(*this, "BoolOp");
      n.field("op").out += astName(b.op);
      n.field("values").exprs(b.values);
      return;
    }
    case ExprKind::Compare: {
      auto& c = static_cast<const Compare&>(*e);
      Node n(*this, "Compare");
      n.field("left").expr(c.left.get());
      n.field("ops").list(c.ops, [this](CmpOperator op) { out += astName(op); });
      n.field("comparators").exprs(c.comparators);
      return;
    }
    case ExprKind::IfExp: {
      auto& i = static_cast<const IfExp&>(*e);
      Node n(*this, "IfExp");
      n.field("test").expr(i.test.get());
      n.field("body").expr(i.body.get());
      n.field("orelse").expr(i.orelse.get());
      return;
    }
    case ExprKind::Call: {
      auto& c = static_cast<const Call&>(*e);
      Node n(*this, "Call");
      n.field("func").expr(c.func.get());
      n.field("args").exprs(c.args);
      n.field("keywords").list(c.keywords, [this](const Keyword& k) {
        Node kn(*this, "keyword");
        kn.field("arg").str(k.arg);
        kn.field("value").expr(k.value.get());
      });
      return;
    }
    case ExprKind::Subscript: {
      auto& s = static_cast<const Subscript&>(*e);
      Node n(*this, "Subscript");
      n.field("value").expr(s.value.get());
      n.field("slice").expr(s.slice.get());
      return;
    }
    case ExprKind::Slice: {
      auto& s = static_cast<const Slice&>(*e);
      Node n(*this, "Slice");
      n.field("lower").expr(s.lower.get());
      n.field("upper").expr(s.upper.get());
      n.field("step").expr(s.step.get());
      return;
    }
    case ExprKind::List: {
      Node n(*this, "List");
      n.field("elts").exprs(static_cast<const List&>(*e).elts);
      return;
    }
    case ExprKind::Tuple: {
      Node n(*this, "Tuple");
      n.field("elts").exprs(static_cast<const Tuple&>(*e).elts);
      return;
    }
    case ExprKind::Dict: {
      auto& d = static_cast<const Dict&>(*e);
      Node n(*this, "Dict");
      n.field("keys").exprs(d.keys);
      n.field("values").exprs(d.values);
      return;
    }
    case ExprKind::ListComp: {
      auto& c = static_cast<const ListComp&>(*e);
      Node n(*this, "ListComp");
      n.field("elt").expr(c.elt.get());
      n.field("generators").generators(c.generators);
      return;
    }
    case ExprKind::GeneratorExp: {
      auto& c = static_cast<const GeneratorExp&>(*e);
      Node n(*this, "GeneratorExp");
      n.field("elt").expr(c.elt.get());
      n.field("generators").generators(c.generators);
      return;
    }
    case ExprKind::Lambda: {
      auto& l = static_cast<const Lambda&>(*e);
      Node n(*this, "Lambda");
      n.field("args").args(l.args);
      n.field("body").expr(l.body.get());
      return;
    }
    case ExprKind::JoinedStr: {
      Node n(*this, "JoinedStr");
      n.field("values").exprs(static_cast<const JoinedStr&>(*e).values);
      return;
    }
    }
  }
};

} // namespace

std::string dumpPython(const Module& module) {
  Dumper dumper;
  dumper.module(module);
  return dumper.out + "\n";
}

} // namespace findc::py
