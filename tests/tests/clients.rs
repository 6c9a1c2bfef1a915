//! Client-library and recipe scenarios (docs/clients.md), each script in
//! `tests/scenarios/`, with the ZAB invariants and the client-side checkers (FIFO client
//! order, linearizable writes, lock mutual exclusion among live sessions, no read older than
//! what the client saw) after every step.

use zabscope_core::check::client;
use zabscope_core::sim::trace::EventKind;
use zabscope_core::sim::view::RecipeRole;
use zabscope_core::sim::view::ZkClientView;
use zabscope_core::{ServerId, Simulation};
use zabscope_tests::*;

/// Run the scenario to its end, every checker after every step.
fn run_checked(name: &str) -> Simulation {
    let s = script(name);
    let mut sim = start(&s);
    while sim
        .kernel()
        .next_time()
        .is_some_and(|t| t.ms() <= s.until_ms)
    {
        sim.step();
        let mut v = client::check_all(sim.kernel());
        v.extend(sim.violations().iter().map(|x| format!("{x:?}")));
        assert!(v.is_empty(), "{name} at {}: {v:?}", sim.now());
    }
    sim
}

fn client<'a>(v: &'a zabscope_core::ClusterView, name: &str) -> &'a ZkClientView {
    v.zk_clients
        .iter()
        .find(|c| c.name == name)
        .expect("client")
}

/// (time, state, why) of a client's connection events.
fn states(sim: &Simulation, name: &str) -> Vec<(u64, String, Option<ServerId>, String)> {
    events(sim, |_| true)
        .filter_map(|e| match &e.kind {
            EventKind::ClientState {
                client, state, why, ..
            } if client == name => Some((e.at.ms(), state.clone(), e.from, why.clone())),
            _ => None,
        })
        .collect()
}

fn findings(sim: &Simulation) -> Vec<(u64, String)> {
    events(sim, |e| matches!(e.kind, EventKind::Finding { .. }))
        .filter_map(|e| match &e.kind {
            EventKind::Finding { text } => Some((e.at.ms(), text.clone())),
            _ => None,
        })
        .collect()
}

/// docs/zookeeper-semantics.md §3: a client of a crashed follower reconnects
/// to the next host within its session timeout, keeping its session and its ephemeral.
#[test]
fn client_on_a_crashed_follower_reconnects_and_keeps_its_ephemeral() {
    let sim = run_checked("client_failover.zs");
    let st = states(&sim, "c1");
    assert_eq!(st[0].1, "SyncConnected");
    assert_eq!(st[0].2, Some(ServerId(1)), "c1 starts on follower 1");
    let lost = st
        .iter()
        .find(|s| s.1 == "Disconnected")
        .expect("disconnected");
    assert_eq!(lost.0, 3000, "the crash resets the connection at once");
    assert_eq!(lost.3, "Connection reset by peer");
    let back = st
        .iter()
        .find(|s| s.1 == "SyncConnected" && s.0 > 3000)
        .expect("reconnected");
    assert!(back.0 < 3000 + 6000, "within the session timeout: {back:?}");
    assert_ne!(back.2, Some(ServerId(1)));
    assert!(st.iter().all(|s| s.1 != "Expired"));
    let v = sim.view();
    let c1 = client(&v, "c1");
    assert_eq!(c1.state, "CONNECTED");
    let leader = v.leaders()[0];
    assert!(
        has_node(&sim, leader, "/eph", "here"),
        "the ephemeral survives"
    );
    assert!(
        v.servers[(leader - 1) as usize]
            .sessions
            .contains(&c1.session)
    );
}

/// A client cut off longer than its session timeout expires: its lock node goes and the next
/// waiter acquires; back online it learns Expired.
#[test]
fn partitioned_holder_expires_and_the_next_waiter_acquires() {
    let sim = run_checked("client_expiry.zs");
    let v = sim.view();
    let c1 = client(&v, "c1");
    let c2 = client(&v, "c2");
    let r2 = &c2.recipes[0];
    assert_eq!(r2.role, RecipeRole::Holder);
    let got = r2.history[0].acquired_at.ms();
    // The session (4 s) expires at the leader's next tick boundary after 2 s + 4 s.
    assert!((6_000..=8_500).contains(&got), "c2 acquired at {got}");
    let r1 = &c1.recipes[0];
    assert_eq!(r1.role, RecipeRole::Lost);
    assert_eq!(r1.history[0].end.as_deref(), Some("session expired"));
    assert!(r1.history[0].token < r2.history[0].token);
    assert_eq!(c1.keeper_state, "Expired");
    let st = states(&sim, "c1");
    let expired = st.iter().find(|s| s.1 == "Expired").expect("Expired");
    assert!(
        expired.0 >= 12_000,
        "learnt only after the partition healed"
    );
    assert!(
        st.iter()
            .any(|s| s.1 == "Disconnected" && s.3.contains("have not heard from server"))
    );
    let f = findings(&sim);
    assert!(
        f.iter()
            .any(|(_, t)| t.contains("c2 acquired /locks/a") && t.contains("c1 still believes")),
        "{f:?}"
    );
}

/// The herd: one release wakes every waiter of the exclusive lock, one waiter of the fair lock.
#[test]
fn herd_wakes_all_waiters_fair_lock_wakes_one() {
    let sim = run_checked("herd_vs_fair.zs");
    let woken = |path: &str, from: u64, to: u64| {
        events(&sim, |e| (from..to).contains(&e.at.ms()))
            .filter(|e| matches!(&e.kind, EventKind::Watch { event, .. } if event.contains(path) && event.contains("NodeDeleted")))
            .count()
    };
    let creates = |path: &str, from: u64, to: u64| {
        events(&sim, |e| (from..to).contains(&e.at.ms()))
            .filter(|e| matches!(&e.kind, EventKind::ClientRequest { op, .. } if op == &format!("create {path}")))
            .count()
    };
    assert_eq!(woken("/locks/herd/lock", 3000, 3500), 5);
    assert_eq!(creates("/locks/herd/lock", 3000, 3500), 5);
    assert_eq!(woken("/locks/fair/", 4000, 4500), 1);
    let v = sim.view();
    let holders = |path: &str| {
        v.zk_clients
            .iter()
            .filter(|c| {
                c.recipes
                    .iter()
                    .any(|r| r.path == path && r.role == RecipeRole::Holder)
            })
            .count()
    };
    assert_eq!(holders("/locks/herd"), 1);
    assert_eq!(holders("/locks/fair"), 1);
}

/// The view tells a holder's belief from the ensemble's truth: while c1 is paused past its
/// session timeout it is still a HOLDER in its own view, but its session is gone at the
/// ensemble (what the Locks tab shows), and c2, the real holder, has a live session.
#[test]
fn a_paused_holder_believes_it_holds_the_lock_after_its_session_expired() {
    let s = script("fencing.zs");
    let mut sim = start(&s);
    let at = |sim: &mut Simulation, ms: u64| {
        while sim.kernel().next_time().is_some_and(|t| t.ms() <= ms) {
            sim.step();
        }
        sim.view()
    };
    let v = at(&mut sim, 1_900);
    let c1 = client(&v, "c1");
    assert_eq!(c1.recipes[0].role, RecipeRole::Holder);
    assert!(c1.session_alive, "before the pause the session is alive");
    let v = at(&mut sim, 11_000);
    let (c1, c2) = (client(&v, "c1"), client(&v, "c2"));
    assert_eq!(
        c1.recipes[0].role,
        RecipeRole::Holder,
        "c1, frozen, still believes it"
    );
    assert!(!c1.session_alive, "but the ensemble expired its session");
    assert_eq!(c2.recipes[0].role, RecipeRole::Holder);
    assert!(c2.session_alive);
}

/// Fencing tokens: a paused holder's session expires, another client takes the lock while the
/// first still believes it holds it — reported as findings, with the tokens.
#[test]
fn paused_holder_is_fenced_by_the_token() {
    let sim = run_checked("fencing.zs");
    let f = findings(&sim);
    let taken = f
        .iter()
        .find(|(_, t)| t.starts_with("c2 acquired /locks/a with fencing token"))
        .expect("c2 takes the lock while c1 is paused");
    assert!(taken.0 > 6_000 && taken.0 < 12_000, "{taken:?}");
    assert!(taken.1.contains("c1 still believes it holds it"));
    let resumed = f
        .iter()
        .find(|(_, t)| {
            t.starts_with("c1 resumed after a 10000 ms pause still believing it holds /locks/a")
        })
        .expect("c1 resumes believing it holds the lock");
    assert_eq!(resumed.0, 12_000);
    assert!(resumed.1.contains("c2 holds it now"));
    let v = sim.view();
    let c1 = client(&v, "c1");
    let c2 = client(&v, "c2");
    assert_eq!(c1.keeper_state, "Expired");
    assert_eq!(c1.recipes[0].role, RecipeRole::Lost);
    assert_eq!(c2.recipes[0].role, RecipeRole::Holder);
    assert!(c2.recipes[0].history[0].token > c1.recipes[0].history[0].token);
}
