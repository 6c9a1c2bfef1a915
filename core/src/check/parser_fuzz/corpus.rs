//! Seeds, dictionaries and grammars of the parser fuzzer's targets. Seeds come from the
//! project's own material — the zkCli fidelity scenario (run against real zkCli 3.8), the api
//! probes, the ensemble scenarios of `tests/scenarios/` — so mutations start from inputs every
//! parser accepts. The grammars build fresh, structure-aware inputs from the same vocabulary
//! (commands, flags, paths, ACLs, ops, zoo.cfg keys) with edge-case values.

use super::Target;
use super::mutate::{INTERESTING_NUMBERS, Rng};

const ZKCLI_SCENARIO: &str = include_str!("../../../../cli/tests/fidelity/zkcli-scenario.zk");
const API_PROBE: &str = include_str!("../../../../cli/tests/fidelity/api-probe.jsonl");
const API_ORDER: &str = include_str!("../../../../cli/tests/fidelity/java-order.jsonl");
/// Lesson files the lesson target starts from.
const LESSONS: &[&str] = &[
    include_str!("../../../../static/lessons/whatif/commit-without-quorum.lesson"),
    include_str!("../../../../static/lessons/whatif/skip-trunc.lesson"),
    include_str!("../../../../static/lessons/whatif/keep-ephemerals.lesson"),
];

const SCENARIOS: &[&str] = &[
    include_str!("../../../../tests/scenarios/boot_one_by_one.zs"),
    include_str!("../../../../tests/scenarios/client_expiry.zs"),
    include_str!("../../../../tests/scenarios/client_failover.zs"),
    include_str!("../../../../tests/scenarios/fencing.zs"),
    include_str!("../../../../tests/scenarios/herd_vs_fair.zs"),
    include_str!("../../../../tests/scenarios/fresh_three.zs"),
    include_str!("../../../../tests/scenarios/hung_leader.zs"),
    include_str!("../../../../tests/scenarios/lagging_diff.zs"),
    include_str!("../../../../tests/scenarios/leader_kill.zs"),
    include_str!("../../../../tests/scenarios/minority_partition.zs"),
    include_str!("../../../../tests/scenarios/observer.zs"),
    include_str!("../../../../tests/scenarios/old_leader_snap.zs"),
    include_str!("../../../../tests/scenarios/old_leader_trunc.zs"),
    include_str!("../../../../tests/scenarios/session_move.zs"),
];

/// The three-server config of the docs (ensemble.md) as JSON-escaped text.
const SMALL_CFG: &str = "tickTime=2000\\ninitLimit=10\\nsyncLimit=5\\nserver.1=zk1:2888:3888\\nserver.2=zk2:2888:3888\\nserver.3=zk3:2888:3888";

/// Ensemble api lines (docs/ensemble.md).
const API_ENSEMBLE: &[&str] = &[
    r#"{"op":"start","server":1}"#,
    r#"{"op":"start","server":2}"#,
    r#"{"op":"start","server":3}"#,
    r#"{"op":"runUntil","leader":true,"max_ms":60000}"#,
    r#"{"op":"run","ms":3000}"#,
    r#"{"op":"status"}"#,
    r#"{"op":"crash","server":3}"#,
    r#"{"op":"restart","server":3}"#,
    r#"{"op":"pause","server":2}"#,
    r#"{"op":"resume","server":2}"#,
    r#"{"op":"partition","groups":[[1,2],[3]]}"#,
    r#"{"op":"heal"}"#,
    r#"{"client":"c1","op":"connect","server":2}"#,
    r#"{"client":"c1","op":"create","path":"/a","data":"x","ephemeral":true}"#,
    r#"{"op":"4lw","word":"srvr","server":1}"#,
];

/// Commands of the web console and the scripts.
const COMMANDS: &[&str] = &[
    "start 1",
    "stop 2",
    "crash 3",
    "restart 3",
    "pause 2",
    "resume 2",
    "partition 1,2|3",
    "partition 1|2|3",
    "block 1 2,3",
    "heal",
    "loss 1000",
    "hold 1 2",
    "release 1 2",
    "dropmsg 4",
    "delaymsg 4 100",
    "connect c1 2",
    "connect c2 1 4000",
    "move c1 3",
    "create c1 /app hello",
    "create c1 -e /lock me",
    "set c1 /app v2",
    "get c1 /app",
    "delete c1 /app",
    "sync c1 /app",
    "close c1",
    "die c1",
    "client c3 connect 1,2,3 timeout 4000",
    "client c3 cut 1,2",
    "client c3 crash",
    "client c3 pause",
    "client c3 heal",
    "recipe c1 lock /locks/a fair",
    "recipe c1 rwlock /rw read",
    "recipe c1 election /e",
    "recipe c1 queue /q put job 1",
    "recipe c1 queue /q take",
    "recipe c1 config /cfg",
    "recipe c1 group /g",
    "release c1 /locks/a",
    r#"request c1 {"GetData":{"path":"/app","watch":true}}"#,
    r#"request c1 {"Create":{"path":"/q","data":[1,2],"acl":[],"mode":"Persistent","ttl":-1}}"#,
];

const ZOO_CFGS: &[&str] = &[
    "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\nclientPort=2181\n\
     server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888:observer\n",
    "tickTime=2\ninitLimit=1\nsyncLimit=1\nserver.1=a:1:2;2181\nzabscope.latencyMs=0\n\
     zabscope.jitterMs=0\nzabscope.lossPpm=1000000\nzabscope.fsyncMs=0\n",
    "# comment\ntickTime = 100\ninitLimit=5\nsyncLimit=2\nminSessionTimeout=200\n\
     maxSessionTimeout=1000\nserver.7=h:1:2:participant\nserver.9=h:3:4\n\
     zabscope.learnerShutdownMs=0\nzabscope.leaderStartMs=7\n",
    "tickTime=2000\ninitLimit=10\nsyncLimit=5\nsnapCount=1000\nsnapshotSizeFactor=0.33\n\
     preAllocSize=16\nzabscope.learnerStartMs=20\nserver.1=a:1:2\nserver.2=b:1:2\n",
];

/// Seed inputs of `target`: windows of lines of the project's files, each one input.
#[must_use]
pub fn seeds(target: Target) -> Vec<Vec<u8>> {
    let windows = |text: &str, size: usize| -> Vec<Vec<u8>> {
        let lines: Vec<&str> = text.lines().collect();
        lines
            .chunks(size)
            .map(|c| c.join("\n").into_bytes())
            .collect()
    };
    match target {
        Target::ZkCli => windows(ZKCLI_SCENARIO, 4),
        Target::Api => {
            let mut v = windows(API_PROBE, 4);
            v.extend(windows(API_ORDER, 4));
            let boot = format!(r#"{{"op":"ensemble","config":"{SMALL_CFG}","seed":3}}"#);
            for w in API_ENSEMBLE.chunks(4) {
                v.push(format!("{boot}\n{}", w.join("\n")).into_bytes());
            }
            v
        }
        Target::Script => SCENARIOS.iter().map(|s| s.as_bytes().to_vec()).collect(),
        Target::Config => {
            let mut v: Vec<Vec<u8>> = ZOO_CFGS.iter().map(|s| s.as_bytes().to_vec()).collect();
            v.extend(SCENARIOS.iter().filter_map(|s| config_block(s)));
            v
        }
        Target::Command => {
            let mut v: Vec<Vec<u8>> = COMMANDS.iter().map(|s| s.as_bytes().to_vec()).collect();
            for s in SCENARIOS {
                v.extend(s.lines().filter_map(|l| {
                    let rest = l.strip_prefix("at ")?;
                    Some(rest.split_once(' ')?.1.as_bytes().to_vec())
                }));
            }
            v
        }
        Target::Lesson => LESSONS.iter().map(|s| s.as_bytes().to_vec()).collect(),
    }
}

/// The zoo.cfg text between `config` and `end` of a script.
fn config_block(script: &str) -> Option<Vec<u8>> {
    let (_, rest) = script.split_once("\nconfig\n")?;
    let (cfg, _) = rest.split_once("\nend\n")?;
    Some(cfg.as_bytes().to_vec())
}

/// Words the mutator inserts for `target`.
#[must_use]
#[rustfmt::skip]
pub fn dictionary(target: Target) -> &'static [&'static str] {
    match target {
        Target::ZkCli => &[
            "create ", "ls ", "get ", "set ", "delete ", "deleteall ", "stat ", "getAcl ",
            "setAcl ", "addauth ", "sync ", "addWatch ", "removewatches ", "getEphemerals ",
            "getAllChildrenNumber ", "whoami", "close", "version", "config ", "connect ", "quit",
            "redo ", "history", "printwatches ", "client ", "clients", "run ", "4lw ", "help",
            "-s ", "-e ", "-c ", "-t ", "-w ", "-v ", "-R ", "-b ", "-m ", "-a ", "-d ", "-r ",
            "-- ", "/", "/a", "/a/b", "//", "/zookeeper", "/zookeeper/quota", "\"", "'",
            "world:anyone:cdrwa", "digest:u:p:rw", "ip:1.2.3.4/33:r", "auth::crdwa", "x509:",
            "super", "PERSISTENT_RECURSIVE", "expire", "disconnect", "ruok", "mntr", "dump",
        ],
        Target::Api => &[
            r#"{"op":"#, r#""client":"c1","#, r#""path":"/a","#, r#""data":"x","#,
            r#""data_len":"#, r#""data_b64":"AA==","#, r#""version":"#, r#""ms":"#,
            r#""server":"#, r#""max_ms":"#, r#""groups":[[1],[2,3]],"#,
            r#""ops":[{"op":"create","path":"/m"}],"#,
            r#""acl":[{"perms":31,"scheme":"world","id":"anyone"}],"#, r#""ttl":"#,
            r#""ephemeral":true,"#, r#""sequential":true,"#, r#""container":true,"#,
            r#""watch":true,"#, r#""timeout_ms":"#, r#""seed":"#, r#""word":"mntr","#,
            r#""mode":"PERSISTENT","#, r#""type":"Data","#, r#""leader":false,"#, "\"connect\"",
            "\"multi\"", "\"ensemble\"", "\"runUntil\"", "\"expire\"", "\"4lw\"", "null", "true",
            "[]", "{}", "\\u0000", "\\ud800", "}", "]", ",",
        ],
        Target::Script => &[
            "seed ", "config\n", "end\n", "at ", "until ", "start ", "crash ", "partition ",
            "connect c1 1", "create c1 /a x", "move c1 2", "request c1 {}", "tickTime=",
            "server.4=zk4:2888:3888\n", "# ", "\n", "|", ",",
        ],
        Target::Config => &[
            "tickTime=", "initLimit=", "syncLimit=", "minSessionTimeout=", "maxSessionTimeout=",
            "server.", "=zk1:2888:3888", ":observer", ":participant", ";2181",
            "zabscope.latencyMs=", "zabscope.jitterMs=", "zabscope.lossPpm=",
            "zabscope.learnerShutdownMs=", "zabscope.leaderStartMs=", "zabscope.learnerStartMs=",
            "zabscope.fsyncMs=", "snapCount=", "snapshotSizeFactor=", "preAllocSize=", "0.33",
            "dataDir=/tmp", "\n", "#", "=", ":", "zabscope.break=", "skipTrunc", "electBySidOnly",
            "ackBeforeLogging", "commitOutOfOrder", ",",
        ],
        Target::Command => &[
            "start ", "stop ", "crash ", "restart ", "pause ", "resume ", "partition ", "block ",
            "heal", "loss ", "hold ", "release ", "dropmsg ", "delaymsg ", "connect ", "move ",
            "create ", "-e ", "set ", "get ", "delete ", "sync ", "close ", "die ", "request ",
            "c1 ", "/a ", "|", ",", r#"{"GetData":{"path":"/a","watch":false}}"#,
            r#"{"SetData":{"path":"/a","data":null,"version":-1}}"#, r#"{"Sync":{"path":"/"}}"#,
            "client ", "recipe ", "timeout ", "cut ", "lock ", "fair", "rwlock ", "election ",
            "queue ", "put ", "take", "group ",
        ],
        Target::Lesson => &[
            "lesson ", "group zab\n", "title en ", "title zh ", "summary en ", "summary zh ",
            "minutes ", "break skipTrunc\n", "expect-violation PrefixConsistency\n",
            "script\n", "end script\n", "step at ", "step end\n", "say en ", "say zh ",
            "say key ", "note en ", "note zh ", "show server ", "show kind ", "show tab ",
            "show vote-row ", "show client ", "show znode /a", "pause\n", "ask leader\n",
            "ask commit c1 /a\n", "ask sync ", "ask watch-events\n", "ask epoch\n",
            "ask value /a\n", "ask zxid\n", "ask holder /locks/a\n", "decide ", "\n", "# ", "中文",
        ],
    }
}

fn num(rng: &mut Rng) -> String {
    if rng.one_in(2) {
        (*rng.pick(INTERESTING_NUMBERS)).to_string()
    } else {
        rng.below(5000).to_string()
    }
}

fn small_id(rng: &mut Rng) -> String {
    if rng.one_in(30) {
        num(rng)
    } else {
        (1 + rng.below(4)).to_string()
    }
}

const PATHS: &[&str] = &[
    "/",
    "/a",
    "/a/b",
    "/a/b/c",
    "/b",
    "/zookeeper",
    "/zookeeper/quota",
    "/zookeeper/config",
    "a",
    "/a/",
    "//a",
    "/a/./b",
    "/a/../b",
    "/\u{0}",
    "/é",
    "/a b",
    "/n-",
    "/x/y/z/w/v/u",
];

fn path(rng: &mut Rng) -> String {
    if rng.one_in(16) {
        // A deep path: depth up to 300 components.
        let depth = 1 + rng.below(300);
        return "/d".repeat(depth);
    }
    (*rng.pick(PATHS)).to_string()
}

/// A fresh structure-aware input for `target`.
#[must_use]
pub fn generate(target: Target, rng: &mut Rng) -> Vec<u8> {
    let lines = 1 + rng.below(6);
    let text = match target {
        Target::ZkCli => (0..lines)
            .map(|_| zkcli_line(rng))
            .collect::<Vec<_>>()
            .join("\n"),
        Target::Api => {
            let mut v: Vec<String> = (0..lines).map(|_| api_line(rng)).collect();
            if rng.one_in(3) {
                // An ensemble first, so the lines after it drive ZAB servers.
                v.insert(0, ensemble_line(rng));
                v.insert(1, r#"{"op":"start","server":1}"#.into());
                v.insert(2, r#"{"op":"start","server":2}"#.into());
            }
            v.join("\n")
        }
        Target::Config => config_text(rng),
        Target::Command => command_line(rng),
        Target::Script => script_text(rng),
        Target::Lesson => lesson_text(rng),
    };
    text.into_bytes()
}

fn zkcli_line(rng: &mut Rng) -> String {
    const CMDS: &[&str] = &[
        "create",
        "ls",
        "get",
        "set",
        "delete",
        "deleteall",
        "stat",
        "getAcl",
        "setAcl",
        "addauth",
        "sync",
        "addWatch",
        "removewatches",
        "getEphemerals",
        "getAllChildrenNumber",
        "whoami",
        "close",
        "version",
        "config",
        "connect",
        "redo",
        "history",
        "printwatches",
        "client",
        "clients",
        "run",
        "4lw",
        "help",
        "listquota",
        "setquota",
        "delquota",
    ];
    const FLAGS: &[&str] = &[
        "-s", "-e", "-c", "-t", "-w", "-v", "-R", "-b", "-m", "-a", "-d", "-r", "-es", "-t5", "--",
        "-",
    ];
    const ACLS: &[&str] = &[
        "world:anyone:cdrwa",
        "digest:u:p:rw",
        "ip:1.2.3.4/33:r",
        "auth::crdwa",
        "x509:CN=a:r",
        "world:anyone:",
        "bad",
        "world:anyone:cdrwa,ip:10.0.0.1:r",
    ];
    let mut w = vec![(*rng.pick(CMDS)).to_string()];
    for _ in 0..rng.below(4) {
        match rng.below(6) {
            0 => w.push((*rng.pick(FLAGS)).to_string()),
            1 | 2 => w.push(path(rng)),
            3 => w.push(num(rng)),
            4 => w.push((*rng.pick(ACLS)).to_string()),
            _ => w.push(format!("\"d {}\"", rng.below(100))),
        }
    }
    w.join(" ")
}

fn json_value(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => "null".into(),
        1 => "true".into(),
        2 => format!("\"{}\"", path(rng)),
        3 => "[[1,2],[3]]".into(),
        4 => "{}".into(),
        5 => "1.5".into(),
        _ => num(rng),
    }
}

fn api_line(rng: &mut Rng) -> String {
    const OPS: &[&str] = &[
        "connect",
        "create",
        "delete",
        "exists",
        "getData",
        "getChildren",
        "setData",
        "getACL",
        "setACL",
        "addAuth",
        "multi",
        "sync",
        "addWatch",
        "removeWatches",
        "close",
        "check",
        "disconnect",
        "expire",
        "getEphemerals",
        "getAllChildrenNumber",
        "whoAmI",
        "run",
        "4lw",
        "ensemble",
        "start",
        "stop",
        "crash",
        "restart",
        "pause",
        "resume",
        "partition",
        "heal",
        "runUntil",
        "status",
    ];
    const KEYS: &[&str] = &[
        "path",
        "data",
        "data_len",
        "data_b64",
        "version",
        "ms",
        "server",
        "max_ms",
        "groups",
        "ops",
        "acl",
        "ttl",
        "ephemeral",
        "sequential",
        "container",
        "watch",
        "timeout_ms",
        "seed",
        "word",
        "mode",
        "type",
        "leader",
        "scheme",
        "auth",
    ];
    let op = *rng.pick(OPS);
    let mut fields = vec![format!("\"op\":\"{op}\"")];
    if rng.below(4) != 0 && !matches!(op, "run" | "4lw" | "ensemble" | "runUntil" | "status") {
        fields.push(format!("\"client\":\"c{}\"", 1 + rng.below(3)));
    }
    if op == "ensemble" {
        return ensemble_line(rng);
    }
    for _ in 0..rng.below(4) {
        let key = *rng.pick(KEYS);
        let value = match key {
            "path" => format!("\"{}\"", path(rng)),
            "data" => format!("\"{}\"", "x".repeat(rng.below(20))),
            "ops" => format!(
                "[{{\"op\":\"create\",\"path\":\"{}\"}},{{\"op\":\"{}\",\"path\":\"/a\"}}]",
                path(rng),
                rng.pick(&["delete", "setData", "check", "getData"])
            ),
            "acl" => "[{\"perms\":31,\"scheme\":\"world\",\"id\":\"anyone\"}]".into(),
            "word" => format!(
                "\"{}\"",
                rng.pick(&[
                    "ruok", "srvr", "stat", "mntr", "dump", "wchc", "conf", "cons", "envi", "xxxx"
                ])
            ),
            "mode" => "\"PERSISTENT_RECURSIVE\"".into(),
            "type" => format!("\"{}\"", rng.pick(&["Any", "Data", "Children", "x"])),
            "scheme" => format!(
                "\"{}\"",
                rng.pick(&["digest", "world", "ip", "x509", "super"])
            ),
            "auth" => "\"u:p\"".into(),
            "server" if !rng.one_in(4) => (1 + rng.below(3)).to_string(),
            "ms" | "max_ms" if !rng.one_in(4) => rng.below(20_000).to_string(),
            _ => json_value(rng),
        };
        fields.push(format!("\"{key}\":{value}"));
    }
    format!("{{{}}}", fields.join(","))
}

/// `{"op":"ensemble",…}` with a small config (tickTime sometimes an edge value).
fn ensemble_line(rng: &mut Rng) -> String {
    let servers = 1 + rng.below(5);
    let list: String = (1..=servers)
        .map(|i| format!("\\nserver.{i}=zk{i}:2888:3888"))
        .collect();
    let tick = if rng.one_in(4) {
        num(rng)
    } else {
        "2000".into()
    };
    let seed = rng.below(100);
    format!(
        r#"{{"op":"ensemble","seed":{seed},"config":"tickTime={tick}\ninitLimit=5\nsyncLimit=2{list}"}}"#
    )
}

fn config_text(rng: &mut Rng) -> String {
    const KEYS: &[&str] = &[
        "minSessionTimeout",
        "maxSessionTimeout",
        "zabscope.latencyMs",
        "zabscope.jitterMs",
        "zabscope.lossPpm",
        "zabscope.learnerShutdownMs",
        "zabscope.leaderStartMs",
        "zabscope.learnerStartMs",
        "zabscope.fsyncMs",
        "snapCount",
        "snapshotSizeFactor",
        "preAllocSize",
        "clientPort",
        "dataDir",
    ];
    let mut lines = Vec::new();
    for (key, usual) in [
        ("tickTime", "2000"),
        ("initLimit", "10"),
        ("syncLimit", "5"),
    ] {
        match rng.below(24) {
            0 => {}
            1 => lines.push(format!("{key}={}", num(rng))),
            2 => lines.push(format!("{key}={}", 1 + rng.below(100))),
            _ => lines.push(format!("{key}={usual}")),
        }
    }
    let servers = if rng.one_in(30) {
        rng.below(60)
    } else {
        1 + rng.below(5)
    };
    for i in 1..=servers {
        let id = if rng.one_in(100) {
            num(rng)
        } else {
            i.to_string()
        };
        let kind = if rng.one_in(3) {
            *rng.pick(&[":observer", ":participant", ";2181", ":observer;2181"])
        } else {
            ""
        };
        lines.push(format!("server.{id}=zk{i}:2888:3888{kind}"));
    }
    for _ in 0..rng.below(4) {
        let v = if rng.one_in(4) {
            num(rng)
        } else {
            rng.below(5000).to_string()
        };
        lines.push(format!("{}={v}", rng.pick(KEYS)));
    }
    lines.join("\n")
}

fn command_line(rng: &mut Rng) -> String {
    let id = |rng: &mut Rng| small_id(rng);
    let client = |rng: &mut Rng| format!("c{}", 1 + rng.below(2));
    match rng.below(21) {
        0 => format!("start {}", id(rng)),
        1 => format!("stop {}", id(rng)),
        2 => format!("crash {}", id(rng)),
        3 => format!("restart {}", id(rng)),
        4 => format!("pause {}", id(rng)),
        5 => format!("resume {}", id(rng)),
        6 => format!("partition {},{}|{}", id(rng), id(rng), id(rng)),
        7 => format!("block {} {},{}", id(rng), id(rng), id(rng)),
        8 => "heal".into(),
        9 => format!("loss {}", rng.below(1_000_001)),
        10 => format!("hold {} {}", id(rng), id(rng)),
        11 => format!("release {} {}", id(rng), id(rng)),
        12 => format!("dropmsg {}", num(rng)),
        13 => format!("delaymsg {} {}", rng.below(50), num(rng)),
        14 => format!("connect {} {} {}", client(rng), id(rng), num(rng)),
        15 => format!("move {} {}", client(rng), id(rng)),
        16 => format!(
            "create {} {}{} v",
            client(rng),
            if rng.one_in(2) { "-e " } else { "" },
            path(rng)
        ),
        17 => format!(
            "{} {} {}",
            rng.pick(&["set", "get", "delete", "sync"]),
            client(rng),
            path(rng)
        ),
        18 => format!("{} {}", rng.pick(&["close", "die"]), client(rng)),
        19 if rng.one_in(2) => format!(
            "client {} {}",
            client(rng),
            match rng.below(4) {
                0 => format!("connect {},{} timeout {}", id(rng), id(rng), num(rng)),
                1 => format!("cut {}", id(rng)),
                _ => (*rng.pick(&["crash", "pause", "resume", "close", "heal"])).to_string(),
            }
        ),
        19 => format!(
            "{} {} {}",
            rng.pick(&["recipe", "release"]),
            client(rng),
            rng.pick(&[
                "lock /l",
                "lock /l fair",
                "rwlock /rw write",
                "election /e",
                "queue /q put x",
                "queue /q take",
                "config /c",
                "group /g",
                "/l",
                "lock /",
            ])
        ),
        _ => format!(
            "request {} {{\"{}\":{{\"path\":\"{}\",\"watch\":true}}}}",
            client(rng),
            rng.pick(&["GetData", "Exists", "GetChildren2", "Sync", "Nope"]),
            path(rng)
        ),
    }
}

fn script_text(rng: &mut Rng) -> String {
    let mut out = format!(
        "seed {}\nconfig\n{}\nend\n",
        rng.below(1000),
        config_text(rng)
    );
    let mut t = 0u64;
    for _ in 0..rng.below(8) {
        t += rng.below(3000) as u64;
        out.push_str(&format!("at {t} {}\n", command_line(rng)));
    }
    if !rng.one_in(4) {
        out.push_str(&format!(
            "until {}\n",
            if rng.one_in(8) {
                num(rng)
            } else {
                (t + 2000).to_string()
            }
        ));
    }
    out
}

/// A lesson: a header, a generated script, a few steps with narration, highlights and asks.
fn lesson_text(rng: &mut Rng) -> String {
    const STEP_LINES: &[&str] = &[
        "say en Look.",
        "say zh 看。",
        "note en n",
        "note zh 注",
        "show server 1",
        "show kind PROPOSAL",
        "show tab election",
        "show znode /a",
        "pause",
        "ask leader\ndecide 4000",
        "ask epoch\ndecide 3000",
        "ask sync 2\ndecide 5000",
        "ask commit c1 /a\ndecide 5000",
        "ask value /a\ndecide 5000",
        "ask watch-events\ndecide 5000",
        "ask zxid\ndecide 5000",
    ];
    let mut out = String::from(
        "lesson fuzz\ngroup zab\ntitle en T\ntitle zh 题\nsummary en S\nsummary zh 概\n",
    );
    if rng.one_in(3) {
        out.push_str("break skipTrunc\nexpect-violation PrefixConsistency\n");
    }
    out.push_str("script\n");
    out.push_str(&script_text(rng));
    out.push_str("end script\n");
    let mut t = 0u64;
    for _ in 0..1 + rng.below(4) {
        t += rng.below(3000) as u64;
        out.push_str(&format!("step at {t}\nsay en a\nsay zh 一\n"));
        for _ in 0..rng.below(4) {
            let line: &&str = rng.pick(STEP_LINES);
            out.push_str(line);
            out.push('\n');
        }
    }
    if rng.one_in(2) {
        out.push_str("step end\nsay en end\nsay zh 完\n");
    }
    out
}
