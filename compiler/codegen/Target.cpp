#include "compiler/codegen/Codegen.h"

#include <llvm/Analysis/TargetLibraryInfo.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>

#include <cmath>

namespace findc {
namespace {

// glibc libmvec variants that LLVM's LIBMVEC_X86 table leaves out. String
// literals: the TLI keeps only references to the names.
#define FINDC_VEC1(scalar, name)                                                                    \
  llvm::VecDesc(scalar, "_ZGVbN2v_" name, llvm::ElementCount::getFixed(2), false, "_ZGV_LLVM_N2v"), \
      llvm::VecDesc(scalar, "_ZGVdN4v_" name, llvm::ElementCount::getFixed(4), false, "_ZGV_LLVM_N4v")
#define FINDC_VEC2(scalar, name)                                                                      \
  llvm::VecDesc(scalar, "_ZGVbN2vv_" name, llvm::ElementCount::getFixed(2), false, "_ZGV_LLVM_N2vv"), \
      llvm::VecDesc(scalar, "_ZGVdN4vv_" name, llvm::ElementCount::getFixed(4), false, "_ZGV_LLVM_N4vv")

const llvm::VecDesc kExtraLibmvec[] = {
    FINDC_VEC1("cbrt", "cbrt"),   FINDC_VEC1("expm1", "expm1"), FINDC_VEC1("log1p", "log1p"),
    FINDC_VEC1("asin", "asin"),   FINDC_VEC1("acos", "acos"),   FINDC_VEC1("atan", "atan"),
    FINDC_VEC1("sinh", "sinh"),   FINDC_VEC1("cosh", "cosh"),   FINDC_VEC1("tanh", "tanh"),
    FINDC_VEC1("asinh", "asinh"), FINDC_VEC1("acosh", "acosh"), FINDC_VEC1("atanh", "atanh"),
    FINDC_VEC1("erf", "erf"),     FINDC_VEC1("erfc", "erfc"),   FINDC_VEC1("llvm.exp2.f64", "exp2"),
    FINDC_VEC1("llvm.exp10.f64", "exp10"), FINDC_VEC1("llvm.log2.f64", "log2"),
    FINDC_VEC1("llvm.log10.f64", "log10"), FINDC_VEC2("atan2", "atan2"), FINDC_VEC2("hypot", "hypot"),
};
#undef FINDC_VEC1
#undef FINDC_VEC2

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

} // namespace

llvm::Expected<std::unique_ptr<llvm::TargetMachine>> createHostTargetMachine() {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  auto builder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!builder)
    return builder.takeError();
  builder->setCodeGenOptLevel(llvm::CodeGenOptLevel::Default);
  return builder->createTargetMachine();
}

void optimizeModule(llvm::Module& module, llvm::TargetMachine& target, MathMode math) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder passes(&target);

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
