//! The walking skeleton's `Simulation`: N servers and a seeded step counter.
//!
//! It exists so the whole path (core → web → browser, core → cli) is proven end to end before
//! the ZAB ensemble lands; the ensemble replaces its insides and keeps this API
//! (`new`, `step`, `view`) that the web app and the cli call.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

/// Why a simulation could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// ZooKeeper ensembles here have 1 to 51 servers.
    ServerCount(u32),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::ServerCount(n) => write!(f, "an ensemble has 1 to 51 servers, not {n}"),
        }
    }
}

impl std::error::Error for ConfigError {}

/// What the UI draws for one server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerView {
    /// The server's `myid`.
    pub myid: u32,
    /// How many steps this server has taken.
    pub ticks: u64,
}

/// The read-only picture of the whole simulation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimulationView {
    pub step: u64,
    pub servers: Vec<ServerView>,
}

/// A deterministic simulation: same seed, same steps.
#[derive(Clone, Debug)]
pub struct Simulation {
    rng: ChaCha8Rng,
    step: u64,
    ticks: Vec<u64>,
}

impl Simulation {
    /// Builds `servers` servers (1..=51) driven by `seed`.
    pub fn new(servers: u32, seed: u64) -> Result<Self, ConfigError> {
        if !(1..=51).contains(&servers) {
            return Err(ConfigError::ServerCount(servers));
        }
        Ok(Simulation {
            rng: ChaCha8Rng::seed_from_u64(seed),
            step: 0,
            ticks: vec![0; servers as usize],
        })
    }

    /// Advances one step: one server, chosen by the seeded RNG, ticks.
    pub fn step(&mut self) -> u32 {
        let n = self.ticks.len() as u32;
        let who = self.rng.next_u32() % n;
        self.ticks[who as usize] += 1;
        self.step += 1;
        who + 1
    }

    /// The picture the UI renders.
    #[must_use]
    pub fn view(&self) -> SimulationView {
        SimulationView {
            step: self.step,
            servers: self
                .ticks
                .iter()
                .enumerate()
                .map(|(i, &ticks)| ServerView {
                    myid: i as u32 + 1,
                    ticks,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_steps() {
        let mut a = Simulation::new(5, 7).unwrap();
        let mut b = Simulation::new(5, 7).unwrap();
        let sa: Vec<u32> = (0..50).map(|_| a.step()).collect();
        let sb: Vec<u32> = (0..50).map(|_| b.step()).collect();
        assert_eq!(sa, sb);
        assert_eq!(a.view(), b.view());
        assert_eq!(a.view().servers.iter().map(|s| s.ticks).sum::<u64>(), 50);
    }

    #[test]
    fn server_count_is_checked() {
        assert_eq!(
            Simulation::new(0, 1).unwrap_err(),
            ConfigError::ServerCount(0)
        );
        assert!(Simulation::new(52, 1).is_err());
        assert!(Simulation::new(51, 1).is_ok());
    }
}
