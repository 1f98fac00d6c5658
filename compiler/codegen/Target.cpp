#include "compiler/codegen/Codegen.h"
#include "compiler/codegen/GlibcExp.h"
#include "compiler/codegen/GlibcSin.h"
#include "compiler/codegen/Libmvec.h"

#include <llvm/Analysis/CFG.h>
#include <llvm/Analysis/TargetLibraryInfo.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/PassTimingInfo.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Transforms/InstCombine/InstCombine.h>
#include <llvm/Transforms/Scalar/LoopUnrollPass.h>
#include <llvm/Transforms/Scalar/SROA.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Transforms/Utils/Cloning.h>
#include <llvm/Transforms/Utils/ModuleUtils.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace findc {
namespace {

// glibc's libmvec by x86-64 vector function ABI ISA: the letter of its
// variants' names (_ZGV<isa>N<lanes><one v per operand>_<libm>), the doubles
// a variant takes per operand, and the LLVM target features a caller needs
// (the vectors travel in xmm, ymm or zmm registers). One width per ISA;
// glibc's 'c' (AVX, 4 lanes) is left out: it would be a second 4-lane
// variant, and AVX2 hosts have 'd'.
struct LibmvecIsa {
  char letter;
  unsigned lanes;
  const char* features; // for MCSubtargetInfo::checkFeatures
};
constexpr LibmvecIsa kLibmvecIsas[] = {
    {'b', 2, "+sse2"},
    {'d', 4, "+avx2"},
    {'e', 8, "+avx512f,+evex512"},
};

// The ops of runtime/PrimOps.def with libmvec variants: the libm function
// they are named after, and whether codegen calls its LLVM intrinsic
// (llvm.NAME.f64) rather than the function itself: the name the vectorizer
// sees.
struct LibmvecFunction {
  const char* libm;
  unsigned arity;
  bool intrinsic;
};
#define FINDC_INTRINSIC_LibmCall false
#define FINDC_INTRINSIC_LibmIntrinsic true
#define FINDC_LIBMVEC_None(arity, how, libm)
#define FINDC_LIBMVEC_Yes(arity, how, libm) {libm, arity, FINDC_INTRINSIC_##how},
constexpr LibmvecFunction kLibmvecFunctions[] = {
#define PRIM(Name, Arity, Mnemonic, Builtin, Shape, How, Intrinsic, Libm, Libmvec) \
  FINDC_LIBMVEC_##Libmvec(Arity, How, Libm)
#include "runtime/PrimOps.def"
};
#undef FINDC_INTRINSIC_LibmCall
#undef FINDC_INTRINSIC_LibmIntrinsic
#undef FINDC_LIBMVEC_None
#undef FINDC_LIBMVEC_Yes

bool hasIsa(const llvm::TargetMachine& target, const LibmvecIsa& isa) {
  return target.getTargetTriple().getArch() == llvm::Triple::x86_64 &&
         target.getMCSubtargetInfo()->checkFeatures(isa.features);
}

// The vector variants `target` can call, for the TargetLibraryInfo, which
// keeps references to the names: this owns them while the pipeline runs.
// The loop vectorizer then picks the width its cost model prefers among
// them (8 lanes where the host has AVX-512: LLVM takes a libmvec call at
// the widest variant even where its tuning prefers 256-bit vectors).
class LibmvecVariants {
public:
  explicit LibmvecVariants(const llvm::TargetMachine& target) {
    for (const LibmvecIsa& isa : kLibmvecIsas) {
      if (!hasIsa(target, isa))
        continue;
      for (const LibmvecFunction& fn : kLibmvecFunctions) {
        std::string params(fn.arity, 'v');
        std::string lanes = std::to_string(isa.lanes);
        llvm::StringRef vector = keep("_ZGV" + std::string(1, isa.letter) + "N" + lanes + params + "_" + fn.libm);
        llvm::StringRef abi = keep("_ZGV_LLVM_N" + lanes + params);
        llvm::StringRef scalar = fn.intrinsic ? keep(std::string("llvm.") + fn.libm + ".f64") : fn.libm;
        descs_.emplace_back(scalar, vector, llvm::ElementCount::getFixed(isa.lanes), false, abi);
      }
    }
  }
  llvm::ArrayRef<llvm::VecDesc> descs() const { return descs_; }

private:
  llvm::StringRef keep(std::string name) { return names_.emplace_back(std::move(name)); }
  std::deque<std::string> names_; // stable addresses
  std::vector<llvm::VecDesc> descs_;
};

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

// The loop vectorizer calls a slow path's vector variant for every vector
// (kSlowPathPrefix). Inlined, the common vector (no lane for libm) costs a
// test and a branch, and only the rare path spills the vectors the call
// would clobber.
void inlineVectorVariants(llvm::Module& module) {
  std::vector<llvm::CallBase*> calls;
  for (llvm::Function& f : module)
    if (isVectorVariant(f.getName()))
      for (llvm::User* user : f.users())
        if (auto* call = llvm::dyn_cast<llvm::CallBase>(user); call && call->getCalledFunction() == &f)
          calls.push_back(call);
  for (llvm::CallBase* call : calls) {
    llvm::InlineFunctionInfo info;
    llvm::InlineFunction(*call, info);
  }
}

// The slow paths' vector variants that the loop vectorizer did not call:
// kept for it by llvm.compiler.used, they would cost instruction selection
// for nothing.
void dropUnusedVariants(llvm::Module& module) {
  auto unused = [](const llvm::Function* f) { return isVectorVariant(f->getName()) && f->hasOneUse(); };
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

LibmInlining hostLibmInlining(const llvm::TargetMachine& target) {
  bool glibcs = target.getTargetTriple().getArch() == llvm::Triple::x86_64 &&
                target.getMCSubtargetInfo()->checkFeatures("+fma,+avx2") && glibc::libmExpIsFastPath() &&
                glibc::libmSinIsFastPath();
  return glibcs ? LibmInlining::HostChecked : LibmInlining::Never;
}

unsigned widestLibmvecLanes(const llvm::TargetMachine& target) {
  unsigned lanes = 0;
  for (const LibmvecIsa& isa : kLibmvecIsas)
    if (hasIsa(target, isa))
      lanes = std::max(lanes, isa.lanes);
  return lanes;
}

llvm::Expected<std::unique_ptr<llvm::TargetMachine>> createHostTargetMachine(llvm::CodeGenOptLevel level,
                                                                              bool positionIndependent) {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  auto builder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!builder)
    return builder.takeError();
  builder->setCodeGenOptLevel(level);
  if (positionIndependent)
    builder->setRelocationModel(llvm::Reloc::PIC_);
  return builder->createTargetMachine();
}

llvm::CodeGenOptLevel codeGenLevel(Tier tier) {
  return tier == Tier::Quick ? llvm::CodeGenOptLevel::None : llvm::CodeGenOptLevel::Less;
}

namespace {

// Whether a function of `module` other than the entries' loops over the
// points (batch and checked batch) has a loop: -O2's unrolling pays there.
bool hasInnerLoops(const llvm::Module& module) {
  for (const llvm::Function& fn : module) {
    if (fn.isDeclaration() || fn.getName().ends_with(kBatchEntrySuffix) ||
        fn.getName().ends_with(kCheckedBatchEntrySuffix))
      continue;
    llvm::SmallVector<std::pair<const llvm::BasicBlock*, const llvm::BasicBlock*>, 4> backEdges;
    llvm::FindFunctionBackedges(fn, backEdges);
    if (!backEdges.empty())
      return true;
  }
  return false;
}

// The quick tier's pipeline for modules without inner loops.
constexpr const char* kQuickPipeline =
    "cgscc(inline,function-attrs,function(sroa,early-cse,instcombine<no-verify-fixpoint>,simplifycfg)),"
    "function(loop-mssa(licm),loop-vectorize,instcombine<no-verify-fixpoint>,simplifycfg),globaldce";

} // namespace

void optimizeModule(llvm::Module& module, llvm::TargetMachine& target, MathMode math, Tier tier) {
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
  std::optional<LibmvecVariants> libmvec;
  if (traitsOf(math).libmvec)
    tlii.addVectorizableFunctions(libmvec.emplace(target).descs());
  // Registered first so the standard analyses below do not replace it.
  fam.registerPass([&] { return llvm::TargetLibraryAnalysis(tlii); });
  passes.registerModuleAnalyses(mam);
  passes.registerCGSCCAnalyses(cgam);
  passes.registerFunctionAnalyses(fam);
  passes.registerLoopAnalyses(lam);
  passes.crossRegisterProxies(lam, fam, cgam, mam);

  if (traitsOf(math).libmvec)
    allowApproximateMath(module);
  llvm::ModulePassManager pipeline;
  bool innerLoops = hasInnerLoops(module);
  // A loop with a constant trip count (`for i in range(5)`, inlined into a
  // loop over the points) is unrolled whole only after the vectorizer in
  // -O2; the loop over the points then holds a loop, which the vectorizer
  // leaves alone. Unrolled (and cleaned up) just before it, the loop over
  // the points is straight code and vectorizes: for_range.py (5 trips of
  // `acc * 0.5 + x / i`) 2.4 -> 0.31 ns a point, while_loop.py 2.3 -> 0.30.
  if (innerLoops)
    passes.registerVectorizerStartEPCallback([](llvm::FunctionPassManager& fpm, llvm::OptimizationLevel level) {
      fpm.addPass(llvm::LoopUnrollPass(llvm::LoopUnrollOptions(level.getSpeedupLevel())));
      fpm.addPass(llvm::SROAPass(llvm::SROAOptions::ModifyCFG));
      fpm.addPass(llvm::InstCombinePass());
      fpm.addPass(llvm::SimplifyCFGPass());
    });
  if (tier == Tier::Quick && !innerLoops)
    orThrow(passes.parsePassPipeline(pipeline, kQuickPipeline), "the quick pipeline");
  else
    pipeline = passes.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2);
  pipeline.run(module, mam);
  inlineVectorVariants(module);
  dropUnusedVariants(module);
}

namespace {
llvm::Expected<std::string> emitFile(llvm::Module& module, llvm::TargetMachine& target, llvm::CodeGenFileType kind) {
  llvm::SmallString<4096> text;
  llvm::raw_svector_ostream os(text);
  llvm::legacy::PassManager passes;
  if (target.addPassesToEmitFile(passes, os, nullptr, kind))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "the target cannot emit this kind of file");
  passes.run(module);
  return std::string(text);
}
} // namespace

llvm::Expected<std::string> emitAssembly(llvm::Module& module, llvm::TargetMachine& target) {
  return emitFile(module, target, llvm::CodeGenFileType::AssemblyFile);
}

llvm::Expected<std::string> emitObject(llvm::Module& module, llvm::TargetMachine& target) {
  return emitFile(module, target, llvm::CodeGenFileType::ObjectFile);
}

void callRuntimeThroughSlots(llvm::Module& module) {
  llvm::PointerType* ptr = llvm::PointerType::getUnqual(module.getContext());
  for (const rt::RuntimeSymbol& symbol : rt::runtimeSymbols()) {
    llvm::Function* fn = module.getFunction(symbol.name);
    if (!fn)
      continue;
    auto* slot = new llvm::GlobalVariable(module, ptr, /*isConstant=*/false, llvm::GlobalValue::WeakAnyLinkage,
                                          llvm::ConstantPointerNull::get(ptr),
                                          runtimeSlotName(symbol.name));
    std::vector<llvm::CallInst*> calls;
    for (llvm::User* user : fn->users())
      calls.push_back(llvm::cast<llvm::CallInst>(user)); // codegen only calls them
    for (llvm::CallInst* call : calls) {
      llvm::IRBuilder<> builder(call);
      call->setCalledOperand(builder.CreateLoad(ptr, slot, symbol.name));
      call->setAttributes(fn->getAttributes()); // what the declaration promised (nounwind, zext)
    }
    fn->eraseFromParent();
  }
}

std::string printModule(const llvm::Module& module) {
  std::string text;
  llvm::raw_string_ostream os(text);
  module.print(os, nullptr);
  return text;
}

} // namespace findc
