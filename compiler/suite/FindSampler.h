// A C++ port of FIND's numeric function sampler (multimodal-interpretability/
// FIND, src/make_functions/make_numeric: generate_functions.py,
// math_functions.py, utils.py, write_source_code.py), producing new functions
// with the distribution of FIND v1's 1,000 (shared/find-v1/numeric-data.json,
// numeric-variants.json; see docs/find-v1-notes.md).
//
// What FIND's driver does for function i of N, and what this port does:
// - sample(): random() < 0.85 -> one atom, uniform over 16 (linear,
//   polynomial, absolute, root, logarithm, step, relu, tanh, constant, sin,
//   cos, reciprocal, gaussian, rational, rectangle, square_wave); else a
//   composition: op uniform over {multiply_two, sum_two}, then two atoms, each
//   uniform over 9 (linear, polynomial, step, relu, constant, ceil, floor,
//   rectangle, square_wave). The writer also knows sum_three and compose; the
//   driver never asks for them and v1 has none.
// - Parameters as math_functions.py samples them, one decimal with Python's
//   round(). One deliberate difference from the stored code: there
//   bias = round(U(-30, 30), 1), but all 486 v1 biases (absolute, relu, root,
//   step, logarithm p1; tanh/sin/cos p3) lie in [-10, 10] and on the 99-value
//   grid round(linspace(-10, 10, 100), 1) (continuous draws would hit it half
//   the time). So v1 drew bias like `amplitude`:
//   round(choice(linspace(-10, 10, 100)), 1). This port follows v1.
// - Domain: [1,100] if the name contains "log", [0,100] if "root", else
//   [-100,100] (v1's JSON; the stored get_domain says +-1000).
// - Corruption (every function): boundary a = round(U(max(lo,-100), 100), 1);
//   choice -> 1/4 interval_smaller [a], 1/4 interval_larger [a], 1/2
//   interval_inside [a, b] with b = U(a+5, a+25) unrounded. std = mean of
//   the *math* function over linspace(domain, 100) (absolute with its bias,
//   the real square wave), numpy's summation order; null if not finite (a
//   logarithm with base 1.0, a reciprocal with a = 0.0; Python would write NaN).
// - Noise (every function): random() < 0.33 normal, else random() < 0.66
//   uniform, else poisson; noise_params 1.
// - Variant: i < int(0.15 N) -> load_mlp.py (v1: exactly f00000-f00149).
//   FIND's code does not say how the rest were assigned (func_name_dict.json
//   is not written by any released script), so they are drawn with v1's
//   proportions 483 : 176 : 191 of 850 (function / noised / corrupted).
// - Entries have v1's keys except the two debug-only ones
//   (error_code_generated, error_corrupted_code_generated, written only by
//   `--debug`'s print_functions): omitted. approx_mse_error is "not trained"
//   (nothing is trained here), GPT_description "", dir "fNNNNN".
//
// Randomness: Philox4x32-10 with key = (seed low 32 bits, seed high 32 bits)
// and counter = (function index, draw index, 0, 0); each draw is the first
// uniform of its block. Draws follow FIND's order (sample, corruption, noise,
// then the variant), minus FIND's draws whose values go unused (it draws
// scale, bias, amplitude, phase_shift and period for every atom). Sampled
// values are identical on every platform (no libm, no FMA contraction: the
// project builds with -ffp-contract=off); `std` goes through libm (sin, cos,
// tanh, exp, log, pow): with glibc it reproduces all 1,000 v1 values bit for
// bit, other libms may differ in the last bits.
#pragma once

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/JSON.h>

#include <cstdint>
#include <string>

namespace findc::suite {

struct FindSample {
  llvm::json::Array data;      // entries shaped like numeric-data.json's
  llvm::json::Object variants; // "fNNNNN" -> file name, like numeric-variants.json
};

// `count` functions f00000...; a pure function of (count, seed).
FindSample sampleFindNumeric(unsigned count, uint64_t seed);

// FIND's `name` (utils.create_string) for a function name ("relu" or
// "relu;linear;multiply_two") and its data.json `params`.
llvm::Expected<std::string> formatFindName(llvm::StringRef funcName, const llvm::json::Value &params);

// The mean of FIND's math function over np.linspace(lo, hi, 100): data.json's
// corruption_params.std.
llvm::Expected<double> findMathMean(llvm::StringRef funcName, const llvm::json::Value &params, double lo, double hi);

} // namespace findc::suite
