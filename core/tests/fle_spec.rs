//! Fast Leader Election, one server and one input at a time (the testing pyramid's step 2,
//! docs/architecture.md): the whole outbox is asserted. Each test cites the `FastLeaderElection`
//! rule it checks.

use std::sync::Arc;
use zabscope_core::zab::proto::{Notification, PeerMsg, ServerState, Vote};
use zabscope_core::zab::server::durable::Durable;
use zabscope_core::zab::server::outbox::{Note, Outbox, Output, Phase};
use zabscope_core::zab::server::{Role, Server};
use zabscope_core::{Config, ServerId, SimTime, Zxid};

fn config() -> Arc<Config> {
    let text = "tickTime=2000\ninitLimit=10\nsyncLimit=5\nserver.1=a:1:2\nserver.2=b:1:2\nserver.3=c:1:2\nserver.4=d:1:2:observer\n";
    Arc::new(Config::parse(text).expect("config"))
}

fn boot(id: u32) -> (Server, Outbox) {
    let mut out = Outbox::new();
    let s = Server::boot(
        ServerId(id),
        config(),
        Durable::default(),
        SimTime::ZERO,
        &mut out,
    );
    (s, out)
}

fn note(sid: u32, leader: u32, round: u64, state: ServerState) -> Notification {
    Notification {
        leader: Some(ServerId(leader)),
        zxid: Zxid::ZERO,
        election_epoch: round,
        peer_epoch: 0,
        state,
        sid: ServerId(sid),
    }
}

fn send(to: u32, n: Notification) -> Output {
    Output::Send {
        to: ServerId(to),
        msg: PeerMsg::Notification(n),
    }
}

/// lookForLeader: bump logicalclock, vote for myself, send to every voter (self included,
/// observers excluded).
#[test]
fn looking_votes_for_itself_and_notifies_every_voter() {
    let (s, out) = boot(2);
    let mine = note(2, 2, 1, ServerState::Looking);
    assert_eq!(
        out.items,
        vec![
            Output::Trace(Note::State(ServerState::Looking, Phase::Election)),
            send(1, mine),
            send(2, mine),
            send(3, mine)
        ]
    );
    assert_eq!(s.core.logical_clock, 1);
}

/// WorkerReceiver: a LOOKING sender in a lower round is answered with my vote; lookForLeader
/// then ignores the notification (n.electionEpoch < logicalclock → break).
#[test]
fn lagging_looking_peer_is_answered() {
    let (mut s, _) = boot(2);
    s.core.logical_clock = 5;
    let mut out = Outbox::new();
    s.handle_message(
        SimTime(10),
        ServerId(1),
        PeerMsg::Notification(note(1, 1, 3, ServerState::Looking)),
        &mut out,
    );
    assert_eq!(
        out.items,
        vec![send(1, note(2, 2, 5, ServerState::Looking))]
    );
}

/// A higher round: adopt it, clear received votes, keep the better of (theirs, my initial
/// vote) and re-broadcast.
#[test]
fn higher_round_with_better_vote_is_adopted_and_rebroadcast() {
    let (mut s, _) = boot(2);
    let mut out = Outbox::new();
    s.handle_message(
        SimTime(10),
        ServerId(3),
        PeerMsg::Notification(note(3, 3, 4, ServerState::Looking)),
        &mut out,
    );
    let adopted = note(2, 3, 4, ServerState::Looking);
    assert_eq!(
        out.items,
        vec![send(1, adopted), send(2, adopted), send(3, adopted)]
    );
    assert_eq!(s.core.logical_clock, 4);
    let Role::Looking(e) = &s.role else {
        panic!("still looking")
    };
    assert_eq!(e.proposal.leader, Some(ServerId(3)));
    assert_eq!(e.recvset.len(), 1);
}

/// totalOrderPredicate: a worse vote in the same round changes nothing and sends nothing.
#[test]
fn worse_vote_same_round_is_only_counted() {
    let (mut s, _) = boot(2);
    let mut out = Outbox::new();
    s.handle_message(
        SimTime(10),
        ServerId(1),
        PeerMsg::Notification(note(1, 1, 1, ServerState::Looking)),
        &mut out,
    );
    assert!(out.items.is_empty());
    let Role::Looking(e) = &s.role else {
        panic!("still looking")
    };
    assert_eq!(e.proposal.leader, Some(ServerId(2)));
}

/// Observers never vote: a voter answers an observer's notification with its current vote and
/// does not count it (WorkerReceiver: !validVoter(response.sid)).
#[test]
fn observer_notification_is_answered_not_counted() {
    let (mut s, _) = boot(2);
    let mut out = Outbox::new();
    let n = Notification {
        leader: None,
        zxid: Zxid::ZERO,
        election_epoch: 1,
        peer_epoch: 0,
        state: ServerState::Looking,
        sid: ServerId(4),
    };
    s.handle_message(SimTime(10), ServerId(4), PeerMsg::Notification(n), &mut out);
    assert_eq!(out.items.len(), 1);
    assert!(matches!(&out.items[0], Output::Send { to, .. } if *to == ServerId(4)));
    let Role::Looking(e) = &s.role else {
        panic!("still looking")
    };
    assert!(e.recvset.is_empty());
}

/// Termination: a quorum agreeing, then finalizeWait (200 ms) without a better vote → decide.
#[test]
fn quorum_then_finalize_wait_decides() {
    let (mut s, _) = boot(3);
    let mut out = Outbox::new();
    for from in [3, 2] {
        s.handle_message(
            SimTime(5),
            ServerId(from),
            PeerMsg::Notification(note(from, 3, 1, ServerState::Looking)),
            &mut out,
        );
    }
    assert_eq!(
        s.poll_timeout(),
        Some(SimTime(205)),
        "finalizeWait after the quorum"
    );
    s.handle_timeout(SimTime(205), &mut out);
    assert_eq!(s.state(), ServerState::Leading);
    assert_eq!(
        s.core.current_vote,
        Vote {
            leader: Some(ServerId(3)),
            zxid: Zxid::ZERO,
            election_epoch: 1,
            peer_epoch: 0
        }
    );
}

/// No notification within the poll timeout: resend, and the timeout doubles (200 → 400 …).
#[test]
fn silence_doubles_the_notification_timeout() {
    let (mut s, _) = boot(1);
    let mut out = Outbox::new();
    s.handle_timeout(SimTime(200), &mut out);
    assert_eq!(out.items.len(), 3, "re-sent to every voter");
    assert_eq!(s.poll_timeout(), Some(SimTime(600)));
}
