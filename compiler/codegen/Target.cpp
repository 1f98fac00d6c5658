#include "compiler/codegen/Codegen.h"

#include <llvm/Analysis/TargetLibraryInfo.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/PassTimingInfo.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Transforms/Utils/ModuleUtils.h>

#include <algorithm>
#include <cmath>

namespace findc {
namespace {

// glibc libmvec variants that LLVM's LIBMVEC_X86 table leaves out: the ops
// of runtime/PrimOps.def marked Extra, under the name codegen calls (the libm
// function, or llvm.NAME.f64 for an intrinsic named after it). String
// literals: the TLI keeps only references to the names.
#define FINDC_VEC1(scalar, name)                                                                    \
  llvm::VecDesc(scalar, "_ZGVbN2v_" name, llvm::ElementCount::getFixed(2), false, "_ZGV_LLVM_N2v"), \
      llvm::VecDesc(scalar, "_ZGVdN4v_" name, llvm::ElementCount::getFixed(4), false, "_ZGV_LLVM_N4v")
#define FINDC_VEC2(scalar, name)                                                                      \
  llvm::VecDesc(scalar, "_ZGVbN2vv_" name, llvm::ElementCount::getFixed(2), false, "_ZGV_LLVM_N2vv"), \
      llvm::VecDesc(scalar, "_ZGVdN4vv_" name, llvm::ElementCount::getFixed(4), false, "_ZGV_LLVM_N4vv")
#define FINDC_SCALAR_LibmCall(libm) libm
#define FINDC_SCALAR_LibmIntrinsic(libm) "llvm." libm ".f64"
#define FINDC_LIBMVEC_None(arity, how, libm)
#define FINDC_LIBMVEC_InLLVM(arity, how, libm)
#define FINDC_LIBMVEC_Extra(arity, how, libm) FINDC_VEC##arity(FINDC_SCALAR_##how(libm), libm),

const llvm::VecDesc kExtraLibmvec[] = {
#define PRIM(Name, Arity, Mnemonic, Builtin, Shape, How, Intrinsic, Libm, Libmvec) \
  FINDC_LIBMVEC_##Libmvec(Arity, How, Libm)
#include "runtime/PrimOps.def"
};
#undef FINDC_VEC1
#undef FINDC_VEC2
#undef FINDC_SCALAR_LibmCall
#undef FINDC_SCALAR_LibmIntrinsic
#undef FINDC_LIBMVEC_None
#undef FINDC_LIBMVEC_InLLVM
#undef FINDC_LIBMVEC_Extra

// Vector mode trades the last few ulps for speed: `afn` lets LLVM turn
// pow(x, n) into multiplications. Only for small integer n, where the error
// stays within a few ulp (x**100 would be 40 ulp off, x**1.5 -> x*sqrt(x)
// is wrong at -inf).
void allowApproximateMath(llvm::Module& module) {
  constexpr double kMaxExponent = 8;
  for (llvm::Function& fn : module)
    for (llvm::BasicBlock& block : fn)
      for (llvm::Instruction& inst : block) {
        auto* call = llvm::dyn_cast<llvm::IntrinsicInst>(&inst);
        if (!call || call->getIntrinsicID() != llvm::Intrinsic::pow)
          continue;
        auto* exponent = llvm::dyn_cast<llvm::ConstantFP>(call->getArgOperand(1));
        if (!exponent)
          continue;
        double n = exponent->getValueAPF().convertToDouble();
        if (n == std::trunc(n) && std::fabs(n) <= kMaxExponent)
          call->setHasApproxFunc(true);
      }
}

// The masked vector variants of findc.pow2 (Codegen's square) that the
// loop vectorizer did not call: kept for it by llvm.compiler.used, they
// would cost instruction selection for nothing.
void dropUnusedVariants(llvm::Module& module) {
  auto unused = [](const llvm::Function* f) { return f->getName().starts_with("findc.pow2.m") && f->hasOneUse(); };
  std::vector<llvm::Function*> dead;
  for (llvm::Function& f : module)
    if (unused(&f))
      dead.push_back(&f);
  if (dead.empty())
    return;
  llvm::removeFromUsedLists(module, [&](llvm::Constant* c) {
    return std::find(dead.begin(), dead.end(), c->stripPointerCasts()) != dead.end();
  });
  for (llvm::Function* f : dead) {
    f->removeDeadConstantUsers(); // the old list
    if (f->use_empty())
      f->eraseFromParent();
  }
}

} // namespace

llvm::Expected<std::unique_ptr<llvm::TargetMachine>> createHostTargetMachine(llvm::CodeGenOptLevel level) {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  auto builder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!builder)
    return builder.takeError();
  builder->setCodeGenOptLevel(level);
  return builder->createTargetMachine();
}

void optimizeModule(llvm::Module& module, llvm::TargetMachine& target, MathMode math) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  // With LLVM's -time-passes on (llvm::TimePassesIsEnabled), one report of
  // every module's passes, printed at exit.
  llvm::PassInstrumentationCallbacks instrumentation;
  if (llvm::TimePassesIsEnabled) {
    static llvm::TimePassesHandler timer;
    timer.registerCallbacks(instrumentation);
  }
  llvm::PassBuilder passes(&target, llvm::PipelineTuningOptions(), std::nullopt, &instrumentation);

  llvm::Triple triple(module.getTargetTriple());
  llvm::TargetLibraryInfoImpl tlii(triple);
  if (math == MathMode::Vector) {
    tlii.addVectorizableFunctionsFromVecLib(llvm::TargetLibraryInfoImpl::LIBMVEC_X86, triple);
    tlii.addVectorizableFunctions(kExtraLibmvec);
  }
  // Registered first so the standard analyses below do not replace it.
  fam.registerPass([&] { return llvm::TargetLibraryAnalysis(tlii); });
  passes.registerModuleAnalyses(mam);
  passes.registerCGSCCAnalyses(cgam);
  passes.registerFunctionAnalyses(fam);
  passes.registerLoopAnalyses(lam);
  passes.crossRegisterProxies(lam, fam, cgam, mam);

  if (math == MathMode::Vector)
    allowApproximateMath(module);
  llvm::ModulePassManager pipeline = passes.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2);
  pipeline.run(module, mam);
  dropUnusedVariants(module);
}

llvm::Expected<std::string> emitAssembly(llvm::Module& module, llvm::TargetMachine& target) {
  llvm::SmallString<4096> text;
  llvm::raw_svector_ostream os(text);
  llvm::legacy::PassManager passes;
  if (target.addPassesToEmitFile(passes, os, nullptr, llvm::CodeGenFileType::AssemblyFile))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "the target cannot emit assembly");
  passes.run(module);
  return std::string(text);
}

std::string printModule(const llvm::Module& module) {
  std::string text;
  llvm::raw_string_ostream os(text);
  module.print(os, nullptr);
  return text;
}

} // namespace findc
