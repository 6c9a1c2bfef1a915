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
        "leader {leader} sends {learner} {kind} with {txns} txns from the txn log: {peer} is older than the committed log ({min}) but the log since it ({size} bytes) is at most 0.33 × the snapshot ({limit} bytes)",
    ),
    (
        "sync.why.txn_log_too_big",
        "leader {leader} sends {learner} {kind}: {peer} is older than the committed log ({min}) and the txn log since it ({size} bytes) is more than 0.33 × the snapshot ({limit} bytes)",
    ),
    (
        "sync.why.txn_log_missing",
        "leader {leader} sends {learner} {kind}: {peer} is older than the committed log ({min}) and the txn log does not reach back to it",
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
        "msg.dropped.sender_restarted",
        "{type} from {from} to {to} is lost: server {from} restarted and its connection died with the old process",
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
];

/// Render `t` (its key with its arguments). An unknown key renders as the key and its arguments (never a
/// panic); a placeholder with no argument renders as `?`.
#[must_use]
pub fn text(t: &Text) -> String {
    let Some((_, template)) = TEXTS.iter().find(|(k, _)| *k == t.key) else {
        let list: Vec<String> = t.args().map(|(k, v)| format!("{k}={v}")).collect();
        return format!("{} {}", t.key, list.join(" "))
            .trim_end()
            .to_string();
    };
    fill(template, t)
}

fn fill(template: &str, args: &Text) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match args.get(name) {
            Some(v) => out.push_str(&v),
            None => out.push('?'),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}
