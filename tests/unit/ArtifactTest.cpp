// The pieces of compiled artifacts that need no linker: the signatures'
// binary form, the checksum, and CPU feature matching. (Whole artifacts are
// built and loaded by the lit tests in tests/lit/artifact.)
#include "compiler/ir/Signatures.h"
#include "compiler/support/CpuFeatures.h"
#include "compiler/support/Hash.h"
#include "tests/unit/TestUtil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace findc {
namespace {

ir::Module compileExample(const std::string& name) {
  std::ifstream in(std::filesystem::path(FINDC_EXAMPLES_DIR) / name);
  std::stringstream text;
  text << in.rdbuf();
  auto compiled = test::compile(text.str(), /*optimize=*/false, name);
  EXPECT_TRUE(compiled->module.has_value()) << compiled->diagnosticsText();
  return std::move(*compiled->module);
}

// What a module says of function f, its bench included, as text: functions
// are named, not numbered, so modules that number them apart compare.
std::string describeFunction(const ir::Module& module, uint32_t f) {
  const ir::Function& fn = module.functions[f];
  std::ostringstream out;
  out << fn.name << " [" << fn.doc << "] -> " << typeName(fn.resultType) << " ctx=" << fn.usesContext
      << " random=" << fn.drawsRandom << " unary=" << fn.hasUnaryEntry() << " checked=" << fn.hasCheckedBatchEntry()
      << "\n";
  for (const ir::Param& p : fn.params)
    out << "  " << p.name << ": " << typeName(p.type) << (p.defaultValue ? " = " + formatG17(p.defaultValue->asDouble()) : "")
        << "\n";
  for (const ir::Bench& b : module.benches) {
    if (b.function != f)
      continue;
    out << "bench " << b.category << " extrapolate=" << b.extrapolate << " noise "
        << static_cast<int>(b.effects.noise.kind) << " " << formatG17(b.effects.noise.scale) << " corruption "
        << static_cast<int>(b.effects.corruption.region) << " " << formatG17(b.effects.corruption.a) << " "
        << formatG17(b.effects.corruption.b) << " domain " << formatG17(b.effects.domainLo) << " "
        << formatG17(b.effects.domainHi) << "\n";
    if (b.domain)
      out << "  domain " << formatG17(b.domain->first) << " " << formatG17(b.domain->second) << "\n";
    if (b.approx)
      out << "  approx " << b.approx->hidden << " " << b.approx->trained << " "
          << module.functions[b.approx->target].name << " " << (b.approx->mse ? formatG17(*b.approx->mse) : "-")
          << "\n";
  }
  return out.str();
}

std::string describeSignatures(const ir::Module& module) {
  std::string out = std::to_string(module.benches.size()) + " benches\n";
  for (uint32_t f = 0; f < module.functions.size(); ++f)
    out += describeFunction(module, f);
  return out;
}

TEST(ArtifactSignatures, RoundTripWithoutBodies) {
  for (const char* name : {"find-v1-numeric.fnd", "find-strings.fnd", "bump_on_ramp.fnd"}) {
    ir::Module module = compileExample(name);
    ir::Module decoded = ir::decodeSignatures(ir::encodeSignatures(module, /*withDocs=*/true));
    EXPECT_EQ(describeSignatures(decoded), describeSignatures(module)) << name;
    for (const ir::Function& fn : decoded.functions)
      EXPECT_TRUE(fn.body.empty() && fn.blocks.empty()) << fn.name;
  }
}

// Decoding only some functions keeps those, their benches and the functions
// those approximate, in the form's order, each as the whole module has it.
TEST(ArtifactSignatures, OnlyTheNamedFunctions) {
  std::string bytes = ir::encodeSignatures(compileExample("find-v1-numeric.fnd"), /*withDocs=*/true);
  ir::Module whole = ir::decodeSignatures(bytes);
  auto approx = std::ranges::find_if(whole.benches, [](const ir::Bench& b) { return b.approx.has_value(); });
  ASSERT_NE(approx, whole.benches.end());
  const std::string& named = whole.functions[approx->function].name;
  const std::string& target = whole.functions[approx->approx->target].name;
  const std::string& plain = whole.functions[approx->function == 0 ? 1 : 0].name;
  ASSERT_NE(named, target);
  std::vector<std::string> only = {named, plain, "no_such_function"};
  ir::Module some = ir::decodeSignatures(bytes, only);

  std::vector<std::string> expected, kept;
  std::string expectedText, keptText;
  for (uint32_t f = 0; f < whole.functions.size(); ++f)
    if (const std::string& name = whole.functions[f].name; name == named || name == target || name == plain) {
      expected.push_back(name);
      expectedText += describeFunction(whole, f);
    }
  for (uint32_t f = 0; f < some.functions.size(); ++f) {
    kept.push_back(some.functions[f].name);
    keptText += describeFunction(some, f);
  }
  EXPECT_EQ(kept, expected);
  EXPECT_EQ(keptText, expectedText);
  for (const ir::Bench& b : some.benches)
    EXPECT_NE(std::ranges::find(expected, some.functions[b.function].name), expected.end());
  EXPECT_TRUE(ir::decodeSignatures(bytes, std::vector<std::string>{"no_such_function"}).functions.empty());
}

TEST(ArtifactSignatures, DocsOnlyWhenAsked) {
  ir::Module module = compileExample("bump_on_ramp.fnd");
  ASSERT_FALSE(module.functions.front().doc.empty());
  for (const ir::Function& fn : ir::decodeSignatures(ir::encodeSignatures(module, /*withDocs=*/false)).functions)
    EXPECT_TRUE(fn.doc.empty()) << fn.name;
}

// Every truncation and every single-byte change of the form is either read
// or refused with std::invalid_argument: never a crash, never a huge
// allocation from a damaged count.
TEST(ArtifactSignatures, DamageIsRefusedNotTrusted) {
  std::string bytes = ir::encodeSignatures(compileExample("bump_on_ramp.fnd"), /*withDocs=*/true);
  std::vector<std::string> one = {"gaussian"};
  for (size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_THROW(ir::decodeSignatures(std::string_view(bytes).substr(0, n)), std::invalid_argument) << n;
    EXPECT_THROW(ir::decodeSignatures(std::string_view(bytes).substr(0, n), one), std::invalid_argument) << n;
  }
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0xff);
    for (std::span<const std::string> only : {std::span<const std::string>(), std::span<const std::string>(one)})
      try {
        ir::decodeSignatures(damaged, only);
      } catch (const std::invalid_argument&) {
      }
  }
}

TEST(ArtifactChecksum, AnySingleBitChangesIt) {
  std::string bytes(1000, '\0');
  for (size_t i = 0; i < bytes.size(); ++i)
    bytes[i] = static_cast<char>(i * 7 + 3);
  uint64_t original = checksum64(bytes);
  for (size_t i = 0; i < bytes.size(); ++i)
    for (int bit = 0; bit < 8; ++bit) {
      std::string changed = bytes;
      changed[i] = static_cast<char>(changed[i] ^ (1 << bit));
      ASSERT_NE(checksum64(changed), original) << i << ":" << bit;
    }
  EXPECT_NE(checksum64(bytes.substr(0, 999)), original); // a cut too
}

TEST(ArtifactCpuFeatures, KnownFeaturesOfLlvmStrings) {
  EXPECT_EQ(knownFeaturesOf("+avx2,-avx512f,+sse4.2,+evex512,+notafeature,+avx512f"),
            (std::vector<std::string>{"avx2", "sse4.2", "avx512f"}));
  EXPECT_TRUE(knownFeaturesOf("").empty());
}

TEST(ArtifactCpuFeatures, MissingFeatures) {
  std::vector<std::string> host = {"sse2", "avx2"};
  std::vector<std::string> required = {"avx512f", "sse2", "nosuch"};
  EXPECT_EQ(missingCpuFeatures(required, host), (std::vector<std::string>{"avx512f", "nosuch"}));
  EXPECT_TRUE(missingCpuFeatures(host, host).empty());
}

// This host's features are known names, and include what every x86-64 has.
TEST(ArtifactCpuFeatures, HostFeaturesAreKnown) {
  std::vector<std::string> host = hostCpuFeatures();
#if defined(__x86_64__)
  EXPECT_NE(std::ranges::find(host, "sse2"), host.end());
#endif
  for (const std::string& feature : host)
    EXPECT_NE(std::ranges::find(knownCpuFeatures(), feature), knownCpuFeatures().end()) << feature;
}

} // namespace
} // namespace findc
