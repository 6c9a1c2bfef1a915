//! A small run of every target in the default `cargo test` (the 10^7-execution figures come
//! from `zabscope fuzz-parsers`, docs/parser-fuzzing.md), and every input the fuzzer found,
//! each kept as a regression test.

use super::*;

/// Executions per target in the default test run (debug build: a few seconds in all).
const EXECS: u64 = 300;

fn clean(target: Target) {
    let mut f = Fuzzer::new(target, 1);
    let stats = f.run(EXECS).clone();
    let found: Vec<String> = f.findings().iter().map(ToString::to_string).collect();
    assert_eq!(stats.failures(), 0, "{stats:?}\n{}", found.join("\n"));
    assert_eq!(stats.execs, EXECS);
    assert!(stats.outcomes > 5, "feedback sees outcomes: {stats:?}");
}

#[test]
fn zkcli_lines_fuzz_clean() {
    clean(Target::ZkCli);
}

#[test]
fn scripts_fuzz_clean() {
    clean(Target::Script);
}

#[test]
fn zoo_cfg_fuzz_clean() {
    clean(Target::Config);
}

#[test]
fn api_lines_fuzz_clean() {
    clean(Target::Api);
}

#[test]
fn command_lines_fuzz_clean() {
    clean(Target::Command);
}

#[test]
fn same_seed_same_inputs() {
    let inputs = |seed| {
        let mut f = Fuzzer::new(Target::ZkCli, seed);
        (0..200).map(|_| f.next_input()).collect::<Vec<_>>()
    };
    assert_eq!(inputs(5), inputs(5));
    assert_ne!(inputs(5), inputs(6));
}

#[test]
fn a_panic_is_caught_and_reported_with_its_input() {
    // A rejection with an empty message is a finding too (checked by the harness).
    assert_eq!(
        targets::exec(Target::Command, b"", &targets::Templates::new())
            .map(|o| o.work)
            .map_err(|p| matches!(p, Problem::Unclear(_))),
        Ok(0)
    );
    let mut f = Fuzzer::new(Target::Config, 0);
    assert!(f.execute(b"tickTime=2000").is_none());
    assert_eq!(current_input(), b"tickTime=2000");
}

#[test]
fn targets_parse_by_name() {
    for t in Target::ALL {
        assert_eq!(Target::parse(t.name()), Ok(t));
    }
    assert!(Target::parse("nope").unwrap_err().contains("zkcli"));
}

/// Inputs the fuzzer found; each failed before its fix.
const REGRESSIONS: &[(Target, &[u8])] = &[
    // The runaway-input cases of docs/parser-fuzzing.md.
    (Target::ZkCli, b"redo 18446744073709551615"),
    (Target::ZkCli, b"run 18446744073709551615"),
    (Target::ZkCli, b"ls /\xff"),
    (
        Target::Api,
        b"{\"op\":\"run\",\"ms\":9223372036854775807}\n{\"op\":\"run\",\"ms\":9223372036854775807}\n{\"op\":\"run\",\"ms\":1}",
    ),
    (Target::Config, b"tickTime=1\ninitLimit=1\nsyncLimit=1\nserver.1=a:1:2"),
    (Target::Command, b"crash 4294967296"),
    // Found by the fuzzer: parsed, but printed back as text the parser refused.
    (Target::Command, b"block 3 ,"),
    (Target::Command, b"block , 4,3"),
    (Target::Command, b"partition ,"),
];

#[test]
fn found_inputs_stay_fixed() {
    for (target, input) in REGRESSIONS {
        if let Some(f) = execute_once(*target, input) {
            panic!("{f}");
        }
    }
}
