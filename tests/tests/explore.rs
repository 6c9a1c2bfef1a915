//! Exhaustive small-scope exploration (`zabscope_core::check::explore`, docs/break-zab.md): every
//! interleaving of 3 servers and 1 client up to a depth bound, every invariant in every
//! state. State counts are pinned: a change in the model that changes them must say why.
//! The break switches the scope reaches are caught, each by its named safety invariant.
//!
//! The fast scopes run in CI; `ZABSCOPE_EXPLORE_FULL=1` adds the larger ones of docs/figures.md
//! (release build recommended).

use zabscope_core::check::breaks::Break;
use zabscope_core::check::explore::{Report, Scope, explore};

fn scope(writes: u32, crashes: u32, partition: bool, close: bool, depth: u32) -> Scope {
    Scope {
        writes,
        crashes,
        partition,
        close,
        depth,
        ..Scope::default()
    }
}

fn clean(s: &Scope) -> Report {
    let r = explore(s);
    println!(
        "{s:?}: {} states, {} transitions, depth {}",
        r.states, r.transitions, r.depth_reached
    );
    assert!(r.complete, "{s:?}: cut short");
    if let Some((v, path)) = &r.violation {
        panic!("{s:?}: {v}\n{}", path.join("\n"));
    }
    r
}

#[test]
fn one_write_no_fault_every_interleaving_is_safe() {
    let r = clean(&scope(1, 0, false, false, 40));
    assert_eq!((r.states, r.transitions, r.depth_reached), (974, 1650, 40));
}

#[test]
fn one_write_one_crash_every_interleaving_is_safe() {
    let r = clean(&scope(1, 1, false, false, 5));
    // 759 states since messages belong to connections: a crashed sender's bytes arrive
    // instead of each being dropped (991 when they were dropped, 954 before that).
    assert_eq!((r.states, r.transitions, r.depth_reached), (759, 1373, 5));
}

#[test]
fn one_write_one_partition_every_interleaving_is_safe() {
    let r = clean(&scope(1, 0, true, false, 8));
    assert_eq!((r.states, r.transitions, r.depth_reached), (1194, 2408, 8));
}

#[test]
fn larger_scopes_are_safe() {
    if std::env::var("ZABSCOPE_EXPLORE_FULL").is_err() {
        return;
    }
    for s in [
        scope(2, 0, false, false, 40),
        scope(1, 0, false, true, 40),
        scope(1, 1, false, false, 10),
        scope(1, 0, true, false, 14),
        scope(2, 2, true, false, 8),
    ] {
        clean(&s);
    }
}

/// The switch is caught by `invariant` after `moves` moves, having seen `states` states.
fn caught(b: Break, mut s: Scope, invariant: &str, moves: usize, states: u64) {
    s.breaks = vec![b];
    let r = explore(&s);
    let Some((v, path)) = &r.violation else {
        panic!("{b}: nothing fired in {} states", r.states);
    };
    println!(
        "| {b} | {} | {} moves | {} states |",
        v.invariant,
        path.len(),
        r.states
    );
    assert_eq!(
        (v.invariant, path.len(), r.states),
        (invariant, moves, states),
        "{b}: {v}\n{}",
        path.join("\n")
    );
}

#[test]
fn explorer_catches_ack_before_logging() {
    let s = scope(1, 1, false, false, 8);
    caught(Break::AckBeforeLogging, s, "Durability", 8, 12);
}

#[test]
fn explorer_catches_keep_ephemerals_on_expiry() {
    let s = scope(1, 0, false, true, 40);
    caught(
        Break::KeepEphemeralsOnExpiry,
        s,
        "EphemeralCleanup",
        38,
        1124,
    );
}

#[test]
fn explorer_catches_commit_out_of_order() {
    let s = scope(2, 0, false, false, 40);
    caught(Break::CommitOutOfOrder, s, "LocalPrimaryOrder", 22, 3642);
}
