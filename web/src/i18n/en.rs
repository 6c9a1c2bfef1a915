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
        other => other,
    }
}
