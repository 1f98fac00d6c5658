#include "compiler/jit/JIT.h"

#include <dlfcn.h>

#include <llvm/ExecutionEngine/Orc/CompileUtils.h>
#include <llvm/ExecutionEngine/Orc/ExecutionUtils.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>

namespace findc {

std::vector<LibmCore> libmCores() {
  static constexpr std::pair<const char*, const char*> kCores[] = {
      {"exp", "__exp_finite"}, {"log", "__log_finite"}, {"pow", "__pow_finite"}};
  std::vector<LibmCore> cores;
  void* libm = dlopen("libm.so.6", RTLD_NOW | RTLD_NOLOAD); // the process's own libm, not a second one
  if (!libm)
    return cores;
  for (auto [name, core] : kCores)
    if (void* address = dlvsym(libm, core, "GLIBC_2.15"))
      cores.push_back({name, address});
  dlclose(libm);
  return cores;
}

llvm::Expected<std::unique_ptr<JIT>> JIT::create(const JITOptions& options) {
  // One TargetMachine for the JIT's lifetime, for the IR pipeline and for
  // instruction selection alike: LLJIT's default compiler builds a new one
  // for every module, and each builds its subtarget tables on first use
  // (~2 ms each).
  auto target = createHostTargetMachine(codeGenLevel(options.tier));
  if (!target)
    return target.takeError();
  auto machineBuilder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!machineBuilder)
    return machineBuilder.takeError();
  machineBuilder->setCodeGenOptLevel((*target)->getOptLevel());
  llvm::TargetMachine& machine = **target;
  auto compilerFor = [&machine](llvm::orc::JITTargetMachineBuilder)
      -> llvm::Expected<std::unique_ptr<llvm::orc::IRCompileLayer::IRCompiler>> {
    return std::make_unique<llvm::orc::SimpleCompiler>(machine);
  };
  auto jit = llvm::orc::LLJITBuilder()
                 .setJITTargetMachineBuilder(std::move(*machineBuilder))
                 .setCompileFunctionCreator(compilerFor)
                 .create();
  if (!jit)
    return jit.takeError();
  char prefix = (*jit)->getDataLayout().getGlobalPrefix();
  llvm::orc::JITDylib& dylib = (*jit)->getMainJITDylib();
  // libm comes with the process; libmvec holds the vector math variants.
  auto process = llvm::orc::DynamicLibrarySearchGenerator::GetForCurrentProcess(prefix);
  if (!process)
    return process.takeError();
  dylib.addGenerator(std::move(*process));
  // The string runtime is linked into this program: its functions by address.
  llvm::orc::SymbolMap runtime;
  for (const rt::RuntimeSymbol& symbol : rt::runtimeSymbols())
    runtime[(*jit)->mangleAndIntern(symbol.name)] = {llvm::orc::ExecutorAddr::fromPtr(symbol.address),
                                                    llvm::JITSymbolFlags::Exported};
  for (const LibmCore& core : libmCores())
    runtime[(*jit)->mangleAndIntern(core.name)] = {llvm::orc::ExecutorAddr::fromPtr(core.address),
                                                  llvm::JITSymbolFlags::Exported};
  if (auto error = dylib.define(llvm::orc::absoluteSymbols(std::move(runtime))))
    return error;
  if (traitsOf(options.math).libmvec) {
    auto libmvec = llvm::orc::DynamicLibrarySearchGenerator::Load("libmvec.so.1", prefix);
    if (!libmvec)
      return libmvec.takeError();
    dylib.addGenerator(std::move(*libmvec));
  }
  // JIT code runs against this process's libm: exact mode computes glibc's
  // exp, sin and cos itself in vector loops where that is this libm, in
  // the optimized tier. The quick tier calls libm: the vector variants are
  // three quarters of a hypothesis's compile time where it calls them
  // (three_piece.py 10.3 -> 1.7 ms), and a few hundred points do not repay it.
  LibmInlining libm = options.math == MathMode::Exact && options.tier == Tier::Optimized
                          ? hostLibmInlining(**target)
                          : LibmInlining::Never;
  return std::unique_ptr<JIT>(new JIT(std::move(*jit), std::move(*target), options, libm));
}

llvm::Error JIT::add(const ir::Module& module, const std::vector<uint32_t>& roots,
                     const std::vector<uint32_t>& boxed) {
  auto context = std::make_unique<llvm::LLVMContext>();
  auto llvmModule = emitLLVM(module, *context, *target_, roots, options_.math, boxed, libm_);
  return addModule(std::move(llvmModule), std::move(context));
}

llvm::Error JIT::addEntries(const ir::Module& module, const EntryPoints& entries) {
  auto context = std::make_unique<llvm::LLVMContext>();
  auto llvmModule = emitEntryPoints(module, *context, *target_, entries, options_.math, libm_);
  return addModule(std::move(llvmModule), std::move(context));
}

llvm::Error JIT::addModule(std::unique_ptr<llvm::Module> llvmModule, std::unique_ptr<llvm::LLVMContext> context) {
  llvmModule->setDataLayout(jit_->getDataLayout());
  optimizeModule(*llvmModule, *target_, options_.math, options_.tier);
  return jit_->addIRModule(llvm::orc::ThreadSafeModule(std::move(llvmModule), std::move(context)));
}

llvm::Expected<llvm::orc::ExecutorAddr> JIT::lookup(const std::string& symbol) { return jit_->lookup(symbol); }

llvm::Expected<ScalarEntry> JIT::scalarEntry(std::string_view function) {
  auto address = lookup(scalarEntryName(function));
  if (!address)
    return address.takeError();
  return address->toPtr<ScalarEntry>();
}

llvm::Expected<BoxedEntry> JIT::boxedEntry(std::string_view function) {
  auto address = lookup(boxedEntryName(function));
  if (!address)
    return address.takeError();
  return address->toPtr<BoxedEntry>();
}

llvm::Expected<CheckedBatchEntry> JIT::checkedBatchEntry(std::string_view function) {
  auto address = lookup(checkedBatchEntryName(function));
  if (!address)
    return address.takeError();
  return address->toPtr<CheckedBatchEntry>();
}

llvm::Expected<BatchEntry> JIT::batchEntry(std::string_view function) {
  auto address = lookup(batchEntryName(function));
  if (!address)
    return address.takeError();
  return address->toPtr<BatchEntry>();
}

} // namespace findc
