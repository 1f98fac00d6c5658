#include "compiler/frontend/Parser.h"

#include "compiler/frontend/AntlrSupport.h"

#include "runtime/Utf8.h"

#include "FindcLexer.h"
#include "FindcParser.h"

#include <antlr4-runtime.h>

#include <bit>
#include <charconv>
#include <cstdlib>

namespace findc {
namespace {

using P = findc_grammar::FindcParser;
using frontend::codePoints;
using frontend::lengthOf;
using frontend::locOf;

// Turns ANTLR's reports into our diagnostics, in our words.
class SyntaxErrorListener : public antlr4::BaseErrorListener {
public:
  SyntaxErrorListener(const SourceFile& file, DiagnosticEngine& diags) : file_(file), diags_(diags) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line, size_t column,
                   const std::string& antlrMessage, std::exception_ptr) override {
    if (++count_ > kMaxErrors)
      return;
    SourceLoc loc{static_cast<uint32_t>(line), static_cast<uint32_t>(column + 1)};
    if (!offending) {
      diags_.error(file_, loc, antlrMessage);
      return;
    }
    std::string text = offending->getText();
    uint32_t length = std::max<uint32_t>(1, codePoints(text));
    if (offending->getType() == findc_grammar::FindcLexer::INVALID) {
      diags_.error(file_, loc, "invalid character '" + quotable(text) + "'");
      return;
    }
    if (offending->getType() == findc_grammar::FindcLexer::RESERVED) {
      diags_.error(file_, loc, "'" + text + "' is a reserved word", length);
      return;
    }
    auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
    if (offending->getType() == antlr4::Token::EOF && parser)
      loc = frontend::endOfLastToken(*parser, *offending, loc);
    std::string message =
        offending->getType() == antlr4::Token::EOF ? "unexpected end of file" : "unexpected '" + quotable(text) + "'";
    if (parser)
      message += frontend::expectedTokens(*parser, [parser](size_t type) {
        return type == antlr4::Token::EOF ? std::string("end of file") : parser->getVocabulary().getDisplayName(type);
      });
    diags_.error(file_, loc, message, offending->getType() == antlr4::Token::EOF ? 1 : length);
  }

private:
  static constexpr unsigned kMaxErrors = 20;
  const SourceFile& file_;
  DiagnosticEngine& diags_;
  unsigned count_ = 0;
};

// Walks the parse tree and builds the AST.
class AstBuilder {
public:
  AstBuilder(const SourceFile& file, DiagnosticEngine& diags, antlr4::CommonTokenStream& tokens)
      : file_(file), diags_(diags), tokens_(tokens) {}

  void add(P::ItemContext* item, ast::Module& module) {
    if (auto* c = item->constDecl())
      module.constants.push_back(buildConst(c));
    else if (auto* f = item->funcDecl())
      module.functions.push_back(buildFunc(f));
    else if (auto* b = item->benchDecl())
      module.benches.push_back(buildBench(b, module));
  }

private:
  // A `##` comment documents the next declaration only when it starts its
  // line; one at the end of a line is a plain comment.
  bool startsLine(const antlr4::Token* token) const {
    std::string_view line = file_.lineText(static_cast<uint32_t>(token->getLine()));
    std::string_view before = line.substr(0, rt::codePointOffset(line, token->getCharPositionInLine()));
    return before.find_first_not_of(" \t") == std::string_view::npos;
  }

  std::string docFor(antlr4::ParserRuleContext* ctx) {
    std::string doc;
    for (antlr4::Token* token : tokens_.getHiddenTokensToLeft(ctx->getStart()->getTokenIndex())) {
      if (token->getType() != findc_grammar::FindcLexer::DOC_COMMENT || !startsLine(token))
        continue;
      std::string line = token->getText().substr(2);
      if (!line.empty() && line.front() == ' ')
        line.erase(0, 1);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
        line.pop_back();
      if (!doc.empty())
        doc += '\n';
      doc += line;
    }
    return doc;
  }

  ast::TypeRef buildType(P::TypeRefContext* ctx) {
    ast::TypeRef type;
    type.name = ctx->NAME()->getText();
    type.loc = locOf(ctx->getStart());
    for (P::TypeRefContext* arg : ctx->typeRef())
      type.args.push_back(buildType(arg));
    return type;
  }

  std::unique_ptr<ast::ConstDecl> buildConst(P::ConstDeclContext* ctx) {
    auto decl = std::make_unique<ast::ConstDecl>();
    decl->name = ctx->NAME()->getText();
    decl->loc = locOf(ctx->NAME()->getSymbol());
    decl->doc = docFor(ctx);
    if (ctx->typeRef())
      decl->declaredType = buildType(ctx->typeRef());
    decl->init = buildExpr(ctx->expr());
    return decl;
  }

  std::unique_ptr<ast::FuncDecl> buildFunc(P::FuncDeclContext* ctx) {
    auto decl = std::make_unique<ast::FuncDecl>();
    decl->name = ctx->NAME()->getText();
    decl->loc = locOf(ctx->NAME()->getSymbol());
    decl->doc = docFor(ctx);
    for (P::ParamContext* p : ctx->param()) {
      ast::Param param;
      param.name = p->NAME()->getText();
      param.loc = locOf(p->NAME()->getSymbol());
      param.typeRef = buildType(p->typeRef());
      if (p->expr())
        param.defaultExpr = buildExpr(p->expr());
      decl->params.push_back(std::move(param));
    }
    decl->resultRef = buildType(ctx->typeRef());
    if (auto* body = dynamic_cast<P::ExprBodyContext*>(ctx->funcBody()))
      decl->body = buildExpr(body->expr());
    else
      buildBody(static_cast<P::BlockBodyContext*>(ctx->funcBody())->stmtBlock(), *decl);
    return decl;
  }

  // `{ let ...; return e }` stays an expression (pure, straight-line IR);
  // anything else is a statement list.
  void buildBody(P::StmtBlockContext* ctx, ast::FuncDecl& decl) {
    ast::StmtList stmts = buildStmts(ctx);
    bool expression = !stmts.empty() && stmts.back()->kind == ast::StmtKind::Return;
    for (size_t i = 0; expression && i + 1 < stmts.size(); ++i) {
      auto* let = ast::dyn<ast::LetStatement>(stmts[i].get());
      expression = let && !let->let->mutableVar;
    }
    if (!expression) {
      decl.statements = std::move(stmts);
      return;
    }
    auto block = std::make_unique<ast::Block>(locOf(ctx->getStart()), lengthOf(ctx));
    for (size_t i = 0; i + 1 < stmts.size(); ++i)
      block->lets.push_back(std::move(static_cast<ast::LetStatement&>(*stmts[i]).let));
    block->result = std::move(static_cast<ast::ReturnStmt&>(*stmts.back()).value);
    decl.body = std::move(block);
  }

  std::unique_ptr<ast::LetStmt> buildLet(antlr4::tree::TerminalNode* name, P::TypeRefContext* type,
                                         P::ExprContext* init, bool mutableVar) {
    auto let = std::make_unique<ast::LetStmt>();
    let->name = name->getText();
    let->loc = locOf(name->getSymbol());
    if (type)
      let->declaredType = buildType(type);
    if (init)
      let->init = buildExpr(init);
    let->mutableVar = mutableVar;
    return let;
  }

  ast::StmtList buildStmts(P::StmtBlockContext* ctx) {
    ast::StmtList out;
    for (P::StmtContext* stmt : ctx->stmt())
      out.push_back(buildStmt(stmt));
    return out;
  }

  std::unique_ptr<ast::Stmt> buildStmt(P::StmtContext* ctx) {
    SourceLoc loc = locOf(ctx->getStart());
    if (auto* s = dynamic_cast<P::LetStatementContext*>(ctx)) {
      P::LetStmtContext* l = s->letStmt();
      return std::make_unique<ast::LetStatement>(loc, buildLet(l->NAME(), l->typeRef(), l->expr(), false));
    }
    if (auto* s = dynamic_cast<P::VarStatementContext*>(ctx))
      return std::make_unique<ast::LetStatement>(loc, buildLet(s->NAME(), s->typeRef(), s->expr(), true));
    if (auto* s = dynamic_cast<P::AssignStatementContext*>(ctx)) {
      std::string op = s->op->getText();
      auto assign = std::make_unique<ast::AssignStmt>(loc, s->NAME()->getText(),
                                                      op == "-=" ? ast::BinaryOp::Sub : ast::BinaryOp::Add, op != "=",
                                                      buildExpr(s->expr()));
      return assign;
    }
    if (auto* s = dynamic_cast<P::IfStatementContext*>(ctx)) {
      auto node = std::make_unique<ast::IfStmt>(loc);
      for (P::ExprContext* cond : s->expr())
        node->conds.push_back(buildExpr(cond));
      for (P::StmtBlockContext* body : s->stmtBlock())
        node->bodies.push_back(buildStmts(body));
      return node;
    }
    if (auto* s = dynamic_cast<P::ForStatementContext*>(ctx)) {
      auto node = std::make_unique<ast::ForStmt>(loc, buildLet(s->NAME(), nullptr, nullptr, false), buildExpr(s->expr()));
      node->body = buildStmts(s->stmtBlock());
      return node;
    }
    if (auto* s = dynamic_cast<P::WhileStatementContext*>(ctx)) {
      auto node = std::make_unique<ast::WhileStmt>(loc, buildExpr(s->expr()));
      node->body = buildStmts(s->stmtBlock());
      return node;
    }
    if (dynamic_cast<P::BreakStatementContext*>(ctx))
      return std::make_unique<ast::BreakStmt>(loc);
    if (dynamic_cast<P::ContinueStatementContext*>(ctx))
      return std::make_unique<ast::ContinueStmt>(loc);
    auto* s = static_cast<P::ReturnStatementContext*>(ctx);
    return std::make_unique<ast::ReturnStmt>(loc, buildExpr(s->expr()));
  }

  // ---- benchmark declarations ----

  ast::BenchDecl buildBench(P::BenchDeclContext* ctx, ast::Module& module) {
    auto decl = std::make_unique<ast::FuncDecl>();
    decl->name = ctx->NAME(0)->getText();
    decl->loc = locOf(ctx->NAME(0)->getSymbol());
    decl->doc = docFor(ctx);
    ast::Param input;
    input.name = ctx->NAME(1)->getText();
    input.loc = locOf(ctx->NAME(1)->getSymbol());
    input.typeRef = ctx->typeRef() ? buildType(ctx->typeRef()) : ast::TypeRef{"real", {}, input.loc};
    decl->params.push_back(std::move(input));
    decl->body = buildExpr(ctx->expr());
    ast::BenchDecl bench;
    bench.function = decl.get();
    module.functions.push_back(std::move(decl));
    for (P::BenchClauseContext* clause : ctx->benchClause())
      buildClause(clause, bench);
    return bench;
  }

  // Clause words that are plain names in the grammar: checked here.
  bool expectWord(antlr4::tree::TerminalNode* node, std::string_view word) {
    if (node->getText() == word)
      return true;
    diags_.error(file_, locOf(node->getSymbol()), "expected '" + std::string(word) + "', found '" + node->getText() + "'",
                 codePoints(node->getText()));
    return false;
  }

  template <typename Clause>
  bool once(std::optional<Clause>& slot, antlr4::ParserRuleContext* ctx, std::string_view what) {
    if (!slot)
      return true;
    diags_.error(file_, locOf(ctx->getStart()), "a bench has at most one " + std::string(what) + " clause",
                 codePoints(ctx->getStart()->getText()));
    diags_.note(file_, slot->loc, "the first one is here");
    return false;
  }

  ast::ClauseValue value(P::ExprContext* ctx) { return {buildExpr(ctx), 0}; }

  // "3f800000bf000000...": float32 bit patterns, 8 hex digits per weight.
  bool decodeWeightBits(antlr4::Token* token, std::vector<ast::ClauseValue>& weights) {
    std::string text = token->getText();
    std::string_view hex(text.data() + 1, text.size() - 2);
    SourceLoc loc = locOf(token);
    if (hex.size() % 8 != 0) {
      diags_.error(file_, loc, "weight bits must be 8 hex digits per float32, but " + std::to_string(hex.size()) +
                                   " digits are given", codePoints(text));
      return false;
    }
    for (size_t i = 0; i < hex.size(); i += 8) {
      uint32_t bits = 0;
      auto [end, ec] = std::from_chars(hex.data() + i, hex.data() + i + 8, bits, 16);
      if (ec != std::errc() || end != hex.data() + i + 8) {
        SourceLoc at{loc.line, loc.column + 1 + static_cast<uint32_t>(i)};
        diags_.error(file_, at, "invalid hex digits in weight bits", 8);
        return false;
      }
      weights.push_back({std::make_unique<ast::RealLit>(loc, 1, static_cast<double>(std::bit_cast<float>(bits))), 0});
    }
    return true;
  }

  ast::ClauseValue number(P::SignedNumberContext* ctx) {
    antlr4::Token* digits = ctx->INT() ? ctx->INT()->getSymbol() : ctx->FLOAT()->getSymbol();
    ast::ExprPtr literal = ctx->INT() ? buildInt(digits->getText(), locOf(digits), lengthOf(ctx))
                                      : buildFloat(digits->getText(), locOf(digits), lengthOf(ctx));
    if (ctx->sign && ctx->sign->getText() == "-")
      literal = std::make_unique<ast::Unary>(locOf(ctx->getStart()), lengthOf(ctx), ast::UnaryOp::Neg,
                                             std::move(literal));
    return {std::move(literal), 0};
  }

  void buildClause(P::BenchClauseContext* ctx, ast::BenchDecl& bench) {
    SourceLoc loc = locOf(ctx->getStart());
    if (auto* c = dynamic_cast<P::CategoryClauseContext*>(ctx)) {
      bench.category = decodeString(c->STRING()->getSymbol());
    } else if (auto* c = dynamic_cast<P::DomainClauseContext*>(ctx)) {
      if (!once(bench.domain, ctx, "domain"))
        return;
      ast::DomainClause domain{loc, value(c->expr(0)), value(c->expr(1)), false};
      if (c->NAME())
        domain.extrapolate = expectWord(c->NAME(), "extrapolate");
      bench.domain = std::move(domain);
    } else if (auto* c = dynamic_cast<P::NoiseClauseContext*>(ctx)) {
      if (!once(bench.noise, ctx, "noise"))
        return;
      std::string kind = c->NAME()->getText();
      ast::NoiseClause noise{loc, rt::NoiseKind::Normal, value(c->expr())};
      if (std::optional<rt::NoiseKind> named = rt::noiseKindFromName(kind))
        noise.kind = *named;
      else
        diags_.error(file_, locOf(c->NAME()->getSymbol()),
                     "unknown noise '" + kind + "'; expected normal(scale), uniform(half_width) or poisson(rate)",
                     codePoints(kind));
      bench.noise = std::move(noise);
    } else if (auto* c = dynamic_cast<P::CorruptClauseContext*>(ctx)) {
      if (!once(bench.corrupt, ctx, "corrupt"))
        return;
      ast::CorruptClause corrupt;
      corrupt.loc = loc;
      std::string region = c->region->getText();
      std::optional<rt::CorruptRegion> named = rt::corruptRegionFromName(region);
      if (!named) {
        diags_.error(file_, locOf(c->region), "unknown corrupted region '" + region +
                                                   "'; expected below A, above A or inside (A, B)",
                     codePoints(region));
        return;
      }
      corrupt.region = *named;
      auto* interval = dynamic_cast<P::IntervalBoundsContext*>(c->corruptBounds());
      if (*named == rt::CorruptRegion::Inside) {
        if (!interval) {
          diags_.error(file_, locOf(c->corruptBounds()->getStart()), "'inside' takes an interval: inside (a, b)",
                       lengthOf(c->corruptBounds()));
          return;
        }
        corrupt.a = value(interval->expr(0));
        corrupt.b = value(interval->expr(1));
      } else if (interval) {
        diags_.error(file_, locOf(interval->getStart()), "'" + region + "' takes one boundary, not an interval",
                     lengthOf(interval));
        return;
      } else {
        corrupt.a = value(static_cast<P::BoundaryBoundContext*>(c->corruptBounds())->expr());
      }
      std::vector<antlr4::tree::TerminalNode*> words = c->NAME();
      if (!expectWord(words[1], "with") || !expectWord(words[2], "normal"))
        return;
      corrupt.mean = value(c->expr(0));
      corrupt.scale = value(c->expr(1));
      bench.corrupt = std::move(corrupt);
    } else if (auto* c = dynamic_cast<P::ApproxClauseContext*>(ctx)) {
      if (!once(bench.approx, ctx, "approx") || !expectWord(c->NAME(), "mlp"))
        return;
      ast::ApproxClause approx;
      approx.loc = loc;
      approx.hidden = {std::make_unique<ast::IntLit>(loc, 1, 64), 64};
      for (P::ArgContext* a : c->arg()) {
        if (!a->NAME() || a->NAME()->getText() != "hidden") {
          diags_.error(file_, locOf(a->getStart()), "mlp takes one argument: hidden = N", lengthOf(a));
          return;
        }
        approx.hidden = value(a->expr());
      }
      if (auto* w = dynamic_cast<P::WeightListContext*>(c->mlpWeights())) {
        if (!expectWord(w->NAME(0), "weights") || !expectWord(w->NAME(1), "mse"))
          return;
        std::vector<P::SignedNumberContext*> values = w->signedNumber();
        for (size_t i = 0; i + 1 < values.size(); ++i)
          approx.weights.push_back(number(values[i]));
        approx.mse = number(values.back());
      } else if (auto* w = dynamic_cast<P::WeightBitsContext*>(c->mlpWeights())) {
        if (!expectWord(w->NAME(0), "weights") || !expectWord(w->NAME(1), "mse") ||
            !decodeWeightBits(w->STRING()->getSymbol(), approx.weights))
          return;
        approx.mse = number(w->signedNumber());
      }
      antlr4::Token* last = ctx->getStop();
      approx.endOffset = file_.offsetOf(locOf(last)) + last->getText().size();
      bench.approx = std::move(approx);
    }
  }

  ast::ExprPtr buildBlock(P::BlockContext* ctx) {
    auto block = std::make_unique<ast::Block>(locOf(ctx->getStart()), lengthOf(ctx));
    for (P::LetStmtContext* l : ctx->letStmt()) {
      auto let = std::make_unique<ast::LetStmt>();
      let->name = l->NAME()->getText();
      let->loc = locOf(l->NAME()->getSymbol());
      if (l->typeRef())
        let->declaredType = buildType(l->typeRef());
      let->init = buildExpr(l->expr());
      block->lets.push_back(std::move(let));
    }
    block->result = buildExpr(ctx->expr());
    return block;
  }

  ast::ExprPtr buildExpr(P::ExprContext* ctx) {
    if (ctx->ifExpr())
      return buildIf(ctx->ifExpr(), 0);
    std::vector<P::OrExprContext*> parts = ctx->orExpr();
    if (parts.size() == 1)
      return buildOr(parts[0]);
    // value 'if' cond 'else' expr
    return std::make_unique<ast::Conditional>(locOf(ctx->getStart()), lengthOf(ctx), buildOr(parts[1]),
                                              buildOr(parts[0]), buildExpr(ctx->expr()));
  }

  // if c0 {b0} elif c1 {b1} ... else {bn}, from branch `i` on.
  ast::ExprPtr buildIf(P::IfExprContext* ctx, size_t i) {
    std::vector<P::ExprContext*> conds = ctx->expr();
    std::vector<P::BlockContext*> blocks = ctx->block();
    if (i == conds.size())
      return buildBlock(blocks[i]);
    antlr4::ParserRuleContext* from = i == 0 ? static_cast<antlr4::ParserRuleContext*>(ctx) : conds[i];
    return std::make_unique<ast::Conditional>(locOf(from->getStart()), lengthOf(conds[i]), buildExpr(conds[i]),
                                              buildBlock(blocks[i]), buildIf(ctx, i + 1));
  }

  template <typename Ctx, typename Build>
  ast::ExprPtr buildLogical(Ctx* ctx, ast::BinaryOp op, Build build) {
    ast::ExprPtr result = build(ctx->operands[0]);
    for (size_t i = 1; i < ctx->operands.size(); ++i)
      result = std::make_unique<ast::Binary>(locOf(ctx->getStart()), lengthOf(ctx), op, result->loc,
                                             std::move(result), build(ctx->operands[i]));
    return result;
  }

  ast::ExprPtr buildOr(P::OrExprContext* ctx) {
    return buildLogical(ctx, ast::BinaryOp::Or, [this](P::AndExprContext* c) { return buildAnd(c); });
  }
  ast::ExprPtr buildAnd(P::AndExprContext* ctx) {
    return buildLogical(ctx, ast::BinaryOp::And, [this](P::NotExprContext* c) { return buildNot(c); });
  }

  ast::ExprPtr buildNot(P::NotExprContext* ctx) {
    if (auto* op = dynamic_cast<P::NotOpContext*>(ctx))
      return std::make_unique<ast::Unary>(locOf(ctx->getStart()), lengthOf(ctx), ast::UnaryOp::Not,
                                          buildNot(op->notExpr()));
    return buildComparison(static_cast<P::NotPassthroughContext*>(ctx)->comparison());
  }

  ast::ExprPtr buildComparison(P::ComparisonContext* ctx) {
    if (ctx->ops.empty())
      return buildArith(ctx->operands[0]);
    auto compare = std::make_unique<ast::Compare>(locOf(ctx->getStart()), lengthOf(ctx));
    for (P::ArithContext* operand : ctx->operands)
      compare->operands.push_back(buildArith(operand));
    for (P::CompareOpContext* op : ctx->ops) {
      std::string text = op->getStart()->getText();
      ast::CompareOp cmp = text == "<"    ? ast::CompareOp::Lt
                           : text == "<=" ? ast::CompareOp::Le
                           : text == ">"  ? ast::CompareOp::Gt
                           : text == ">=" ? ast::CompareOp::Ge
                           : text == "==" ? ast::CompareOp::Eq
                           : text == "!=" ? ast::CompareOp::Ne
                           : text == "in" ? ast::CompareOp::In
                                          : ast::CompareOp::NotIn;
      compare->ops.push_back(cmp);
      compare->opLocs.push_back(locOf(op->getStart()));
    }
    return compare;
  }

  static ast::BinaryOp binaryOpOf(const std::string& text) {
    if (text == "+") return ast::BinaryOp::Add;
    if (text == "-") return ast::BinaryOp::Sub;
    if (text == "*") return ast::BinaryOp::Mul;
    if (text == "/") return ast::BinaryOp::Div;
    if (text == "//") return ast::BinaryOp::FloorDiv;
    return ast::BinaryOp::Mod;
  }

  // Left-associative chains: arith and term.
  template <typename Ctx, typename Build> ast::ExprPtr buildChain(Ctx* ctx, Build build) {
    ast::ExprPtr result = build(ctx->operands[0]);
    for (size_t i = 0; i < ctx->ops.size(); ++i) {
      auto* rhsCtx = ctx->operands[i + 1];
      SourceLoc start = result->loc;
      uint32_t length = 1;
      if (rhsCtx->getStop() && rhsCtx->getStop()->getLine() == start.line)
        length = static_cast<uint32_t>(rhsCtx->getStop()->getCharPositionInLine() +
                                       codePoints(rhsCtx->getStop()->getText()) + 1 - start.column);
      result = std::make_unique<ast::Binary>(start, length, binaryOpOf(ctx->ops[i]->getText()),
                                             locOf(ctx->ops[i]), std::move(result), build(rhsCtx));
    }
    return result;
  }

  ast::ExprPtr buildArith(P::ArithContext* ctx) {
    return buildChain(ctx, [this](P::TermContext* c) { return buildTerm(c); });
  }
  ast::ExprPtr buildTerm(P::TermContext* ctx) {
    return buildChain(ctx, [this](P::UnaryContext* c) { return buildUnary(c); });
  }

  ast::ExprPtr buildUnary(P::UnaryContext* ctx) {
    if (auto* sign = dynamic_cast<P::SignOpContext*>(ctx)) {
      ast::UnaryOp op = sign->op->getText() == "-" ? ast::UnaryOp::Neg : ast::UnaryOp::Plus;
      return std::make_unique<ast::Unary>(locOf(ctx->getStart()), lengthOf(ctx), op, buildUnary(sign->unary()));
    }
    return buildPower(static_cast<P::UnaryPassthroughContext*>(ctx)->power());
  }

  ast::ExprPtr buildPower(P::PowerContext* ctx) {
    ast::ExprPtr base = buildPostfix(ctx->postfix());
    if (!ctx->unary())
      return base;
    antlr4::Token* op = static_cast<antlr4::tree::TerminalNode*>(ctx->children[1])->getSymbol();
    return std::make_unique<ast::Binary>(locOf(ctx->getStart()), lengthOf(ctx), ast::BinaryOp::Pow, locOf(op),
                                         std::move(base), buildUnary(ctx->unary()));
  }

  ast::ExprPtr buildPostfix(P::PostfixContext* ctx) {
    ast::ExprPtr result = buildPrimary(ctx->primary());
    for (P::SubscriptContext* sub : ctx->subscript()) {
      SourceLoc start = result->loc;
      antlr4::Token* stop = sub->getStop();
      uint32_t length = stop->getLine() == start.line
                            ? static_cast<uint32_t>(stop->getCharPositionInLine() + 2 - start.column)
                            : 1;
      if (auto* index = dynamic_cast<P::IndexContext*>(sub)) {
        result = std::make_unique<ast::Index>(start, length, std::move(result), buildExpr(index->expr()));
        continue;
      }
      auto* slice = static_cast<P::SliceContext*>(sub);
      auto node = std::make_unique<ast::Slice>(start, length, std::move(result));
      if (slice->lo)
        node->lo = buildExpr(slice->lo);
      if (slice->hi)
        node->hi = buildExpr(slice->hi);
      if (slice->step)
        node->step = buildExpr(slice->step);
      result = std::move(node);
    }
    return result;
  }

  // The text of a STRING token, escapes decoded; bad escapes are reported.
  std::string decodeString(antlr4::Token* token) {
    std::string text = token->getText();
    std::string out;
    SourceLoc loc = locOf(token);
    uint32_t column = loc.column + 1;
    for (size_t i = 1; i + 1 < text.size(); ++i, ++column) {
      if (rt::isUtf8Continuation(static_cast<unsigned char>(text[i])))
        --column; // same code point, same column
      if (text[i] != '\\') {
        out += text[i];
        continue;
      }
      char e = text[++i];
      switch (e) {
      case 'n': out += '\n'; ++column; continue;
      case 't': out += '\t'; ++column; continue;
      case 'r': out += '\r'; ++column; continue;
      case '0': out += '\0'; ++column; continue;
      case '\\': case '"': case '\'': out += e; ++column; continue;
      case 'x': case 'u': case 'U': {
        size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        bool ok = i + digits < text.size();
        if (ok) {
          auto [end, ec] = std::from_chars(text.data() + i + 1, text.data() + i + 1 + digits, cp, 16);
          ok = ec == std::errc() && end == text.data() + i + 1 + digits && cp <= 0x10FFFF &&
               !(cp >= 0xD800 && cp <= 0xDFFF);
        }
        if (!ok) {
          diags_.error(file_, {loc.line, column}, std::string("invalid \\") + e + " escape: expected " +
                                                      std::to_string(digits) + " hex digits of a code point",
                       2);
          return out;
        }
        rt::appendUtf8(out, cp);
        i += digits;
        column += static_cast<uint32_t>(digits) + 1;
        continue;
      }
      default:
        diags_.error(file_, {loc.line, column}, std::string("unknown escape '\\") + e + "'", 2);
        return out;
      }
    }
    return out;
  }

  ast::ExprPtr buildPrimary(P::PrimaryContext* ctx) {
    SourceLoc loc = locOf(ctx->getStart());
    uint32_t length = lengthOf(ctx);
    if (auto* call = dynamic_cast<P::CallContext*>(ctx)) {
      std::string callee = call->NAME(0)->getText();
      if (call->NAME().size() == 2)
        callee += "." + call->NAME(1)->getText();
      auto node = std::make_unique<ast::Call>(loc, length, callee, codePoints(callee));
      for (P::ArgContext* a : call->arg()) {
        ast::Arg arg;
        if (a->NAME()) {
          arg.name = a->NAME()->getText();
          arg.nameLoc = locOf(a->NAME()->getSymbol());
        }
        arg.value = buildExpr(a->expr());
        node->args.push_back(std::move(arg));
      }
      return node;
    }
    if (auto* name = dynamic_cast<P::NameRefContext*>(ctx))
      return std::make_unique<ast::NameRef>(loc, length, name->NAME()->getText());
    if (auto* lit = dynamic_cast<P::IntLitContext*>(ctx))
      return buildInt(lit->INT()->getText(), loc, length);
    if (auto* lit = dynamic_cast<P::FloatLitContext*>(ctx))
      return buildFloat(lit->FLOAT()->getText(), loc, length);
    if (dynamic_cast<P::BoolLitContext*>(ctx))
      return std::make_unique<ast::BoolLit>(loc, length, ctx->getText() == "True");
    if (auto* lit = dynamic_cast<P::StringLitContext*>(ctx))
      return std::make_unique<ast::StrLit>(loc, length, decodeString(lit->STRING()->getSymbol()));
    if (auto* lit = dynamic_cast<P::ListLitContext*>(ctx)) {
      auto node = std::make_unique<ast::ListLit>(loc, length);
      for (P::ExprContext* element : lit->expr())
        node->elements.push_back(buildExpr(element));
      return node;
    }
    if (auto* lit = dynamic_cast<P::MapLitContext*>(ctx)) {
      auto node = std::make_unique<ast::MapLit>(loc, length);
      for (P::MapEntryContext* entry : lit->mapEntry()) {
        node->keys.push_back(buildExpr(entry->key));
        node->values.push_back(buildExpr(entry->value));
      }
      return node;
    }
    return buildExpr(static_cast<P::ParenContext*>(ctx)->expr());
  }

  static std::string withoutUnderscores(std::string text) {
    std::erase(text, '_');
    return text;
  }

  ast::ExprPtr buildInt(const std::string& spelling, SourceLoc loc, uint32_t length) {
    std::string digits = withoutUnderscores(spelling);
    int64_t value = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || ptr != digits.data() + digits.size())
      diags_.error(file_, loc, "integer literal '" + spelling + "' does not fit in 64 bits; write it as a real",
                   length);
    return std::make_unique<ast::IntLit>(loc, length, value);
  }

  ast::ExprPtr buildFloat(const std::string& spelling, SourceLoc loc, uint32_t length) {
    std::string digits = withoutUnderscores(spelling);
    // strtod rounds correctly and gives inf on overflow, as Python's float() does.
    double value = std::strtod(digits.c_str(), nullptr);
    return std::make_unique<ast::RealLit>(loc, length, value);
  }

  const SourceFile& file_;
  DiagnosticEngine& diags_;
  antlr4::CommonTokenStream& tokens_;
};

std::unique_ptr<ast::Module> parse(const SourceFile& file, DiagnosticEngine& diags) {
  frontend::Utf8InputStream input(file.text());
  findc_grammar::FindcLexer lexer(&input);
  antlr4::CommonTokenStream tokens(&lexer);
  findc_grammar::FindcParser parser(&tokens);
  SyntaxErrorListener listener(file, diags);
  lexer.removeErrorListeners();
  lexer.addErrorListener(&listener);
  parser.removeErrorListeners();
  parser.addErrorListener(&listener);

  unsigned before = diags.errorCount();
  if (!frontend::withinNestingLimit(file, diags, tokens, lexer.getVocabulary(),
                                   {findc_grammar::FindcLexer::NAME, findc_grammar::FindcLexer::INT,
                                    findc_grammar::FindcLexer::FLOAT}))
    return nullptr;
  // Item by item, each parse tree freed once its AST is built: a suite of
  // thousands of functions then parses in the memory of one (the trees are
  // ~10 nodes per operand, and allocating them dominated parse time).
  auto module = std::make_unique<ast::Module>();
  module->file = &file;
  AstBuilder builder(file, diags, tokens);
  bool syntaxOk = true;
  while (tokens.LA(1) != antlr4::Token::EOF) {
    size_t start = tokens.index();
    unsigned errors = diags.errorCount();
    P::ItemContext* item = parser.item();
    syntaxOk = syntaxOk && diags.errorCount() == errors;
    // After a syntax error the trees are partial; the rest is only parsed.
    if (syntaxOk)
      builder.add(item, *module);
    parser.getTreeTracker().reset();
    if (tokens.index() == start) // nothing matched: the error is reported
      tokens.consume();
  }
  if (diags.errorCount() != before)
    return nullptr;
  return module;
}

} // namespace

std::unique_ptr<ast::Module> parseModule(const SourceFile& file, DiagnosticEngine& diags) {
  if (auto bad = file.firstInvalidUtf8()) {
    diags.error(file, *bad, "invalid UTF-8 in source file");
    return nullptr;
  }
  try {
    return parse(file, diags);
  } catch (const std::exception&) {
    // The ANTLR runtime throws on malformed UTF-8; syntax errors it recovers from.
    diags.report({Severity::Error, &file, {}, 0, "the file is not valid UTF-8"});
    return nullptr;
  }
}

} // namespace findc
