// Compiled artifacts (`findc build SUITE -o suite.findo`, docs/artifacts.md):
// a suite's native code as a shared object, with the signatures of its
// functions (compiler/ir/Signatures.h) appended, loaded by dlopen with no
// LLVM at all. Writing one compiles (engine/BuildArtifact.h); reading one is
// here, in the engine's core.
//
// The file is the shared object itself (an ELF loader ignores what follows
// the parts it maps, so dlopen maps the artifact's own pages: nothing is
// copied), then, little-endian:
//   payload: u32 layout | u64 n + header (JSON) | u64 n + signatures
//            | u64 n + source text (empty unless kept)
//   trailer: u64 offset of the payload | u64 checksum64 of every byte
//            before it | "FINDCART"
#pragma once

#include "engine/Suite.h"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace findc::engine {

inline constexpr std::string_view kArtifactMagic = "FINDCART";
// Bounds what a loader reads into memory (docs/artifacts.md).
inline constexpr uint64_t kMaxArtifactBytes = uint64_t{1} << 30;

// What the loader checks before any of the code is loaded.
struct ArtifactHeader {
  std::string findcVersion;            // must equal the loader's
  std::string sourceName;              // the suite's path as given to build
  std::string sourceSha256;            // of the suite's text
  std::string cpu;                     // LLVM's name for the CPU compiled for
  std::vector<std::string> cpuFeatures; // the loading CPU must have each (compiler/support/CpuFeatures.h)
  MathMode math = MathMode::Exact;
  // A Python hypothesis: its function (FIND's rule) is the one commands
  // evaluate without --fn, as for its source.
  bool hypothesis = false;
  size_t functions = 0;                // that the user can name
  bool keepsSource = false;
};

struct ArtifactParts {
  ArtifactHeader header;
  std::string signatures;   // ir::encodeSignatures
  std::string source;       // empty unless header.keepsSource
  std::string sharedObject; // ELF, entry points by compiler/codegen/EntryPoints.h's names
};

std::string encodeArtifact(const ArtifactParts& parts);

// Whether the file at `path` ends with kArtifactMagic.
bool isArtifact(const std::string& path);

struct ArtifactCheck {
  // The suite's text, if the caller has it: refused if its hash differs.
  std::optional<std::string> source;
  // Refused if the artifact's math mode differs.
  std::optional<MathMode> math;
  // The interpreter is asked for: an InputError, since an artifact holds no
  // IR for it.
  bool interpreter = false;
};

// The artifact at `path` as a Suite on native code. A CompileError
// ("PATH: error: ...", saying what to do) if it cannot be read, is damaged,
// or is refused: another findc version, a CPU without its features, a
// source or math mode that does not match `check`.
// With `only`, the Suite holds the functions of those names alone (what
// ir::decodeSignatures keeps), so that a process that evaluates one
// function does not build 1,000 signatures; if the artifact lacks one of
// them it holds every function, so that resolving the name suggests others.
std::unique_ptr<Suite> loadArtifact(const std::string& path, const ArtifactCheck& check = {},
                                    std::span<const std::string> only = {});

// The header alone (for `findc build --info`), with the same errors for a
// file that is not an artifact or is damaged.
ArtifactHeader readArtifactHeader(const std::string& path);
// The header as the file holds it (JSON).
std::string artifactHeaderJson(const ArtifactHeader& header);
// What loadArtifact checks before loading the code, with its errors.
void checkArtifactHeader(const std::string& path, const ArtifactHeader& header, const ArtifactCheck& check);

} // namespace findc::engine
