#include "compiler/frontend/python/PyParser.h"

#include "compiler/frontend/AntlrSupport.h"
#include "runtime/Utf8.h"

#include "PythonLexer.h"
#include "PythonParser.h"

#include <antlr4-runtime.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <deque>
#include <optional>

namespace findc::py {
namespace {

using L = findc_pygrammar::PythonLexer;
using P = findc_pygrammar::PythonParser;
using frontend::codePoints;
using frontend::kMaxNesting;
using frontend::lengthOf;
using frontend::locOf;

// Later stages (inference, lowering, the dump) recurse over the tree, and
// freeing it recurses too: no tree may be deeper than this. Brackets are
// bounded at kMaxNesting by the token check; this also bounds what is deep
// without brackets (`a + b + ... ` is a left-deep chain, `elif`s nest).
constexpr size_t kMaxTreeDepth = 1000;
// The parser's own recursion: ~18 rule invocations per bracket level, so
// room for kMaxNesting levels; a backstop for what the token check does not
// see (chains of `lambda:` or of `x if c else`).
constexpr size_t kMaxRuleDepth = 6000;
// CPython's bound on the digits of an int (sys.int_info.default_max_str_digits);
// it also keeps converting a hex literal to decimal cheap.
constexpr size_t kMaxIntDigits = 4300;

// Reports the first error only, as CPython does: after one, the parse
// stops, and what follows it would mostly be noise.
class ErrorSink {
public:
  ErrorSink(const SourceFile& file, DiagnosticEngine& diags) : file_(file), diags_(diags) {}

  void error(SourceLoc loc, std::string message, uint32_t length = 1) {
    if (failed_)
      return;
    failed_ = true;
    diags_.error(file_, loc, std::move(message), length);
  }
  // An error reported straight to diags() (by the shared nesting check).
  void reported() { failed_ = true; }
  bool failed() const { return failed_; }
  const SourceFile& file() const { return file_; }
  DiagnosticEngine& diags() { return diags_; }

private:
  const SourceFile& file_;
  DiagnosticEngine& diags_;
  bool failed_ = false;
};

// Where the lexed text starts in the file: (1, 1) for the file itself, the
// first character of the field for an f-string's replacement field.
struct Origin {
  uint32_t line = 1;
  uint32_t column = 1;
};

size_t literalType(const antlr4::dfa::Vocabulary& vocabulary, std::string_view literal) {
  for (size_t type = 0; type <= vocabulary.getMaxTokenType(); ++type)
    if (vocabulary.getLiteralName(type) == literal)
      return type;
  return antlr4::Token::INVALID_TYPE;
}

// Python's logical lines on top of the generated lexer: line breaks inside
// brackets and on blank lines are dropped, INDENT and DEDENT inserted from
// each logical line's indentation (tabs to the next multiple of 8), and
// lexical errors (bad characters and indentation, unterminated strings,
// unbalanced brackets) reported, after which the stream ends.
class PyTokenSource : public antlr4::TokenSource {
public:
  // A field of an f-string is lexed as if inside parentheses.
  enum class Mode { File, Field };

  PyTokenSource(L& lexer, ErrorSink& errors, Mode mode, Origin origin)
      : lexer_(lexer), errors_(errors), mode_(mode), origin_(origin) {
    const antlr4::dfa::Vocabulary& vocabulary = lexer.getVocabulary();
    for (std::string_view pair : {"()", "[]", "{}"}) {
      openTypes_.push_back(literalType(vocabulary, "'" + std::string(1, pair[0]) + "'"));
      closeTypes_.push_back(literalType(vocabulary, "'" + std::string(1, pair[1]) + "'"));
    }
  }

  std::unique_ptr<antlr4::Token> nextToken() override {
    while (pending_.empty())
      pull();
    std::unique_ptr<antlr4::Token> token = std::move(pending_.front());
    pending_.pop_front();
    return token;
  }
  size_t getLine() const override { return lexer_.getLine(); }
  size_t getCharPositionInLine() override { return lexer_.getCharPositionInLine(); }
  antlr4::CharStream* getInputStream() override { return lexer_.getInputStream(); }
  std::string getSourceName() override { return errors_.file().path(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override { return lexer_.getTokenFactory(); }

private:
  struct Indent {
    size_t columns = 0;    // tabs to the next multiple of 8
    size_t tabsAsOne = 0;  // tabs as one column: the two must agree (TabError)
  };
  struct OpenBracket {
    size_t kind; // index into openTypes_
    SourceLoc loc;
  };

  void pull() {
    if (finished_) {
      pending_.push_back(synthesized(antlr4::Token::EOF, lastLoc_));
      return;
    }
    std::unique_ptr<antlr4::Token> token = lexer_.nextToken();
    relocate(*token);
    size_t type = token->getType();
    SourceLoc loc = locOf(token.get());
    lastLoc_ = loc;
    if (type == antlr4::Token::EOF) {
      finish(loc);
      return;
    }
    if (type == L::NEWLINE) {
      if (mode_ == Mode::File && brackets_.empty() && !atLineStart_) {
        atLineStart_ = true;
        pending_.push_back(std::move(token));
      }
      return;
    }
    if (!lexicallyValid(*token) || (atLineStart_ && mode_ == Mode::File && !indent(*token)) ||
        !balanced(type, loc)) {
      stop(loc);
      return;
    }
    atLineStart_ = false;
    pending_.push_back(std::move(token));
  }

  // A field's tokens are lexed from the field's text: move them to where
  // that text is in the file.
  void relocate(antlr4::Token& token) const {
    auto* common = dynamic_cast<antlr4::CommonToken*>(&token);
    if (!common || (origin_.line == 1 && origin_.column == 1))
      return;
    if (common->getLine() == 1)
      common->setCharPositionInLine(common->getCharPositionInLine() + origin_.column - 1);
    common->setLine(common->getLine() + origin_.line - 1);
  }

  std::unique_ptr<antlr4::Token> synthesized(size_t type, SourceLoc loc) const {
    auto token = std::make_unique<antlr4::CommonToken>(type, "");
    token->setLine(loc.line);
    token->setCharPositionInLine(loc.column == 0 ? 0 : loc.column - 1);
    return token;
  }

  // After an error: the parser sees the end of the file, and is not run.
  void stop(SourceLoc loc) {
    pending_.clear();
    finished_ = true;
    pending_.push_back(synthesized(antlr4::Token::EOF, loc));
  }

  // The end of the last logical line, the blocks still open, then EOF.
  void finish(SourceLoc loc) {
    finished_ = true;
    if (!brackets_.empty()) {
      const OpenBracket& open = brackets_.back();
      errors_.error(open.loc, "'" + std::string(1, "([{"[open.kind]) + "' was never closed");
      stop(loc);
      return;
    }
    if (mode_ == Mode::File) {
      if (!atLineStart_)
        pending_.push_back(synthesized(L::NEWLINE, loc));
      for (size_t i = 1; i < indents_.size(); ++i)
        pending_.push_back(synthesized(P::DEDENT, loc));
    }
    pending_.push_back(synthesized(antlr4::Token::EOF, loc));
  }

  bool lexicallyValid(const antlr4::Token& token) {
    size_t type = token.getType();
    if (type != L::INVALID && type != L::UNTERMINATED_STRING && type != L::UNTERMINATED_LONG_STRING)
      return true;
    SourceLoc loc = locOf(&token);
    if (type == L::UNTERMINATED_STRING)
      errors_.error(loc, "unterminated string literal");
    else if (type == L::UNTERMINATED_LONG_STRING)
      errors_.error(loc, "unterminated triple-quoted string literal");
    else if (token.getText() == "\\")
      errors_.error(loc, "unexpected character after line continuation character");
    else
      errors_.error(loc, "invalid character '" + quotable(token.getText()) + "'");
    return false;
  }

  // Brackets join lines; a closing one must match the last one open.
  bool balanced(size_t type, SourceLoc loc) {
    for (size_t kind = 0; kind < openTypes_.size(); ++kind) {
      if (type == openTypes_[kind]) {
        brackets_.push_back({kind, loc});
        return true;
      }
      if (type != closeTypes_[kind])
        continue;
      std::string close(1, ")]}"[kind]);
      if (brackets_.empty()) {
        errors_.error(loc, "unmatched '" + close + "'");
        return false;
      }
      if (brackets_.back().kind != kind) {
        errors_.error(loc, "closing parenthesis '" + close + "' does not match opening parenthesis '" +
                               std::string(1, "([{"[brackets_.back().kind]) + "'");
        return false;
      }
      brackets_.pop_back();
      return true;
    }
    return true;
  }

  // The first token of a logical line: INDENT or DEDENTs before it when its
  // indentation changes.
  bool indent(const antlr4::Token& token) {
    Indent here;
    for (char c : errors_.file().lineText(static_cast<uint32_t>(token.getLine()))) {
      if (c == ' ') {
        ++here.columns;
        ++here.tabsAsOne;
      } else if (c == '\t') {
        here.columns = (here.columns / 8 + 1) * 8;
        ++here.tabsAsOne;
      } else if (c == '\f') {
        here = {};
      } else {
        break;
      }
    }
    SourceLoc loc = locOf(&token);
    auto inconsistent = [&] {
      errors_.error(loc, "inconsistent use of tabs and spaces in indentation");
      return false;
    };
    if (here.columns > indents_.back().columns) {
      if (here.tabsAsOne <= indents_.back().tabsAsOne)
        return inconsistent();
      if (indents_.size() > kMaxNesting) {
        errors_.error(loc, "too many levels of indentation (more than " + std::to_string(kMaxNesting) + ")");
        return false;
      }
      indents_.push_back(here);
      pending_.push_back(synthesized(P::INDENT, loc));
      return true;
    }
    while (here.columns < indents_.back().columns) {
      indents_.pop_back();
      pending_.push_back(synthesized(P::DEDENT, loc));
    }
    if (here.columns != indents_.back().columns) {
      errors_.error(loc, "unindent does not match any outer indentation level");
      return false;
    }
    if (here.tabsAsOne != indents_.back().tabsAsOne)
      return inconsistent();
    return true;
  }

  L& lexer_;
  ErrorSink& errors_;
  const Mode mode_;
  const Origin origin_;
  std::vector<size_t> openTypes_, closeTypes_;
  std::deque<std::unique_ptr<antlr4::Token>> pending_;
  std::vector<Indent> indents_{Indent{}};
  std::vector<OpenBracket> brackets_;
  bool atLineStart_ = true;
  bool finished_ = false;
  SourceLoc lastLoc_{1, 1};
};

// Turns ANTLR's reports into our diagnostics, in our (and CPython's) words.
class SyntaxErrorListener : public antlr4::BaseErrorListener {
public:
  explicit SyntaxErrorListener(ErrorSink& errors) : errors_(errors) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line, size_t column,
                   const std::string& antlrMessage, std::exception_ptr) override {
    SourceLoc loc{static_cast<uint32_t>(line), static_cast<uint32_t>(column + 1)};
    auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
    if (!offending || !parser) {
      errors_.error(loc, antlrMessage);
      return;
    }
    size_t type = offending->getType();
    std::string text = offending->getText();
    uint32_t length = std::max<uint32_t>(1, codePoints(text));
    if (type == L::UNSUPPORTED) {
      errors_.error(loc, "'" + text + "' is not supported in hypotheses", length);
      return;
    }
    if (type == P::INDENT) {
      errors_.error(loc, "unexpected indent");
      return;
    }
    antlr4::misc::IntervalSet expected = parser->getExpectedTokens();
    if (expected.size() == 1 && expected.contains(static_cast<size_t>(P::INDENT))) {
      errors_.error(loc, "expected an indented block");
      return;
    }
    std::string message;
    if (type == antlr4::Token::EOF) {
      loc = frontend::endOfLastToken(*parser, *offending, loc);
      message = "unexpected end of file";
      length = 1;
    } else if (type == L::NEWLINE || type == P::DEDENT) {
      message = type == L::NEWLINE ? "unexpected end of line" : "unexpected end of block";
      length = 1;
    } else {
      message = "unexpected '" + quotable(text) + "'";
    }
    message += frontend::expectedTokens(*parser, [parser](size_t t) { return tokenName(*parser, t); });
    errors_.error(loc, message, length);
  }

private:
  static std::string tokenName(antlr4::Parser& parser, size_t type) {
    switch (type) {
    case antlr4::Token::EOF: return "end of file";
    case L::NEWLINE: return "end of line";
    case P::INDENT: return "an indented block";
    case P::DEDENT: return "end of block";
    case L::NAME: return "a name";
    case L::NUMBER: return "a number";
    case L::STRING: return "a string";
    default: return parser.getVocabulary().getDisplayName(type);
    }
  }

  ErrorSink& errors_;
};

// Thrown out of the parser when its recursion passes kMaxRuleDepth (the
// error is reported before).
struct TooDeep {};

// The generated parser, with its recursion bounded.
class BoundedParser : public P {
public:
  BoundedParser(antlr4::TokenStream* input, ErrorSink& errors) : P(input), errors_(errors) {}

  // Rules that returned are popped when a sibling enters (exitRule is not
  // virtual); the stack holds the open rules.
  void enterRule(antlr4::ParserRuleContext* localctx, size_t state, size_t ruleIndex) override {
    while (!open_.empty() && open_.back() != localctx->parent)
      open_.pop_back();
    open_.push_back(localctx);
    if (open_.size() > kMaxRuleDepth) {
      errors_.error(locOf(getCurrentToken()), "expression nests too deeply");
      throw TooDeep{};
    }
    P::enterRule(localctx, state, ruleIndex);
  }
  // A labelled alternative replaces the rule's context by its own.
  void enterOuterAlt(antlr4::ParserRuleContext* localctx, size_t alt) override {
    if (!open_.empty() && open_.back() != localctx && open_.back()->parent == localctx->parent)
      open_.back() = localctx;
    P::enterOuterAlt(localctx, alt);
  }

private:
  ErrorSink& errors_;
  std::vector<antlr4::tree::ParseTree*> open_;
};

// One lexer and parser over a text: the file, or an f-string's field.
struct ParseRun {
  ParseRun(std::string_view text, ErrorSink& errors, PyTokenSource::Mode mode, Origin origin)
      : errors(errors), input(text), lexer(&input), source(lexer, errors, mode, origin), tokens(&source),
        listener(errors), parser(&tokens, errors) {
    lexer.removeErrorListeners();
    lexer.addErrorListener(&listener);
    parser.removeErrorListeners();
    parser.addErrorListener(&listener);
  }

  // Lexes it all and checks the nesting; false after reporting an error.
  bool lex() {
    tokens.fill();
    if (errors.failed())
      return false;
    if (!frontend::withinNestingLimit(errors.file(), errors.diags(), tokens, lexer.getVocabulary(),
                                      {L::NAME, L::NUMBER, L::STRING})) {
      errors.reported();
      return false;
    }
    return true;
  }

  ErrorSink& errors;
  frontend::Utf8InputStream input;
  L lexer;
  PyTokenSource source;
  antlr4::CommonTokenStream tokens;
  SyntaxErrorListener listener;
  BoundedParser parser;
};

// A SourceLoc `offset` bytes into a token's text (which may span lines).
SourceLoc locInToken(const antlr4::Token* token, std::string_view text, size_t offset) {
  SourceLoc loc = locOf(token);
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      loc.column = 1;
    } else if (!rt::isUtf8Continuation(static_cast<unsigned char>(text[i]))) {
      ++loc.column;
    }
  }
  return loc;
}

// The parse tree -> py::Module. Checks what the grammar leaves open
// (assignment targets, argument order, literals) and the tree's depth.
class Builder {
public:
  explicit Builder(ErrorSink& errors) : errors_(errors) {}

  StmtList fileInput(P::FileInputContext* ctx) {
    StmtList out;
    for (P::StmtContext* stmt : ctx->stmt())
      addStmt(stmt, out);
    return out;
  }

private:
  // Adds `levels` to the depth of what is built in its scope.
  class Deeper {
  public:
    Deeper(Builder& builder, size_t levels) : builder_(builder), levels_(levels) { builder_.depth_ += levels; }
    ~Deeper() { builder_.depth_ -= levels_; }
    Deeper(const Deeper&) = delete;
    Deeper& operator=(const Deeper&) = delete;

  private:
    Builder& builder_;
    size_t levels_;
  };

  // Whether a node `extra` levels below the current depth would be too deep
  // (then reported).
  bool tooDeep(antlr4::ParserRuleContext* ctx, size_t extra = 0) {
    if (depth_ + extra <= kMaxTreeDepth)
      return false;
    errors_.error(locOf(ctx->getStart()), "nesting too deep: more than " + std::to_string(kMaxTreeDepth) +
                                              " levels (each operator of a chain and each elif count as one)");
    return true;
  }

  // Stands in for what could not be built; the parse fails anyway.
  static ExprPtr placeholder(antlr4::ParserRuleContext* ctx) {
    return std::make_unique<Name>(locOf(ctx->getStart()), 1, "<error>");
  }

  // The columns from `start` to the end of `stop` when on one line, else 1.
  static uint32_t span(SourceLoc start, antlr4::Token* stop) {
    if (!stop || stop->getLine() != start.line)
      return 1;
    size_t end = stop->getCharPositionInLine() + codePoints(stop->getText()) + 1;
    return static_cast<uint32_t>(std::max<size_t>(1, end - start.column));
  }

  // ---- statements ----

  void addStmt(P::StmtContext* ctx, StmtList& out) {
    if (ctx->simpleStmts())
      addSimpleStmts(ctx->simpleStmts(), out);
    else
      out.push_back(compoundStmt(ctx->compoundStmt()));
  }

  void addSimpleStmts(P::SimpleStmtsContext* ctx, StmtList& out) {
    for (P::SimpleStmtContext* stmt : ctx->simpleStmt())
      out.push_back(simpleStmt(stmt));
  }

  StmtList suite(P::SuiteContext* ctx) {
    Deeper deeper(*this, 1);
    StmtList out;
    if (tooDeep(ctx))
      return out;
    if (ctx->simpleStmts())
      addSimpleStmts(ctx->simpleStmts(), out);
    for (P::StmtContext* stmt : ctx->stmt())
      addStmt(stmt, out);
    return out;
  }

  StmtPtr simpleStmt(P::SimpleStmtContext* ctx) {
    SourceLoc loc = locOf(ctx->getStart());
    if (auto* s = dynamic_cast<P::ExpressionStmtContext*>(ctx))
      return exprStmt(s->exprStmt());
    if (auto* s = dynamic_cast<P::ReturnStmtContext*>(ctx))
      return std::make_unique<Return>(loc, s->testList() ? testList(s->testList()) : nullptr);
    if (dynamic_cast<P::PassStmtContext*>(ctx))
      return std::make_unique<Pass>(loc);
    if (dynamic_cast<P::BreakStmtContext*>(ctx))
      return std::make_unique<Break>(loc);
    if (dynamic_cast<P::ContinueStmtContext*>(ctx))
      return std::make_unique<Continue>(loc);
    if (auto* s = dynamic_cast<P::ImportStmtContext*>(ctx)) {
      auto node = std::make_unique<Import>(loc);
      for (P::DottedAsNameContext* name : s->dottedAsName())
        node->names.push_back({name->dottedName()->getText(), name->NAME() ? name->NAME()->getText() : "",
                               locOf(name->getStart())});
      return node;
    }
    auto* s = static_cast<P::ImportFromStmtContext*>(ctx);
    auto node = std::make_unique<ImportFrom>(loc, s->dottedName()->getText(), locOf(s->dottedName()->getStart()));
    P::ImportTargetsContext* targets = s->importTargets();
    if (targets->star)
      errors_.error(locOf(targets->star), "'from " + node->module + " import *' is not supported in hypotheses; "
                                          "import the names it uses");
    for (P::ImportAsNameContext* name : targets->importAsName())
      node->names.push_back(
          {name->NAME(0)->getText(), name->NAME().size() > 1 ? name->NAME(1)->getText() : "", locOf(name->getStart())});
    return node;
  }

  StmtPtr exprStmt(P::ExprStmtContext* ctx) {
    SourceLoc loc = locOf(ctx->getStart());
    std::vector<P::TestListContext*> lists = ctx->testList();
    if (P::AugAssignContext* aug = ctx->augAssign()) {
      ExprPtr target = testList(lists[0]);
      if (!dyn<Name>(target.get()) && !dyn<Subscript>(target.get()))
        errors_.error(target->loc, "cannot use augmented assignment on " + describe(*target), target->length);
      std::string op = aug->getText();
      op.pop_back(); // the '='
      return std::make_unique<AugAssign>(loc, std::move(target), operatorOf(op), locOf(aug->getStart()),
                                         testList(lists[1]));
    }
    if (lists.size() == 1)
      return std::make_unique<ExprStmt>(loc, testList(lists[0]));
    auto assign = std::make_unique<Assign>(loc, testList(lists.back()));
    for (size_t i = 0; i + 1 < lists.size(); ++i) {
      assign->targets.push_back(testList(lists[i]));
      checkTarget(*assign->targets.back());
    }
    return assign;
  }

  // A target is a name, a subscript, or a tuple or list of targets.
  void checkTarget(const Expr& target) {
    if (dyn<Name>(&target) || dyn<Subscript>(&target))
      return;
    if (auto* tuple = dyn<Tuple>(&target)) {
      for (const ExprPtr& e : tuple->elts)
        checkTarget(*e);
      return;
    }
    if (auto* list = dyn<List>(&target)) {
      for (const ExprPtr& e : list->elts)
        checkTarget(*e);
      return;
    }
    if (dyn<Attribute>(&target)) {
      errors_.error(target.loc, "assigning to an attribute is not supported in hypotheses", target.length);
      return;
    }
    errors_.error(target.loc, "cannot assign to " + describe(target), target.length);
  }

  // A comprehension binds names only.
  void checkComprehensionTarget(const Expr& target) {
    if (dyn<Name>(&target))
      return;
    if (auto* tuple = dyn<Tuple>(&target)) {
      for (const ExprPtr& e : tuple->elts)
        checkComprehensionTarget(*e);
      return;
    }
    errors_.error(target.loc, "a comprehension's target is a name or a tuple of names", target.length);
  }

  static std::string describe(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Constant: return "a literal";
    case ExprKind::Call: return "a function call";
    case ExprKind::Attribute: return "an attribute";
    case ExprKind::Tuple: return "a tuple";
    case ExprKind::List: return "a list";
    case ExprKind::Compare: return "a comparison";
    case ExprKind::Lambda: return "a lambda";
    case ExprKind::IfExp: return "a conditional expression";
    default: return "an expression";
    }
  }

  StmtPtr compoundStmt(P::CompoundStmtContext* ctx) {
    if (auto* s = ctx->ifStmt())
      return ifStmt(s);
    if (auto* s = ctx->whileStmt()) {
      auto node = std::make_unique<While>(locOf(s->getStart()), test(s->test()));
      node->body = suite(s->suite(0));
      if (s->orelse)
        node->orelse = suite(s->orelse);
      return node;
    }
    if (auto* s = ctx->forStmt()) {
      ExprPtr target = targetList(s->targetList());
      checkTarget(*target);
      auto node = std::make_unique<For>(locOf(s->getStart()), std::move(target), testList(s->testList()));
      node->body = suite(s->suite(0));
      if (s->orelse)
        node->orelse = suite(s->orelse);
      return node;
    }
    if (auto* s = ctx->tryStmt())
      return tryStmt(s);
    return funcDef(ctx->funcDef());
  }

  // `elif` is an If alone in the orelse of the one before: each nests.
  StmtPtr ifStmt(P::IfStmtContext* ctx) {
    std::vector<P::ElifClauseContext*> elifs = ctx->elifClause();
    auto node = std::make_unique<If>(locOf(ctx->getStart()), test(ctx->test()));
    if (tooDeep(ctx, elifs.size()))
      return node;
    node->body = suite(ctx->suite(0));
    If* last = node.get();
    for (size_t i = 0; i < elifs.size(); ++i) {
      Deeper deeper(*this, i + 1);
      auto elif = std::make_unique<If>(locOf(elifs[i]->getStart()), test(elifs[i]->test()));
      elif->body = suite(elifs[i]->suite());
      If* next = elif.get();
      last->orelse.push_back(std::move(elif));
      last = next;
    }
    if (ctx->orelse) {
      Deeper deeper(*this, elifs.size());
      last->orelse = suite(ctx->orelse);
    }
    return node;
  }

  StmtPtr tryStmt(P::TryStmtContext* ctx) {
    auto node = std::make_unique<Try>(locOf(ctx->getStart()));
    node->body = suite(ctx->suite(0));
    std::vector<P::ExceptClauseContext*> clauses = ctx->exceptClause();
    for (size_t i = 0; i < clauses.size(); ++i) {
      P::ExceptClauseContext* clause = clauses[i];
      ExceptHandler handler;
      handler.loc = locOf(clause->getStart());
      if (clause->test()) {
        handler.type = test(clause->test());
        checkExceptionType(*handler.type);
      } else if (i + 1 < clauses.size()) {
        errors_.error(handler.loc, "default 'except:' must be last", 6);
      }
      if (clause->NAME())
        handler.name = clause->NAME()->getText();
      handler.body = suite(clause->suite());
      node->handlers.push_back(std::move(handler));
    }
    if (ctx->orelse)
      node->orelse = suite(ctx->orelse);
    if (ctx->finalbody)
      node->finalbody = suite(ctx->finalbody);
    return node;
  }

  void checkExceptionType(const Expr& type) {
    bool names = dyn<Name>(&type) != nullptr;
    if (auto* tuple = dyn<Tuple>(&type)) {
      names = true;
      for (const ExprPtr& e : tuple->elts)
        names = names && dyn<Name>(e.get());
    }
    if (!names)
      errors_.error(type.loc, "an except clause names exception classes: a name or a tuple of names", type.length);
  }

  // Parameters with defaults come last, as in Python.
  template <typename Param, typename Default>
  std::vector<Arg> parameters(const std::vector<Param*>& params, Default defaultOf) {
    std::vector<Arg> args;
    for (Param* p : params) {
      Arg arg{p->NAME()->getText(), locOf(p->NAME()->getSymbol()), nullptr};
      if (P::TestContext* value = defaultOf(p)) {
        Deeper deeper(*this, 1);
        arg.defaultValue = test(value);
      } else if (!args.empty() && args.back().defaultValue) {
        errors_.error(arg.loc, "non-default argument follows default argument", codePoints(arg.name));
      }
      args.push_back(std::move(arg));
    }
    return args;
  }

  StmtPtr funcDef(P::FuncDefContext* ctx) {
    auto node =
        std::make_unique<FunctionDef>(locOf(ctx->getStart()), ctx->NAME()->getText(), locOf(ctx->NAME()->getSymbol()));
    // The annotations are parsed and dropped.
    node->args = parameters(ctx->param(), [](P::ParamContext* p) { return p->value; });
    node->body = suite(ctx->suite());
    return node;
  }

  // ---- expressions ----

  ExprPtr testList(P::TestListContext* ctx) {
    std::vector<P::TestContext*> tests = ctx->test();
    if (tests.size() == 1 && ctx->children.size() == 1)
      return test(tests[0]);
    return tuple(ctx, tests, [this](P::TestContext* t) { return test(t); });
  }

  ExprPtr targetList(P::TargetListContext* ctx) {
    std::vector<P::BitOrContext*> targets = ctx->bitOr();
    if (targets.size() == 1 && ctx->children.size() == 1)
      return bitOr(targets[0]);
    return tuple(ctx, targets, [this](P::BitOrContext* t) { return bitOr(t); });
  }

  template <typename Ctx, typename Build>
  ExprPtr tuple(antlr4::ParserRuleContext* ctx, const std::vector<Ctx*>& elements, Build build) {
    auto node = std::make_unique<Tuple>(locOf(ctx->getStart()), lengthOf(ctx));
    Deeper deeper(*this, 1);
    for (Ctx* element : elements)
      node->elts.push_back(build(element));
    return node;
  }

  ExprPtr test(P::TestContext* ctx) {
    if (tooDeep(ctx))
      return placeholder(ctx);
    if (ctx->lambdef())
      return lambda(ctx->lambdef());
    std::vector<P::OrTestContext*> parts = ctx->orTest();
    if (parts.size() == 1)
      return orTest(parts[0]);
    Deeper deeper(*this, 1);
    // body 'if' test 'else' orelse
    ExprPtr body = orTest(parts[0]);
    ExprPtr condition = orTest(parts[1]);
    return std::make_unique<IfExp>(locOf(ctx->getStart()), lengthOf(ctx), std::move(condition), std::move(body),
                                   test(ctx->test()));
  }

  ExprPtr lambda(P::LambdefContext* ctx) {
    Deeper deeper(*this, 1);
    std::vector<Arg> args = parameters(ctx->lambdaParam(), [](P::LambdaParamContext* p) { return p->value; });
    auto node = std::make_unique<Lambda>(locOf(ctx->getStart()), lengthOf(ctx), test(ctx->test()));
    node->args = std::move(args);
    return node;
  }

  template <typename Ctx, typename Build> ExprPtr boolOp(Ctx* ctx, BoolOperator op, Build build) {
    if (ctx->operands.size() == 1)
      return build(ctx->operands[0]);
    auto node = std::make_unique<BoolOp>(locOf(ctx->getStart()), lengthOf(ctx), op);
    Deeper deeper(*this, 1);
    for (auto* operand : ctx->operands)
      node->values.push_back(build(operand));
    return node;
  }

  ExprPtr orTest(P::OrTestContext* ctx) {
    return boolOp(ctx, BoolOperator::Or, [this](P::AndTestContext* c) { return andTest(c); });
  }
  ExprPtr andTest(P::AndTestContext* ctx) {
    return boolOp(ctx, BoolOperator::And, [this](P::NotTestContext* c) { return notTest(c); });
  }

  ExprPtr notTest(P::NotTestContext* ctx) {
    if (auto* op = dynamic_cast<P::NotOpContext*>(ctx)) {
      Deeper deeper(*this, 1);
      return std::make_unique<UnaryOp>(locOf(ctx->getStart()), lengthOf(ctx), UnaryOperator::Not,
                                       notTest(op->notTest()));
    }
    return comparison(static_cast<P::NotPassthroughContext*>(ctx)->comparison());
  }

  // getText() joins `not in` and `is not` without the space.
  static CmpOperator cmpOperatorOf(const std::string& text) {
    std::string spaced = text == "notin" ? "not in" : text == "isnot" ? "is not" : text;
    return cmpOperatorSpelled(spaced).value_or(CmpOperator::Eq);
  }

  ExprPtr comparison(P::ComparisonContext* ctx) {
    if (ctx->ops.empty())
      return bitOr(ctx->operands[0]);
    Deeper deeper(*this, 1);
    auto node = std::make_unique<Compare>(locOf(ctx->getStart()), lengthOf(ctx), bitOr(ctx->operands[0]));
    for (size_t i = 0; i < ctx->ops.size(); ++i) {
      node->ops.push_back(cmpOperatorOf(ctx->ops[i]->getText()));
      node->opLocs.push_back(locOf(ctx->ops[i]->getStart()));
      node->comparators.push_back(bitOr(ctx->operands[i + 1]));
    }
    return node;
  }

  static Operator operatorOf(const std::string& text) { return operatorSpelled(text).value_or(Operator::Add); }

  // A left-associative chain `a op b op c` is ((a op b) op c): operand i of
  // n sits n - i levels down (the first n - 1).
  template <typename Ctx, typename Build> ExprPtr chain(Ctx* ctx, Build build) {
    size_t n = ctx->operands.size();
    if (n == 1)
      return build(ctx->operands[0]);
    if (tooDeep(ctx, n - 1))
      return placeholder(ctx);
    ExprPtr result;
    {
      Deeper deeper(*this, n - 1);
      result = build(ctx->operands[0]);
    }
    for (size_t i = 1; i < n; ++i) {
      Deeper deeper(*this, n - i);
      ExprPtr right = build(ctx->operands[i]);
      SourceLoc start = result->loc;
      antlr4::Token* op = ctx->ops[i - 1];
      result = std::make_unique<BinOp>(start, span(start, ctx->operands[i]->getStop()), std::move(result),
                                       operatorOf(op->getText()), locOf(op), std::move(right));
    }
    return result;
  }

  ExprPtr bitOr(P::BitOrContext* ctx) {
    return chain(ctx, [this](P::BitXorContext* c) { return bitXor(c); });
  }
  ExprPtr bitXor(P::BitXorContext* ctx) {
    return chain(ctx, [this](P::BitAndContext* c) { return bitAnd(c); });
  }
  ExprPtr bitAnd(P::BitAndContext* ctx) {
    return chain(ctx, [this](P::ShiftContext* c) { return shift(c); });
  }
  ExprPtr shift(P::ShiftContext* ctx) {
    return chain(ctx, [this](P::ArithContext* c) { return arith(c); });
  }
  ExprPtr arith(P::ArithContext* ctx) {
    return chain(ctx, [this](P::TermContext* c) { return term(c); });
  }
  ExprPtr term(P::TermContext* ctx) {
    return chain(ctx, [this](P::FactorContext* c) { return factor(c); });
  }

  ExprPtr factor(P::FactorContext* ctx) {
    if (auto* unary = dynamic_cast<P::UnaryOpContext*>(ctx)) {
      std::string op = unary->op->getText();
      UnaryOperator kind = unaryOperatorSpelled(op).value_or(UnaryOperator::Invert);
      Deeper deeper(*this, 1);
      return std::make_unique<UnaryOp>(locOf(ctx->getStart()), lengthOf(ctx), kind, factor(unary->factor()));
    }
    return power(static_cast<P::FactorPassthroughContext*>(ctx)->power());
  }

  ExprPtr power(P::PowerContext* ctx) {
    if (!ctx->factor())
      return atomExpr(ctx->atomExpr());
    Deeper deeper(*this, 1);
    ExprPtr base = atomExpr(ctx->atomExpr());
    antlr4::Token* op = static_cast<antlr4::tree::TerminalNode*>(ctx->children[1])->getSymbol();
    return std::make_unique<BinOp>(locOf(ctx->getStart()), lengthOf(ctx), std::move(base), Operator::Pow, locOf(op),
                                   factor(ctx->factor()));
  }

  // `atom trailer*`: trailer j of k wraps what is before it, so the atom sits
  // k levels down and trailer j's contents k - j.
  ExprPtr atomExpr(P::AtomExprContext* ctx) {
    std::vector<P::TrailerContext*> trailers = ctx->trailer();
    size_t k = trailers.size();
    if (tooDeep(ctx, k))
      return placeholder(ctx);
    ExprPtr result;
    {
      Deeper deeper(*this, k);
      result = atom(ctx->atom());
    }
    for (size_t j = 0; j < k; ++j) {
      Deeper deeper(*this, k - j);
      SourceLoc start = result->loc;
      uint32_t length = span(start, trailers[j]->getStop());
      if (auto* call = dynamic_cast<P::CallTrailerContext*>(trailers[j]))
        result = callOf(std::move(result), call, start, length);
      else if (auto* sub = dynamic_cast<P::SubscriptTrailerContext*>(trailers[j]))
        result = subscriptOf(std::move(result), sub, start, length);
      else {
        auto* attribute = static_cast<P::AttributeTrailerContext*>(trailers[j]);
        result = std::make_unique<Attribute>(start, length, std::move(result), attribute->NAME()->getText(),
                                             locOf(attribute->NAME()->getSymbol()));
      }
    }
    return result;
  }

  ExprPtr callOf(ExprPtr func, P::CallTrailerContext* ctx, SourceLoc start, uint32_t length) {
    auto node = std::make_unique<Call>(start, length, std::move(func));
    std::vector<P::ArgumentContext*> arguments = ctx->argument();
    for (P::ArgumentContext* argument : arguments) {
      if (auto* keyword = dynamic_cast<P::KeywordArgumentContext*>(argument)) {
        node->keywords.push_back(
            {keyword->NAME()->getText(), locOf(keyword->NAME()->getSymbol()), test(keyword->test())});
        continue;
      }
      auto* positional = static_cast<P::PositionalArgumentContext*>(argument);
      if (!node->keywords.empty()) {
        errors_.error(locOf(argument->getStart()), "positional argument follows keyword argument", lengthOf(argument));
        continue;
      }
      std::vector<P::CompForContext*> fors = positional->compFor();
      if (fors.empty()) {
        node->args.push_back(test(positional->test()));
        continue;
      }
      // `sum(x for x in xs)`: a generator needs no brackets of its own only
      // as the sole argument.
      if (arguments.size() > 1 || ctx->children.size() > 3)
        errors_.error(locOf(argument->getStart()), "generator expression must be parenthesized", lengthOf(argument));
      node->args.push_back(comprehension<GeneratorExp>(argument, positional->test(), fors));
    }
    return node;
  }

  ExprPtr subscriptOf(ExprPtr value, P::SubscriptTrailerContext* ctx, SourceLoc start, uint32_t length) {
    std::vector<P::SubscriptContext*> subscripts = ctx->subscript();
    ExprPtr slice;
    if (subscripts.size() == 1 && ctx->children.size() == 3) {
      slice = subscript(subscripts[0]);
    } else {
      auto tuple = std::make_unique<Tuple>(locOf(subscripts[0]->getStart()), 1);
      Deeper deeper(*this, 1);
      for (P::SubscriptContext* s : subscripts)
        tuple->elts.push_back(subscript(s));
      slice = std::move(tuple);
    }
    return std::make_unique<Subscript>(start, length, std::move(value), std::move(slice));
  }

  ExprPtr subscript(P::SubscriptContext* ctx) {
    if (auto* index = dynamic_cast<P::IndexSubscriptContext*>(ctx))
      return test(index->test());
    auto* s = static_cast<P::SliceSubscriptContext*>(ctx);
    auto node = std::make_unique<Slice>(locOf(ctx->getStart()), lengthOf(ctx));
    Deeper deeper(*this, 1);
    if (s->lower)
      node->lower = test(s->lower);
    if (s->upper)
      node->upper = test(s->upper);
    if (s->step)
      node->step = test(s->step);
    return node;
  }

  // `elt for target in iter if cond ...`, as a ListComp or GeneratorExp.
  template <typename Node>
  ExprPtr comprehension(antlr4::ParserRuleContext* ctx, P::TestContext* element,
                        const std::vector<P::CompForContext*>& fors) {
    Deeper deeper(*this, 1);
    auto node = std::make_unique<Node>(locOf(ctx->getStart()), lengthOf(ctx), test(element));
    for (P::CompForContext* f : fors) {
      Comprehension generator;
      generator.target = targetList(f->targetList());
      checkComprehensionTarget(*generator.target);
      std::vector<P::OrTestContext*> tests = f->orTest();
      generator.iter = orTest(tests[0]);
      for (size_t i = 1; i < tests.size(); ++i)
        generator.ifs.push_back(orTest(tests[i]));
      node->generators.push_back(std::move(generator));
    }
    return node;
  }

  // What brackets hold: `(e)` is e, `(a, b)` and `()` tuples, `[...]` a list;
  // with `for`, a comprehension.
  ExprPtr bracketed(P::AtomContext* ctx, P::TestListCompContext* contents, bool list) {
    SourceLoc loc = locOf(ctx->getStart());
    uint32_t length = lengthOf(ctx);
    if (contents && !contents->compFor().empty()) {
      if (list)
        return comprehension<ListComp>(ctx, contents->test(0), contents->compFor());
      return comprehension<GeneratorExp>(ctx, contents->test(0), contents->compFor());
    }
    if (contents && !list && contents->children.size() == 1)
      return test(contents->test(0));
    ExprList elements;
    if (contents) {
      Deeper deeper(*this, 1);
      for (P::TestContext* t : contents->test())
        elements.push_back(test(t));
    }
    if (list) {
      auto node = std::make_unique<List>(loc, length);
      node->elts = std::move(elements);
      return node;
    }
    auto node = std::make_unique<Tuple>(loc, length);
    node->elts = std::move(elements);
    return node;
  }

  ExprPtr atom(P::AtomContext* ctx) {
    SourceLoc loc = locOf(ctx->getStart());
    uint32_t length = lengthOf(ctx);
    if (auto* a = dynamic_cast<P::NameAtomContext*>(ctx))
      return std::make_unique<Name>(loc, length, a->NAME()->getText());
    if (auto* a = dynamic_cast<P::NumberAtomContext*>(ctx))
      return number(a->NUMBER()->getSymbol());
    if (auto* a = dynamic_cast<P::StringAtomContext*>(ctx))
      return strings(a);
    if (auto* a = dynamic_cast<P::ParenAtomContext*>(ctx))
      return bracketed(ctx, a->testListComp(), false);
    if (auto* a = dynamic_cast<P::ListAtomContext*>(ctx))
      return bracketed(ctx, a->testListComp(), true);
    if (auto* a = dynamic_cast<P::DictAtomContext*>(ctx)) {
      auto node = std::make_unique<Dict>(loc, length);
      Deeper deeper(*this, 1);
      for (P::DictEntryContext* entry : a->dictEntry()) {
        node->keys.push_back(test(entry->key));
        node->values.push_back(test(entry->value));
      }
      return node;
    }
    if (dynamic_cast<P::NoneAtomContext*>(ctx))
      return std::make_unique<Constant>(loc, length, Constant::Type::None);
    auto node = std::make_unique<Constant>(loc, length, Constant::Type::Bool);
    node->boolValue = dynamic_cast<P::TrueAtomContext*>(ctx) != nullptr;
    return node;
  }

  // ---- numbers ----

  // Digits in `base` as decimal digits, without leading zeros.
  static std::string decimalDigits(std::string_view digits, unsigned base) {
    constexpr uint32_t kLimb = 1000000000; // little-endian limbs of 9 decimal digits
    std::vector<uint32_t> limbs;
    for (char c : digits) {
      uint64_t carry = static_cast<uint64_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
      for (uint32_t& limb : limbs) {
        uint64_t value = uint64_t{limb} * base + carry;
        limb = static_cast<uint32_t>(value % kLimb);
        carry = value / kLimb;
      }
      if (carry)
        limbs.push_back(static_cast<uint32_t>(carry));
    }
    if (limbs.empty())
      return "0";
    std::string out = std::to_string(limbs.back());
    for (size_t i = limbs.size() - 1; i-- > 0;) {
      std::string limb = std::to_string(limbs[i]);
      out += std::string(9 - limb.size(), '0') + limb;
    }
    return out;
  }

  ExprPtr number(antlr4::Token* token) {
    std::string spelling = token->getText();
    SourceLoc loc = locOf(token);
    uint32_t length = codePoints(spelling);
    std::string text = spelling;
    std::erase(text, '_');
    char prefix = text.size() > 1 && text[0] == '0' ? static_cast<char>(text[1] | 0x20) : '\0';
    bool based = prefix == 'x' || prefix == 'o' || prefix == 'b';
    char last = static_cast<char>(text.back() | 0x20);
    if (!based && last == 'j') {
      auto node = std::make_unique<Constant>(loc, length, Constant::Type::Complex);
      text.pop_back();
      node->floatValue = std::strtod(text.c_str(), nullptr);
      return node;
    }
    if (!based && text.find_first_of(".eE") != std::string::npos) {
      auto node = std::make_unique<Constant>(loc, length, Constant::Type::Float);
      // strtod rounds correctly and gives inf on overflow, as Python's float() does.
      node->floatValue = std::strtod(text.c_str(), nullptr);
      return node;
    }
    auto node = std::make_unique<Constant>(loc, length, Constant::Type::Int);
    std::string_view digits = based ? std::string_view(text).substr(2) : std::string_view(text);
    if (digits.size() > kMaxIntDigits) {
      errors_.error(loc, "integer literal has more than " + std::to_string(kMaxIntDigits) + " digits", length);
      return node;
    }
    node->intDigits = decimalDigits(digits, prefix == 'x' ? 16 : prefix == 'o' ? 8 : prefix == 'b' ? 2 : 10);
    int64_t value = 0;
    auto [end, ec] = std::from_chars(node->intDigits.data(), node->intDigits.data() + node->intDigits.size(), value);
    if (ec == std::errc() && end == node->intDigits.data() + node->intDigits.size())
      node->intValue = value;
    return node;
  }

  // ---- strings ----

  // One STRING token taken apart: prefix, quotes, body.
  struct StringToken {
    antlr4::Token* token;
    std::string text;
    size_t bodyStart = 0, bodySize = 0;
    bool raw = false, formatted = false, bytes = false;
    std::string_view body() const { return std::string_view(text).substr(bodyStart, bodySize); }
  };

  static StringToken split(antlr4::Token* token) {
    StringToken s{token, token->getText()};
    size_t quote = s.text.find_first_of("'\"");
    for (char c : s.text.substr(0, quote)) {
      c = static_cast<char>(c | 0x20);
      s.raw = s.raw || c == 'r';
      s.formatted = s.formatted || c == 'f';
      s.bytes = s.bytes || c == 'b';
    }
    size_t quotes = s.text.compare(quote, 3, std::string(3, s.text[quote])) == 0 && s.text.size() >= quote + 6 ? 3 : 1;
    s.bodyStart = quote + quotes;
    s.bodySize = s.text.size() - quotes - s.bodyStart;
    return s;
  }

  // Adjacent literals are one: a Constant, or a JoinedStr when one of them
  // is an f-string (literal parts merged, empty ones dropped, as CPython).
  ExprPtr strings(P::StringAtomContext* ctx) {
    SourceLoc loc = locOf(ctx->getStart());
    uint32_t length = lengthOf(ctx);
    ExprList values;
    std::string literal;
    bool formatted = false;
    auto flush = [&] {
      if (literal.empty())
        return;
      auto constant = std::make_unique<Constant>(loc, length, Constant::Type::Str);
      constant->strValue = std::move(literal);
      literal.clear();
      values.push_back(std::move(constant));
    };
    for (antlr4::tree::TerminalNode* node : ctx->STRING()) {
      StringToken s = split(node->getSymbol());
      if (s.bytes) {
        errors_.error(locOf(s.token), "bytes literals are not supported in hypotheses", codePoints(s.text));
        return placeholder(ctx);
      }
      if (!s.formatted) {
        decode(s, s.bodyStart, s.bodySize, literal);
        continue;
      }
      formatted = true;
      fstring(s, literal, values, flush);
    }
    if (!formatted) {
      auto constant = std::make_unique<Constant>(loc, length, Constant::Type::Str);
      constant->strValue = std::move(literal);
      return constant;
    }
    flush();
    auto node = std::make_unique<JoinedStr>(loc, length);
    node->values = std::move(values);
    return node;
  }

  // Appends the text of s.text[from, from + size) with its escapes decoded
  // (raw strings keep them); line breaks are '\n', as Python reads them.
  void decode(const StringToken& s, size_t from, size_t size, std::string& out) {
    std::string_view text(s.text);
    size_t end = from + size;
    auto fail = [&](size_t at, std::string message) {
      errors_.error(locInToken(s.token, text, at), std::move(message), 2);
    };
    for (size_t i = from; i < end; ++i) {
      char c = text[i];
      if (c == '\r') {
        out += '\n';
        if (i + 1 < end && text[i + 1] == '\n')
          ++i;
        continue;
      }
      if (c != '\\' || s.raw || i + 1 >= end) {
        out += c;
        if (c == '\\' && s.raw && i + 1 < end && (text[i + 1] == '\\' || text[i + 1] == s.text[s.bodyStart - 1]))
          out += text[++i]; // `r'\''` keeps both characters
        continue;
      }
      char e = text[++i];
      switch (e) {
      case '\n': continue; // a backslash-newline continues the string
      case '\r':
        if (i + 1 < end && text[i + 1] == '\n')
          ++i;
        continue;
      case '\\': case '\'': case '"': out += e; continue;
      case 'a': out += '\a'; continue;
      case 'b': out += '\b'; continue;
      case 'f': out += '\f'; continue;
      case 'n': out += '\n'; continue;
      case 'r': out += '\r'; continue;
      case 't': out += '\t'; continue;
      case 'v': out += '\v'; continue;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t cp = 0;
        size_t digits = 0;
        for (; digits < 3 && i < end && text[i] >= '0' && text[i] <= '7'; ++digits, ++i)
          cp = cp * 8 + static_cast<uint32_t>(text[i] - '0');
        --i;
        rt::appendUtf8(out, cp);
        continue;
      }
      case 'x': case 'u': case 'U': {
        size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        bool ok = i + digits < end;
        if (ok) {
          auto [stop, ec] = std::from_chars(text.data() + i + 1, text.data() + i + 1 + digits, cp, 16);
          ok = ec == std::errc() && stop == text.data() + i + 1 + digits;
        }
        if (!ok) {
          fail(i - 1, std::string("truncated \\") + e + std::string(digits, 'X') + " escape");
          return;
        }
        if (cp > 0x10FFFF) {
          fail(i - 1, "illegal Unicode character in \\U escape");
          return;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
          fail(i - 1, "surrogate code points are not supported in hypotheses' strings");
          return;
        }
        rt::appendUtf8(out, cp);
        i += digits;
        continue;
      }
      case 'N':
        fail(i - 1, "\\N{...} escapes are not supported in hypotheses");
        return;
      default: // Python keeps an unknown escape as it is
        out += '\\';
        --i;
        continue;
      }
    }
  }

  // The parts of an f-string: literal text (into `literal`) and replacement
  // fields (flushing the literal before each), with Python 3.11's rules.
  template <typename Flush> void fstring(const StringToken& s, std::string& literal, ExprList& values, Flush flush) {
    std::string_view text(s.text);
    size_t end = s.bodyStart + s.bodySize;
    size_t chunk = s.bodyStart; // start of the literal text not yet decoded
    auto fail = [&](size_t at, std::string message) {
      errors_.error(locInToken(s.token, text, at), "f-string: " + std::move(message));
    };
    for (size_t i = s.bodyStart; i < end && !errors_.failed(); ++i) {
      char c = text[i];
      if (c == '\\' && !s.raw && i + 1 < end) {
        if (text[i + 1] == 'N' && i + 2 < end && text[i + 2] == '{') {
          fail(i, "\\N{...} escapes are not supported in hypotheses");
          return;
        }
        ++i;
        continue;
      }
      if (c == '}') {
        if (i + 1 < end && text[i + 1] == '}') {
          decode(s, chunk, i + 1 - chunk, literal);
          chunk = ++i + 1;
          continue;
        }
        fail(i, "single '}' is not allowed");
        return;
      }
      if (c != '{')
        continue;
      if (i + 1 < end && text[i + 1] == '{') {
        decode(s, chunk, i + 1 - chunk, literal);
        chunk = ++i + 1;
        continue;
      }
      decode(s, chunk, i - chunk, literal);
      std::optional<size_t> close = fieldEnd(s, i + 1, end, fail);
      if (!close)
        return;
      std::string_view field = text.substr(i + 1, *close - i - 1);
      if (field.find_first_not_of(" \t\r\n\f") == std::string_view::npos) {
        fail(i, "empty expression not allowed");
        return;
      }
      flush();
      SourceLoc at = locInToken(s.token, text, i + 1);
      values.push_back(parseField(field, Origin{at.line, at.column}, locInToken(s.token, text, i)));
      i = *close;
      chunk = i + 1;
    }
    decode(s, chunk, end - chunk, literal);
  }

  // Where the field that starts at `from` ends (its '}'): brackets and quotes
  // inside it are skipped; `!r`, `:spec` and `=` are outside the subset.
  template <typename Fail>
  static std::optional<size_t> fieldEnd(const StringToken& s, size_t from, size_t end, Fail fail) {
    std::string_view text(s.text);
    size_t depth = 0;
    for (size_t j = from; j < end; ++j) {
      char c = text[j];
      if (c == '\'' || c == '"') {
        size_t close = text.find(c, j + 1);
        if (close == std::string_view::npos || close >= end) {
          fail(j, "unterminated string");
          return std::nullopt;
        }
        j = close;
        continue;
      }
      if (c == '\\') {
        fail(j, "expression part cannot include a backslash");
        return std::nullopt;
      }
      if (c == '#') {
        fail(j, "expression part cannot include '#'");
        return std::nullopt;
      }
      if (c == '(' || c == '[' || c == '{') {
        ++depth;
        continue;
      }
      if (c == ')' || c == ']' || (c == '}' && depth > 0)) {
        if (depth == 0) {
          fail(j, std::string("unmatched '") + c + "'");
          return std::nullopt;
        }
        --depth;
        continue;
      }
      if (c == '}')
        return j;
      if (depth > 0)
        continue;
      bool comparison = j + 1 < end && text[j + 1] == '=';
      if (c == '!' && !comparison) {
        fail(j, "conversions (!r, !s, !a) are not supported in hypotheses");
        return std::nullopt;
      }
      if (c == ':') {
        fail(j, "format specifications are not supported in hypotheses");
        return std::nullopt;
      }
      if (c == '=' || c == '!' || c == '<' || c == '>') {
        if (comparison) {
          ++j; // ==, !=, <=, >=
        } else if (c == '=') {
          fail(j, "'=' specifiers are not supported in hypotheses");
          return std::nullopt;
        }
      }
    }
    fail(from - 1, "expecting '}'");
    return std::nullopt;
  }

  // A replacement field's expression, parsed by a parser of its own over the
  // field's text (at `origin` in the file), as if in parentheses.
  ExprPtr parseField(std::string_view text, Origin origin, SourceLoc brace) {
    auto fallback = [&] { return std::make_unique<Name>(brace, 1, "<error>"); };
    try {
      ParseRun run(text, errors_, PyTokenSource::Mode::Field, origin);
      if (!run.lex())
        return fallback();
      P::FstringFieldContext* field = run.parser.fstringField();
      if (errors_.failed())
        return fallback();
      P::TestListCompContext* contents = field->testListComp();
      if (!contents->compFor().empty())
        return comprehension<GeneratorExp>(contents, contents->test(0), contents->compFor());
      if (contents->children.size() == 1)
        return test(contents->test(0));
      return tuple(contents, contents->test(), [this](P::TestContext* t) { return test(t); });
    } catch (const TooDeep&) {
      return fallback();
    }
  }

  ErrorSink& errors_;
  size_t depth_ = 0;
};

// Where byte `offset` of the file is.
SourceLoc locAtOffset(const std::string& text, size_t offset) {
  size_t lineStart = text.rfind('\n', offset == 0 ? std::string::npos : offset - 1);
  lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
  auto line = static_cast<uint32_t>(std::count(text.begin(), text.begin() + static_cast<ptrdiff_t>(lineStart), '\n') + 1);
  return {line, codePoints(std::string_view(text).substr(lineStart, offset - lineStart)) + 1};
}

std::unique_ptr<Module> parse(const SourceFile& file, DiagnosticEngine& diags) {
  ErrorSink errors(file, diags);
  ParseRun run(file.text(), errors, PyTokenSource::Mode::File, Origin{});
  if (!run.lex())
    return nullptr;
  P::FileInputContext* tree = nullptr;
  try {
    tree = run.parser.fileInput();
  } catch (const TooDeep&) {
    return nullptr;
  }
  if (errors.failed())
    return nullptr;
  auto module = std::make_unique<Module>();
  module->file = &file;
  Builder builder(errors);
  module->body = builder.fileInput(tree);
  if (errors.failed())
    return nullptr;
  return module;
}

} // namespace

std::unique_ptr<Module> parsePython(const SourceFile& file, DiagnosticEngine& diags) {
  if (file.text().size() > kMaxSourceBytes) {
    diags.error(file, {1, 1},
                "larger than findc's limit of " + std::to_string(kMaxSourceBytes >> 20) + " MiB for a source");
    return nullptr;
  }
  if (auto bad = file.firstInvalidUtf8()) {
    diags.error(file, *bad, "invalid UTF-8 in source file");
    return nullptr;
  }
  if (size_t nul = file.text().find('\0'); nul != std::string::npos) {
    diags.error(file, locAtOffset(file.text(), nul), "source code cannot contain null bytes");
    return nullptr;
  }
  try {
    return parse(file, diags);
  } catch (const std::exception& e) {
    // Not expected: ANTLR recovers from syntax errors, and the text is valid UTF-8.
    diags.error(file, {1, 1}, std::string("the Python parser failed: ") + e.what());
    return nullptr;
  }
}

} // namespace findc::py
