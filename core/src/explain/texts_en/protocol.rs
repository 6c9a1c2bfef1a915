//! The English texts of one area: Fast Leader Election, server states, discovery / sync / broadcast, messages, commands, clients and timers.

/// `(key, template)`, in the order the area's code uses them.
pub(super) const TEXTS: &[(&str, &str)] = &[
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
        "step.learner_closed",
        "leader {leader} closes its connection to {learner}: nothing read from it for {ms} ms (LearnerHandler's read timeout: syncLimit × tickTime once synced, initLimit × tickTime before); what it already sent still waits in {learner}'s socket, then the close",
    ),
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
        "sync.why.after_epoch_mark",
        "leader {leader} sends {learner} {kind}: since it established epoch {epoch} it has applied no txn, so its last processed zxid is {min} (set when it started serving) and its committed log is empty; {peer} is older and the txn log holds nothing after it",
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
        "msg.dropped.closed",
        "{type} from {from} to {to} is not read: server {to} has closed that connection (a peer it gave up on; {from} learns it from the close, after what it already read)",
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
];
