#include "compiler/codegen/Codegen.h"
#include "compiler/codegen/GlibcExp.h"
#include "compiler/codegen/GlibcSin.h"
#include "compiler/codegen/Libmvec.h"

#include "compiler/ir/Passes.h"
#include "runtime/Utf8.h"

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/MDBuilder.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/Transforms/Utils/ModuleUtils.h>

#include <algorithm>
#include <functional>
#include <cstddef>
#include <limits>
#include <map>

namespace findc {
namespace {

constexpr const char* kImplPrefix = "fnd.impl.";
constexpr const char* kEntryPrefix = "fnd.entry.";
// The largest tail |x^n - p|, in ulps of p, at which the product p is
// glibc's pow(x, n) (see smallPower): for p within [2^-64, 2^64], and
// outside.
constexpr double kPowerTailModerate = 0.48;
constexpr double kPowerTail = 0.45;
// x ** n for n = 2 ... 8 is written out as a product (smallPower); the
// product's error grows with n (n 2^-50 ulp), far inside the bounds above.
constexpr int kLargestProductPower = 8;

// Constants and fma of x's type, a double or a vector of doubles (its
// lanes), and the integers of the same shape: for the libm algorithms that
// codegen emits once for scalars and vectors alike.
struct LaneMath {
  LaneMath(llvm::IRBuilder<>& builder, llvm::Value* x)
      : B(builder), d(x->getType()), i64(d->getWithNewType(builder.getInt64Ty())) {}
  llvm::Constant* real(double v) const { return llvm::ConstantFP::get(d, v); }
  llvm::Constant* integer(uint64_t v) const { return llvm::ConstantInt::get(i64, v); }
  llvm::Value* fma(llvm::Value* a, llvm::Value* b, llvm::Value* c) const {
    return B.CreateIntrinsic(llvm::Intrinsic::fma, {d}, {a, b, c});
  }
  llvm::IRBuilder<>& B;
  llvm::Type* d;
  llvm::Type* i64;
};

// How each primitive op becomes LLVM IR, from runtime/PrimOps.def.
enum class Lowering { Inline, Intrinsic, LibmIntrinsic, LibmCall };
struct PrimLowering {
  Lowering how;
  llvm::Intrinsic::ID intrinsic; // for Intrinsic and LibmIntrinsic
  const char* libm;              // for LibmCall
};
constexpr PrimLowering kPrimLowerings[] = {
#define PRIM(Name, Arity, Mnemonic, Builtin, Shape, How, IntrinsicName, Libm, Libmvec) \
  {Lowering::How, llvm::Intrinsic::IntrinsicName, Libm},
#include "runtime/PrimOps.def"
};
const PrimLowering& loweringOf(PrimOp op) { return kPrimLowerings[static_cast<size_t>(op)]; }

// Fast math: every floating-point operation may be reassociated, fused
// (a*b + c -> fma), use a reciprocal or an approximate libm. None may assume
// its operands finite or not NaN (nnan, ninf), so the checks on them stay;
// comparisons and float32 roundings keep their exact meaning.
void allowReassociation(llvm::Module& module) {
  llvm::FastMathFlags fast;
  fast.setAllowReassoc();
  fast.setAllowContract();
  fast.setAllowReciprocal();
  fast.setApproxFunc();
  for (llvm::Function& fn : module)
    for (llvm::BasicBlock& block : fn)
      for (llvm::Instruction& inst : block)
        if (llvm::isa<llvm::FPMathOperator>(inst) &&
            !llvm::isa<llvm::FCmpInst, llvm::FPTruncInst, llvm::FPExtInst>(inst))
          inst.setFastMathFlags(inst.getFastMathFlags() | fast);
}

} // namespace

ir::Function compiledEntry(const ir::Module& module, uint32_t index, MathMode math) {
  ir::Function entry = ir::specializeUnaryEntry(module, index);
  if (traitsOf(math).reassociates)
    ir::evaluatePolynomialsInHornerForm(entry);
  return entry;
}

namespace {

class ModuleEmitter {
public:
  ModuleEmitter(const ir::Module& module, llvm::Module& out, const llvm::TargetMachine& target, MathMode math,
                LibmInlining inlining)
      : module_(module), out_(out), context_(out.getContext()), target_(target), math_(math), builder_(context_),
        libmvec_(traitsOf(math).libmvec), reassociates_(traitsOf(math).reassociates),
        inlineLibm_(math == MathMode::Exact && inlining == LibmInlining::HostChecked) {}

  // Unary roots become self-contained entry points (their specialized,
  // fully inlined form); boxed and checked roots keep their full signature
  // and callees.
  void emit(const std::vector<uint32_t>& roots, const std::vector<uint32_t>& boxed,
            const std::vector<uint32_t>& checked) {
    std::vector<uint32_t> withBodies = boxed;
    withBodies.insert(withBodies.end(), checked.begin(), checked.end());
    std::vector<uint32_t> order = module_.callOrder(withBodies);
    for (uint32_t f : order)
      functions_[f] = declare(module_.functions[f], kImplPrefix + module_.functions[f].name);
    for (uint32_t f : order)
      defineBody(module_.functions[f], functions_.at(f));
    for (uint32_t f : boxed)
      emitBoxedEntry(module_.functions[f], functions_.at(f));
    for (uint32_t f : checked)
      emitCheckedBatchEntry(f, functions_.at(f));
    for (uint32_t f : roots)
      if (module_.functions[f].hasUnaryEntry()) {
        ir::Function entry = compiledEntry(module_, f, math_);
        llvm::Function* body = declare(entry, kEntryPrefix + entry.name);
        define(entry, body);
        // Vector mode is for throughput: the body goes into the batch loop
        // whatever its size, so the loop vectorizes (left to the inliner, a
        // network's 800 instructions stay a call per point, 7.7x slower).
        // Exact mode keeps compile latency: that costs ~30 ms per network.
        if (libmvec_)
          body->addFnAttr(llvm::Attribute::AlwaysInline);
        emitEntries(entry, body);
      }
    if (reassociates_)
      allowReassociation(out_);
  }

private:
  // Fast math evaluates polynomials in Horner's form.
  void defineBody(const ir::Function& fn, llvm::Function* f) {
    if (!reassociates_)
      return define(fn, f);
    ir::Function horner = fn;
    ir::evaluatePolynomialsInHornerForm(horner);
    define(horner, f);
  }

  llvm::Type* typeOf(Type t) {
    switch (t) {
    case Type::Bool: return builder_.getInt1Ty();
    case Type::Int: return builder_.getInt64Ty();
    case Type::Real: return builder_.getDoubleTy();
    default: return builder_.getPtrTy(); // handles
    }
  }

  void addTargetAttributes(llvm::Function* fn) {
    fn->addFnAttr("target-cpu", target_.getTargetCPU());
    fn->addFnAttr("target-features", target_.getTargetFeatureString());
    fn->addFnAttr(llvm::Attribute::NoUnwind);
    // A vector loop around libmvec calls spills its vectors across each
    // call. Without realignment the slots are only 16-byte aligned, so a
    // 64-byte zmm spill straddles cache lines wherever the caller's stack
    // left it (ASLR: per process) and its reload stalls: the sine batch ran
    // 1.0x-1.3x the time of the same loop with aligned slots. Functions
    // without over-aligned slots keep their prologue.
    if (libmvec_)
      fn->addFnAttr("stackrealign");
  }

  // A function that uses a context takes it first (`ctx`), then its
  // parameters; it reads and writes memory (the arena, the budget, the
  // error), so it is not marked pure.
  llvm::Function* declare(const ir::Function& fn, const std::string& name) {
    std::vector<llvm::Type*> params;
    if (fn.usesContext)
      params.push_back(builder_.getPtrTy());
    for (const ir::Param& p : fn.params)
      params.push_back(typeOf(p.type));
    auto* type = llvm::FunctionType::get(typeOf(fn.resultType), params, false);
    auto* f = llvm::Function::Create(type, llvm::Function::InternalLinkage, name, out_);
    addTargetAttributes(f);
    f->addFnAttr(llvm::Attribute::WillReturn); // recursion is bounded by py.enter
    if (!fn.recursive)
      f->addFnAttr(llvm::Attribute::NoRecurse);
    unsigned first = fn.usesContext ? 1 : 0;
    if (fn.usesContext) {
      f->getArg(0)->setName("ctx");
      f->getArg(0)->addAttr(llvm::Attribute::NoAlias);
    } else {
      f->setDoesNotAccessMemory();
    }
    for (size_t i = 0; i < fn.params.size(); ++i)
      f->getArg(static_cast<unsigned>(i) + first)->setName(fn.params[i].name);
    return f;
  }

  void define(const ir::Function& fn, llvm::Function* f) {
    context_arg_ = fn.usesContext ? f->getArg(0) : nullptr;
    std::vector<llvm::Value*> values(fn.body.size(), nullptr);
    if (fn.blocks.empty()) {
      builder_.SetInsertPoint(llvm::BasicBlock::Create(context_, "entry", f));
      for (size_t i = 0; i < fn.body.size(); ++i)
        values[i] = emitInst(fn.body[i], values, f);
      builder_.CreateRet(values[fn.result]);
      return;
    }
    // Blocks: every block argument is a phi, created up front; blocks are
    // emitted in reverse post-order so definitions precede uses.
    std::vector<llvm::BasicBlock*> blocks;
    for (size_t b = 0; b < fn.blocks.size(); ++b)
      blocks.push_back(llvm::BasicBlock::Create(context_, b == 0 ? "entry" : "bb" + std::to_string(b), f));
    for (size_t b = 0; b < fn.blocks.size(); ++b) {
      builder_.SetInsertPoint(blocks[b]);
      for (ir::ValueId arg : fn.blocks[b].args)
        values[arg] = builder_.CreatePHI(typeOf(fn.body[arg].type), 2);
    }
    struct Incoming {
      const ir::Terminator::Edge* edge;
      llvm::BasicBlock* from;
    };
    std::vector<Incoming> incoming;
    for (uint32_t b : reversePostOrder(fn)) {
      builder_.SetInsertPoint(blocks[b]);
      for (ir::ValueId id : fn.blocks[b].insts)
        values[id] = emitInst(fn.body[id], values, f);
      const ir::Terminator& t = fn.blocks[b].term;
      llvm::BasicBlock* from = builder_.GetInsertBlock();
      switch (t.kind) {
      case ir::Terminator::Kind::Return: builder_.CreateRet(values[t.value]); break;
      case ir::Terminator::Kind::Branch:
        builder_.CreateBr(blocks[t.edges[0].block]);
        incoming.push_back({&t.edges[0], from});
        break;
      case ir::Terminator::Kind::CondBranch:
        builder_.CreateCondBr(values[t.value], blocks[t.edges[0].block], blocks[t.edges[1].block]);
        incoming.push_back({&t.edges[0], from});
        incoming.push_back({&t.edges[1], from});
        break;
      }
    }
    for (const Incoming& in : incoming) {
      const ir::Block& target = fn.blocks[in.edge->block];
      for (size_t k = 0; k < target.args.size(); ++k)
        llvm::cast<llvm::PHINode>(values[target.args[k]])->addIncoming(values[in.edge->args[k]], in.from);
    }
  }

  static std::vector<uint32_t> reversePostOrder(const ir::Function& fn) {
    std::vector<uint32_t> post;
    std::vector<char> seen(fn.blocks.size(), 0);
    std::vector<std::pair<uint32_t, unsigned>> stack = {{0, 0}};
    seen[0] = 1;
    while (!stack.empty()) {
      auto& [b, next] = stack.back();
      const ir::Terminator& t = fn.blocks[b].term;
      unsigned edges = t.kind == ir::Terminator::Kind::Return ? 0 : t.kind == ir::Terminator::Kind::Branch ? 1 : 2;
      if (next < edges) {
        uint32_t s = t.edges[next++].block;
        if (!seen[s]) {
          seen[s] = 1;
          stack.push_back({s, 0});
        }
        continue;
      }
      post.push_back(b);
      stack.pop_back();
    }
    return {post.rbegin(), post.rend()};
  }

  // A str constant: {bytes, length, data} beside its NUL-terminated text,
  // the layout of rt::Str; one global per distinct text.
  llvm::Value* stringConstant(const std::string& text) {
    auto [it, inserted] = strings_.try_emplace(text, nullptr);
    if (!inserted)
      return it->second;
    llvm::Constant* data = builder_.CreateGlobalString(text, "str.data", 0, &out_);
    auto length = static_cast<int64_t>(rt::codePointCount(text));
    auto* i64 = builder_.getInt64Ty();
    auto* type = llvm::StructType::get(context_, {i64, i64, builder_.getPtrTy()});
    auto* value = llvm::ConstantStruct::get(
        type, {llvm::ConstantInt::get(i64, text.size()), llvm::ConstantInt::get(i64, length), data});
    auto* global = new llvm::GlobalVariable(out_, type, /*isConstant=*/true, llvm::GlobalValue::PrivateLinkage,
                                            value, "str");
    global->setAlignment(llvm::Align(8));
    it->second = global;
    return global;
  }

  // A runtime operation: written out if StrOps.def says Inline, else a call
  // of its extern "C" function with the context first.
  llvm::Value* emitRuntime(const ir::Inst& inst, const std::vector<llvm::Value*>& a) {
    auto& B = builder_;
    rt::StrOp op = inst.strOp();
    if (rt::strOpInfo(op).compiled == rt::Compiled::Inline)
      return emitInlineRuntime(op, a);
    const rt::StrOpInfo& info = rt::strOpInfo(op);
    std::vector<llvm::Type*> params = {B.getPtrTy()};
    for (unsigned k = 0; k < info.arity; ++k)
      params.push_back(typeOf(info.operands[k]));
    auto* type = llvm::FunctionType::get(typeOf(info.result), params, false);
    // C's bool travels as a zero-extended i1, declared on the function and
    // on each call as clang does.
    auto zeroExtendBools = [&](auto* holder) {
      if (info.result == Type::Bool)
        holder->addRetAttr(llvm::Attribute::ZExt);
      for (unsigned k = 0; k < info.arity; ++k)
        if (info.operands[k] == Type::Bool)
          holder->addParamAttr(k + 1, llvm::Attribute::ZExt);
    };
    llvm::Function* fn = out_.getFunction(info.symbol);
    if (!fn) {
      fn = llvm::Function::Create(type, llvm::Function::ExternalLinkage, info.symbol, out_);
      fn->setDoesNotThrow();
      fn->addFnAttr(llvm::Attribute::WillReturn);
      zeroExtendBools(fn);
    }
    std::vector<llvm::Value*> args = {context_arg_};
    args.insert(args.end(), a.begin(), a.end());
    llvm::CallInst* call = B.CreateCall(fn, args);
    zeroExtendBools(call);
    return call;
  }

  // ---- runtime operations compiled inline (StrOps.def: Inline) ----
  // Each makes the decisions of its function in runtime/ (Strings.cpp,
  // PyNumbers.cpp), in the same order, and returns the same value, the
  // harmless 0 where it raises; branch-free, so that LLVM can if-convert
  // and vectorize a checked batch loop around it.

  llvm::Value* emitInlineRuntime(rt::StrOp op, const std::vector<llvm::Value*>& a) {
    auto& B = builder_;
    using rt::ErrorKind;
    switch (op) {
    case rt::StrOp::LoopTick: {
      // budget -= 1; ok = budget >= 0 && error == 0; a spent budget records
      // BudgetExceeded unless an error is recorded already.
      llvm::Value* budgetPtr = B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), context_arg_, offsetof(rt::Context, budget));
      llvm::Value* budget = B.CreateSub(B.CreateLoad(B.getInt64Ty(), budgetPtr), B.getInt64(1));
      B.CreateStore(budget, budgetPtr);
      llvm::Value* spent = B.CreateICmpSLT(budget, B.getInt64(0));
      llvm::Value* clean = recordErrorIf(spent, ErrorKind::BudgetExceeded);
      return B.CreateAnd(clean, B.CreateNot(spent));
    }
    case rt::StrOp::PyFailed: return B.CreateICmpNE(loadError(), B.getInt32(0));
    case rt::StrOp::IntPyAdd:
    case rt::StrOp::IntPySub: {
      // Python's int as int64: OverflowError (and 0) where the result wraps.
      // Written out with the sign bits (a wrapped sum has a sign neither
      // operand has; a wrapped difference, the sign of b where a and b
      // differ), since the loop vectorizer cannot widen the overflow
      // intrinsics: a checked batch loop of int arithmetic vectorizes.
      bool add = op == rt::StrOp::IntPyAdd;
      llvm::Value* wrapped = add ? B.CreateAdd(a[0], a[1]) : B.CreateSub(a[0], a[1]);
      llvm::Value* signs = add ? B.CreateAnd(B.CreateXor(a[0], wrapped), B.CreateXor(a[1], wrapped))
                               : B.CreateAnd(B.CreateXor(a[0], a[1]), B.CreateXor(a[0], wrapped));
      llvm::Value* overflow = B.CreateICmpSLT(signs, B.getInt64(0));
      recordErrorIf(overflow, ErrorKind::OverflowError);
      return B.CreateSelect(overflow, B.getInt64(0), wrapped);
    }
    case rt::StrOp::IntPyMul: {
      llvm::Value* pair = B.CreateBinaryIntrinsic(llvm::Intrinsic::smul_with_overflow, a[0], a[1]);
      llvm::Value* overflow = B.CreateExtractValue(pair, 1);
      recordErrorIf(overflow, ErrorKind::OverflowError);
      return B.CreateSelect(overflow, B.getInt64(0), B.CreateExtractValue(pair, 0));
    }
    case rt::StrOp::RangeStep:
      recordErrorIf(B.CreateICmpEQ(a[0], B.getInt64(0)), ErrorKind::ValueError);
      return a[0];
    case rt::StrOp::RealPyDiv: {
      llvm::Value* byZero = B.CreateFCmpOEQ(a[1], real(0));
      recordErrorIf(byZero, ErrorKind::ZeroDivisionError);
      return B.CreateSelect(byZero, real(0), B.CreateFDiv(a[0], a[1]));
    }
    case rt::StrOp::RealPyMod:
    case rt::StrOp::RealPyFloorDiv: {
      llvm::Value* byZero = B.CreateFCmpOEQ(a[1], real(0));
      recordErrorIf(byZero, ErrorKind::ZeroDivisionError);
      llvm::Value* value = op == rt::StrOp::RealPyMod ? pyModReal(a[0], a[1]) : pyFloorDivReal(a[0], a[1]);
      return B.CreateSelect(byZero, real(0), value);
    }
    case rt::StrOp::IntPyMod:
    case rt::StrOp::IntPyFloorDiv: return pyDivModInt(op, a[0], a[1]);
    case rt::StrOp::RealPyToInt: {
      // ValueError for nan, OverflowError outside int64 (infinities too).
      llvm::Value* nan = isNan(a[0]);
      llvm::Value* t = intrinsic(llvm::Intrinsic::trunc, {a[0]});
      llvm::Value* inRange = B.CreateAnd(B.CreateFCmpOGE(t, real(-0x1p63)), B.CreateFCmpOLT(t, real(0x1p63)));
      recordErrorIf(B.CreateNot(inRange), B.CreateSelect(nan, errorKind(ErrorKind::ValueError),
                                                     errorKind(ErrorKind::OverflowError)));
      llvm::Value* converted = B.CreateIntrinsic(llvm::Intrinsic::fptosi_sat, {B.getInt64Ty(), B.getDoubleTy()}, {t});
      return B.CreateSelect(inRange, converted, B.getInt64(0));
    }
    case rt::StrOp::RealPyMath:
    case rt::StrOp::RealPyMathOverflow: {
      // math_1's checks on f's result r of x: a nan from a number, or an
      // infinity from a finite number.
      llvm::Value* r = a[0];
      llvm::Value* x = a[1];
      llvm::Value* nanFromNumber = B.CreateAnd(isNan(r), B.CreateNot(isNan(x)));
      llvm::Value* infinityFromFinite = B.CreateAnd(isInf(r), isFinite(x));
      ErrorKind infinite = op == rt::StrOp::RealPyMath ? ErrorKind::ValueError : ErrorKind::OverflowError;
      llvm::Value* raise = B.CreateOr(nanFromNumber, infinityFromFinite);
      recordErrorIf(raise, B.CreateSelect(nanFromNumber, errorKind(ErrorKind::ValueError), errorKind(infinite)));
      return B.CreateSelect(raise, real(0), r);
    }
    case rt::StrOp::RealPyPowInt: return pyPowInt(a[0], a[1]);
    default: break;
    }
    llvm_unreachable("a runtime operation marked Inline in StrOps.def without a lowering here");
  }

  llvm::Value* errorKind(rt::ErrorKind kind) { return builder_.getInt32(static_cast<uint32_t>(kind)); }

  llvm::Value* errorField() {
    return builder_.CreateConstInBoundsGEP1_64(builder_.getInt8Ty(), context_arg_, offsetof(rt::Context, error));
  }
  llvm::Value* loadError() { return builder_.CreateLoad(builder_.getInt32Ty(), errorField()); }

  // Records `kind` (an i32 ErrorKind) where `failed` holds, unless an error
  // is recorded already (rt::Context::fail); returns whether none was.
  llvm::Value* recordErrorIf(llvm::Value* failed, llvm::Value* kind) {
    auto& B = builder_;
    llvm::Value* error = loadError();
    llvm::Value* clean = B.CreateICmpEQ(error, B.getInt32(0));
    B.CreateStore(B.CreateSelect(B.CreateAnd(clean, failed), kind, error), errorField());
    return clean;
  }
  llvm::Value* recordErrorIf(llvm::Value* failed, rt::ErrorKind kind) { return recordErrorIf(failed, errorKind(kind)); }

  llvm::Value* isNan(llvm::Value* x) { return builder_.CreateFCmpUNO(x, x); }
  llvm::Value* isInf(llvm::Value* x) { return builder_.CreateFCmpOEQ(intrinsic(llvm::Intrinsic::fabs, {x}), real(INFINITY)); }
  llvm::Value* isFinite(llvm::Value* x) {
    return builder_.CreateFCmpOLT(intrinsic(llvm::Intrinsic::fabs, {x}), real(INFINITY));
  }
  llvm::Value* copySign(llvm::Value* magnitude, llvm::Value* sign) {
    return builder_.CreateIntrinsic(llvm::Intrinsic::copysign, {builder_.getDoubleTy()}, {magnitude, sign});
  }

  // float_rem for b != 0: the remainder takes the divisor's sign.
  llvm::Value* pyModReal(llvm::Value* a, llvm::Value* b) {
    auto& B = builder_;
    llvm::Value* mod = B.CreateFRem(a, b);
    llvm::Value* signsDiffer = B.CreateXor(B.CreateFCmpOLT(b, real(0)), B.CreateFCmpOLT(mod, real(0)));
    llvm::Value* nonZero = B.CreateSelect(signsDiffer, B.CreateFAdd(mod, b), mod);
    return B.CreateSelect(B.CreateFCmpUNE(mod, real(0)), nonZero, copySign(real(0), b));
  }

  // float_floor_div for b != 0 (_float_div_mod).
  llvm::Value* pyFloorDivReal(llvm::Value* a, llvm::Value* b) {
    auto& B = builder_;
    llvm::Value* mod = B.CreateFRem(a, b);
    llvm::Value* div = B.CreateFDiv(B.CreateFSub(a, mod), b);
    llvm::Value* signsDiffer = B.CreateXor(B.CreateFCmpOLT(b, real(0)), B.CreateFCmpOLT(mod, real(0)));
    llvm::Value* adjust = B.CreateAnd(B.CreateFCmpUNE(mod, real(0)), signsDiffer);
    div = B.CreateSelect(adjust, B.CreateFSub(div, real(1)), div);
    llvm::Value* floored = intrinsic(llvm::Intrinsic::floor, {div});
    llvm::Value* rounded = B.CreateSelect(B.CreateFCmpOGT(B.CreateFSub(div, floored), real(0.5)),
                                          B.CreateFAdd(floored, real(1)), floored);
    return B.CreateSelect(B.CreateFCmpOEQ(div, real(0)), copySign(real(0), B.CreateFDiv(a, b)), rounded);
  }

  // Python's int % and // on int64 (findc_rt_int_py_mod, _floordiv):
  // ZeroDivisionError for b == 0, OverflowError for INT64_MIN // -1.
  llvm::Value* pyDivModInt(rt::StrOp op, llvm::Value* a, llvm::Value* b) {
    auto& B = builder_;
    llvm::Value* zero = B.getInt64(0);
    llvm::Value* byZero = B.CreateICmpEQ(b, zero);
    llvm::Value* byMinusOne = B.CreateICmpEQ(b, B.getInt64(static_cast<uint64_t>(-1)));
    llvm::Value* special = B.CreateOr(byZero, byMinusOne);
    llvm::Value* safeB = B.CreateSelect(special, B.getInt64(1), b); // sdiv and srem trap on both
    llvm::Value* q = B.CreateSDiv(a, safeB);
    llvm::Value* r = B.CreateSRem(a, safeB);
    llvm::Value* adjust =
        B.CreateAnd(B.CreateICmpNE(r, zero), B.CreateXor(B.CreateICmpSLT(r, zero), B.CreateICmpSLT(b, zero)));
    if (op == rt::StrOp::IntPyMod) {
      recordErrorIf(byZero, rt::ErrorKind::ZeroDivisionError);
      return B.CreateSelect(special, zero, B.CreateSelect(adjust, B.CreateAdd(r, b), r));
    }
    llvm::Value* overflow = B.CreateAnd(byMinusOne, B.CreateICmpEQ(a, B.getInt64(static_cast<uint64_t>(INT64_MIN))));
    recordErrorIf(B.CreateOr(byZero, overflow), B.CreateSelect(byZero, errorKind(rt::ErrorKind::ZeroDivisionError),
                                                           errorKind(rt::ErrorKind::OverflowError)));
    llvm::Value* floored = B.CreateSub(q, B.CreateZExt(adjust, B.getInt64Ty()));
    llvm::Value* negated = B.CreateSelect(overflow, zero, B.CreateSub(zero, a));
    return B.CreateSelect(byZero, zero, B.CreateSelect(byMinusOne, negated, floored));
  }

  // float_pow of a float by an int n (findc_rt_real_py_powi: floatPow with
  // iw = n as a double, never nan, infinite or fractional), case by case
  // from the last: each select takes the earlier case where it applies.
  llvm::Value* pyPowInt(llvm::Value* iv, llvm::Value* n) {
    auto& B = builder_;
    using rt::ErrorKind;
    llvm::Value* iw = B.CreateSIToFP(n, B.getDoubleTy());
    // isOddInteger(iw): n odd, and within 2^53 (beyond, the double is even).
    constexpr int64_t exact = int64_t{1} << 53;
    llvm::Value* odd = B.CreateAnd(B.CreateICmpNE(B.CreateAnd(n, B.getInt64(1)), B.getInt64(0)),
                                   B.CreateAnd(B.CreateICmpSGE(n, B.getInt64(static_cast<uint64_t>(-exact))),
                                               B.CreateICmpSLE(n, B.getInt64(exact))));
    llvm::Value* magnitude = intrinsic(llvm::Intrinsic::fabs, {iv});
    // A finite non-zero base: |iv| ** iw, negated for a negative base and an
    // odd exponent; an infinite result is an OverflowError.
    llvm::Value* negate = B.CreateAnd(B.CreateFCmpOLT(iv, real(0)), odd);
    llvm::Value* ix = pow(magnitude, iw);
    llvm::Value* overflows = isInf(ix);
    llvm::Value* finite = B.CreateSelect(overflows, real(0), B.CreateSelect(negate, B.CreateFNeg(ix), ix));
    finite = B.CreateSelect(B.CreateFCmpOEQ(magnitude, real(1)), B.CreateSelect(negate, real(-1), real(1)), finite);
    // A zero base: 0.0 ** negative is a ZeroDivisionError.
    llvm::Value* negativeExponent = B.CreateFCmpOLT(iw, real(0));
    llvm::Value* zeroBase = B.CreateSelect(negativeExponent, real(0), B.CreateSelect(odd, iv, real(0)));
    // An infinite base.
    llvm::Value* infiniteBase = B.CreateSelect(B.CreateFCmpOGT(iw, real(0)), B.CreateSelect(odd, iv, magnitude),
                                               B.CreateSelect(odd, copySign(real(0), iv), real(0)));
    llvm::Value* isZero = B.CreateFCmpOEQ(iv, real(0));
    llvm::Value* infinite = isInf(iv);
    llvm::Value* result = B.CreateSelect(isZero, zeroBase, finite);
    result = B.CreateSelect(infinite, infiniteBase, result);
    result = B.CreateSelect(isNan(iv), iv, result);
    llvm::Value* exponentZero = B.CreateFCmpOEQ(iw, real(0));
    result = B.CreateSelect(exponentZero, real(1), result); // even 0**0 and nan**0
    // The errors, where their cases apply.
    llvm::Value* nonZeroExponent = B.CreateNot(exponentZero);
    llvm::Value* divisionByZero = B.CreateAnd(nonZeroExponent, B.CreateAnd(isZero, negativeExponent));
    llvm::Value* finiteBase = B.CreateAnd(isFinite(iv), B.CreateNot(isZero));
    llvm::Value* unit = B.CreateFCmpOEQ(magnitude, real(1));
    llvm::Value* overflow =
        B.CreateAnd(nonZeroExponent, B.CreateAnd(finiteBase, B.CreateAnd(B.CreateNot(unit), overflows)));
    recordErrorIf(B.CreateOr(divisionByZero, overflow),
              B.CreateSelect(divisionByZero, errorKind(ErrorKind::ZeroDivisionError), errorKind(ErrorKind::OverflowError)));
    return result;
  }

  // `void fnd.NAME.boxed(Context* ctx, const Scalar* args, Scalar* result)`:
  // any function, called with its arguments as Scalars.
  void emitBoxedEntry(const ir::Function& fn, llvm::Function* body) {
    auto& B = builder_;
    auto* ptr = B.getPtrTy();
    auto* type = llvm::FunctionType::get(B.getVoidTy(), {ptr, ptr, ptr}, false);
    auto* boxed = llvm::Function::Create(type, llvm::Function::ExternalLinkage, boxedEntryName(fn.name), out_);
    addTargetAttributes(boxed);
    B.SetInsertPoint(llvm::BasicBlock::Create(context_, "entry", boxed));
    llvm::Value* ctx = boxed->getArg(0);
    llvm::Value* argv = boxed->getArg(1);
    llvm::Value* out = boxed->getArg(2);
    constexpr uint64_t payload = offsetof(Scalar, i);
    std::vector<llvm::Value*> args;
    if (fn.usesContext)
      args.push_back(ctx);
    for (size_t k = 0; k < fn.params.size(); ++k) {
      llvm::Value* at = B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), argv, k * sizeof(Scalar) + payload);
      Type t = fn.params[k].type;
      args.push_back(t == Type::Bool ? B.CreateICmpNE(B.CreateLoad(B.getInt8Ty(), at), B.getInt8(0))
                                     : B.CreateLoad(typeOf(t), at));
    }
    llvm::Value* result = B.CreateCall(body, args);
    static_assert(offsetof(Scalar, type) == 0);
    B.CreateStore(B.getInt8(static_cast<uint8_t>(fn.resultType)), out);
    llvm::Value* at = B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), out, payload);
    B.CreateStore(fn.resultType == Type::Bool ? B.CreateZExt(result, B.getInt8Ty()) : result, at);
    B.CreateRetVoid();
  }

  llvm::Value* constant(const Scalar& s) {
    switch (s.type) {
    case Type::Bool: return builder_.getInt1(s.b);
    case Type::Int: return builder_.getInt64(static_cast<uint64_t>(s.i));
    default: return llvm::ConstantFP::get(builder_.getDoubleTy(), s.r);
    }
  }
  llvm::Value* real(double v) { return llvm::ConstantFP::get(builder_.getDoubleTy(), v); }

  llvm::Value* emitInst(const ir::Inst& inst, const std::vector<llvm::Value*>& values, llvm::Function* f) {
    switch (inst.op) {
    case ir::Opcode::Param: return f->getArg(inst.index + (context_arg_ ? 1 : 0));
    case ir::Opcode::Const:
      return inst.type == Type::Str ? stringConstant(inst.text) : constant(inst.constant);
    case ir::Opcode::BlockArg: llvm_unreachable("block arguments are phis, made by define()");
    case ir::Opcode::Call: {
      std::vector<llvm::Value*> args;
      if (module_.functions[inst.index].usesContext)
        args.push_back(context_arg_);
      for (ir::ValueId operand : inst.operands)
        args.push_back(values[operand]);
      return builder_.CreateCall(functions_.at(inst.index), args);
    }
    case ir::Opcode::Runtime:
    case ir::Opcode::Prim: break;
    }
    std::vector<llvm::Value*> args;
    for (ir::ValueId operand : inst.operands)
      args.push_back(values[operand]);
    if (inst.op == ir::Opcode::Runtime)
      return emitRuntime(inst, args);
    return emitPrim(inst, args);
  }

  llvm::Value* callLibm(const char* name, unsigned arity, const std::vector<llvm::Value*>& args) {
    std::vector<llvm::Type*> params(arity, builder_.getDoubleTy());
    auto* type = llvm::FunctionType::get(builder_.getDoubleTy(), params, false);
    llvm::FunctionCallee callee = out_.getOrInsertFunction(name, type);
    auto* fn = llvm::cast<llvm::Function>(callee.getCallee());
    // Marked pure (we never read errno) so calls can be CSE'd and vectorized.
    fn->setDoesNotAccessMemory();
    fn->setDoesNotThrow();
    fn->addFnAttr(llvm::Attribute::WillReturn);
    return builder_.CreateCall(callee, args);
  }

  llvm::Value* intrinsic(llvm::Intrinsic::ID id, const std::vector<llvm::Value*>& args) {
    return builder_.CreateIntrinsic(id, {args[0]->getType()}, args);
  }

  // Fenced operands keep LLVM from acting on a value it proves constant:
  // it rewrites pow(2**n, x) to exp2(n * x), which rounds n * x (100s of
  // ulp off for n = 3), folds exp10(c) as pow(10, c), not glibc's, and
  // takes pow(x, 2) for x * x and pow(x, -1) for 1 / x, which glibc's pow
  // (so Python, so FIND) does not always round the same way.
  llvm::Value* fence(llvm::Value* v) {
    return builder_.CreateIntrinsic(llvm::Intrinsic::arithmetic_fence, {builder_.getDoubleTy()}, {v});
  }

  // glibc's pow(x, y). Vector mode leaves literal exponents visible: x * x
  // is what it wants. Exact mode writes pow(x, 2) out (square).
  llvm::Value* pow(llvm::Value* x, llvm::Value* y) {
    auto* exponent = llvm::dyn_cast<llvm::ConstantFP>(y);
    if (libmvec_ && exponent)
      return intrinsic(llvm::Intrinsic::pow, {x, y});
    if (exponent && !llvm::isa<llvm::Constant>(x)) {
      for (int n = 2; n <= kLargestProductPower; ++n)
        if (exponent->isExactlyValue(n))
          return smallPower(x, n);
      if (exponent->isExactlyValue(0.5))
        return halfPower(x);
    }
    return intrinsic(llvm::Intrinsic::pow, {fence(x), fence(y)});
  }

  // glibc's pow(x, n) for n = 2 ... kLargestProductPower, bit for bit,
  // as the product where that is its value (docs/language.md, "x ** n in
  // exact mode"). x^2 = hi + lo exactly, with hi = x * x and
  // lo = fma(x, x, -hi), where |hi| >= 2^-969. x^(k+1) = p * x + t * x =
  // p' + e + t * x, with p' = p * x and e = fma(p, x, -p') exact, and
  // t * x and the sum rounded: x^n - p within n 2^-103 of p. p is rounded
  // n - 1 times: the product is q = p + t, x^n rounded once, and its tail
  // (p - q) + t (p - q exact). glibc's pow (ARM's optimized-routines
  // algorithm, glibc >= 2.28) errs by at most 0.509 ulp (its exp) +
  // |y log x| * 1.3 * 2^-68 * 2^53 ulp (its log's relative error): at most
  // 0.5372 ulp for any normal result, 0.5108 ulp for results within
  // [2^-64, 2^64] (|ln x^n| <= 44.4), whatever n. Where the product's
  // significand is not a power of two, x^n lies in its binade, so every
  // other double is at least ulp - |tail| from it: with |tail| <= 0.45 ulp
  // (0.48 within [2^-64, 2^64]) that is 0.55 (0.52) ulp, more than pow's
  // error, so pow returns the product. Everywhere else (4% of random x
  // within [2^-64, 2^64], 10% outside: near a rounding midpoint, zero,
  // subnormal or tiny, near overflow, infinite or nan, a power of two) it
  // calls pow itself, in a branch the loop vectorizer predicates
  // (powSlow), so a checked batch loop around it still vectorizes. The
  // range test on q covers every p: they are monotone in k.
  llvm::Value* smallPower(llvm::Value* x, int n) {
    auto& B = builder_;
    auto exactProduct = [&](llvm::Value* a, llvm::Value* b, llvm::Value* rounded) {
      return B.CreateIntrinsic(llvm::Intrinsic::fma, {B.getDoubleTy()}, {a, b, B.CreateFNeg(rounded)});
    };
    // x^k = p + t (+ a few 2^-100 p): p = x^(k-1)'s p times x, t its
    // residual (exact) plus x^(k-1)'s t times x.
    llvm::Value* product = B.CreateFMul(x, x);
    llvm::Value* tail = exactProduct(x, x, product);
    for (int k = 3; k <= n; ++k) {
      llvm::Value* p = B.CreateFMul(product, x);
      tail = B.CreateFAdd(exactProduct(product, x, p), B.CreateFMul(tail, x));
      product = p;
    }
    if (n > 2) { // p is rounded more than once: q = p + t is x^n rounded once
      llvm::Value* rounded = B.CreateFAdd(product, tail);
      tail = B.CreateFAdd(B.CreateFSub(product, rounded), tail);
      product = rounded;
    }
    return productOrPow(x, product, tail, B.getTrue(), powSlow(n, "pow" + std::to_string(n)));
  }

  // glibc's pow(x, 0.5), bit for bit: sqrt(x) = s (correctly rounded) where
  // that is pow's value, by smallPower's test on s and its tail: the
  // residual r = x - s^2 is exact (fma) for x >= 2^-960, and sqrt(x) - s =
  // r / (s + sqrt(x)), r / 2s within 2^-52 of it. pow elsewhere (x <= 0,
  // tiny, inf, nan, near a midpoint).
  llvm::Value* halfPower(llvm::Value* x) {
    auto& B = builder_;
    llvm::Value* s = intrinsic(llvm::Intrinsic::sqrt, {x});
    llvm::Value* residual = B.CreateIntrinsic(llvm::Intrinsic::fma, {B.getDoubleTy()}, {B.CreateFNeg(s), s, x});
    llvm::Value* tail = B.CreateFDiv(residual, B.CreateFAdd(s, s));
    llvm::Value* exactResidual = B.CreateFCmpOGE(x, real(0x1p-960));
    return productOrPow(x, s, tail, exactResidual, powSlow(0.5, "powhalf"));
  }

  // `product` (x^y rounded once, `tail` below it) where that provably is
  // glibc's pow(x, y) (see smallPower) and `exact` holds, else pow from the
  // slow path `slow`.
  llvm::Value* productOrPow(llvm::Value* x, llvm::Value* product, llvm::Value* tail, llvm::Value* exact,
                            llvm::Function* slow) {
    auto& B = builder_;
    auto* i64 = B.getInt64Ty();
    llvm::Value* magnitude = intrinsic(llvm::Intrinsic::fabs, {product});
    llvm::Value* bits = B.CreateBitCast(magnitude, i64);
    llvm::Value* binade = B.CreateBitCast(B.CreateAnd(bits, B.getInt64(0x7ff0000000000000)), B.getDoubleTy());
    llvm::Value* ulp = B.CreateFMul(binade, real(0x1p-52));
    llvm::Value* moderate =
        B.CreateAnd(B.CreateFCmpOGE(magnitude, real(0x1p-64)), B.CreateFCmpOLE(magnitude, real(0x1p64)));
    llvm::Value* bound = B.CreateSelect(moderate, real(kPowerTailModerate), real(kPowerTail));
    llvm::Value* clearOfMidpoint =
        B.CreateFCmpOLE(intrinsic(llvm::Intrinsic::fabs, {tail}), B.CreateFMul(ulp, bound));
    // |hi| >= |product| where |x| < 1, and hi >= 1 elsewhere: the bound on
    // the product keeps hi's and p's residuals exact too.
    llvm::Value* inRange = B.CreateAnd(B.CreateFCmpOGE(magnitude, real(0x1p-969)),
                                       B.CreateFCmpOLE(magnitude, real(std::numeric_limits<double>::max())));
    llvm::Value* notPowerOfTwo = B.CreateICmpNE(B.CreateAnd(bits, B.getInt64(0x000fffffffffffff)), B.getInt64(0));
    llvm::Value* fast = B.CreateAnd(B.CreateAnd(clearOfMidpoint, exact), B.CreateAnd(inRange, notPowerOfTwo));
    llvm::Function* f = B.GetInsertBlock()->getParent();
    llvm::BasicBlock* from = B.GetInsertBlock();
    auto* slowBlock = llvm::BasicBlock::Create(context_, "pow.slow", f);
    auto* join = llvm::BasicBlock::Create(context_, "pow.join", f);
    B.CreateCondBr(fast, join, slowBlock);
    B.SetInsertPoint(slowBlock);
    llvm::Value* pow = callSlowPath(slow, x);
    B.CreateBr(join);
    B.SetInsertPoint(join);
    llvm::PHINode* result = B.CreatePHI(B.getDoubleTy(), 2);
    result->addIncoming(product, from);
    result->addIncoming(pow, slowBlock);
    return result;
  }

  // glibc's exp, sin or cos of x (writesOut), bit for bit (GlibcExp.h,
  // GlibcSin.h): a call of libm's (which branches to x's range: cheaper for
  // one x) whose vector variants, which a vectorized loop calls, compute
  // glibc's algorithm for every lane (expFastLanes, sinFastRanges), with
  // libm for the lanes outside its fast ranges (exp: zero, tiny, huge;
  // both: inf, nan; sin and cos: |x| >= 105414350).
  llvm::Value* glibcCall(PrimOp op, llvm::Value* x) {
    llvm::Intrinsic::ID libm = loweringOf(op).intrinsic;
    FastLanes fastLanes;
    if (op == PrimOp::Exp)
      fastLanes = [this](llvm::IRBuilder<>& B, llvm::Value* v) { return expFastLanes(B, v); };
    else
      fastLanes = [this, cosine = op == PrimOp::Cos](llvm::IRBuilder<>& B, llvm::Value* v) {
        return sinFastRanges(B, v, cosine);
      };
    llvm::Function* f = slowPath(
        slowPathName(loweringOf(op).libm),
        [libm](llvm::IRBuilder<>& B, llvm::Value* v) { return B.CreateIntrinsic(libm, {B.getDoubleTy()}, {v}); },
        fastLanes);
    return callSlowPath(f, x);
  }

  // exp of every lane of `x` (a double or a vector of them) on its fast
  // path (the lanes of the second value), each step as GlibcExp.cpp's.
  std::pair<llvm::Value*, llvm::Value*> expFastLanes(llvm::IRBuilder<>& B, llvm::Value* x) {
    using namespace glibc;
    LaneMath m(B, x);
    llvm::Type* d = m.d;
    llvm::Type* i64 = m.i64;
    llvm::Value* top = B.CreateAnd(B.CreateLShr(B.CreateBitCast(x, i64), 52), 0x7ff);
    llvm::Value* fast = B.CreateICmpULT(B.CreateSub(top, m.integer(kExpFastTopBase)), m.integer(kExpFastTopRange));
    llvm::Value* kd = m.fma(x, m.real(kExpInvLn2N), m.real(kExpShift));
    llvm::Value* ki = B.CreateBitCast(kd, i64);
    kd = B.CreateFSub(kd, m.real(kExpShift));
    llvm::Value* r = m.fma(kd, m.real(kExpNegLn2HiN), x);
    r = m.fma(kd, m.real(kExpNegLn2LoN), r);
    llvm::Value* index = B.CreateShl(B.CreateAnd(ki, (1 << kExpTableBits) - 1), 1);
    llvm::GlobalVariable* table = constantTable("findc.exp.table", kExpTable);
    llvm::Value* tail = B.CreateBitCast(tableWords(B, table, index), d);
    llvm::Value* scaleBits = B.CreateAdd(tableWords(B, table, B.CreateOr(index, 1)),
                                         B.CreateShl(ki, 52 - kExpTableBits));
    llvm::Value* scale = B.CreateBitCast(scaleBits, d);
    llvm::Value* r2 = B.CreateFMul(r, r);
    llvm::Value* low = m.fma(m.fma(r, m.real(kExpC3), m.real(kExpC2)), r2, B.CreateFAdd(r, tail));
    llvm::Value* tmp = m.fma(B.CreateFMul(r2, r2), m.fma(r, m.real(kExpC5), m.real(kExpC4)), low);
    return {m.fma(scale, tmp, scale), fast};
  }

  // table[index], words of a table of 64-bit words, for an index or a
  // vector of them (a gather).
  llvm::Value* tableWords(llvm::IRBuilder<>& B, llvm::GlobalVariable* table, llvm::Value* index) {
    llvm::Value* at = B.CreateInBoundsGEP(B.getInt64Ty(), table, {index});
    auto* vector = llvm::dyn_cast<llvm::FixedVectorType>(index->getType());
    if (!vector)
      return B.CreateLoad(B.getInt64Ty(), at);
    return B.CreateMaskedGather(vector, at, llvm::Align(8), B.CreateVectorSplat(vector->getNumElements(), B.getTrue()));
  }

  // A private constant array of 64-bit words (a libm's table), once per module.
  llvm::GlobalVariable* constantTable(const char* name, llvm::ArrayRef<uint64_t> words) {
    if (llvm::GlobalVariable* existing = out_.getGlobalVariable(name, /*AllowInternal=*/true))
      return existing;
    auto* data = llvm::ConstantDataArray::get(context_, words);
    auto* table = new llvm::GlobalVariable(out_, data->getType(), /*isConstant=*/true,
                                           llvm::GlobalValue::PrivateLinkage, data, name);
    table->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
    table->setAlignment(llvm::Align(64));
    return table;
  }

  // sin or cos of every lane of `x` (a double or a vector of them) whose
  // |x| is below 105414350 (the lanes of the second value), by each fast
  // range of GlibcSin.h, each step as GlibcSin.cpp's (do_sin's and do_cos's
  // table paths merged: the same operations, on operands each lane picks).
  std::pair<llvm::Value*, llvm::Value*> sinFastRanges(llvm::IRBuilder<>& B, llvm::Value* x, bool cosine) {
    using namespace glibc;
    LaneMath m(B, x);
    llvm::Type* d = m.d;
    llvm::Type* i64 = m.i64;
    auto neg = [&](llvm::Value* v) { return B.CreateFNeg(v); };
    auto abs = [&](llvm::Value* v) { return B.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, v); };
    auto copysign = [&](llvm::Value* magnitude, llvm::Value* sign) {
      return B.CreateBinaryIntrinsic(llvm::Intrinsic::copysign, magnitude, sign);
    };
    auto sinPolynomial = [&](llvm::Value* xx) { return m.fma(xx, m.real(kSinSn5), m.real(kSinSn3)); };
    auto cosPolynomial = [&](llvm::Value* xx) {
      return m.fma(xx, m.fma(xx, m.real(kSinCs6), m.real(kSinCs4)), m.real(kSinCs2));
    };
    llvm::Value* top = B.CreateAnd(B.CreateLShr(B.CreateBitCast(x, i64), 32), 0x7fffffff);
    auto below = [&](uint32_t bound) { return B.CreateICmpULT(top, m.integer(bound)); };
    llvm::Value* tiny = below(cosine ? kCosTinyTop : kSinTinyTop);
    llvm::Value* inTable = below(kSinTableTop);
    llvm::Value* inCos = below(kSinCosTop);
    llvm::Value* fast = below(kSinReducedTop);
    llvm::Value* ax = abs(x);

    // reduce_sincos: x - n pi/2 = b + db.
    llvm::Value* t = m.fma(x, m.real(kSinHpInv), m.real(kSinToInt));
    llvm::Value* xn = B.CreateFSub(t, m.real(kSinToInt));
    llvm::Value* n = B.CreateAnd(B.CreateBitCast(t, i64), 3);
    llvm::Value* rest = m.fma(neg(xn), m.real(kSinMp2), m.fma(neg(xn), m.real(kSinMp1), x));
    llvm::Value* t2 = m.fma(neg(xn), m.real(kSinPp3), rest);
    llvm::Value* db = m.fma(m.real(-kSinPp3), xn, B.CreateFSub(rest, t2));
    llvm::Value* b = m.fma(neg(xn), m.real(kSinPp4), t2);
    db = B.CreateFAdd(db, m.fma(neg(xn), m.real(kSinPp4), B.CreateFSub(t2, b)));

    // What each range computes: sin: do_sin(x, 0); copysign(do_cos(hp0 -
    // |x|, hp1), x); do_sincos(b, db, n). cos: do_cos(x, 0); do_sin(a, da)
    // with y = hp0 - |x|, a = y + hp1, da = (y - a) + hp1; do_sincos(b, db,
    // n + 1). do_sincos(a, da, n): do_cos for odd n, else do_sin, negated
    // for n = 2, 3 (mod 4).
    llvm::Value* inCosOnly = B.CreateAnd(inCos, B.CreateNot(inTable)); // the middle range
    llvm::Value* y = B.CreateFSub(m.real(kSinHp0), ax);
    llvm::Value* middleA = y;
    llvm::Value* middleDa = m.real(kSinHp1);
    if (cosine) {
      middleA = B.CreateFAdd(y, m.real(kSinHp1));
      middleDa = B.CreateFAdd(B.CreateFSub(y, middleA), m.real(kSinHp1));
      n = B.CreateAnd(B.CreateAdd(n, m.integer(1)), 3);
    }
    llvm::Value* a = B.CreateSelect(inTable, x, B.CreateSelect(inCos, middleA, b));
    llvm::Value* da = B.CreateSelect(inTable, m.real(0.0), B.CreateSelect(inCos, middleDa, db));
    llvm::Value* odd = B.CreateICmpNE(B.CreateAnd(n, 1), m.integer(0));
    llvm::Value* useCos = B.CreateSelect(inCos, cosine ? inTable : inCosOnly, odd);
    llvm::Value* negate = B.CreateAnd(B.CreateNot(inCos), B.CreateICmpNE(B.CreateAnd(n, 2), m.integer(0)));

    // The table row of a's nearest X = i/128 (i clamped for the lanes
    // whose a is not used), and |a| - X.
    llvm::Value* am = abs(a);
    llvm::Value* u = B.CreateFAdd(am, m.real(kSinBig));
    llvm::Value* offset = B.CreateFSub(am, B.CreateFSub(u, m.real(kSinBig)));
    llvm::Value* i = B.CreateAnd(B.CreateBitCast(u, i64), 0xffffffff);
    i = B.CreateBinaryIntrinsic(llvm::Intrinsic::umin, i, m.integer(kSinTableEntries - 1));
    i = B.CreateShl(i, 2);
    llvm::GlobalVariable* table = constantTable("findc.sin.table", kSinTable);
    auto word = [&](uint64_t k) { return B.CreateBitCast(tableWords(B, table, B.CreateOr(i, k)), d); };
    llvm::Value* sn = word(0);
    llvm::Value* ssn = word(1);
    llvm::Value* cs = word(2);
    llvm::Value* ccs = word(3);

    // do_sin(a, da) below 0.126: a Taylor polynomial.
    llvm::Value* xxa = B.CreateFMul(a, a);
    llvm::Value* p = m.real(kSinS5);
    for (double coefficient : {kSinS4, kSinS3, kSinS2, kSinS1})
      p = m.fma(p, xxa, m.real(coefficient));
    llvm::Value* taylor = B.CreateFAdd(a, m.fma(xxa, m.fma(p, a, neg(B.CreateFMul(m.real(0.5), da))), da));
    // do_sin(a, da) and do_cos(a, da) from the table, as one computation
    // whose operands each lane picks (the same operations either way):
    //   do_sin: t = offset, s = t + m.fma(t^3, sp, dx), c = m.fma(t, dx, t^2 cp),
    //           sn + m.fma(s, cs, m.fma(-c, sn, m.fma(s, ccs, ssn))), a's sign;
    //   do_cos: t = offset + dx, s = m.fma(t^3, sp, t), c = t^2 cp,
    //           cs + m.fma(-s, sn, m.fma(-c, cs, m.fma(-s, ssn, ccs))).
    llvm::Value* dx = B.CreateSelect(B.CreateSelect(useCos, B.CreateFCmpOLT(a, m.real(0.0)), B.CreateFCmpOLE(a, m.real(0.0))),
                                     neg(da), da);
    llvm::Value* tv = B.CreateSelect(useCos, B.CreateFAdd(offset, dx), offset);
    llvm::Value* tt = B.CreateFMul(tv, tv);
    llvm::Value* f = m.fma(B.CreateFMul(tv, tt), sinPolynomial(tt), B.CreateSelect(useCos, tv, dx));
    llvm::Value* sv = B.CreateSelect(useCos, f, B.CreateFAdd(tv, f));
    llvm::Value* cp = B.CreateFMul(tt, cosPolynomial(tt));
    llvm::Value* cv = B.CreateSelect(useCos, cp, m.fma(tv, dx, cp));
    llvm::Value* signedS = B.CreateSelect(useCos, neg(sv), sv);
    auto pick = [&](llvm::Value* forSin, llvm::Value* forCos) { return B.CreateSelect(useCos, forCos, forSin); };
    llvm::Value* cor = m.fma(signedS, pick(cs, sn), m.fma(neg(cv), pick(sn, cs), m.fma(signedS, pick(ccs, ssn), pick(ssn, ccs))));
    llvm::Value* tableValue = B.CreateFAdd(pick(sn, cs), cor);
    llvm::Value* sinValue =
        B.CreateSelect(B.CreateFCmpOLT(am, m.real(kSinTaylorBound)), taylor, copysign(tableValue, a));
    llvm::Value* r = B.CreateSelect(useCos, tableValue, sinValue);
    r = B.CreateSelect(negate, neg(r), r);
    if (!cosine)
      r = B.CreateSelect(inCosOnly, copysign(r, x), r);
    return {B.CreateSelect(tiny, cosine ? m.real(1.0) : x, r), fast};
  }

  // `double findc.slow.NAME(double x)`: glibc's pow(x, y), fenced (see
  // slowPath).
  llvm::Function* powSlow(double y, const std::string& name) {
    return slowPath(slowPathName(name), [&](llvm::IRBuilder<>& B, llvm::Value* x) {
      auto* d = B.getDoubleTy();
      llvm::Value* exponent = B.CreateIntrinsic(llvm::Intrinsic::arithmetic_fence, {d}, {real(y)});
      llvm::Value* base = B.CreateIntrinsic(llvm::Intrinsic::arithmetic_fence, {d}, {x});
      return B.CreateIntrinsic(llvm::Intrinsic::pow, {d}, {base, exponent});
    });
  }

  // `double NAME(double x)`: `compute`'s value (a libm call), never
  // inlined (a fence in the loop would keep it from vectorizing), with
  // vector variants named on each call (callSlowPath) for the loop
  // vectorizer, kept for it (llvm.compiler.used; optimizeModule inlines
  // those it called and drops the others):
  //  - masked, `NAME.mLANES` (vectorVariantName), for calls in branches
  //    (the rare lanes of an op written out inline, smallPower): `compute`
  //    for the lanes the mask holds, nothing when it holds none;
  //  - with `fastLanes` (for a vector x: values, and the lanes they hold),
  //    also unmasked, `NAME.vLANES`; both take fastLanes' values where it
  //    holds and `compute` elsewhere (the masked one computes nothing when
  //    its mask holds no lane).
  using FastLanes = std::function<std::pair<llvm::Value*, llvm::Value*>(llvm::IRBuilder<>&, llvm::Value*)>;
  template <typename Compute>
  llvm::Function* slowPath(const std::string& slowName, Compute compute, const FastLanes& fastLanes = {}) {
    if (llvm::Function* existing = out_.getFunction(slowName))
      return existing;
    auto* d = builder_.getDoubleTy();
    auto* slow = llvm::Function::Create(llvm::FunctionType::get(d, {d}, false), llvm::Function::InternalLinkage,
                                        slowName, out_);
    addTargetAttributes(slow);
    slow->addFnAttr(llvm::Attribute::NoInline);
    slow->addFnAttr(llvm::Attribute::WillReturn);
    slow->setDoesNotAccessMemory();
    llvm::IRBuilder<> B(llvm::BasicBlock::Create(context_, "entry", slow));
    B.CreateRet(compute(B, slow->getArg(0)));

    std::vector<llvm::GlobalValue*> variants;
    std::string names;
    llvm::MDNode* rarely = llvm::MDBuilder(context_).createUnlikelyBranchWeights();
    // At the host's widest vectors only (8 doubles with AVX-512, 4 with
    // AVX2; 2, 4 and 8 elsewhere): the vectorizer picks that width for a
    // loop around these calls, and each variant costs compile time until
    // optimizeModule drops the unused (sin's: ~3 ms each).
    unsigned widest = widestLibmvecLanes(target_);
    std::vector<unsigned> widths = widest >= 4 ? std::vector<unsigned>{widest} : std::vector<unsigned>{2, 4, 8};
    for (bool masked : {false, true})
      for (unsigned lanes : widths) {
        if (!masked && !fastLanes)
          continue;
        std::string name = vectorVariantName(slowName, lanes, masked);
        auto* vector = llvm::FixedVectorType::get(d, lanes);
        auto* maskType = llvm::FixedVectorType::get(builder_.getInt1Ty(), lanes);
        std::vector<llvm::Type*> params = {vector};
        if (masked)
          params.push_back(maskType);
        auto* variant = llvm::Function::Create(llvm::FunctionType::get(vector, params, false),
                                               llvm::Function::InternalLinkage, name, out_);
        addTargetAttributes(variant);
        variant->addFnAttr(llvm::Attribute::WillReturn);
        variant->setDoesNotAccessMemory();
        auto* entry = llvm::BasicBlock::Create(context_, "entry", variant);
        auto* first = llvm::BasicBlock::Create(context_, "lanes", variant);
        auto* done = llvm::BasicBlock::Create(context_, "done", variant);
        B.SetInsertPoint(entry);
        llvm::Value* x = variant->getArg(0);
        llvm::Value* result = llvm::PoisonValue::get(vector);
        llvm::Value* rest = masked ? variant->getArg(1) : B.CreateVectorSplat(lanes, B.getTrue());
        auto anyLane = [&](llvm::Value* mask) {
          return B.CreateICmpNE(B.CreateBitCast(mask, B.getIntNTy(lanes)), B.getIntN(lanes, 0));
        };
        if (masked && fastLanes) { // a branch's vectors are often wholly outside it: nothing to compute
          auto* compute = llvm::BasicBlock::Create(context_, "compute", variant);
          B.CreateCondBr(anyLane(rest), compute, done);
          entry = compute;
          B.SetInsertPoint(compute);
        }
        if (fastLanes) {
          auto [values, fast] = fastLanes(B, x);
          result = values;
          rest = B.CreateAnd(rest, B.CreateNot(fast));
        }
        llvm::Value* entryResult = result;
        B.CreateCondBr(anyLane(rest), first, done, rarely);
        B.SetInsertPoint(first);
        for (unsigned k = 0; k < lanes; ++k) {
          llvm::BasicBlock* before = B.GetInsertBlock();
          auto* lane = llvm::BasicBlock::Create(context_, "lane", variant);
          auto* next = llvm::BasicBlock::Create(context_, "next", variant);
          B.CreateCondBr(B.CreateExtractElement(rest, k), lane, next);
          B.SetInsertPoint(lane);
          llvm::Value* set = B.CreateInsertElement(result, B.CreateCall(slow, {B.CreateExtractElement(x, k)}), k);
          B.CreateBr(next);
          B.SetInsertPoint(next);
          llvm::PHINode* merged = B.CreatePHI(vector, 2);
          merged->addIncoming(result, before);
          merged->addIncoming(set, lane);
          result = merged;
        }
        llvm::BasicBlock* last = B.GetInsertBlock();
        B.CreateBr(done);
        B.SetInsertPoint(done);
        llvm::PHINode* returned = B.CreatePHI(vector, 3);
        if (entry != &variant->getEntryBlock())
          returned->addIncoming(llvm::PoisonValue::get(vector), &variant->getEntryBlock());
        returned->addIncoming(entryResult, entry);
        returned->addIncoming(result, last);
        B.CreateRet(returned);
        variants.push_back(variant);
        names += (names.empty() ? "" : ",") + ("_ZGV_LLVM_" + std::string(masked ? "M" : "N") +
                                               std::to_string(lanes) + "v_" + slowName + "(" + name + ")");
      }
    llvm::appendToCompilerUsed(out_, variants);
    slowVariants_[slowName] = names;
    return slow;
  }

  llvm::Value* callSlowPath(llvm::Function* slow, llvm::Value* x) {
    llvm::CallInst* call = builder_.CreateCall(slow, {x});
    call->addFnAttr(
        llvm::Attribute::get(context_, "vector-function-abi-variant", slowVariants_.at(slow->getName().str())));
    return call;
  }

  // The same decisions as runtime/PrimOps.h, in LLVM IR.
  llvm::Value* emitPrim(const ir::Inst& inst, const std::vector<llvm::Value*>& a) {
    auto& B = builder_;
    bool isInt = !a.empty() && a[0]->getType()->isIntegerTy(64);
    bool isBool = !a.empty() && a[0]->getType()->isIntegerTy(1);
    PrimOp op = inst.prim;
    if (op == PrimOp::Pow)
      return pow(a[0], a[1]);
    if (op == PrimOp::Exp10)
      return intrinsic(loweringOf(op).intrinsic, {fence(a[0])});
    if (inlineLibm_ && writesOut(op))
      return glibcCall(op, a[0]);
    switch (loweringOf(op).how) {
    case Lowering::Intrinsic:
    case Lowering::LibmIntrinsic: return intrinsic(loweringOf(op).intrinsic, a);
    case Lowering::LibmCall: return callLibm(loweringOf(op).libm, primArity(op), a);
    case Lowering::Inline: break;
    }
    switch (op) {
    case PrimOp::Neg: return isInt ? B.CreateSub(B.getInt64(0), a[0]) : B.CreateFNeg(a[0]);
    case PrimOp::Not: return B.CreateNot(a[0]);
    case PrimOp::ToReal: return isBool ? B.CreateUIToFP(a[0], B.getDoubleTy()) : B.CreateSIToFP(a[0], B.getDoubleTy());
    case PrimOp::ToInt:
      if (isBool)
        return B.CreateZExt(a[0], B.getInt64Ty());
      return B.CreateIntrinsic(llvm::Intrinsic::fptosi_sat, {B.getInt64Ty(), B.getDoubleTy()}, {a[0]});
    case PrimOp::Abs:
      if (isInt)
        return B.CreateIntrinsic(llvm::Intrinsic::abs, {B.getInt64Ty()}, {a[0], B.getFalse()});
      return intrinsic(llvm::Intrinsic::fabs, a);
    case PrimOp::Sign: {
      if (isInt)
        return B.CreateSub(B.CreateZExt(B.CreateICmpSGT(a[0], B.getInt64(0)), B.getInt64Ty()),
                           B.CreateZExt(B.CreateICmpSLT(a[0], B.getInt64(0)), B.getInt64Ty()));
      llvm::Value* x = a[0];
      llvm::Value* zeroOrNan = B.CreateSelect(B.CreateFCmpOEQ(x, real(0)), real(0), x);
      llvm::Value* negative = B.CreateSelect(B.CreateFCmpOLT(x, real(0)), real(-1), zeroOrNan);
      return B.CreateSelect(B.CreateFCmpOGT(x, real(0)), real(1), negative);
    }
    case PrimOp::Add: return isInt ? B.CreateAdd(a[0], a[1]) : B.CreateFAdd(a[0], a[1]);
    case PrimOp::Sub: return isInt ? B.CreateSub(a[0], a[1]) : B.CreateFSub(a[0], a[1]);
    case PrimOp::Mul: return isInt ? B.CreateMul(a[0], a[1]) : B.CreateFMul(a[0], a[1]);
    case PrimOp::Div: return B.CreateFDiv(a[0], a[1]);
    case PrimOp::FloorDiv:
    case PrimOp::Mod: return isInt ? intDivMod(op, a[0], a[1]) : realDivMod(op, a[0], a[1]);
    case PrimOp::Min:
    case PrimOp::Max: {
      if (isInt)
        return B.CreateIntrinsic(op == PrimOp::Min ? llvm::Intrinsic::smin : llvm::Intrinsic::smax,
                                 {B.getInt64Ty()}, {a[0], a[1]});
      llvm::Value* ordered = op == PrimOp::Min ? B.CreateFCmpOLE(a[0], a[1]) : B.CreateFCmpOGE(a[0], a[1]);
      llvm::Value* pickFirst = B.CreateOr(ordered, B.CreateFCmpUNO(a[0], a[0]));
      return B.CreateSelect(pickFirst, a[0], a[1]);
    }
    case PrimOp::Heaviside: {
      llvm::Value* x = a[0];
      llvm::Value* positiveOrNan = B.CreateSelect(B.CreateFCmpOGT(x, real(0)), real(1), x);
      llvm::Value* zero = B.CreateSelect(B.CreateFCmpOEQ(x, real(0)), a[1], positiveOrNan);
      return B.CreateSelect(B.CreateFCmpOLT(x, real(0)), real(0), zero);
    }
    case PrimOp::And: return B.CreateAnd(a[0], a[1]);
    case PrimOp::Or: return B.CreateOr(a[0], a[1]);
    case PrimOp::Eq: case PrimOp::Ne: case PrimOp::Lt: case PrimOp::Le: case PrimOp::Gt: case PrimOp::Ge:
      return compare(op, a[0], a[1], isInt || isBool);
    case PrimOp::Select: return B.CreateSelect(a[0], a[1], a[2]);
    case PrimOp::RoundF32: return B.CreateFPExt(B.CreateFPTrunc(a[0], B.getFloatTy()), B.getDoubleTy());
    default: break;
    }
    llvm_unreachable("primitive without a lowering");
  }

  llvm::Value* compare(PrimOp op, llvm::Value* l, llvm::Value* r, bool integer) {
    using P = llvm::CmpInst::Predicate;
    P pred;
    switch (op) {
    case PrimOp::Eq: pred = integer ? P::ICMP_EQ : P::FCMP_OEQ; break;
    case PrimOp::Ne: pred = integer ? P::ICMP_NE : P::FCMP_UNE; break;
    case PrimOp::Lt: pred = integer ? P::ICMP_SLT : P::FCMP_OLT; break;
    case PrimOp::Le: pred = integer ? P::ICMP_SLE : P::FCMP_OLE; break;
    case PrimOp::Gt: pred = integer ? P::ICMP_SGT : P::FCMP_OGT; break;
    default: pred = integer ? P::ICMP_SGE : P::FCMP_OGE; break;
    }
    return integer ? builder_.CreateICmp(pred, l, r) : builder_.CreateFCmp(pred, l, r);
  }

  // rt::divmodReal (NumPy's npy_divmod), branch-free.
  llvm::Value* realDivMod(PrimOp op, llvm::Value* a, llvm::Value* b) {
    auto& B = builder_;
    llvm::Value* zero = real(0);
    llvm::Value* mod = B.CreateFRem(a, b);
    llvm::Value* div = B.CreateFDiv(B.CreateFSub(a, mod), b);
    llvm::Value* modNonZero = B.CreateFCmpUNE(mod, zero);
    llvm::Value* signsDiffer = B.CreateXor(B.CreateFCmpOLT(b, zero), B.CreateFCmpOLT(mod, zero));
    llvm::Value* adjust = B.CreateAnd(modNonZero, signsDiffer);
    llvm::Value* signedZeroOfB = B.CreateIntrinsic(llvm::Intrinsic::copysign, {B.getDoubleTy()}, {zero, b});
    llvm::Value* modAdjusted = B.CreateSelect(adjust, B.CreateFAdd(mod, b), mod);
    llvm::Value* modulus = B.CreateSelect(modNonZero, modAdjusted, signedZeroOfB);
    llvm::Value* bIsZero = B.CreateFCmpOEQ(b, zero);
    if (op == PrimOp::Mod)
      return B.CreateSelect(bIsZero, mod, modulus);
    llvm::Value* divAdjusted = B.CreateSelect(adjust, B.CreateFSub(div, real(1)), div);
    llvm::Value* floored = intrinsic(llvm::Intrinsic::floor, {divAdjusted});
    llvm::Value* roundUp = B.CreateFCmpOGT(B.CreateFSub(divAdjusted, floored), real(0.5));
    llvm::Value* floorDiv = B.CreateSelect(roundUp, B.CreateFAdd(floored, real(1)), floored);
    llvm::Value* quotient = B.CreateFDiv(a, b);
    llvm::Value* signedZero = B.CreateIntrinsic(llvm::Intrinsic::copysign, {B.getDoubleTy()}, {zero, quotient});
    llvm::Value* result = B.CreateSelect(B.CreateFCmpUNE(divAdjusted, zero), floorDiv, signedZero);
    return B.CreateSelect(bIsZero, quotient, result);
  }

  // rt::floorDivInt / rt::modInt without the traps of sdiv and srem.
  llvm::Value* intDivMod(PrimOp op, llvm::Value* a, llvm::Value* b) {
    auto& B = builder_;
    llvm::Value* zero = B.getInt64(0);
    llvm::Value* bIsZero = B.CreateICmpEQ(b, zero);
    llvm::Value* bIsMinusOne = B.CreateICmpEQ(b, B.getInt64(static_cast<uint64_t>(-1)));
    llvm::Value* special = B.CreateOr(bIsZero, bIsMinusOne);
    llvm::Value* safeB = B.CreateSelect(special, B.getInt64(1), b);
    llvm::Value* q = B.CreateSDiv(a, safeB);
    llvm::Value* r = B.CreateSRem(a, safeB);
    llvm::Value* adjust =
        B.CreateAnd(B.CreateICmpNE(r, zero), B.CreateXor(B.CreateICmpSLT(r, zero), B.CreateICmpSLT(b, zero)));
    if (op == PrimOp::Mod)
      return B.CreateSelect(special, zero, B.CreateSelect(adjust, B.CreateAdd(r, b), r));
    llvm::Value* floored = B.CreateSub(q, B.CreateZExt(adjust, B.getInt64Ty()));
    return B.CreateSelect(bIsZero, zero, B.CreateSelect(bIsMinusOne, B.CreateSub(zero, a), floored));
  }

  // The libm functions exact mode computes as glibc does, with vector
  // variants (glibcCall).
  static bool writesOut(PrimOp op) { return op == PrimOp::Exp || op == PrimOp::Sin || op == PrimOp::Cos; }

  bool callsLibm(const ir::Inst& inst) const {
    if (inst.op != ir::Opcode::Prim || (inlineLibm_ && writesOut(inst.prim)))
      return false;
    Lowering how = loweringOf(inst.prim).how;
    return how == Lowering::LibmIntrinsic || how == Lowering::LibmCall;
  }
  bool callsLibm(const ir::Function& fn) const {
    return std::ranges::any_of(fn.body, [&](const ir::Inst& inst) { return callsLibm(inst); });
  }
  // Whether function `index` calls libm where not every point does: outside
  // its entry block, or in a function it calls (wherever that is called).
  bool callsLibmInBranches(uint32_t index) const {
    for (uint32_t f : module_.callOrder({index})) {
      const ir::Function& fn = module_.functions[f];
      if (f != index && callsLibm(fn))
        return true;
      for (size_t b = 1; f == index && b < fn.blocks.size(); ++b)
        if (std::ranges::any_of(fn.blocks[b].insts, [&](ir::ValueId id) { return callsLibm(fn.body[id]); }))
          return true;
    }
    return false;
  }

  // A loop's metadata node: distinct, its first operand itself, then the
  // properties (LLVM's loop ID form).
  llvm::MDNode* loopID(std::initializer_list<llvm::Metadata*> properties) {
    std::vector<llvm::Metadata*> ops = {nullptr};
    ops.insert(ops.end(), properties);
    llvm::MDNode* id = llvm::MDNode::getDistinct(context_, ops);
    id->replaceOperandWith(0, id);
    return id;
  }
  llvm::MDNode* loopProperty(const char* name, llvm::Constant* value) {
    llvm::Metadata* ops[] = {llvm::MDString::get(context_, name), llvm::ConstantAsMetadata::get(value)};
    return llvm::MDNode::get(context_, ops);
  }

  // Loop metadata: vectorized, not interleaved. A vector loop that calls
  // libmvec gains nothing from interleaving (the calls are the time), and
  // loses the spills of every live vector around each of the calls (which
  // clobber every vector register): sine 0.95 -> 0.83 ns a point.
  llvm::MDNode* uninterleavedLoopID() {
    return loopID({loopProperty("llvm.loop.interleave.count", builder_.getInt32(1))});
  }

  // Loop metadata: no vectorization, interleaving or unrolling.
  llvm::MDNode* scalarLoopID() {
    return loopID({loopProperty("llvm.loop.vectorize.enable", builder_.getFalse()),
                   loopProperty("llvm.loop.interleave.count", builder_.getInt32(1)),
                   llvm::MDNode::get(context_, {llvm::MDString::get(context_, "llvm.loop.unroll.disable")})});
  }

  // x as a value of the first parameter's type (int: saturating, as
  // unaryArgument), and a result of type `t` as a double (Scalar::asDouble).
  llvm::Value* fromDouble(Type t, llvm::Value* x) {
    auto& B = builder_;
    return t == Type::Int ? B.CreateIntrinsic(llvm::Intrinsic::fptosi_sat, {B.getInt64Ty(), B.getDoubleTy()}, {x}) : x;
  }
  llvm::Value* toDouble(Type t, llvm::Value* result) {
    auto& B = builder_;
    switch (t) {
    case Type::Int: return B.CreateSIToFP(result, B.getDoubleTy());
    case Type::Bool: return B.CreateUIToFP(result, B.getDoubleTy());
    default: return result;
    }
  }

  // Calls the specialized entry body with x converted to its parameter type
  // and returns the result as a double.
  llvm::Value* callEntry(const ir::Function& entry, llvm::Function* body, llvm::Value* x) {
    llvm::Value* result = builder_.CreateCall(body, {fromDouble(entry.params[0].type, x)});
    return toDouble(entry.resultType, result);
  }

  // Whether function f, or one it calls, makes values in the arena: a
  // runtime operation allocates exactly when its result is a handle
  // (runtime/StrOps.def).
  bool allocates(uint32_t f) const {
    for (uint32_t g : module_.callOrder({f}))
      for (const ir::Inst& inst : module_.functions[g].body)
        if (inst.op == ir::Opcode::Runtime && isHandle(inst.type))
          return true;
    return false;
  }

  // The checked batch entry (see checkedBatchEntryName): per point, the
  // context as the engine's ctx.begin() leaves it, a call of the body with
  // the defaults as constants, and the value or NaN and the error kind
  // stored. The points run on a copy of the caller's context on the stack,
  // and the body is inlined: where it calls no runtime function, the copy's
  // budget and error become per-point SSA values (SROA), so no load/store
  // chain through memory ties one point to the next and the loop can
  // vectorize. The caller's context gets the last point's state back.
  void emitCheckedBatchEntry(uint32_t index, llvm::Function* body) {
    const ir::Function& fn = module_.functions[index];
    auto& B = builder_;
    auto* ptr = B.getPtrTy();
    auto* type = llvm::FunctionType::get(B.getVoidTy(), {ptr, ptr, ptr, ptr, B.getInt64Ty()}, false);
    auto* entry =
        llvm::Function::Create(type, llvm::Function::ExternalLinkage, checkedBatchEntryName(fn.name), out_);
    addTargetAttributes(entry);
    llvm::Argument* ctx = entry->getArg(0);
    llvm::Argument* xs = entry->getArg(1);
    llvm::Argument* ys = entry->getArg(2);
    llvm::Argument* errors = entry->getArg(3);
    llvm::Argument* n = entry->getArg(4);
    ctx->setName("ctx");
    xs->setName("x");
    ys->setName("y");
    errors->setName("errors");
    n->setName("n");
    for (llvm::Argument* arg : {ctx, xs, ys, errors})
      arg->addAttr(llvm::Attribute::NoAlias);
    xs->addAttr(llvm::Attribute::ReadOnly);
    ys->addAttr(llvm::Attribute::WriteOnly);
    errors->addAttr(llvm::Attribute::WriteOnly);

    auto* start = llvm::BasicBlock::Create(context_, "entry", entry);
    auto* loop = llvm::BasicBlock::Create(context_, "loop", entry);
    auto* done = llvm::BasicBlock::Create(context_, "done", entry);
    auto* exit = llvm::BasicBlock::Create(context_, "exit", entry);
    B.SetInsertPoint(start);
    // Every point's budget is the default one, a constant: a loop with a
    // constant trip count then folds its budget checks, unrolls, and leaves
    // the loop over the points free to vectorize.
    llvm::Value* budget = B.getInt64(rt::defaultLoopBudget);
    llvm::Value* local = B.CreateAlloca(llvm::ArrayType::get(B.getInt8Ty(), sizeof(rt::Context)), nullptr, "local");
    llvm::cast<llvm::AllocaInst>(local)->setAlignment(llvm::Align(alignof(rt::Context)));
    llvm::Align align(alignof(rt::Context));
    B.CreateMemCpy(local, align, ctx, align, sizeof(rt::Context));
    llvm::Value* budgetPtr = B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), local, offsetof(rt::Context, budget));
    llvm::Value* errorPtr = B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), local, offsetof(rt::Context, error));
    B.CreateCondBr(B.CreateICmpSGT(n, B.getInt64(0)), loop, exit);

    B.SetInsertPoint(loop);
    llvm::PHINode* i = B.CreatePHI(B.getInt64Ty(), 2, "i");
    i->addIncoming(B.getInt64(0), start);
    if (allocates(index)) {
      llvm::FunctionCallee reset =
          out_.getOrInsertFunction(rt::kArenaResetSymbol, llvm::FunctionType::get(B.getVoidTy(), {ptr}, false));
      llvm::cast<llvm::Function>(reset.getCallee())->setDoesNotThrow();
      B.CreateCall(reset, {local});
    }
    B.CreateStore(budget, budgetPtr);
    B.CreateStore(B.getInt32(0), errorPtr);
    llvm::Value* x = B.CreateLoad(B.getDoubleTy(), B.CreateGEP(B.getDoubleTy(), xs, i));
    std::vector<llvm::Value*> args = {local, fromDouble(fn.params[0].type, x)};
    for (size_t k = 1; k < fn.params.size(); ++k)
      args.push_back(constant(*fn.params[k].defaultValue));
    llvm::CallInst* call = B.CreateCall(body, args);
    call->addFnAttr(llvm::Attribute::AlwaysInline);
    llvm::Value* value = toDouble(fn.resultType, call);
    llvm::Value* error = B.CreateLoad(B.getInt32Ty(), errorPtr);
    llvm::Value* failed = B.CreateICmpNE(error, B.getInt32(0));
    llvm::Value* nan = llvm::ConstantFP::getQNaN(B.getDoubleTy());
    B.CreateStore(B.CreateSelect(failed, nan, value), B.CreateGEP(B.getDoubleTy(), ys, i));
    B.CreateStore(B.CreateTrunc(error, B.getInt8Ty()), B.CreateGEP(B.getInt8Ty(), errors, i));
    llvm::Value* next = B.CreateAdd(i, B.getInt64(1), "", /*HasNUW=*/true, /*HasNSW=*/true);
    i->addIncoming(next, B.GetInsertBlock());
    llvm::BranchInst* latch = B.CreateCondBr(B.CreateICmpSLT(next, n), loop, done);
    // Vectorized, a libm call in a branch would run for every lane, also
    // those whose branch does not call it (3 pieces, sin on one: 2x
    // slower); a call every point makes vectorizes (the rest of the loop
    // does: math.log(x) * 4, 1.4x faster than scalar).
    if (!libmvec_ && callsLibmInBranches(index))
      latch->setMetadata(llvm::LLVMContext::MD_loop, scalarLoopID());
    B.SetInsertPoint(done);
    B.CreateMemCpy(ctx, align, local, align, sizeof(rt::Context));
    B.CreateBr(exit);
    B.SetInsertPoint(exit);
    B.CreateRetVoid();
  }

  void emitEntries(const ir::Function& fn, llvm::Function* body) {
    auto& B = builder_;
    auto* scalarType = llvm::FunctionType::get(B.getDoubleTy(), {B.getDoubleTy()}, false);
    auto* scalar = llvm::Function::Create(scalarType, llvm::Function::ExternalLinkage, scalarEntryName(fn.name), out_);
    addTargetAttributes(scalar);
    B.SetInsertPoint(llvm::BasicBlock::Create(context_, "entry", scalar));
    B.CreateRet(callEntry(fn, body, scalar->getArg(0)));

    auto* ptr = B.getPtrTy();
    auto* batchType = llvm::FunctionType::get(B.getVoidTy(), {ptr, ptr, B.getInt64Ty()}, false);
    auto* batch = llvm::Function::Create(batchType, llvm::Function::ExternalLinkage, batchEntryName(fn.name), out_);
    addTargetAttributes(batch);
    llvm::Argument* xs = batch->getArg(0);
    llvm::Argument* ys = batch->getArg(1);
    llvm::Argument* n = batch->getArg(2);
    xs->setName("x");
    ys->setName("y");
    n->setName("n");
    xs->addAttr(llvm::Attribute::NoAlias);
    xs->addAttr(llvm::Attribute::ReadOnly);
    ys->addAttr(llvm::Attribute::NoAlias);
    ys->addAttr(llvm::Attribute::WriteOnly);
    auto* entry = llvm::BasicBlock::Create(context_, "entry", batch);
    auto* loop = llvm::BasicBlock::Create(context_, "loop", batch);
    auto* exit = llvm::BasicBlock::Create(context_, "exit", batch);
    B.SetInsertPoint(entry);
    B.CreateCondBr(B.CreateICmpSGT(n, B.getInt64(0)), loop, exit);
    B.SetInsertPoint(loop);
    llvm::PHINode* i = B.CreatePHI(B.getInt64Ty(), 2, "i");
    i->addIncoming(B.getInt64(0), entry);
    llvm::Value* x = B.CreateLoad(B.getDoubleTy(), B.CreateGEP(B.getDoubleTy(), xs, i));
    B.CreateStore(callEntry(fn, body, x), B.CreateGEP(B.getDoubleTy(), ys, i));
    llvm::Value* next = B.CreateAdd(i, B.getInt64(1), "", /*HasNUW=*/true, /*HasNSW=*/true);
    i->addIncoming(next, loop);
    llvm::BranchInst* latch = B.CreateCondBr(B.CreateICmpSLT(next, n), loop, exit);
    if (callsLibm(fn))
      latch->setMetadata(llvm::LLVMContext::MD_loop, libmvec_ ? uninterleavedLoopID() : scalarLoopID());
    B.SetInsertPoint(exit);
    B.CreateRetVoid();
  }

  const ir::Module& module_;
  llvm::Module& out_;
  llvm::LLVMContext& context_;
  const llvm::TargetMachine& target_;
  MathMode math_;
  llvm::IRBuilder<> builder_;
  bool libmvec_;      // traitsOf(math).libmvec
  bool reassociates_; // traitsOf(math).reassociates
  std::map<uint32_t, llvm::Function*> functions_;
  std::map<std::string, llvm::Value*> strings_;
  llvm::Value* context_arg_ = nullptr; // of the function being defined
  std::map<std::string, std::string> slowVariants_; // the vector-function-abi-variant of slowPath's calls
  bool inlineLibm_; // glibcCall for exp, sin and cos
};

} // namespace

std::string slowPathName(std::string_view op) { return std::string(kSlowPathPrefix) + std::string(op); }
std::string vectorVariantName(std::string_view slowPath, unsigned lanes, bool masked) {
  return std::string(slowPath) + (masked ? ".m" : ".v") + std::to_string(lanes);
}
bool isVectorVariant(llvm::StringRef name) {
  llvm::StringRef last = name.rsplit('.').second;
  unsigned lanes = 0;
  return name.starts_with(kSlowPathPrefix) && (last.starts_with("m") || last.starts_with("v")) &&
         !last.drop_front().getAsInteger(10, lanes);
}

std::unique_ptr<llvm::Module> emitLLVM(const ir::Module& module, llvm::LLVMContext& context,
                                       const llvm::TargetMachine& target, const std::vector<uint32_t>& roots,
                                       MathMode math, const std::vector<uint32_t>& boxed, LibmInlining inlining) {
  auto out = std::make_unique<llvm::Module>("findc", context);
  out->setTargetTriple(target.getTargetTriple().str());
  out->setDataLayout(target.createDataLayout());
  std::vector<uint32_t> chosen = roots;
  if (chosen.empty())
    for (uint32_t i = 0; i < module.functions.size(); ++i)
      chosen.push_back(i);
  std::vector<uint32_t> withBoxed = boxed, checked;
  for (uint32_t f : chosen) {
    const ir::Function& fn = module.functions[f];
    if (!fn.hasUnaryEntry() && std::find(boxed.begin(), boxed.end(), f) == boxed.end())
      withBoxed.push_back(f);
    if (fn.hasCheckedBatchEntry())
      checked.push_back(f);
  }
  ModuleEmitter(module, *out, target, math, inlining).emit(chosen, withBoxed, checked);
  return out;
}

std::unique_ptr<llvm::Module> emitEntryPoints(const ir::Module& module, llvm::LLVMContext& context,
                                              const llvm::TargetMachine& target, const EntryPoints& entries,
                                              MathMode math, LibmInlining inlining) {
  auto out = std::make_unique<llvm::Module>("findc", context);
  out->setTargetTriple(target.getTargetTriple().str());
  out->setDataLayout(target.createDataLayout());
  ModuleEmitter(module, *out, target, math, inlining).emit(entries.unary, entries.boxed, entries.checked);
  return out;
}

} // namespace findc
