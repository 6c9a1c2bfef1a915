//! The page's own English texts, by key (as the core's `explain::texts_en` keys narrations).
//! `zh.rs` holds the same keys with the same `{name}` arguments (checked by `tests.rs`). One
//! arm per key, grouped by where the text is on the page: a branch that adds keys adds arms.

/// The text of `key`, or the key itself when it has none (a missing text is visible, not a
/// panic).
#[must_use]
pub fn t(key: &str) -> &str {
    match key {
        // Branches, share and keep (store/branches.rs, store/share.rs, share/).
        "notice.dismiss" => "Dismiss",
        "branch.forked" => {
            "Acting at step {step} kept the old future as branch {n} (the branch list is on the timeline)"
        }
        "branch.return" => "Back to that branch",
        "branch.label" => "Branch",
        "branch.first" => "{n}. the first run",
        "branch.item" => "{n}. {name} · at step {step}",
        "share.button" => "Share",
        "share.button.title" => {
            "A link that reproduces this exact state (copied to the clipboard); export, import, ShiViz log"
        }
        "share.copying" => "Copying the link…",
        "share.copied" => "Link copied. It opens this run at this step:",
        "share.copy_by_hand" => "The clipboard is not available: copy the link by hand:",
        "share.link" => "Share link",
        "share.export" => "Export run",
        "share.import" => "Import run…",
        "share.shiviz" => "ShiViz log",
        "share.shiviz.title" => "The trace with vector clocks, for ShiViz",
        "share.opened.link" => "Opened the shared run at step {step}.",
        "share.opened.file" => "Imported the run at step {step}.",
        "share.opened.kept" => "Restored the run from the last visit at step {step}.",
        "share.err.link" => "This link could not be opened; the current run is unchanged. {why}",
        "share.err.file" => "This file could not be imported; the current run is unchanged. {why}",
        "share.err.kept" => "The run kept from the last visit could not be restored. {why}",
        "share.err.garbage" => "It is damaged: not a ZabScope run link.",
        "share.err.truncated" => "It is cut short: copy the whole link.",
        "share.err.too_big" => "It is too large: {size} bytes, at most {max}.",
        "share.err.json" => "It is not a valid run file: {error}",
        "share.err.format" => "It is not a ZabScope run (its format field is not zabscope-run).",
        "share.err.version" => {
            "It was made by another version of ZabScope (format version {v}; this page reads version {max})."
        }
        "share.err.branches" => "It has {n} branches; from 1 to {max} are allowed.",
        "share.err.current" => "It shows branch {i} of only {n}.",
        "share.err.lesson" => "Its lesson id is not valid (letters, digits, - and _, at most 64).",
        "share.err.steps" => {
            "Branch {branch} asks for step {step}; at most {max} steps are replayed."
        }
        "share.err.name" => "The name of branch {branch} is too long.",
        "share.err.script" => "Its script is not valid: {error}",
        "keep.err.quota" => {
            "This browser's storage is full or off: the run is not kept across a reload. Export it to keep it."
        }
        // The page as a whole and its dialogs.
        "app.playback" => "Playback",
        "dialog.close" => "Close",
        "dialog.cancel" => "Cancel",
        // Header.
        "header.epoch" => "epoch {epoch}",
        "header.no_leader" => "no leader",
        "header.leader" => "leader server.{id}",
        "header.quorum" => "quorum {q} of {voters}",
        "header.invariants_hold" => "✓ all invariants hold",
        "header.violated" => "✗ {invariant} violated at step {step}",
        "header.setup" => "⚙ set-up",
        "header.projector" => "projector",
        "header.lang" => "Language",
        "header.help" => "keyboard shortcuts and glossary",
        "lang.loading" => "loading {lang}…",
        "lang.failed" => "{lang} could not be loaded",
        // Transport bar and timeline.
        "transport.label" => "Simulation controls",
        "transport.back" => "◀ Back",
        "transport.back.title" => "Back one step (←)",
        "transport.step" => "Step ›",
        "transport.step.title" => "Deliver the next message or fire the next timer (→)",
        "transport.pause" => "❚❚ Pause",
        "transport.pause.title" => "Pause (Space)",
        "transport.play" => "▶ Play",
        "transport.play.title" => "Play (Space)",
        "transport.run1s" => "+1 s",
        "transport.run1s.title" => "Run one simulated second",
        "transport.speed" => "Speed",
        "transport.hide_pings" => "hide PINGs",
        "transport.manual" => "manual delivery",
        "transport.reset" => "Reset",
        "transport.reset.title" => "Back to step 0 (same seed, same commands)",
        "transport.new_run" => "New run",
        "transport.step_count" => "step {step}",
        "speed.per_hop" => "{s} s/hop",
        "timeline.label" => "timeline: step",
        "timeline.value" => "step {step} of {max}",
        "timeline.marker" => "step {step}: {text}",
        "timeline.legend" => "○ election · ◆ leader · ✕ fault · + restart/heal · ● commit",
        // Narration, trace, manual delivery.
        "narration.start" => "Press Step (→) or Play (Space) to start.",
        "narration.step" => "step {step}: ",
        "trace.title" => "Trace",
        "manual.label" => "Manual delivery",
        "manual.title" => "Manual delivery: choose what happens next",
        "manual.deliver" => "deliver",
        "manual.fire" => "fire",
        "manual.drop" => "drop",
        "manual.delay" => "delay 100 ms",
        "manual.at" => "{ms} ms · ",
        // The ring: servers, messages, clients, a server's menu.
        "ring.label" => "The ensemble",
        "ring.svg.label" => "servers and messages",
        "ring.caption.one" => "{n} message in flight",
        "ring.caption.many" => "{n} messages in flight",
        "ring.caption.held" => ", {n} held or parked",
        "ring.caption.pings_hidden" => " (PINGs hidden)",
        "ring.client.session" => "session {session} on server.{server}; {outstanding} outstanding",
        "ring.client.library" => "{state} session {session} on server.{server}",
        "ring.client.paused" => "PAUSED",
        "ring.client.title" => "client {name} — {about}",
        "node.label" => {
            "server.{id}, {state}, epoch {epoch}, last committed {committed}; press Enter for actions"
        }
        "node.title" => "{label}\nvote zxid {vote}\nlast logged {logged}",
        "zxid.title" => "{zxid} = epoch {epoch} | counter {counter}",
        "msg.where.in_flight" => "in flight",
        "msg.where.held" => "held",
        "msg.where.parked" => "parked",
        "state.paused_in" => "PAUSED ({state})",
        "state.paused" => "PAUSED",
        "state.crashed" => "CRASHED",
        "state.off" => "OFF",
        "state.starting" => "UP",
        "menu.label" => "server.{id} actions",
        "menu.crash" => "crash",
        "menu.restart" => "restart",
        "menu.pause" => "pause",
        "menu.resume" => "resume",
        "menu.stop" => "stop",
        "menu.start" => "start",
        "menu.words" => "four-letter words",
        "menu.close" => "close (Esc)",
        "menu.close.label" => "close the menu",
        // Inspector.
        "inspector.label" => "Inspector",
        "inspector.pinned" => "pinned (the tab stays)",
        "inspector.pinned.title" => "the tab no longer follows the action",
        "tab.election" => "Election",
        "tab.broadcast" => "Broadcast",
        "tab.logs" => "Logs",
        "tab.data" => "Data",
        "tab.clients" => "Clients",
        "tab.locks" => "Locks",
        "tab.4lw" => "4lw",
        "election.help" => {
            "A vote is (peerEpoch, zxid, sid): the higher epoch wins, then the higher zxid, then the higher sid. Highlighted: the field that decides; ▲ a better vote than the server's own; ✓ agrees with it."
        }
        "election.sid.title" => "sid of the proposed leader",
        "election.from" => "from {sid}",
        "election.out_of_election" => " (out of election)",
        "election.agree" => "{agree} of quorum {quorum} agree",
        "election.agree.finalizing" => {
            "{agree} of quorum {quorum} agree — waiting finalizeWait for a better vote"
        }
        "election.follows" => "follows the elected leader server.{id}",
        "election.round" => "round {round}",
        "election.col.server" => "server",
        "election.col.vote" => "its vote",
        "election.col.received" => "votes received",
        "broadcast.help" => {
            "PROPOSAL → ACK → COMMIT: the leader commits a txn once a quorum (itself included) has logged it."
        }
        "broadcast.empty" => {
            "No proposals yet: connect a client and write (e.g. connect c1 1, then create c1 /app hello)."
        }
        "broadcast.commit" => "COMMIT (step {step}, {at})",
        "broadcast.waiting" => "waiting for a quorum of ACKs",
        "broadcast.dots.title" => "ACKs (the leader's own included) against the quorum",
        "broadcast.acks" => "{acks}/{needed} ACKs",
        "broadcast.from" => "from {ackers}",
        "logs.sync" => "{kind} (step {step}): {why}",
        "logs.logged" => " — logged, not committed",
        "logs.truncated" => " — truncated",
        "logs.empty" => "(empty log)",
        "data.help" => {
            "Highlighted rows: servers disagree (a lagging follower, a minority that logged a txn the quorum never committed, …)."
        }
        "data.path" => "path",
        "data.absent" => "absent",
        "clients.empty" => {
            "No clients yet. Type in the command line: connect c1 1, then create c1 /app hello, get c1 /app …"
        }
        "clients.about" => "session {session} on server.{server} · timeout {timeout} ms",
        "clients.refused.behind" => {
            "The server refused the session: it has not seen the newest zxid this client saw, so the client must try another server. The server says:"
        }
        "clients.refused.not_running" => {
            "The server refused the session: it is not serving yet. The server says:"
        }
        "clients.refused.closed" => "Nobody listens on that server's client port:",
        "clients.no_answer" => "no answer (the client gave up)",
        "clients.waiting" => "{op} … waiting",
        "clients.events" => "watch events: {events}",
        "locks.empty" => "No client library processes yet. For example:",
        "locks.empty.then" => {
            "then crash the holder's server, pause the holder past its session timeout, or split the network."
        }
        "locks.client" => "{state} on server.{server} · session {session}",
        "locks.session_gone" => "its session has expired at the ensemble",
        "locks.believes" => {
            "believes it holds it: its session expired, its lock node is gone (fencing tokens stop it)"
        }
        "locks.watches" => "watches {node}",
        "locks.herd" => "{wakeups} wake-ups · {creates} creates",
        "locks.tenure" => "held from {from} (token {token})",
        "locks.tenure.released" => "held from {from} to {to} (token {token})",
        "locks.no_recipe" => "no recipe yet",
        "locks.col.client" => "client",
        "locks.col.recipe" => "recipe",
        "locks.col.role" => "role",
        "locks.col.waits" => "waits on",
        "locks.col.herd" => "herd",
        "role.starting" => "STARTING",
        "role.waiting" => "WAITING",
        "role.holder" => "HOLDER",
        "role.leader" => "LEADER",
        "role.follower" => "FOLLOWER",
        "role.member" => "MEMBER",
        "role.watcher" => "WATCHER",
        "role.producer" => "PRODUCER",
        "role.consumer" => "CONSUMER",
        "role.entered" => "ENTERED",
        "role.leaving" => "LEAVING",
        "role.left" => "LEFT",
        "role.done" => "DONE",
        "role.released" => "RELEASED",
        "role.lost" => "LOST",
        "fourlw.servers" => "server",
        "fourlw.words" => "four-letter word",
        // Command line.
        "console.label" => "Command line",
        "console.command" => "Command",
        "console.placeholder" => {
            "crash 3 · partition 1,2|3,4,5 · connect c1 1 · create c1 /app hello · help"
        }
        // zkCli console chrome (zkCli's own output is printed as zkCli prints it).
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
        "zkcli.page_gone" => "the page is gone",
        "zkcli.no_client" => "no client '{client}': connect it first",
        "zkcli.fourlw" => "4lw {word}: use a server's menu (4lw) on this page",
        // Set-up dialog.
        "setup.title" => "Set up a new run",
        "setup.servers" => "servers (1–15)",
        "setup.observers" => "of which observers",
        "setup.ticktime" => "tickTime (ms)",
        "setup.initlimit" => "initLimit (ticks)",
        "setup.synclimit" => "syncLimit (ticks)",
        "setup.latency" => "latency (ms)",
        "setup.loss" => "loss (ppm)",
        "setup.seed" => "seed",
        "setup.start_all" => {
            "start every server at once (unchecked: start them one by one from each server's menu)"
        }
        "setup.zoocfg" => "or paste a zoo.cfg (replaces the numbers above)",
        "setup.go" => "Start the run",
        "setup.err.zoocfg" => "zoo.cfg: {error}",
        "setup.err.servers" => "servers: {n} is not in 1..=15 (the page draws up to 15)",
        "setup.err.observers" => "observers: at least one server must be a voter",
        "setup.err.ticks" => "tickTime, initLimit and syncLimit must be positive",
        "setup.err.loss" => "loss is 0..=1000000 parts per million",
        // Help dialog and glossary.
        "help.title" => "Keyboard shortcuts",
        "help.key.space" => "play / pause",
        "help.key.right" => "step forward (one delivery, timer or command)",
        "help.key.left" => "back one step",
        "help.key.enter" => "on a focused server: open its menu",
        "help.key.esc" => "close a menu or dialog",
        "help.key.p" => "toggle hide PINGs",
        "help.key.m" => "toggle manual delivery",
        "help.key.help" => "show these shortcuts",
        "help.glossary" => "Glossary",
        "glossary.title" => "Glossary: the words a student meets first",
        "glossary.term" => "as ZooKeeper spells it",
        "lab.open" => "Lab",
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
        "cmd.empty" => "command(text): the command is empty (try 'help')",
        "cmd.run.help" => "run MS — run every step due within MS simulated ms (at most {max})",
        "cmd.run.bad" => {
            "'{text}': run MS needs a whole number of simulated milliseconds from 0 to {max} (10 minutes per command)"
        }
        // The sequence diagram (panels/sequence).
        "tab.sequence" => "Sequence",
        "seq.label" => {
            "Sequence diagram: one lane per server and client, time downwards; ↓ and ↑ pick a message, Enter goes to it"
        }
        "seq.kind.request" => "client request",
        "seq.kind.reply" => "client reply",
        "seq.kind.state" => "state change",
        "seq.label.vote" => "{kind} vote {leader} · {zxid} · epoch {epoch}",
        "seq.label.epoch" => "{kind} {zxid} · epoch {epoch}",
        "seq.arrow.client" => {
            "{from} → {to}: {text} (step {step}). Click or Enter: go to that step"
        }
        "seq.arrow.title" => {
            "m{id} {from} → {to}: {text}; sent at step {sent}, {end}. Click or Enter: go to that step and show it on the ring"
        }
        "seq.arrow.delivered" => "delivered at step {step}",
        "seq.arrow.dropped" => "lost at step {step}",
        "seq.arrow.open" => "still on the wire",
        "seq.pings" => "♥ {n} PINGs (heartbeats)",
        "seq.pings.expand" => "Show each PING",
        "seq.pings.show" => "each PING",
        "seq.kinds" => "Kinds",
        "seq.lanes" => "Lanes",
        "seq.export" => "Export SVG",
        "seq.export.title" => "Save the rows on screen as an SVG file",
        "seq.count" => "{rows} rows · {events} events",
        "seq.empty" => "No messages yet: press Step or Play.",
        "seq.svg.title" => "Sequence diagram, steps {from}–{to}",
        // Guided lessons: the header's button, the menu, the player, the set-up's break menu.
        "header.lessons" => "Lessons",
        "header.lessons.title" => "Guided lessons (L)",
        "help.key.l" => "open the lesson menu",
        "lessons.title" => "Guided lessons",
        "lessons.group.zab" => "ZAB",
        "lessons.group.data" => "Data model",
        "lessons.group.recipes" => "Recipes",
        "lessons.group.ops" => "Operations",
        "lessons.group.whatif" => "What if ZooKeeper did this?",
        "lessons.loading" => "Loading the lessons…",
        "lessons.empty" => "No lessons yet.",
        "lessons.minutes" => "about {n} min at this speed",
        "lessons.done" => "done",
        "lessons.err.fetch" => "Could not fetch {path}: {why}",
        "lessons.err.unknown" => "There is no lesson '{id}' in the lesson index",
        "lesson.err.line" => "Lesson file, line {line}: {error}",
        "lesson.err.question" => "This checkpoint could not be computed: {error}",
        "lesson.label" => "Lesson",
        "lesson.pos" => "step {step} of {of}",
        "lesson.prev" => "◀ Previous",
        "lesson.prev.title" => "Previous step (←)",
        "lesson.next" => "Next ▶",
        "lesson.next.title" => "Next step (→)",
        "lesson.takeover" => "Take over",
        "lesson.takeover.title" => "Free play from here: every control is live, the lesson waits",
        "lesson.back" => "Back to the lesson",
        "lesson.free" => "Free play: the lesson waits at step {step}",
        "lesson.presenter" => "presenter",
        "lesson.close" => "Close the lesson",
        "lesson.notes" => "Teacher's note",
        "lesson.note.next" => "Next step",
        "setup.break" => "Break ZAB (what if ZooKeeper did this?)",
        "setup.break.none" => "none: ZooKeeper as it is",
        "setup.break.hint" => {
            "Pick a deliberate protocol bug, then watch the invariant checker catch the damage."
        }
        "setup.break.caught" => "{why} (caught by {invariant})",
        other => other,
    }
}
