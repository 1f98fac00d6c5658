#include "engine/BuildArtifact.h"

#include "compiler/codegen/Codegen.h"
#include "compiler/driver/Compiler.h"
#include "compiler/ir/Signatures.h"
#include "compiler/support/CpuFeatures.h"
#include "compiler/support/Hash.h"
#include "compiler/support/Version.h"
#include "engine/BigStack.h"

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace findc::engine {
namespace {

// Code generation splits the functions into this many shards per thread,
// taken from a shared counter: a thread that drew small functions takes more.
constexpr unsigned kShardsPerJob = 4;

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double threadCpuSeconds() {
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// The entry points of every function a user can name, as the engine asks
// for them (engine/Evaluate.h's addEntryPoints): the batch entries where
// there is a unary one, a checked batch entry where there is one, and a
// boxed entry for every function without a unary entry or with parameters
// after its input (which --params sets).
std::vector<EntryPoints> shardEntries(const Suite& suite, size_t shards, size_t& count) {
  std::vector<EntryPoints> out(shards);
  size_t next = 0;
  for (uint32_t f : suite.visible()) {
    const ir::Function& fn = suite.function(f);
    EntryPoints& shard = out[next++ % shards];
    if (!fn.hasUnaryEntry() || fn.params.size() > 1) {
      shard.boxed.push_back(f);
      count += 1;
    }
    if (fn.hasUnaryEntry()) {
      shard.unary.push_back(f);
      count += 2;
    }
    if (fn.hasCheckedBatchEntry()) {
      shard.checked.push_back(f);
      count += 1;
    }
  }
  std::erase_if(out, [](const EntryPoints& e) { return e.boxed.empty() && e.unary.empty() && e.checked.empty(); });
  return out;
}

// A temporary directory, removed with everything in it.
class TempDir {
public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "findc-build-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
      throw std::runtime_error(std::string("cannot create a temporary directory: ") + std::strerror(errno));
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

void writeFile(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) || !out.flush())
    throw std::runtime_error("cannot write '" + path.string() + "'");
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs `argv` and waits; throws if it cannot start or fails.
void run(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid;
  if (int error = posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ))
    throw std::runtime_error("cannot run the linker '" + argv[0] + "': " + std::strerror(error) +
                             "; findc build links with a C compiler driver (gcc or clang): install one, or name it "
                             "with --linker");
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("the linker '" + argv[0] + "' failed linking the artifact's code");
}

} // namespace

BuildReport buildArtifact(const Suite& suite, const BuildOptions& options) {
  BuildReport report;
  auto start = std::chrono::steady_clock::now();
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<EntryPoints> shards = shardEntries(suite, size_t{jobs} * kShardsPerJob, report.entryPoints);
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<size_t>(shards.size(), 1)));
  report.jobs = jobs;

  // One TargetMachine per thread (they are not shared across threads); the
  // first also names the CPU and its features for the header. The tier is
  // the JIT's first: in exact math the quick one, for code within ~1.1x of
  // the optimized JIT's on the FIND suite (bench/README.md,
  // findc_bench_artifact).
  Tier tier = firstTier(options.math);
  auto machine = [tier] {
    return orThrow(createHostTargetMachine(codeGenLevel(tier), /*positionIndependent=*/true), "target");
  };
  std::unique_ptr<llvm::TargetMachine> first = machine();
  std::vector<std::string> objects(shards.size());
  std::atomic<size_t> nextShard = 0;
  std::mutex lock; // guards failure and the report's CPU times
  std::string failure;
  auto work = [&](llvm::TargetMachine& target) {
    double emit = 0, optimize = 0, codegen = 0;
    for (size_t s; (s = nextShard++) < shards.size();) {
      try {
        double t0 = threadCpuSeconds();
        llvm::LLVMContext context;
        std::unique_ptr<llvm::Module> module = emitEntryPoints(suite.module(), context, target, shards[s], options.math);
        module->setDataLayout(target.createDataLayout());
        double t1 = threadCpuSeconds();
        optimizeModule(*module, target, options.math, tier);
        callRuntimeThroughSlots(*module);
        double t2 = threadCpuSeconds();
        objects[s] = orThrow(emitObject(*module, target), "code generation");
        double t3 = threadCpuSeconds();
        emit += t1 - t0, optimize += t2 - t1, codegen += t3 - t2;
      } catch (const std::exception& error) {
        std::lock_guard guard(lock);
        failure = error.what();
        nextShard = shards.size();
      }
    }
    std::lock_guard guard(lock);
    report.emitCpuSeconds += emit, report.optimizeCpuSeconds += optimize, report.codegenCpuSeconds += codegen;
  };
  size_t stack = compileStackNeed(suite.file().text().size());
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j)
    threads.emplace_back([&] {
      runWithStack(stack, [&] {
        std::unique_ptr<llvm::TargetMachine> target = machine();
        work(*target);
      });
    });
  runWithStack(stack, [&] { work(*first); });
  for (std::thread& thread : threads)
    thread.join();
  if (!failure.empty())
    throw std::runtime_error(failure);
  report.compileSeconds = secondsSince(start);

  start = std::chrono::steady_clock::now();
  TempDir dir;
  std::vector<std::string> link = {options.linker, "-shared", "-s", "-o", (dir.path() / "code.so").string()};
  for (size_t s = 0; s < objects.size(); ++s) {
    std::filesystem::path object = dir.path() / ("shard" + std::to_string(s) + ".o");
    writeFile(object, objects[s]);
    link.push_back(object.string());
  }
  link.push_back("-lm");
  if (traitsOf(options.math).libmvec)
    link.push_back("-lmvec");
  run(link);

  ArtifactParts parts;
  parts.sharedObject = readFile(dir.path() / "code.so");
  report.linkSeconds = secondsSince(start);
  parts.header = {.findcVersion = std::string(kVersion),
                  .sourceName = suite.file().path(),
                  .sourceSha256 = sha256Hex(suite.file().text()),
                  .cpu = first->getTargetCPU().str(),
                  .cpuFeatures = knownFeaturesOf(first->getTargetFeatureString()),
                  .math = options.math,
                  .hypothesis = isPythonSource(suite.file().path(), suite.options().source),
                  .functions = suite.visible().size(),
                  .keepsSource = options.keepSource};
  parts.signatures = ir::encodeSignatures(suite.module(), options.keepSource);
  if (options.keepSource)
    parts.source = suite.file().text();
  report.artifact = encodeArtifact(parts);
  return report;
}

} // namespace findc::engine
