//! Why a vote changed: FLE's vote order (`FastLeaderElection.totalOrderPredicate`: higher
//! peerEpoch, then higher zxid, then higher sid; a non-voter never wins) turned into a reason,
//! and the change a delivered notification caused on a LOOKING server.

use crate::explain::Text;
use crate::explain::ser;
use crate::ids::ServerId;
use crate::zab::proto::{Notification, ServerState, Vote};
use serde::Serialize;

/// Which field of `totalOrderPredicate` decides between two votes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Decider {
    /// Higher `peerEpoch`.
    Epoch,
    /// Same epoch, higher zxid.
    Zxid,
    /// Same epoch and zxid, higher sid.
    Sid,
    /// The same (leader, zxid, peerEpoch).
    Equal,
}

impl Decider {
    /// The field that orders `a` against `b` (whichever is higher).
    #[must_use]
    pub fn of(a: &Vote, b: &Vote) -> Decider {
        let sid = |v: &Vote| v.leader.map_or(-1, |l| i64::from(l.0));
        if a.peer_epoch != b.peer_epoch {
            Decider::Epoch
        } else if a.zxid != b.zxid {
            Decider::Zxid
        } else if sid(a) != sid(b) {
            Decider::Sid
        } else {
            Decider::Equal
        }
    }

    /// The key suffix naming the reason (`higher_epoch`, …).
    #[must_use]
    pub fn reason(self) -> &'static str {
        match self {
            Decider::Epoch => "higher_epoch",
            Decider::Zxid => "same_epoch_higher_zxid",
            Decider::Sid => "same_epoch_same_zxid_higher_sid",
            Decider::Equal => "equal",
        }
    }
}

/// The vote state of a LOOKING server around one delivered notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoteState {
    pub round: u64,
    pub proposal: Vote,
}

/// What one notification did to a LOOKING server's vote, with the reason as a [`Text`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VoteChange {
    /// The LOOKING server that received the notification.
    pub server: ServerId,
    /// The notification's sender.
    pub from: ServerId,
    /// The vote the notification carried.
    #[serde(serialize_with = "ser::vote")]
    pub theirs: Vote,
    /// The receiver's proposal before.
    #[serde(serialize_with = "ser::vote")]
    pub before: Vote,
    /// The receiver's proposal after.
    #[serde(serialize_with = "ser::vote")]
    pub after: Vote,
    /// The receiver's logicalclock before.
    pub round_before: u64,
    /// The receiver's logicalclock after (a higher round resets it).
    pub round_after: u64,
    /// Did the proposal change?
    pub changed: bool,
    /// Which comparison of `totalOrderPredicate` decided.
    pub decider: Decider,
    /// The reason in one sentence.
    pub text: Text,
}

fn leader(v: &Vote) -> String {
    v.leader.map_or_else(|| "-".to_string(), |l| l.to_string())
}

/// Explain a notification `n` delivered to LOOKING server `me`, given its vote state before and
/// after (the server's own FLE code made the change; this only names the reason).
#[must_use]
pub fn explain(me: ServerId, n: &Notification, before: VoteState, after: VoteState) -> VoteChange {
    let theirs = n.vote();
    let changed = (
        after.proposal.leader,
        after.proposal.zxid,
        after.proposal.peer_epoch,
    ) != (
        before.proposal.leader,
        before.proposal.zxid,
        before.proposal.peer_epoch,
    );
    let decider = Decider::of(&theirs, &before.proposal);
    let base = |key: &'static str| {
        Text::new(key)
            .arg("sid", me)
            .arg("from", n.sid)
            .arg("leader", leader(&theirs))
            .arg("mine", leader(&before.proposal))
    };
    let text = if n.state != ServerState::Looking {
        base("vote.established")
            .arg("state", n.state)
            .arg("round", n.election_epoch)
    } else if after.round > before.round {
        base("vote.round.newer")
            .arg("round", after.round)
            .arg("now", leader(&after.proposal))
    } else if n.election_epoch < before.round {
        base("vote.round.older")
            .arg("round", n.election_epoch)
            .arg("myround", before.round)
    } else if changed {
        let key = match decider {
            Decider::Epoch => "vote.adopt.higher_epoch",
            Decider::Zxid => "vote.adopt.same_epoch_higher_zxid",
            _ => "vote.adopt.same_epoch_same_zxid_higher_sid",
        };
        with_fields(base(key), &theirs, &before.proposal)
    } else if decider == Decider::Equal && n.sid == me {
        // `sendNotifications` includes the sender itself: its own vote, counted like any.
        base("vote.own")
    } else if decider == Decider::Equal {
        base("vote.agree")
    } else {
        let key = match decider {
            Decider::Epoch => "vote.keep.higher_epoch",
            Decider::Zxid => "vote.keep.same_epoch_higher_zxid",
            _ => "vote.keep.same_epoch_same_zxid_higher_sid",
        };
        with_fields(base(key), &before.proposal, &theirs)
    };
    VoteChange {
        server: me,
        from: n.sid,
        theirs,
        before: before.proposal,
        after: after.proposal,
        round_before: before.round,
        round_after: after.round,
        changed,
        decider,
        text,
    }
}

/// The compared fields: `hi` is the winning vote, `lo` the losing one.
fn with_fields(t: Text, hi: &Vote, lo: &Vote) -> Text {
    t.arg("epoch_hi", hi.peer_epoch)
        .arg("epoch_lo", lo.peer_epoch)
        .arg("zxid_hi", hi.zxid)
        .arg("zxid_lo", lo.zxid)
        .arg("sid_hi", leader(hi))
        .arg("sid_lo", leader(lo))
}
