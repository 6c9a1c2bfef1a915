//! The page's own English texts, by key (as the core's `explain::texts_en` keys narrations):
//! a second language is a catalogue like this one beside it. `{name}` is an argument.

/// The text of `key`, or the key itself when it has none (a missing text is visible, not a
/// panic).
#[must_use]
pub fn t(key: &str) -> &str {
    match key {
        "zkcli.title" => "zkCli — {client}",
        "zkcli.session" => "session {session} on server.{server}",
        "zkcli.gone" => "not connected in this step of the run",
        "zkcli.close" => "Close console",
        "zkcli.open" => "zkCli",
        "zkcli.open.title" => "Open the zkCli console of {client}",
        "zkcli.input" => "zkCli command for {client}",
        "zkcli.placeholder" => {
            "ls / · create -e -s /x data · get -w /x · set /x v · stat /x · sync / · help"
        }
        "zkcli.stale" => {
            "stale read: answered at zxid {read} while {latest} is committed (a sync first would have waited for it)"
        }
        "zkcli.future" => "(later lines hidden: this step is before them)",
        "locks.session_gone" => "its session has expired at the ensemble",
        "locks.believes" => {
            "believes it holds it: its session expired, its lock node is gone (fencing tokens stop it)"
        }
        "ring.phase.election" => "election",
        "ring.phase.discovery" => "discovery",
        "ring.phase.sync" => "sync",
        "ring.phase.broadcast" => "broadcast",
        "ring.acks" => "ACK {acks} of {quorum}",
        "ring.round" => "round {round}",
        "ring.disk" => "log to {zxid}",
        "ring.vote" => "vote {leader}",
        "ring.held" => "held {what}",
        "ring.parked" => "parked {what}",
        "ring.fanout" => "{what} → {n} servers",
        "ring.left_out" => " · {n} labels left out (hover for details)",
        "ring.show" => "show:",
        "ring.show.votes" => "votes",
        "ring.show.sync" => "sync",
        "ring.show.broadcast" => "broadcast",
        "ring.show.other" => "other",
        "ring.focus" => "focus ",
        "ring.focus.all" => "all servers",
        "ring.focus.server" => "server {sid}",
        "play.linger" => "slow down at the interesting moments",
        "play.linger.title" => {
            "Play lingers at an election decided, a quorum's ACK, a COMMIT, a DIFF/TRUNC/SNAP"
        }
        "undo.discarded" => {
            "Acting at step {step} discarded the recorded future (the run had reached step {max}): {lost}"
        }
        "undo.nothing" => "no recorded commands, only the steps after it",
        "undo.undo" => "Undo",
        "undo.dismiss" => "Dismiss",
        "cmd.empty" => "command(text): the command is empty (try 'help')",
        "cmd.run.help" => "run MS — run every step due within MS simulated ms (at most {max})",
        "cmd.run.bad" => {
            "'{text}': run MS needs a whole number of simulated milliseconds from 0 to {max} (10 minutes per command)"
        }
        other => other,
    }
}
