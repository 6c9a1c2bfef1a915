//! How fast Play runs. The slow speeds are paced per hop so a lecturer can talk over each
//! message: with the default 1 ms LAN latency (+ up to 1 ms jitter) "slowest" draws a hop for
//! 1.2–2.4 s of wall time. When nothing visible is in flight (timers, hidden PINGs) simulated
//! time runs at least in real time, so waits do not stall the lecture.

/// A speed of the Play button.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Speed {
    /// A 1 ms hop takes 1.2 s.
    #[default]
    Slowest,
    /// A 1 ms hop takes 0.5 s.
    Slow,
    /// A 1 ms hop takes 0.15 s.
    Medium,
    /// Simulated time at wall-clock speed.
    RealTime,
    /// 10× real time: session timeouts and syncLimit in a few seconds.
    Fast,
}

impl Speed {
    pub const ALL: [Speed; 5] = [
        Speed::Slowest,
        Speed::Slow,
        Speed::Medium,
        Speed::RealTime,
        Speed::Fast,
    ];

    /// Simulated ms per wall-clock ms.
    #[must_use]
    pub fn rate(self) -> f64 {
        match self {
            Speed::Slowest => 1.0 / 1200.0,
            Speed::Slow => 1.0 / 500.0,
            Speed::Medium => 1.0 / 150.0,
            Speed::RealTime => 1.0,
            Speed::Fast => 10.0,
        }
    }

    /// How long Play holds each narrated step on screen (wall ms) before the next: at the
    /// slow speeds a lecturer reads and talks over every line; faster, steps flow by time.
    #[must_use]
    pub fn dwell_ms(self) -> f64 {
        match self {
            Speed::Slowest => 1_600.0,
            Speed::Slow => 700.0,
            _ => 0.0,
        }
    }

    /// The button's element id.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Speed::Slowest => "speed-0",
            Speed::Slow => "speed-1",
            Speed::Medium => "speed-2",
            Speed::RealTime => "speed-3",
            Speed::Fast => "speed-4",
        }
    }

    /// The button's text, in the page's language (seconds per hop, or a factor).
    #[must_use]
    pub fn label(self) -> String {
        let hop = |s: &str| crate::i18n::tf("speed.per_hop", &[("s", s)]);
        match self {
            Speed::Slowest => hop("1.2"),
            Speed::Slow => hop("0.5"),
            Speed::Medium => hop("0.15"),
            Speed::RealTime => "×1".into(),
            Speed::Fast => "×10".into(),
        }
    }
}

/// How long Play lingers at an interesting moment (wall ms), when asked to.
pub const LINGER_MS: f64 = 3_000.0;

/// The narration keys of the moments worth lingering at: an election decided, a new epoch
/// established, a quorum's ACK and the COMMIT, a sync's DIFF / TRUNC / SNAP, a vote changed.
#[must_use]
pub fn interesting(key: &str) -> bool {
    key.starts_with("elect.")
        || key.starts_with("sync.why.")
        || key.starts_with("vote.adopt.")
        || matches!(key, "step.established" | "step.commit" | "state.looking")
}
