//! The English texts of one area: guided lessons: parser errors, `zabscope lesson check`, checkpoints.

/// `(key, template)`, in the order the area's code uses them.
pub(super) const TEXTS: &[(&str, &str)] = &[
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
