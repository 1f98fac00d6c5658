// The IR builder, verifier and printer.
#include "compiler/ir/IR.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace findc::ir {
namespace {

using ::testing::HasSubstr;

Function makeFunction(std::string name, std::vector<Param> params, Type result) {
  Function fn;
  fn.name = std::move(name);
  fn.params = std::move(params);
  fn.resultType = result;
  return fn;
}

// f(x: real, k: int = 2) -> real = x * real(k) + 1.5
Module goodModule() {
  Module m;
  Function f = makeFunction("f", {{"x", Type::Real, std::nullopt}, {"k", Type::Int, Scalar::ofInt(2)}}, Type::Real);
  f.doc = "Scales x.\nThen shifts it.";
  Builder b(f);
  ValueId x = b.param(0);
  ValueId k = b.param(1);
  ValueId kr = b.prim(PrimOp::ToReal, Type::Real, {k});
  ValueId prod = b.prim(PrimOp::Mul, Type::Real, {x, kr});
  ValueId c = b.constant(Scalar::ofReal(1.5));
  f.result = b.prim(PrimOp::Add, Type::Real, {prod, c});
  m.functions.push_back(std::move(f));

  // g(y: real) -> bool = f(y, 3) < y
  Function g = makeFunction("g", {{"y", Type::Real, std::nullopt}}, Type::Bool);
  Builder gb(g);
  ValueId y = gb.param(0);
  ValueId three = gb.constant(Scalar::ofInt(3));
  ValueId call = gb.call(0, Type::Real, {y, three});
  g.result = gb.prim(PrimOp::Lt, Type::Bool, {call, y});
  m.functions.push_back(std::move(g));
  return m;
}

std::string joined(const std::vector<std::string>& problems) {
  std::string out;
  for (const auto& p : problems)
    out += p + "\n";
  return out;
}

TEST(IRTest, VerifierAcceptsGoodModule) {
  Module m = goodModule();
  EXPECT_EQ(joined(verify(m)), "");
}

TEST(IRTest, BuilderAssignsSequentialIdsAndTypes) {
  Module m = goodModule();
  const Function& f = m.functions[0];
  ASSERT_EQ(f.body.size(), 6u);
  EXPECT_EQ(f.result, 5u);
  EXPECT_EQ(f.body[0].op, Opcode::Param);
  EXPECT_EQ(f.body[1].type, Type::Int);
  EXPECT_EQ(f.body[4].op, Opcode::Const);
  EXPECT_EQ(f.body[4].type, Type::Real);
  EXPECT_EQ(f.body[5].operands, (std::vector<ValueId>{3, 4}));
}

TEST(IRTest, PrinterOutput) {
  Module m = goodModule();
  EXPECT_EQ(print(m, m.functions[0]),
            "; Scales x.\n"
            "; Then shifts it.\n"
            "func @f(x: real, k: int = 2) -> real {\n"
            "  %0 = param 0 : real  ; x\n"
            "  %1 = param 1 : int  ; k\n"
            "  %2 = to_real %1 : real\n"
            "  %3 = mul %0, %2 : real\n"
            "  %4 = const 1.5 : real\n"
            "  %5 = add %3, %4 : real\n"
            "  ret %5\n"
            "}\n");
  EXPECT_EQ(print(m, m.functions[1]),
            "func @g(y: real) -> bool {\n"
            "  %0 = param 0 : real  ; y\n"
            "  %1 = const 3 : int\n"
            "  %2 = call @f %0, %1 : real\n"
            "  %3 = lt %2, %0 : bool\n"
            "  ret %3\n"
            "}\n");
  // The module form separates functions with a blank line.
  EXPECT_EQ(print(m), print(m, m.functions[0]) + "\n" + print(m, m.functions[1]));
}

TEST(IRTest, PrinterConstantsUsePythonRepr) {
  Module m;
  Function f = makeFunction("c", {{"b", Type::Bool, Scalar::ofBool(true)}}, Type::Real);
  Builder b(f);
  b.param(0);
  b.constant(Scalar::ofReal(-0.0));
  b.constant(Scalar::ofReal(1e-05));
  b.constant(Scalar::ofBool(false));
  f.result = b.constant(Scalar::ofReal(INFINITY));
  m.functions.push_back(std::move(f));
  EXPECT_EQ(joined(verify(m)), "");
  EXPECT_EQ(print(m),
            "func @c(b: bool = True) -> real {\n"
            "  %0 = param 0 : bool  ; b\n"
            "  %1 = const -0.0 : real\n"
            "  %2 = const 1e-05 : real\n"
            "  %3 = const False : bool\n"
            "  %4 = const inf : real\n"
            "  ret %4\n"
            "}\n");
}

TEST(IRTest, VerifierRejectsUseBeforeDef) {
  Module m = goodModule();
  m.functions[0].body[3].operands = {0, 4};
  EXPECT_THAT(joined(verify(m)), HasSubstr("@f: %3: uses %4 before it is defined"));
  m = goodModule();
  m.functions[0].body[3].operands = {0, 3};  // self-use
  EXPECT_THAT(joined(verify(m)), HasSubstr("@f: %3: uses %3 before it is defined"));
}

TEST(IRTest, VerifierRejectsWrongOperandTypes) {
  Module m = goodModule();
  m.functions[0].body[3].operands = {0, 1};  // mul real, int
  EXPECT_THAT(joined(verify(m)), HasSubstr("@f: %3: operands of mul differ in type"));

  Module n;
  Function f = makeFunction("s", {{"k", Type::Int, std::nullopt}}, Type::Real);
  Builder b(f);
  ValueId k = b.param(0);
  f.result = b.prim(PrimOp::Sqrt, Type::Real, {k});
  n.functions.push_back(std::move(f));
  EXPECT_THAT(joined(verify(n)), HasSubstr("@s: %1: sqrt does not accept int"));

  Module s;
  Function h = makeFunction("w", {{"x", Type::Real, std::nullopt}}, Type::Real);
  Builder hb(h);
  ValueId x = hb.param(0);
  h.result = hb.prim(PrimOp::Select, Type::Real, {x, x, x});
  s.functions.push_back(std::move(h));
  EXPECT_THAT(joined(verify(s)), HasSubstr("@w: %1: select condition must be bool"));
}

TEST(IRTest, VerifierRejectsWrongArity) {
  Module m = goodModule();
  m.functions[0].body[5].operands = {3};
  EXPECT_THAT(joined(verify(m)), HasSubstr("@f: %5: add expects 2 operands"));
  m = goodModule();
  m.functions[1].body[2].operands = {0};
  EXPECT_THAT(joined(verify(m)), HasSubstr("@g: %2: call of @f has the wrong number of arguments"));
}

TEST(IRTest, VerifierRejectsBadCallee) {
  Module m = goodModule();
  m.functions[1].body[2].index = 7;
  EXPECT_THAT(joined(verify(m)), HasSubstr("@g: %2: calls an undefined function"));
  m = goodModule();
  m.functions[1].body[2].operands = {1, 1};  // int where f expects real
  EXPECT_THAT(joined(verify(m)), HasSubstr("@g: %2: argument 0 of @f has the wrong type"));
  m = goodModule();
  m.functions[1].body[2].type = Type::Int;
  EXPECT_THAT(joined(verify(m)), HasSubstr("@g: %2: call of @f has the wrong result type"));
}

TEST(IRTest, VerifierRejectsWrongResultType) {
  Module m = goodModule();
  m.functions[0].body[5].type = Type::Int;  // add of reals typed int
  EXPECT_THAT(joined(verify(m)), HasSubstr("@f: %5: result type of add is wrong"));
  m = goodModule();
  m.functions[1].body[3].type = Type::Real;  // lt typed real
  EXPECT_THAT(joined(verify(m)), HasSubstr("@g: %3: result type of lt is wrong"));
  m = goodModule();
  m.functions[0].resultType = Type::Int;
  EXPECT_THAT(joined(verify(m)), HasSubstr("@f: returns real but is declared int"));
  m = goodModule();
  m.functions[0].result = 42;
  EXPECT_THAT(joined(verify(m)), HasSubstr("@f: result %42 is not defined"));
}

TEST(IRTest, VerifierRejectsMalformedLeaves) {
  Module m = goodModule();
  m.functions[0].body[1].index = 5;
  EXPECT_THAT(joined(verify(m)), HasSubstr("@f: %1: parameter index out of range"));
  m = goodModule();
  m.functions[0].body[1].type = Type::Real;
  EXPECT_THAT(joined(verify(m)), HasSubstr("@f: %1: parameter type mismatch"));
  m = goodModule();
  m.functions[0].body[4].constant = Scalar::ofInt(1);
  EXPECT_THAT(joined(verify(m)), HasSubstr("@f: %4: constant type mismatch"));
  m = goodModule();
  m.functions[0].body[4].type = Type::Error;
  EXPECT_THAT(joined(verify(m)), HasSubstr("@f: %4: has no type"));
}

TEST(IRTest, VerifierRejectsRecursion) {
  // Self-recursion: r(x) = r(x).
  Module self;
  Function r = makeFunction("r", {{"x", Type::Real, std::nullopt}}, Type::Real);
  Builder rb(r);
  ValueId x = rb.param(0);
  r.result = rb.call(0, Type::Real, {x});
  self.functions.push_back(std::move(r));
  EXPECT_THAT(joined(verify(self)), HasSubstr("@r: recursive call of @r"));

  // Mutual recursion: a -> b -> a.
  Module mutual;
  for (uint32_t i = 0; i < 2; ++i) {
    Function fn = makeFunction(i == 0 ? "a" : "b", {{"x", Type::Real, std::nullopt}}, Type::Real);
    Builder b(fn);
    ValueId p = b.param(0);
    fn.result = b.call(1 - i, Type::Real, {p});
    mutual.functions.push_back(std::move(fn));
  }
  EXPECT_THAT(joined(verify(mutual)), HasSubstr("recursive call of @"));
}

TEST(IRTest, ModuleQueries) {
  Module m = goodModule();
  EXPECT_EQ(m.find("g"), std::optional<uint32_t>(1));
  EXPECT_EQ(m.find("nope"), std::nullopt);
  EXPECT_EQ(m.callOrder({1}), (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(m.callOrder({0}), (std::vector<uint32_t>{0}));
  EXPECT_EQ(m.callOrder(), (std::vector<uint32_t>{0, 1}));
  EXPECT_TRUE(m.functions[0].hasUnaryEntry());
  EXPECT_TRUE(m.functions[1].hasUnaryEntry());

  Function noDefault = makeFunction("two", {{"x", Type::Real, std::nullopt}, {"y", Type::Real, std::nullopt}},
                                    Type::Real);
  EXPECT_FALSE(noDefault.hasUnaryEntry());
  Function boolFirst = makeFunction("b", {{"c", Type::Bool, std::nullopt}}, Type::Real);
  EXPECT_FALSE(boolFirst.hasUnaryEntry());
  Function none = makeFunction("n", {}, Type::Real);
  EXPECT_FALSE(none.hasUnaryEntry());
  Function intFirst = makeFunction("i", {{"n", Type::Int, std::nullopt}}, Type::Int);
  EXPECT_TRUE(intFirst.hasUnaryEntry());
}

} // namespace
} // namespace findc::ir
