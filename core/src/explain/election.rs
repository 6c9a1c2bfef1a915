//! The election table of one LOOKING server: its proposal, every vote it has
//! received (`recvset` for this round, `outofelection` from FOLLOWING/LEADING peers) compared
//! with its proposal by `totalOrderPredicate`, and "n of quorum q agree".

use crate::explain::ser;
use crate::explain::vote::Decider;
use crate::ids::ServerId;
use crate::zab::proto::{ServerState, Vote};
use crate::zab::server::Core;
use crate::zab::server::election::{Election, Received};
use serde::Serialize;
use std::cmp::Ordering;

/// Which of FLE's two vote sets a row comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RowSource {
    /// `recvset`: votes of this round.
    Recvset,
    /// `outofelection`: votes of servers that already follow or lead.
    OutOfElection,
}

/// One received vote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VoteRow {
    /// The sender's sid.
    pub sid: ServerId,
    /// The sender's state.
    pub state: ServerState,
    /// The sender's election round (`electionEpoch`).
    pub round: u64,
    /// The vote it sent.
    #[serde(serialize_with = "ser::vote")]
    pub vote: Vote,
    /// Whether it came from `recvset` or `outofelection`.
    pub source: RowSource,
    /// Does it count for my proposal (`Vote.equals` as `getVoteTracker` uses it)?
    pub agrees: bool,
    /// How this vote orders against my proposal: `Greater` = it is better.
    #[serde(serialize_with = "ordering")]
    pub order: Ordering,
    /// The field that decides that order (the one to highlight).
    pub decider: Decider,
}

fn ordering<S: serde::Serializer>(o: &Ordering, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(match o {
        Ordering::Less => "worse",
        Ordering::Equal => "same",
        Ordering::Greater => "better",
    })
}

/// A LOOKING server's election, ready to draw.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ElectionView {
    /// `logicalclock`.
    pub round: u64,
    /// My current proposal.
    #[serde(serialize_with = "ser::vote")]
    pub proposal: Vote,
    /// The votes received, one row per sender.
    pub rows: Vec<VoteRow>,
    /// Votes in `recvset` that equal my proposal (myself included once I counted my own).
    pub agree: u32,
    /// Votes a quorum needs (more than half of the voters).
    pub quorum: u32,
    /// A quorum agrees: waiting `finalizeWait` for a better vote before deciding.
    pub finalizing: bool,
}

impl ElectionView {
    /// The table of a LOOKING server's election.
    #[must_use]
    pub(crate) fn of(core: &Core, e: &Election) -> ElectionView {
        let mine = Received {
            vote: e.proposal,
            state: ServerState::Looking,
        };
        let voters = core.config.voters().count() as u32;
        let voter = |id: ServerId| core.config.is_voter(id);
        let row = |sid: &ServerId, r: &Received, source| VoteRow {
            sid: *sid,
            state: r.state,
            round: r.vote.election_epoch,
            vote: r.vote,
            source,
            agrees: r.agrees(&mine),
            order: if r.vote.beats(&e.proposal, voter) {
                Ordering::Greater
            } else if e.proposal.beats(&r.vote, voter) {
                Ordering::Less
            } else {
                Ordering::Equal
            },
            decider: Decider::of(&r.vote, &e.proposal),
        };
        let mut rows: Vec<VoteRow> = e
            .recvset
            .iter()
            .map(|(sid, r)| row(sid, r, RowSource::Recvset))
            .collect();
        rows.extend(
            e.outofelection
                .iter()
                .map(|(sid, r)| row(sid, r, RowSource::OutOfElection)),
        );
        let agree = rows
            .iter()
            .filter(|r| r.source == RowSource::Recvset && r.agrees && voter(r.sid))
            .count() as u32;
        ElectionView {
            round: core.logical_clock,
            proposal: e.proposal,
            rows,
            agree,
            quorum: voters / 2 + 1,
            finalizing: e.finalizing,
        }
    }
}
