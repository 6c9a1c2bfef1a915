//! The one source of randomness in a run: a seeded `ChaCha8Rng` split into named sub-streams.
//!
//! Each consumer (network latency, message loss, the fault nemesis, the workload, the client
//! library, the recipes) draws from its own stream, so adding a draw to one never shifts the
//! others: a script stays reproducible while the simulator grows. Servers get no RNG (FLE
//! needs none).

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

/// The named sub-streams of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stream {
    /// Link latency jitter.
    Latency = 0,
    /// Message loss.
    Loss = 1,
    /// Fault schedules (fuzzer / nemesis).
    Nemesis = 2,
    /// Client workloads.
    Workload = 3,
    /// The ZooKeeper client library: connect-string shuffle (StaticHostProvider) and the
    /// 0–1 s reconnect back-off (ClientCnxn.startConnect).
    Client = 4,
    /// Recipes' own randomness: the GUID of Curator's protected names (`_c_<uuid>-`).
    Recipe = 5,
}

const STREAMS: usize = 6;

/// A seeded random source with one independent ChaCha stream per [`Stream`].
#[derive(Clone, Debug)]
pub struct SimRng {
    seed: u64,
    streams: [ChaCha8Rng; STREAMS],
}

impl SimRng {
    /// All streams derive from `seed`; stream `s` is ChaCha stream number `s`.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        let make = |s: u64| {
            let mut r = ChaCha8Rng::seed_from_u64(seed);
            r.set_stream(s);
            r
        };
        SimRng {
            seed,
            streams: [make(0), make(1), make(2), make(3), make(4), make(5)],
        }
    }

    /// The seed this generator was built from.
    #[must_use]
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// A uniform `u64` from `stream`.
    pub fn next_u64(&mut self, stream: Stream) -> u64 {
        self.streams[stream as usize].next_u64()
    }

    /// A uniform draw in `0..n` (0 when `n` is 0), without floats.
    pub fn below(&mut self, stream: Stream, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        // Multiply-shift keeps it unbiased enough for scheduling and stays integer-only.
        ((u128::from(self.next_u64(stream)) * u128::from(n)) >> 64) as u64
    }

    /// True with probability `ppm` parts per million.
    pub fn chance_ppm(&mut self, stream: Stream, ppm: u32) -> bool {
        ppm > 0 && self.below(stream, 1_000_000) < u64::from(ppm)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_independent_and_reproducible() {
        let mut a = SimRng::new(7);
        let mut b = SimRng::new(7);
        // Drawing from one stream must not shift another.
        let _ = a.next_u64(Stream::Loss);
        assert_eq!(a.next_u64(Stream::Latency), b.next_u64(Stream::Latency));
        assert_ne!(
            SimRng::new(7).next_u64(Stream::Loss),
            SimRng::new(7).next_u64(Stream::Latency)
        );
        assert!((0..1000).all(|_| a.below(Stream::Workload, 10) < 10));
        assert!(!a.chance_ppm(Stream::Loss, 0));
        assert!(a.chance_ppm(Stream::Loss, 1_000_000));
    }
}
