#include "engine/Artifact.h"

#include "compiler/ir/Signatures.h"
#include "compiler/support/Bytes.h"
#include "compiler/support/CpuFeatures.h"
#include "compiler/support/Hash.h"
#include "compiler/support/Version.h"
#include "engine/CompiledBackend.h"
#include "findc/Errors.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace findc::engine {
namespace {

// The container's own layout (the header's findc version is checked too).
// 2: checksum64 in eight lanes.
constexpr uint32_t kContainerLayout = 2;

using Json = nlohmann::ordered_json;

std::string mathName(MathMode math) { return std::string(traitsOf(math).name); }

Json headerJson(const ArtifactHeader& h) {
  return {{"findc_version", h.findcVersion},
          {"source", h.sourceName},
          {"source_sha256", h.sourceSha256},
          {"cpu", h.cpu},
          {"cpu_features", h.cpuFeatures},
          {"math", mathName(h.math)},
          {"hypothesis", h.hypothesis},
          {"functions", h.functions},
          {"keeps_source", h.keepsSource}};
}

ArtifactHeader headerFromJson(std::string_view text) {
  Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object())
    throw std::invalid_argument("the artifact's header is damaged");
  try {
    ArtifactHeader h;
    h.findcVersion = json.at("findc_version").get<std::string>();
    if (h.findcVersion != kVersion)
      return h; // another findc's header: refused by its version, whatever else it holds
    h.sourceName = json.at("source").get<std::string>();
    h.sourceSha256 = json.at("source_sha256").get<std::string>();
    h.cpu = json.at("cpu").get<std::string>();
    h.cpuFeatures = json.at("cpu_features").get<std::vector<std::string>>();
    std::string math = json.at("math").get<std::string>();
    std::optional<MathMode> mode = parseMathMode(math);
    if (!mode)
      throw std::invalid_argument("math");
    h.math = *mode;
    h.hypothesis = json.at("hypothesis").get<bool>();
    h.functions = json.at("functions").get<size_t>();
    h.keepsSource = json.at("keeps_source").get<bool>();
    return h;
  } catch (const std::exception&) {
    throw std::invalid_argument("the artifact's header is damaged");
  }
}

[[noreturn]] void refuse(const std::string& path, const std::string& why) {
  throw CompileError(path + ": error: " + why);
}

constexpr size_t kTrailerBytes = 2 * sizeof(uint64_t) + kArtifactMagic.size();

// The artifact's file, open and mapped read-only with every page present
// (MAP_POPULATE: one call, where faulting them in one by one costs a trap
// each, tens of microseconds in some virtual machines): the checksum reads
// the bytes in place, the payload is decoded in place, and then dlopen
// maps the code again from the same descriptor.
class ArtifactFile {
public:
  explicit ArtifactFile(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat info;
    if (fd_ < 0 || ::fstat(fd_, &info) != 0)
      refuse(std::string("cannot read the artifact: ") + std::strerror(errno));
    if (!S_ISREG(info.st_mode))
      refuse("not a findc artifact (`findc build` writes them)");
    auto size = static_cast<uint64_t>(info.st_size);
    if (size > kMaxArtifactBytes)
      refuse("the artifact is larger than findc loads (" + std::to_string(kMaxArtifactBytes >> 20) + " MiB)");
    if (size == 0)
      return;
    void* address = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd_, 0);
    if (address == MAP_FAILED)
      refuse(std::string("cannot read the artifact: ") + std::strerror(errno));
    bytes_ = {static_cast<const char*>(address), size};
  }
  ArtifactFile(const ArtifactFile&) = delete;
  ArtifactFile& operator=(const ArtifactFile&) = delete;
  ~ArtifactFile() {
    if (!bytes_.empty())
      ::munmap(const_cast<char*>(bytes_.data()), bytes_.size());
    if (fd_ >= 0)
      ::close(fd_);
  }

  std::string_view bytes() const { return bytes_; }
  int descriptor() const { return fd_; }
  [[noreturn]] void refuse(const std::string& why) const { engine::refuse(path_, why); }

private:
  std::string path_;
  int fd_ = -1;
  std::string_view bytes_;
};

// The parts of an artifact, checked for damage: views into its file.
struct ArtifactView {
  ArtifactHeader header;
  std::string_view signatures, source;
};

ArtifactView parse(const ArtifactFile& file) {
  std::string_view bytes = file.bytes();
  if (!bytes.ends_with(kArtifactMagic) || bytes.size() < kTrailerBytes)
    file.refuse("not a findc artifact (`findc build` writes them)");
  try {
    std::string_view body = bytes.substr(0, bytes.size() - kTrailerBytes);
    ByteReader trailer(bytes.substr(body.size()), "the artifact");
    auto payloadOffset = trailer.get<uint64_t>();
    auto checksum = trailer.get<uint64_t>();
    if (payloadOffset > body.size())
      throw std::invalid_argument("the artifact is damaged");
    ByteReader in(body.substr(payloadOffset), "the artifact");
    // Before the checksum, which another layout computes otherwise too.
    if (in.get<uint32_t>() != kContainerLayout)
      throw std::invalid_argument("the artifact was written in another layout; rebuild it with `findc build`");
    if (checksum != checksum64(bytes.substr(0, body.size() + sizeof(uint64_t))))
      throw std::invalid_argument("the artifact is damaged (its checksum does not match)");
    ArtifactView view;
    view.header = headerFromJson(in.getBytes());
    view.signatures = in.getBytes();
    view.source = in.getBytes();
    if (!in.atEnd())
      throw std::invalid_argument("the artifact is damaged");
    return view;
  } catch (const std::invalid_argument& error) {
    file.refuse(error.what());
  }
}

} // namespace

void checkArtifactHeader(const std::string& path, const ArtifactHeader& h, const ArtifactCheck& check) {
  if (h.findcVersion != kVersion)
    refuse(path, "the artifact was compiled by findc " + h.findcVersion + ", this is findc " + std::string(kVersion) +
                     "; rebuild it with `findc build`");
  std::vector<std::string> missing = missingCpuFeatures(h.cpuFeatures, hostCpuFeatures());
  if (!missing.empty()) {
    std::string list;
    for (const std::string& feature : missing)
      list += (list.empty() ? "" : ", ") + feature;
    refuse(path, "the artifact was compiled for a CPU with " + list + " (" + h.cpu +
                     "), which this CPU lacks; rebuild it on this machine with `findc build`");
  }
  if (check.source && sha256Hex(*check.source) != h.sourceSha256)
    refuse(path, "the artifact is stale: it was compiled from another text of '" + h.sourceName +
                     "'; rebuild it with `findc build`");
  if (check.math && *check.math != h.math)
    refuse(path, "the artifact was compiled with --math " + mathName(h.math) + ", not " + mathName(*check.math) +
                     "; rebuild it with `findc build --math " + mathName(*check.math) + "`");
}

namespace {

// The artifact's shared object, mapped by the dynamic loader from the
// artifact's own file (the descriptor checked, so not a file renamed over it
// since), closed with the backend.
class SharedObject {
public:
  explicit SharedObject(const ArtifactFile& file) {
    std::string procPath = "/proc/self/fd/" + std::to_string(file.descriptor());
    // Lazy: libm's functions are bound at their first call, not all at load.
    handle_ = dlopen(procPath.c_str(), RTLD_LAZY | RTLD_LOCAL);
    if (!handle_)
      file.refuse(std::string("cannot load the artifact's code: ") + dlerror());
  }
  SharedObject(const SharedObject&) = delete;
  SharedObject& operator=(const SharedObject&) = delete;
  ~SharedObject() { dlclose(handle_); }

  void* find(const std::string& symbol) const { return dlsym(handle_, symbol.c_str()); }

private:
  void* handle_ = nullptr;
};

// Entry points are looked up when the Suite first asks for them (a process
// that evaluates one function looks up one, not thousands).
class ArtifactBackend final : public CompiledBackend {
public:
  ArtifactBackend(const ir::Module& module, std::shared_ptr<const SharedObject> code)
      : CompiledBackend(module.functions.size()), module_(module), code_(std::move(code)) {}

  bool compiles() const override { return false; }

  // Under the Suite's lock. An entry the artifact lacks was not compiled by
  // `findc build` (engine/BuildArtifact.cpp's rule is the engine's), so it
  // never will be.
  void prepare(std::span<const uint32_t> unary, std::span<const uint32_t> boxed,
               std::span<const uint32_t> checked) override {
    for (uint32_t f : unary)
      setBatch(f, find<BatchEntry>(f, batchEntryName, "batch"));
    for (uint32_t f : boxed)
      setBoxed(f, find<BoxedEntry>(f, boxedEntryName, "boxed"));
    for (uint32_t f : checked)
      setCheckedBatch(f, find<CheckedBatchEntry>(f, checkedBatchEntryName, "checked batch"));
  }

private:
  template <typename Entry> Entry find(uint32_t f, std::string (*name)(std::string_view), const char* kind) const {
    auto entry = reinterpret_cast<Entry>(code_->find(name(module_.functions[f].name)));
    if (!entry)
      throw std::runtime_error("the artifact has no " + std::string(kind) + " entry point for '" +
                               module_.functions[f].name + "'");
    return entry;
  }

  const ir::Module& module_;
  std::shared_ptr<const SharedObject> code_;
};

} // namespace

std::string encodeArtifact(const ArtifactParts& parts) {
  ByteWriter out;
  out.bytes() = parts.sharedObject;
  uint64_t payloadOffset = out.bytes().size();
  out.put<uint32_t>(kContainerLayout);
  out.putBytes(headerJson(parts.header).dump());
  out.putBytes(parts.signatures);
  out.putBytes(parts.source);
  out.put<uint64_t>(payloadOffset);
  out.put<uint64_t>(checksum64(out.bytes()));
  out.bytes() += kArtifactMagic;
  return std::move(out.bytes());
}

std::string artifactHeaderJson(const ArtifactHeader& header) { return headerJson(header).dump(2); }

bool isArtifact(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  struct stat info;
  char magic[kArtifactMagic.size()] = {};
  bool ends = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) &&
              info.st_size >= static_cast<off_t>(sizeof magic) &&
              ::pread(fd, magic, sizeof magic, info.st_size - static_cast<off_t>(sizeof magic)) ==
                  static_cast<ssize_t>(sizeof magic);
  ::close(fd);
  return ends && std::string_view(magic, sizeof magic) == kArtifactMagic;
}

ArtifactHeader readArtifactHeader(const std::string& path) {
  ArtifactFile file(path);
  return parse(file).header;
}

std::unique_ptr<Suite> loadArtifact(const std::string& path, const ArtifactCheck& check,
                                    std::span<const std::string> only) {
  if (check.interpreter)
    throw InputError("'" + path + "' is a compiled artifact, which runs native code only: give the suite's source "
                     "for --engine interp");
  ArtifactFile file(path);
  ArtifactView view = parse(file);
  checkArtifactHeader(path, view.header, check);
  ir::Module module;
  try {
    module = ir::decodeSignatures(view.signatures, only);
    auto holds = [&](const std::string& name) {
      return std::ranges::any_of(module.functions, [&](const ir::Function& fn) { return fn.name == name; });
    };
    if (!std::ranges::all_of(only, holds))
      module = ir::decodeSignatures(view.signatures);
  } catch (const std::invalid_argument& error) {
    refuse(path, error.what());
  }
  auto code = std::make_shared<const SharedObject>(file);
  // Bind the code's runtime calls to this program's runtime, before any call.
  for (const rt::RuntimeSymbol& symbol : rt::runtimeSymbols())
    if (auto* slot = static_cast<void**>(code->find(runtimeSlotName(symbol.name))))
      *slot = symbol.address;
  auto source = std::make_shared<const SourceFile>(path, std::string(view.source));
  LoadOptions options{.engine = Engine::Jit, .math = view.header.math, .source = {}};
  if (view.header.hypothesis)
    options.source.language = Language::Python;
  return std::make_unique<Suite>(
      std::move(source), std::move(module),
      [&](const ir::Module& m) { return std::make_unique<ArtifactBackend>(m, code); }, options, /*stdlib=*/false);
}

} // namespace findc::engine
