//! Tools the command line drives: `bench` (the benchmark workload native and wasm share) and
//! `api` (the JSON-lines interface of `zabscope api`).

pub mod api;
pub mod bench;
