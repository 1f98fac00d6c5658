// The interval an agent states in its [DOMAIN] text (domain.txt), scored
// against the bench's true corrupted interval. FIND saves this text and
// never scores it; docs/score.md states the reading rules.
#pragma once

#include "runtime/Bench.h"

#include <optional>
#include <string>
#include <string_view>

namespace findc::score {

// A closed interval; an end may be infinite ("below 3" is [-inf, 3]).
struct Interval {
  double lo = 0, hi = 0;
};

struct DomainClaim {
  std::optional<Interval> interval; // none: no interval stated (or one denied)
  std::string rule;                 // how it was read: json, keyword sentence, last interval, denied, none
};

// Reads the claim: a JSON interval (`[a, b]` or `{"interval": [a, b]}`), or
// in free text the first interval of the first sentence that speaks of
// unexpected behaviour, else the last interval of the text.
DomainClaim readDomainClaim(std::string_view text);

// The interval a corruption covers (below a: [-inf, a]; above a: [a, inf];
// inside (a, b): [a, b]), none without corruption.
std::optional<Interval> corruptedInterval(const rt::CorruptionSpec& corruption);

// Intersection over union of two intervals clipped to [lo, hi]; 1 when both
// clip to empty, 0 when one does.
double intervalIoU(const std::optional<Interval>& claim, const std::optional<Interval>& truth, double lo, double hi);

} // namespace findc::score
