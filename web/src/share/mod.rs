//! Runs that leave the page and come back: the run file (JSON, `file.rs`: seed, config,
//! commands and manual deliveries as each branch's script, the current step, the language,
//! the open lesson, the branches), its compact form in a link's fragment (`#run=` + base64url
//! of the compressed JSON, `codec.rs`), the trace as a ShiViz log (`shiviz.rs`) and the
//! browser's side — localStorage, the fragment, the clipboard, downloads (`browser.rs`).
//!
//! Everything that comes from a link, a file or storage is checked before the current run is
//! touched (sizes, step counts, simulated time, the scripts themselves: caps below, stated in
//! the messages) and is only ever shown as text.

pub mod browser;
pub mod codec;
pub mod file;
pub mod shiviz;

/// The fragment's prefix: `https://…/index.html#run=…`.
pub const FRAGMENT: &str = "run=";

/// At most this many characters of link or file are read at all (a 10 MB fragment is refused
/// before it is decoded): base64 of [`codec::MAX_DECODED`] bytes with room to spare.
pub const MAX_INPUT: usize = codec::MAX_DECODED / 3 * 4 + 4096;

/// At most this many steps are replayed to open a run (its step and its furthest step): a
/// link asking for a billion steps is refused, not replayed for hours. The page replays
/// ≈ 30,000–100,000 steps a second with invariants on, so opening takes seconds at most; a
/// 10-simulated-minute run of 7 servers and 10 writing clients is ≈ 136,000 steps.
pub const MAX_OPEN_STEPS: u64 = 500_000;
