//! Tools the command line drives: `bench` (the benchmark workload native and wasm share),
//! `api` (the JSON-lines interface of `zabscope api`) and `lab` (the performance lab: a cost
//! model and ZooKeeper's two documented throughput figures).

pub mod api;
pub mod bench;
pub mod lab;
