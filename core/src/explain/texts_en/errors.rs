//! The English texts of one area: errors: the command line, zkCli's own messages, commands out of place, caps, the client library and recipes, zoo.cfg, scripts.

/// `(key, template)`, in the order the area's code uses them.
pub(super) const TEXTS: &[(&str, &str)] = &[
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
];
