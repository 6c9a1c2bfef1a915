//! Cross-crate tests live in `tests/tests/`: scenario goldens and the simulation fuzzer.
//! This library holds what they share.
