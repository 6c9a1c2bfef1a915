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
        "lab.open" => "📈 lab",
        "lab.open.title" => "The performance lab: ZooKeeper's throughput figures, computed here",
        "lab.title" => "Performance lab",
        "lab.close" => "Close",
        "lab.tab.fig1" => "1 · Throughput vs reads",
        "lab.tab.fig2" => "2 · Through failures",
        "lab.progress.points" => "computing: point {done} of {total}",
        "lab.progress.ms" => "computing: {done} of {total} simulated ms",
        "lab.done" => "computed",
        "lab.axis.reads" => "Percentage of read requests",
        "lab.axis.ops" => "Operations per second",
        "lab.axis.time" => "Time (seconds)",
        "lab.legend.servers" => "{n} servers",
        "lab.legend.yours" => "yours:",
        "lab.legend.yours2" => "{voters} + {observers} obs.",
        "lab.legend.allvoting" => "{n} all voting",
        "lab.point" => "{servers} servers, {reads} % reads: {ops} requests/s",
        "lab.doc1" => {
            "ZooKeeper's documentation (3.2, 250 clients, leader not serving): at 100 % reads about 140,000 requests/s with 13 servers and 80–90,000 with 3; writes get slower as the ensemble grows, because every server logs each one."
        }
        "lab.doc2" => {
            "ZooKeeper's documentation: 7 servers at 30 % writes; a new leader in under 200 ms, then throughput comes back."
        }
        "lab.knobs" => "Knobs",
        "lab.k.voters" => "Voting servers",
        "lab.k.observers" => "Observers",
        "lab.k.reads" => "Reads: {reads} %",
        "lab.k.fsync" => "Disk (one fsync)",
        "lab.k.leader_serves" => "leaderServes (the leader takes clients)",
        "lab.k.reset" => "Documented set-up",
        "lab.hint" => {
            "Try: add observers — reads rise, writes do not fall. Add voting servers — writes fall. Slow the disk — writes fall, reads do not."
        }
        "lab.fsync.100" => "0.1 ms (SSD)",
        "lab.fsync.2000" => "2 ms (15K RPM, documented)",
        "lab.fsync.8000" => "8 ms (7,200 RPM)",
        "lab.fsync.20000" => "20 ms (slow shared disk)",
        "lab.readout" => {
            "Yours, {voters} voting + {observers} observers at {reads} % reads: {ops} requests/s, latency median {median} ms, p99 {p99} ms"
        }
        "lab.readout.allvoting" => "The same {n} servers, all voting: {ops} requests/s",
        "lab.fig2.needs7" => {
            "Figure 2 needs at least 7 voting servers (the five events crash up to 3 at once)."
        }
        "lab.fig2.setup" => "measuring elections in the ZAB simulation…",
        "lab.elected" => "{ms} ms",
        "lab.ev.0" => "① a follower fails;",
        "lab.ev.1" => "it recovers:",
        "lab.ev.2" => "② another follower fails;",
        "lab.ev.3" => "it recovers:",
        "lab.ev.4" => "③ the leader fails:",
        "lab.ev.5" => "④ two followers fail;",
        "lab.ev.6" => "they recover:",
        "lab.ev.7" => "⑤ another leader fails:",
        "lab.ev.leader" => "new leader serving after {ms} ms",
        "lab.ev.rejoin" => "serving again after {ms} ms",
        "lab.ev.dip" => "(throughput back above half after {ms} ms)",
        "lab.fig2.why" => {
            "Elections are measured in the ZAB simulation: 200 ms of each is FLE's finalizeWait, which ZooKeeper always waits once a quorum agrees."
        }
        other => other,
    }
}
