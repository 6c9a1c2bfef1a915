//! Checking: the invariants checked after every step, the "break ZAB" switches, the exhaustive
//! explorer, the nemesis fuzzer with its shrinker and break hunt, the parser fuzzer, and the
//! client-side checkers.

pub mod break_hunt;
pub mod breaks;
pub mod client;
pub mod explore;
pub(crate) mod invariant;
pub mod nemesis;
pub mod parser_fuzz;
pub mod shrink;
