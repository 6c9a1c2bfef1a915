//! The English texts of one area: the command list (`help`), log entry states, language names, trace lines and manual-delivery items.

/// `(key, template)`, in the order the area's code uses them.
pub(super) const TEXTS: &[(&str, &str)] = &[
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
        "trace.learner_closed",
        "{head} closed learner {learner}: read timed out after {ms} ms",
    ),
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
    ("trace.reason.closed", "connection closed"),
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
];
