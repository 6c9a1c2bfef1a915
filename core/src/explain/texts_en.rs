//! The English sentences, by key (the same texts everywhere). A translation
//! is another table with the same keys and `{name}` placeholders; the page and the cli render
//! a [`Text`](crate::explain::Text) through one of them and build no sentence themselves.

use crate::explain::Text;

/// `(key, template)`; `{name}` is replaced by the argument `name`.
pub const TEXTS: &[(&str, &str)] = &[
    // Fast Leader Election (FastLeaderElection.lookForLeader, totalOrderPredicate).
    (
        "vote.adopt.higher_epoch",
        "server {sid} adopts {from}'s vote for {leader}: higher epoch ({epoch_hi} > {epoch_lo}); {agree} of quorum {quorum} agree",
    ),
    (
        "vote.adopt.same_epoch_higher_zxid",
        "server {sid} adopts {from}'s vote for {leader}: same epoch, higher zxid ({zxid_hi} > {zxid_lo}); {agree} of quorum {quorum} agree",
    ),
    (
        "vote.adopt.same_epoch_same_zxid_higher_sid",
        "server {sid} adopts {from}'s vote for {leader}: same epoch, same zxid, higher sid ({sid_hi} > {sid_lo}); {agree} of quorum {quorum} agree",
    ),
    (
        "vote.keep.higher_epoch",
        "server {sid} keeps its vote for {mine}: {from}'s vote for {leader} has a lower epoch ({epoch_lo} < {epoch_hi}); {agree} of quorum {quorum} agree",
    ),
    (
        "vote.keep.same_epoch_higher_zxid",
        "server {sid} keeps its vote for {mine}: {from}'s vote for {leader} has the same epoch and a lower zxid ({zxid_lo} < {zxid_hi}); {agree} of quorum {quorum} agree",
    ),
    (
        "vote.keep.same_epoch_same_zxid_higher_sid",
        "server {sid} keeps its vote for {mine}: {from}'s vote for {leader} has the same epoch and zxid and a lower sid ({sid_lo} < {sid_hi}); {agree} of quorum {quorum} agree",
    ),
    (
        "vote.agree",
        "server {sid} receives {from}'s vote for {leader}, the same as its own; {agree} of quorum {quorum} agree",
    ),
    (
        "vote.own",
        "server {sid} counts its own vote for {leader} (FLE sends every vote to its sender too); {agree} of quorum {quorum} agree",
    ),
    (
        "vote.round.newer",
        "server {sid} sees {from}'s newer round {round}: it starts that round over and votes for {now}",
    ),
    (
        "vote.round.older",
        "server {sid} ignores {from}'s vote from old round {round} (it is in round {myround}) and answers with its own",
    ),
    (
        "vote.established",
        "server {sid} hears that {from} is {state} with leader {leader}",
    ),
    ("elect.lead", "server {sid} won the election: it leads"),
    (
        "elect.lead.reported",
        "server {sid} leads again at once: {from} still reports FOLLOWING it (its connection died with {sid}'s old process, which it has not noticed yet), and a quorum of such reports decides FLE; {sid} steps down within initLimit unless its followers reconnect",
    ),
    (
        "elect.follow",
        "server {sid} ends its election: it follows {leader}",
    ),
    (
        "elect.observe",
        "server {sid} ends its election: it observes {leader}",
    ),
    // Server states (QuorumPeer.ServerState, ZabState).
    (
        "state.looking",
        "server {sid} is LOOKING: it starts an election",
    ),
    ("state.gave_up", "server {sid} gives up its role: {why}"),
    (
        "state.gave_up.closed",
        "server {sid} gives up its role: the connection to the leader closed",
    ),
    (
        "state.gave_up.silent",
        "server {sid} gives up its role: the leader was silent past the read timeout (syncLimit)",
    ),
    (
        "state.gave_up.old_epoch",
        "server {sid} gives up its role: the leader's epoch is less than its accepted epoch",
    ),
    (
        "state.gave_up.no_quorum",
        "leader {sid} steps down: a quorum of learners was not heard from in time",
    ),
    (
        "state.gave_up.not_synced",
        "leader {sid} steps down: not enough followers synced within initLimit",
    ),
    (
        "state.gave_up.commit_gap",
        "server {sid} gives up its role: a COMMIT for a txn that is not next",
    ),
    (
        "state.gave_up.truncate",
        "server {sid} gives up its role: it could not truncate its log",
    ),
    (
        "state.gave_up.rollover",
        "leader {sid} steps down: the zxid counter rolled over, a new epoch must start",
    ),
    (
        "state.leader_sync",
        "leader {sid} has its new epoch acknowledged by a quorum and syncs its followers",
    ),
    ("state.leader_broadcast", "leader {sid} is broadcasting"),
    (
        "state.learner_sync",
        "server {sid} syncs with leader {leader}",
    ),
    (
        "state.learner_broadcast",
        "server {sid} is up to date with leader {leader} and serves clients",
    ),
    // Discovery, synchronization, broadcast (Leader.java, LearnerHandler.syncFollower).
    (
        "step.established",
        "leader {leader} established epoch {epoch}: a quorum acknowledged NEWLEADER",
    ),
    (
        "step.propose",
        "leader {leader} proposes {zxid} and waits for {needed} ACKs",
    ),
    (
        "step.ack",
        "leader {leader} counts {from}'s ACK for {zxid}: {acks} of quorum {needed}",
    ),
    (
        "step.commit",
        "leader {leader} commits {zxid}: {acks} of quorum {needed} ACKed",
    ),
    (
        "sync.why.in_sync",
        "leader {leader} sends {learner} an empty {kind}: its last zxid {peer} is the leader's",
    ),
    (
        "sync.why.peer_ahead",
        "leader {leader} sends {learner} {kind}: its last zxid {peer} is past the leader's last committed {max}",
    ),
    (
        "sync.why.in_committed_log",
        "leader {leader} sends {learner} {kind} with {txns} txns: its last zxid {peer} is within the committed log [{min}, {max}]",
    ),
    (
        "sync.why.diverged",
        "leader {leader} sends {learner} {kind}: it holds txns after {to} the leader never had (TRUNC to {to}), then {txns} txns",
    ),
    (
        "sync.why.epoch_crossing",
        "leader {leader} sends {learner} {kind}: its history ({peer}) left the leader's in an earlier epoch",
    ),
    (
        "sync.why.from_txn_log",
        "leader {leader} sends {learner} {kind} with {txns} txns from the txn log and the committed log: {peer} is older than the committed log ({min}), and the log files after the one holding {peer} ({size} bytes; 0 while that file is still being written) are at most snapshotSizeFactor × the newest snapshot ({limit} bytes)",
    ),
    (
        "sync.why.txn_log_too_big",
        "leader {leader} sends {learner} {kind}: {peer} is older than the committed log ({min}) and the log files written after the one holding it ({size} bytes, each padded to preAllocSize) are more than snapshotSizeFactor × the newest snapshot ({limit} bytes)",
    ),
    (
        "sync.why.txn_log_missing",
        "leader {leader} sends {learner} {kind}: {peer} is older than the committed log ({min}) and the txn log does not reach from it to the committed log",
    ),
    (
        "sync.why.txn_log_disabled",
        "leader {leader} sends {learner} {kind}: {peer} is older than the committed log ({min}) and syncing from the txn log is off (snapshotSizeFactor < 0)",
    ),
    (
        "sync.why.new_epoch_beyond",
        "leader {leader} sends {learner} {kind}: {peer} starts an epoch past the committed log ({max})",
    ),
    // Messages.
    (
        "msg.proposal",
        "server {to} logs PROPOSAL {zxid} from leader {from}",
    ),
    (
        "msg.commit",
        "server {to} commits {zxid} (COMMIT from leader {from})",
    ),
    ("msg.ack", "leader {to} receives {from}'s ACK for {zxid}"),
    ("msg.ping", "server {to} receives a PING from {from}"),
    (
        "msg.learnerinfo",
        "leader {to} hears from learner {from} ({type}, accepted epoch {epoch})",
    ),
    (
        "msg.leaderinfo",
        "server {to} learns the new epoch {epoch} from leader {from} (LEADERINFO)",
    ),
    (
        "msg.ackepoch",
        "leader {to} receives {from}'s ACKEPOCH (last logged {zxid})",
    ),
    (
        "msg.newleader",
        "server {to} takes epoch {epoch} as current (NEWLEADER from {from}) and ACKs",
    ),
    (
        "msg.uptodate",
        "server {to} is up to date (UPTODATE from {from}) and starts serving",
    ),
    (
        "msg.notification",
        "server {to} receives {from}'s vote for {leader} ({state})",
    ),
    (
        "msg.closed",
        "server {to} sees its connection from {from} closed",
    ),
    (
        "msg.closed.retry",
        "server {from} refuses {to}'s connection (it is not leading this epoch yet): {to} tries again in {ms} ms (try {try} of {tries})",
    ),
    (
        "msg.closed.learner",
        "leader {to} sees learner {from}'s connection closed: {from} no longer counts toward its quorum",
    ),
    ("msg.deliver", "server {to} receives {type} from {from}"),
    (
        "msg.dropped",
        "{type} from {from} to {to} is lost: {reason}",
    ),
    (
        "msg.dropped.partitioned",
        "{type} from {from} to {to} is lost: the link is cut",
    ),
    (
        "msg.dropped.broken",
        "{type} from {from} to {to} is lost: its connection is broken until the learner reconnects",
    ),
    (
        "msg.dropped.lost",
        "{type} from {from} to {to} is lost on the network",
    ),
    (
        "msg.dropped.down",
        "{type} from {from} to {to} is lost: server {to} is not running",
    ),
    (
        "msg.dropped.old_connection",
        "{type} from {from} to {to} is not read: it was sent on a connection server {to} no longer has (server {from} restarted and connected again)",
    ),
    (
        "msg.dropped.user",
        "{type} from {from} to {to} is dropped by hand",
    ),
    // Commands, clients, timers.
    ("step.command", "command: {command}"),
    (
        "step.client_request",
        "client session {session} sends {op} to server {server}",
    ),
    (
        "step.client_reply",
        "server {server} answers session {session}: {rc} (zxid {zxid})",
    ),
    (
        "step.client_timeout",
        "client session {session} gives up waiting for request {cxid}",
    ),
    (
        "step.watch",
        "session {session} gets a watch event: {event}",
    ),
    (
        "step.timer.resend",
        "server {sid} heard nothing for a while and sends its vote again",
    ),
    ("step.timer", "server {sid}'s timer fires"),
    (
        "step.timer.flush",
        "server {sid} has written {zxid} to its txn log on disk (the flush is done) and sends its ACK to leader {leader}",
    ),
    (
        "step.timer.flushed",
        "server {sid} has written {zxid} to its txn log on disk (the flush is done)",
    ),
    (
        "step.timer.ping",
        "leader {sid} PINGs its {n} learners, as every half tick ({half} ms): one silent for syncLimit ticks no longer counts toward its quorum",
    ),
    (
        "step.timer.reconnect",
        "server {sid} connects to leader {leader} again ({type}, try {try} of {tries}): the last try was refused",
    ),
    (
        "step.timer.fle_backoff",
        "no quorum agrees ({agree} of quorum {quorum} for {leader}) and server {sid} heard no new vote in {waited} ms: it sends its vote again and waits {next} ms before the next round — each silent wait doubles, up to {max} s (maxNotificationInterval)",
    ),
    (
        "step.command.crash",
        "command: {command} — kill -9: server {sid}'s memory and connections are gone; its disk still holds its log up to {zxid} and current epoch {epoch}",
    ),
    ("marker.commit", "leader {leader} commits {zxid}"),
    // The command line (`help`).
    (
        "help.start",
        "boot a configured server (first start, or after stop)",
    ),
    (
        "help.stop",
        "stop a server cleanly: connections close, the disk stays",
    ),
    (
        "help.crash",
        "kill -9 a server: memory lost, connections reset, the disk stays",
    ),
    (
        "help.restart",
        "start a server again from its disk (killing it first if running)",
    ),
    (
        "help.pause",
        "SIGSTOP a server: it keeps its state and answers nothing",
    ),
    ("help.resume", "SIGCONT a paused server"),
    (
        "help.partition",
        "only servers in the same group talk; unnamed servers form one more group",
    ),
    (
        "help.block",
        "drop traffic from each FROM server to each TO server (one way)",
    ),
    ("help.heal", "undo every partition and block"),
    (
        "help.loss",
        "lose messages on every link, in parts per million",
    ),
    (
        "help.hold",
        "hold every message on the link FROM→TO until released",
    ),
    (
        "help.release",
        "deliver the messages held on FROM→TO and stop holding; with a path: the client gives up what its recipe holds there",
    ),
    (
        "help.client",
        "a ZooKeeper client library process: connect with a connect string, crash, pause, resume, close, lose its paths to servers (cut) or get them back (heal)",
    ),
    (
        "help.recipe",
        "run a recipe on a client library process: lock (fair: sequential), read/write lock, leader election, queue, config watch, group membership, barrier",
    ),
    (
        "help.dropmsg",
        "drop one in-flight message (a quorum connection breaks)",
    ),
    (
        "help.delaymsg",
        "delay one in-flight message (and those behind it on its link)",
    ),
    ("help.connect", "a client opens a session through a server"),
    ("help.move", "a client moves its session to another server"),
    (
        "help.create",
        "zkCli create: -s sequential, -e ephemeral, -c container, -t TTL",
    ),
    ("help.set", "zkCli set: change a znode's data"),
    ("help.get", "zkCli get: read a znode's data"),
    ("help.delete", "zkCli delete: remove a znode"),
    (
        "help.sync",
        "zkCli sync: the client's server catches up with the leader",
    ),
    (
        "help.close",
        "close the client's session (its ephemerals go)",
    ),
    (
        "help.die",
        "the client process dies: its session expires later",
    ),
    ("help.request", "send any client request, written as JSON"),
    ("help.help", "list the commands"),
    // Log entry states.
    ("log.committed", "committed"),
    ("log.logged", "logged, not committed"),
    ("log.truncated", "truncated"),
    // Languages.
    (
        "lang.unknown",
        "unknown language '{code}' (one of en, zh-CN)",
    ),
    (
        "lang.install.english",
        "English is built in: nothing to install",
    ),
    (
        "lang.install.again",
        "the {lang} catalogue is already installed",
    ),
    ("recipe.bad_path", "{error}"),
    // Trace lines and manual-delivery items (explain/trace_text.rs): what the trace says, by key.
    ("trace.command", "{head} command {command}"),
    ("trace.send", "{head} send {mid} {msg}"),
    ("trace.deliver", "{head} deliver {mid} {msg}"),
    ("trace.drop", "{head} drop {mid} {msg} ({reason})"),
    ("trace.timeout", "{head} timeout"),
    ("trace.state", "{head} state {state} {phase}"),
    ("trace.persist", "{head} persist {what}"),
    ("trace.propose", "{head} propose {zxid} (quorum {needed})"),
    ("trace.ack", "{head} ack {zxid} {acks}/{needed}"),
    ("trace.commit", "{head} commit {zxid}"),
    ("trace.apply", "{head} apply {zxid} (syncing)"),
    ("trace.established", "{head} established epoch {epoch}"),
    ("trace.sync", "{head} sync {learner} {kind} {zxid}"),
    ("trace.gave_up", "{head} gave up: {why}"),
    (
        "trace.client_request",
        "{head} client {session} cxid={cxid} {op}",
    ),
    (
        "trace.client_reply",
        "{head} reply {session} cxid={cxid} zxid={zxid} {err}",
    ),
    (
        "trace.client_timeout",
        "{head} client timeout {session} cxid={cxid}",
    ),
    ("trace.watch", "{head} watch {session} {event}"),
    (
        "trace.client_state",
        "{head} client {client} {session} {state} ({detail})",
    ),
    ("trace.recipe", "{head} recipe {client}: {text}"),
    ("trace.finding", "{head} FINDING {text}"),
    ("trace.reason.partitioned", "partitioned"),
    ("trace.reason.broken", "connection broken"),
    ("trace.reason.lost", "lost"),
    ("trace.reason.down", "receiver not running"),
    ("trace.reason.old_connection", "old connection"),
    ("trace.reason.user", "dropped by user"),
    ("trace.gave_up.closed", "connection to the leader closed"),
    (
        "trace.gave_up.silent",
        "leader silent past the read timeout",
    ),
    (
        "trace.gave_up.old_epoch",
        "leader's epoch is less than my accepted epoch",
    ),
    (
        "trace.gave_up.no_quorum",
        "timed out waiting for a quorum of learners",
    ),
    (
        "trace.gave_up.not_synced",
        "not sufficient followers synced",
    ),
    (
        "trace.gave_up.commit_gap",
        "COMMIT for a txn that is not next",
    ),
    ("trace.gave_up.truncate", "not able to truncate the log"),
    ("trace.gave_up.rollover", "zxid counter rolled over"),
    ("trace.persist.accepted_epoch", "acceptedEpoch={epoch}"),
    ("trace.persist.current_epoch", "currentEpoch={epoch}"),
    ("trace.persist.append", "log {zxid}"),
    ("trace.persist.truncate", "truncate log after {zxid}"),
    ("trace.persist.snapshot", "{file}"),
    ("manual.item.message", "{mid} {from} → {to}: {msg}"),
    ("manual.item.timer", "timer of server.{server}"),
    ("manual.item.command", "command {command}"),
    ("manual.item.client_tick", "client {client} library tick"),
    (
        "manual.item.client_timeout",
        "client {client} gives up on cxid {cxid}",
    ),
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
    // The command line's errors (sim/command.rs, sim/usage.rs). `cmd.help` is the command list
    // itself (`usage::help_in`), not a template.
    ("cmd.not_server_id", "'{word}' is not a server id"),
    ("cmd.not_number", "'{word}' is not a number"),
    (
        "cmd.client_usage",
        "expected 'client C connect 1,2,3 [timeout MS]' or 'client C crash|pause|resume|close|heal' or 'client C cut 1,2'",
    ),
    ("cmd.empty_connect", "an empty connect string"),
    ("cmd.missing_argument", "'{line}': missing argument"),
    ("cmd.in_line", "'{line}': {error}"),
    (
        "cmd.partition_empty",
        "'{line}': a partition names at least one server",
    ),
    (
        "cmd.block_empty",
        "'{line}': block needs server ids on both sides",
    ),
    ("cmd.loss_range", "loss is 0..=1000000 ppm"),
    ("cmd.bad_json", "'{line}': bad request JSON: {error}"),
    ("cmd.empty", "empty command: type 'help' for the list"),
    (
        "cmd.unknown",
        "unknown command '{name}': type 'help' for the list",
    ),
    (
        "cmd.case",
        "unknown command '{word}': zkCli commands are case-sensitive, use '{lower}'",
    ),
    (
        "cmd.missing_usage",
        "'{line}': missing argument (usage: {usage})",
    ),
    (
        "cmd.too_many",
        "'{line}': too many arguments (usage: {usage})",
    ),
    (
        "cmd.create_option",
        "'{line}': unknown option {option} (create takes -s -e -c -t TTL)",
    ),
    (
        "cmd.create_path",
        "'{line}': missing path (usage: create CLIENT [-s] [-e] [-c] [-t TTL] PATH [DATA])",
    ),
    // zkCli 3.8's own messages (CreateCommand): the same in every language.
    ("zkcli.ttl_not_long", "-t argument must be a long value"),
    (
        "zkcli.container_flags",
        "-c cannot be combined with -s or -e. Containers cannot be ephemeral or sequential.",
    ),
    (
        "zkcli.ttl_ephemeral",
        "TTLs cannot be used with Ephemeral znodes",
    ),
    (
        "zkcli.ttl_container",
        "TTLs cannot be used with Container znodes",
    ),
    ("zkcli.ttl_positive", "ttl must be positive"),
    // Commands that make no sense in the current state (sim/validate.rs, Simulation::validate).
    (
        "check.crashed",
        "cannot {what} server.{id}: it is crashed (use 'restart {id}')",
    ),
    (
        "check.not_running",
        "cannot {what} server.{id}: it is not running (use 'start {id}')",
    ),
    ("check.empty_group", "a group of servers is empty"),
    ("check.named_twice", "server.{id} is named twice"),
    ("check.not_in_flight", "no message m{id} in flight"),
    (
        "check.already_running",
        "server.{id} is already running (use 'restart {id}' to restart it)",
    ),
    ("check.already_paused", "server.{id} is already paused"),
    ("check.not_paused", "server.{id} is not paused"),
    (
        "check.cuts_nothing",
        "this partition cuts nothing: name at least two groups",
    ),
    (
        "check.self_cut",
        "{error}: a server cannot be cut from itself",
    ),
    (
        "check.same_link",
        "a link joins two different servers, not {from} and {to}",
    ),
    ("check.not_held", "the link {from}→{to} is not held"),
    (
        "check.already_connected",
        "client '{client}' is already connected to server.{server} (session {session}): use 'move {client} N' to move it",
    ),
    (
        "check.already_connecting",
        "client '{client}' is already connecting",
    ),
    ("check.no_server", "no server.{id} in this ensemble"),
    ("check.no_client", "no client '{client}': connect it first"),
    // Caps (zk/limits.rs).
    (
        "limits.span",
        "{what} is {ms} ms; one command runs at most {max} ms (24 h) of simulated time: run again to go further",
    ),
    ("limits.the_delay", "the delay"),
    ("limits.the_run", "the run"),
    (
        "limits.server_id",
        "server id {given} is out of range: ids are 1..={max}",
    ),
    (
        "limits.step_cap",
        "stopped after {steps} steps at {at} of simulated time (the cap per command); run again to continue",
    ),
    // Client-library and recipe errors (client/zookeeper/checks.rs, client/recipes): commands
    // and paths stay as typed.
    (
        "client.no_client",
        "no client '{client}': start it with 'client {client} connect 1,2,3'",
    ),
    ("client.crashed", "client {client} has crashed"),
    ("client.already_paused", "client {client} is already paused"),
    ("client.not_paused", "client {client} is not paused"),
    ("client.paused", "client {client} is paused"),
    (
        "client.not_connected",
        "client {client} is not connected (its session is closed or expired, or it crashed)",
    ),
    (
        "client.recipe_busy",
        "client {client} already runs a recipe on {path}",
    ),
    (
        "client.no_parent",
        "{path} has no parent: create {parent} first",
    ),
    ("client.not_running", "client {client} is not running"),
    (
        "client.no_recipe_on",
        "client {client} runs no recipe on {path}",
    ),
    (
        "client.not_holding",
        "client {client} does not hold {path} (its {kind} is {state})",
    ),
    ("recipe.below_root", "a recipe needs a path below /"),
    ("recipe.barrier_size", "'{n}' is not a barrier size"),
    (
        "recipe.unknown",
        "unknown recipe '{kind}' (lock, rwlock, election, queue, config, group, barrier)",
    ),
    (
        "recipe.usage",
        "expected 'lock PATH [fair]', 'rwlock PATH read|write', 'election PATH', 'queue PATH put ITEM', 'queue PATH take', 'config PATH', 'group PATH' or 'barrier PATH N'",
    ),
    // A message from code that has no keyed error yet: shown as it is.
    ("error.en", "{error}"),
    // zoo.cfg errors (zab/config.rs): the keys stay as ZooKeeper spells them.
    ("config.line", "zoo.cfg line {n}: {why}"),
    ("config.missing", "zoo.cfg: missing {key}"),
    (
        "config.server_count",
        "an ensemble has 1 to 51 servers, not {n}",
    ),
    ("config.no_voters", "zoo.cfg: every server is an observer"),
    ("config.range", "zoo.cfg: {key} {why}"),
    ("config.key_value", "expected key=value, got '{line}'"),
    (
        "config.decimal",
        "{key} must be a decimal number, got '{value}'",
    ),
    (
        "config.not_number",
        "{key} must be a non-negative number, got '{value}'",
    ),
    (
        "config.too_big",
        "{key} must be at most 2147483647, got '{value}'",
    ),
    (
        "config.cost_unknown",
        "unknown cost '{key}' (zabscope.cost.{names})",
    ),
    (
        "config.cost_max",
        "{key} must be at most {max}, got {value}",
    ),
    ("config.cost_min", "{key} must be at least 1"),
    ("config.yes_no", "{key} is yes or no, got '{value}'"),
    ("config.loss", "zabscope.lossPpm is 0..=1000000"),
    ("config.server_id", "'{key}': server id must be 1..255"),
    ("config.server_twice", "server.{id} is defined twice"),
    (
        "config.tick_min",
        "must be at least {min} ms (the leader's half-tick timer is tickTime/2), not {tick}",
    ),
    ("config.not_set", "is not set (0)"),
    (
        "config.server_value",
        "'{value}': expected host:quorumPort:electionPort[:observer]",
    ),
    ("config.port", "'{port}' is not a port number"),
    ("config.peer_type", "unknown peer type '{type}'"),
    ("limits.the_time", "the time"),
    // Scenario scripts (sim/script.rs).
    ("script.line", "script line {n}: {error}"),
    ("script.at", "expected 'at MS COMMAND'"),
    ("script.order", "commands must be in time order"),
    ("script.after_order", "'after' lines must be in step order"),
    ("script.directive", "unknown directive '{word}'"),
    ("script.no_end", "script: 'config' without 'end'"),
    (
        "script.no_config",
        "script: missing 'config' ... 'end' block",
    ),
    (
        "script.after",
        "expected 'after STEP at MS COMMAND' or 'after STEP fire MS #SEQ'",
    ),
    // Guided lessons (lesson/): the parser's errors (what a teacher writing a lesson reads).
    ("lesson.error.line", "lesson line {n}: {error}"),
    ("lesson.error.file", "lesson: {error}"),
    (
        "lesson.error.too_big",
        "the lesson file has {size} bytes; a lesson may have at most {max} bytes (256 KiB)",
    ),
    (
        "lesson.error.directive",
        "unknown directive '{word}' (lesson, group, title, summary, minutes, break, expect-violation, script, step, say, note, show, pause, ask, decide)",
    ),
    ("lesson.error.twice", "'{word}' is given twice"),
    (
        "lesson.error.id",
        "'{word}' is not a lesson id: use a-z, 0-9 and '-' (the file's name)",
    ),
    ("lesson.error.group", "unknown group '{word}' ({names})"),
    (
        "lesson.error.number",
        "'{word}' is not a number (milliseconds or minutes, 0 or more)",
    ),
    (
        "lesson.error.invariant",
        "unknown invariant '{word}' ({names})",
    ),
    (
        "lesson.error.lang",
        "'{word}' needs a language: '{word} en …' or '{word} zh …'",
    ),
    (
        "lesson.error.empty",
        "'{word}' needs a text after its language",
    ),
    (
        "lesson.error.script_end",
        "'script' without its 'end script' line",
    ),
    (
        "lesson.error.step_before_script",
        "a step must come after the 'script' … 'end script' block",
    ),
    (
        "lesson.error.step_time",
        "expected 'step at MS' or 'step end'",
    ),
    (
        "lesson.error.step_order",
        "the step at {at} ms comes before the previous step at {prev} ms: steps go in time order",
    ),
    (
        "lesson.error.step_after_until",
        "the step at {at} ms is after the script's 'until {until}'",
    ),
    ("lesson.error.after_end", "no step may follow 'step end'"),
    (
        "lesson.error.too_many_steps",
        "a lesson may have at most {max} steps",
    ),
    (
        "lesson.error.outside_step",
        "'{word}' belongs to a step: put a 'step' line first",
    ),
    ("lesson.error.step_missing", "the step has no '{what}'"),
    ("lesson.error.say_key", "unknown text key '{key}'"),
    (
        "lesson.error.show",
        "expected 'show server SID', 'show kind NAME', 'show tab ID', 'show vote-row SID', 'show client NAME' or 'show znode PATH'",
    ),
    (
        "lesson.error.server",
        "server {sid} is not in the script's zoo.cfg",
    ),
    (
        "lesson.error.path",
        "'{path}' is not a znode path (it starts with '/')",
    ),
    ("lesson.error.no_args", "'{word}' takes nothing after it"),
    (
        "lesson.error.ask",
        "expected 'ask leader', 'ask commit CLIENT PATH', 'ask sync SID', 'ask watch-events', 'ask epoch', 'ask value PATH', 'ask zxid' or 'ask holder PATH'",
    ),
    (
        "lesson.error.ask_at_end",
        "'step end' cannot ask: the run is over",
    ),
    (
        "lesson.error.no_decide",
        "'ask' needs a 'decide MS' line in the same step",
    ),
    (
        "lesson.error.decide_no_ask",
        "'decide' without an 'ask' before it in this step",
    ),
    (
        "lesson.error.decide_range",
        "'decide {decide}' must be between the step's time ({at} ms) and the script's 'until {until}'",
    ),
    ("lesson.error.missing", "the lesson has no '{what}' line"),
    ("lesson.error.no_step", "the lesson has no step {step}"),
    ("lesson.error.no_ask", "step {step} asks nothing"),
    (
        "lesson.error.no_sync",
        "server {sid} was not synced between the step and 'decide': ask about a server that (re)joins a leader then",
    ),
    (
        "lesson.error.no_leader",
        "no server leads at {time}: nothing to ask about",
    ),
    // Guided lessons: what `zabscope lesson check` reports.
    ("lesson.check.violation", "an invariant fired: {error}"),
    (
        "lesson.check.not_fired",
        "the lesson expects {invariant} to fire first, and it did not",
    ),
    (
        "lesson.check.checkpoint",
        "step {step}: the checkpoint cannot be computed: {error}",
    ),
    (
        "lesson.check.question",
        "step {step}: the checkpoint is wrong: {what}",
    ),
    // Guided lessons: checkpoint questions, choices, verdicts and why (what on screen shows it).
    ("lesson.ask.leader", "Which server will lead at {time}?"),
    (
        "lesson.ask.commit",
        "Will {client}'s write of {path} commit by {time}?",
    ),
    (
        "lesson.ask.sync",
        "Which sync will server {sid} get from the leader by {time}: DIFF, TRUNC or SNAP?",
    ),
    (
        "lesson.ask.watch-events",
        "How many watch events fire between {from} and {time}?",
    ),
    ("lesson.ask.epoch", "What is the leader's epoch at {time}?"),
    (
        "lesson.ask.value",
        "What does a read of {path} return at {time}?",
    ),
    (
        "lesson.ask.zxid",
        "What is the newest committed zxid at {time}?",
    ),
    ("lesson.ask.holder", "Who holds {path} at {time}?"),
    ("lesson.choice.client", "client {client}"),
    ("lesson.choice.nobody", "nobody"),
    (
        "lesson.why.holder",
        "{client} holds {path}: its node {node} is the lowest-numbered one, and every other client waits behind a node before its own (the Locks tab).",
    ),
    (
        "lesson.why.holder.none",
        "Nobody holds {path} at {time}: no client's node is the lowest-numbered one yet (the Locks tab).",
    ),
    (
        "lesson.error.no_recipe",
        "no client runs a recipe at {path}: 'ask holder' needs a lock or an election there",
    ),
    (
        "lesson.error.many_holders",
        "more than one client holds {path} at {time} (read locks): ask about one that only one can hold",
    ),
    ("lesson.choice.server", "server {sid}"),
    ("lesson.choice.no_leader", "no leader"),
    ("lesson.choice.none", "none"),
    ("lesson.choice.yes", "yes"),
    ("lesson.choice.no", "no"),
    ("lesson.choice.word", "{word}"),
    ("lesson.choice.number", "{n}"),
    ("lesson.choice.zxid", "{zxid}"),
    ("lesson.choice.value", "'{value}'"),
    ("lesson.choice.no_node", "no such znode"),
    ("lesson.verdict.right", "Right. {why}"),
    (
        "lesson.verdict.wrong",
        "Not quite: the answer is {answer}. {why}",
    ),
    (
        "lesson.why.leader.vote",
        "Server {leader} leads epoch {epoch}: a quorum of {quorum} servers voted for it. The Election tab's vote table shows the comparison that decided: {vote}.",
    ),
    (
        "lesson.why.leader.plain",
        "Server {leader} leads epoch {epoch} (the ring shows it LEADING, with at least {quorum} servers, a quorum, following it).",
    ),
    (
        "lesson.why.leader.none",
        "No server leads at {time}: fewer than {quorum} servers, a quorum, could agree on one (the ring shows them LOOKING).",
    ),
    (
        "lesson.why.commit.yes",
        "PROPOSAL {zxid} was ACKed by servers {servers}: {acks} ACKs reach the quorum of {needed}, so the leader sent COMMIT (the Broadcast tab: its ACK row).",
    ),
    (
        "lesson.why.commit.broken",
        "PROPOSAL {zxid} was committed with ACKs from servers {servers} only: {acks}, short of the quorum of {needed}. A real ZooKeeper would have waited (the Broadcast tab: its ACK row is short).",
    ),
    (
        "lesson.why.commit.no",
        "PROPOSAL {zxid} was ACKed by servers {servers} only: {acks}, short of the quorum of {needed}, so no COMMIT was sent (the Broadcast tab: its ACK row stays short).",
    ),
    (
        "lesson.why.commit.none",
        "No leader made a PROPOSAL for {path} by {time}: without a leader that has a quorum, a write cannot even start (the Broadcast tab shows no new proposal).",
    ),
    (
        "lesson.why.sync",
        "Leader {leader} chose {kind} for server {sid} (the Logs tab of server {sid}: its last sync): {why}.",
    ),
    (
        "lesson.why.watch-events",
        "Watch events that reached the clients between {from} and {to}: {count} (the Clients tab lists each client's events; the trace has one watch line each).",
    ),
    (
        "lesson.why.epoch.new",
        "The new leader's epoch is {epoch}: at {from} the highest acceptedEpoch was {prev}, and a new leader proposes one more than the highest of its quorum (each server's epoch on the ring and in the Election tab).",
    ),
    (
        "lesson.why.epoch.same",
        "No new leader was established: the leader keeps epoch {epoch} (each server's epoch on the ring and in the Election tab).",
    ),
    (
        "lesson.why.value",
        "The leader, server {leader}, holds {path} = '{value}' (the Data tab); a server that is up to date returns the same.",
    ),
    (
        "lesson.why.value.none",
        "The leader, server {leader}, has no {path} (the Data tab): a read gets NoNode.",
    ),
    (
        "lesson.why.zxid",
        "The newest committed zxid is {zxid}: epoch {epoch} in the high 32 bits, counter {counter} in the low 32 bits, one more for every write of the epoch (the Logs tab).",
    ),
];

/// Render `t` (its key with its arguments) in English. An unknown key renders as the key and its
/// arguments (never a panic); a placeholder with no argument renders as `?`.
#[must_use]
pub fn text(t: &Text) -> String {
    super::lang::render(t, super::Lang::En)
}
