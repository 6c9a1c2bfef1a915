//! Simulated time. Every clock in ZabScope is this one: milliseconds since the run began.
//! There is no wall clock in the core (clippy bans `Instant` and `SystemTime`).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, Sub};

/// Milliseconds of simulated time since the start of a run.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct SimTime(pub u64);

impl SimTime {
    /// Time zero, the start of a run.
    pub const ZERO: SimTime = SimTime(0);

    /// Milliseconds since the start.
    #[must_use]
    pub const fn ms(self) -> u64 {
        self.0
    }

    /// `self + ms`, saturating (a timer far in the future never wraps to the past).
    #[must_use]
    pub const fn plus_ms(self, ms: u64) -> SimTime {
        SimTime(self.0.saturating_add(ms))
    }

    /// Milliseconds from `earlier` to `self`, zero if `earlier` is later.
    #[must_use]
    pub const fn since(self, earlier: SimTime) -> u64 {
        self.0.saturating_sub(earlier.0)
    }
}

impl Add<u64> for SimTime {
    type Output = SimTime;
    fn add(self, ms: u64) -> SimTime {
        self.plus_ms(ms)
    }
}

impl Sub for SimTime {
    type Output = u64;
    fn sub(self, earlier: SimTime) -> u64 {
        self.since(earlier)
    }
}

impl fmt::Display for SimTime {
    /// `12.345s`: seconds with millisecond precision, integer arithmetic only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:03}s", self.0 / 1000, self.0 % 1000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_saturates_and_prints_seconds() {
        assert_eq!(SimTime(1500) + 250, SimTime(1750));
        assert_eq!(SimTime(10) - SimTime(20), 0);
        assert_eq!(SimTime(u64::MAX).plus_ms(5), SimTime(u64::MAX));
        assert_eq!(SimTime(12_345).to_string(), "12.345s");
    }
}
