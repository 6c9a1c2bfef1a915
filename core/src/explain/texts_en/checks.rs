//! The English texts of one area: break-ZAB switches, invariants and what a broken invariant saw.

/// `(key, template)`, in the order the area's code uses them.
pub(super) const TEXTS: &[(&str, &str)] = &[
    // Break-ZAB switches (check/breaks.rs): what each changes, which rule it breaks.
    (
        "break.electBySidOnly",
        "Leader election compares votes by server id only, not by (epoch, last zxid): a server missing committed txns can lead and truncate them away.",
    ),
    (
        "break.commitWithoutQuorum",
        "The leader commits a proposal on its own ACK: a write answered OK can vanish when the leader dies.",
    ),
    (
        "break.ackBeforeLogging",
        "Followers ACK a proposal before their txn log is flushed: a crash loses a txn the leader counted as stored.",
    ),
    (
        "break.skipTrunc",
        "A learner told to TRUNC keeps its log: txns no quorum accepted stay in its history.",
    ),
    (
        "break.newEpochMax",
        "A new leader reuses the highest accepted epoch instead of max + 1: two leaders share an epoch and its zxids.",
    ),
    (
        "break.keepEphemeralsOnExpiry",
        "Closing or expiring a session keeps its ephemeral znodes: locks are never released.",
    ),
    (
        "break.commitOutOfOrder",
        "The leader commits the newest proposal that has a quorum first: replicas apply txns out of zxid order.",
    ),
    (
        "break.serveAfterLeaderLoss",
        "A follower that lost its leader keeps serving reads: clients see state frozen at the moment the leader was lost.",
    ),
    (
        "break.serveBehindClient",
        "A server behind a reconnecting client accepts it: the client reads state older than what it has already seen.",
    ),
    (
        "break.syncLocally",
        "A follower answers sync() by itself instead of asking the leader: a read after sync() can miss writes already acknowledged to other clients.",
    ),
    (
        "break.voteBySidOnly",
        "Leader election compares votes by server id only: a server behind the others is elected, refuses the followers ahead of it, and the ensemble stalls.",
    ),
    (
        "break.newEpochReused",
        "A new leader proposes the highest accepted epoch without adding one: an epoch servers already accepted is handed out again.",
    ),
    (
        "break.serveWithoutLeader",
        "A follower that lost its leader pretends it still hears from it and keeps serving: clients read a frozen state.",
    ),
    (
        "break.unknown",
        "unknown break switch '{key}' (one of {names})",
    ),
    // Invariants (check/invariant/*): the names stay as in the TLA+ specifications.
    (
        "invariant.Leadership1",
        "At most one leader establishes each epoch (a quorum acknowledged its NEWLEADER).",
    ),
    (
        "invariant.Leadership2",
        "At most one server becomes leader in each epoch.",
    ),
    (
        "invariant.Integrity",
        "A server delivers only txns a leader proposed, and one zxid names one txn.",
    ),
    (
        "invariant.Agreement",
        "Two servers that deliver the same zxid deliver the same txn.",
    ),
    (
        "invariant.TotalOrder",
        "Every server delivers txns in increasing zxid order.",
    ),
    (
        "invariant.LocalPrimaryOrder",
        "A leader's txns are delivered in the order it proposed them, none skipped.",
    ),
    (
        "invariant.GlobalPrimaryOrder",
        "A server delivers the txns of an older epoch before those of a newer one.",
    ),
    (
        "invariant.PrimaryIntegrity",
        "A new leader's history holds every txn delivered before its epoch.",
    ),
    (
        "invariant.PrefixConsistency",
        "The histories servers deliver are prefixes of one another.",
    ),
    (
        "invariant.DigestAgreement",
        "Replicas that applied the same zxid hold the same data tree (the same digest).",
    ),
    (
        "invariant.Durability",
        "A txn a server ACKed is still on its disk after a crash or restart, unless a leader told it to truncate it.",
    ),
    (
        "invariant.AckedWritesSurvive",
        "A write answered OK is in the history of every later leader.",
    ),
    (
        "invariant.MonotonicReads",
        "A client never reads state older than what it has already seen.",
    ),
    (
        "invariant.EphemeralCleanup",
        "When a session is closed or expires, its ephemeral znodes are deleted.",
    ),
    (
        "invariant.ServeOnlyInBroadcast",
        "A server answers clients only while it is in the broadcast phase with a leader.",
    ),
    (
        "invariant.LinkFifo",
        "Messages on one link arrive in the order they were sent (as on a TCP connection).",
    ),
    (
        "invariant.ReadYourSync",
        "A read issued after sync() returns a state at least as new as every write acknowledged to any client before the sync() was issued.",
    ),
    (
        "invariant.ElectedLeaderHighest",
        "A server follows only a leader whose vote carried a (currentEpoch, lastZxid) at least as high as its own.",
    ),
    (
        "invariant.NewEpochFresh",
        "The epoch a leader proposes (LEADERINFO) is greater than the acceptedEpoch of itself and of every server in the quorum it decided with; nobody ACKEPOCHs an older epoch.",
    ),
    (
        "invariant.EpochOnce",
        "Only one server, once, establishes each epoch (sends NEWLEADER for it).",
    ),
    (
        "invariant.violated",
        "{invariant} violated at step {step} (seed {seed}): {detail}",
    ),
    // What a broken invariant saw (check/invariant/*; `Violation::why`).
    (
        "violation.acked_writes_survive",
        "write {zxid} was answered OK, but leader {leader} of epoch {epoch} does not hold it",
    ),
    (
        "violation.agreement.delivered",
        "server {sid} delivered a different txn as {zxid}",
    ),
    (
        "violation.agreement.recovered",
        "leader {leader} recovered a different txn as {zxid}",
    ),
    (
        "violation.digest_agreement",
        "server {sid} applied {zxid} and holds digest {digest}, another replica at {zxid} held {other}",
    ),
    (
        "violation.durability",
        "server {sid} ACKed {zxid} but its disk no longer holds it",
    ),
    (
        "violation.ephemeral_cleanup",
        "server {sid} committed closeSession {zxid} ({session}) but still holds its ephemeral {path}",
    ),
    (
        "violation.global_primary_order",
        "server {sid} delivered epoch {epoch} after epoch {last}",
    ),
    (
        "violation.integrity.proposed",
        "two different txns proposed as {zxid}",
    ),
    (
        "violation.integrity.delivered",
        "server {sid} delivered {zxid} that no leader broadcast",
    ),
    (
        "violation.leadership1",
        "epoch {epoch} has established leaders {leaders}",
    ),
    (
        "violation.leadership2",
        "epoch {epoch} has leaders {leaders}",
    ),
    (
        "violation.link_fifo",
        "link {from}→{to} delivered message #{msg} after #{last}, which was sent later",
    ),
    (
        "violation.local_primary_order",
        "server {sid} delivered {zxid} right after {last}",
    ),
    (
        "violation.monotonic_reads",
        "session {session} was answered at {zxid} after it had seen {seen}",
    ),
    (
        "violation.prefix_consistency",
        "server {sid} delivered {zxid} right after {prev}, but {pred} was delivered before it",
    ),
    (
        "violation.primary_integrity",
        "leader {leader} of epoch {epoch} lacks delivered {last}",
    ),
    ("violation.serve_only_in_broadcast.phase", "in {phase}"),
    (
        "violation.read_your_sync",
        "session {session}: read cxid {cxid} after sync cxid {sync_cxid} was answered at {zxid}, older than write {newest} acknowledged before the sync",
    ),
    (
        "violation.elected_leader_highest",
        "server {sid} follows leader {leader} whose vote carried (currentEpoch {their_epoch}, lastZxid {their_zxid}), behind its own (currentEpoch {own_epoch}, lastZxid {own_zxid})",
    ),
    (
        "violation.new_epoch_fresh.own",
        "leader {leader} proposed epoch {epoch} (LEADERINFO) although it had accepted epoch {own} itself",
    ),
    (
        "violation.new_epoch_fresh.quorum",
        "leader {leader} proposed epoch {epoch} although server {sid}, in the quorum it decided with, reported acceptedEpoch {theirs} (FOLLOWERINFO)",
    ),
    (
        "violation.new_epoch_fresh.ackepoch",
        "server {sid} acknowledged epoch {epoch} of leader {leader} (ACKEPOCH) after accepting epoch {had}",
    ),
    (
        "violation.epoch_once",
        "epoch {epoch} was established (NEWLEADER) by {how}",
    ),
    (
        "violation.epoch_once.restart",
        "server {sid} again after a restart",
    ),
    ("violation.epoch_once.two", "servers {first} and {sid}"),
    (
        "violation.serve_only_in_broadcast.unsynced",
        "without having synced with a leader (no UPTODATE received, no NEWLEADER sent) since it started or last sent FOLLOWERINFO",
    ),
    (
        "violation.serve_only_in_broadcast.closed",
        "after its connection to leader {leader} was closed",
    ),
    (
        "violation.serve_only_in_broadcast.silent",
        "{ms} ms after it last heard from leader {leader} (syncLimit is {limit} ms)",
    ),
    (
        "violation.serve_only_in_broadcast",
        "server {sid} answered a client {why}",
    ),
];
