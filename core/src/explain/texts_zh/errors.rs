//! The 简体中文 texts of one area: errors: the command line, zkCli's own messages, commands out of place, caps, the client library and recipes, zoo.cfg, scripts.

/// `(key, template)`, in the order the area's code uses them.
pub(super) const TEXTS: &[(&str, &str)] = &[
    // 命令行的错误（sim/command.rs, sim/usage.rs）。cmd.help 是命令列表本身（usage::help_in）。
    ("cmd.not_server_id", "'{word}' 不是服务器编号"),
    ("cmd.not_number", "'{word}' 不是数字"),
    (
        "cmd.client_usage",
        "应写成 'client C connect 1,2,3 [timeout MS]'、'client C crash|pause|resume|close|heal' 或 'client C cut 1,2'",
    ),
    ("cmd.empty_connect", "连接串是空的"),
    ("cmd.missing_argument", "'{line}'：缺少参数"),
    ("cmd.in_line", "'{line}'：{error}"),
    (
        "cmd.partition_empty",
        "'{line}'：网络分区至少要写一台服务器",
    ),
    ("cmd.block_empty", "'{line}'：block 的两边都要写服务器编号"),
    (
        "cmd.loss_range",
        "丢包率 loss 的范围是 0..=1000000（百万分之几）",
    ),
    ("cmd.bad_json", "'{line}'：请求的 JSON 写错了：{error}"),
    ("cmd.empty", "命令是空的：输入 'help' 查看命令列表"),
    (
        "cmd.unknown",
        "没有 '{name}' 这个命令：输入 'help' 查看命令列表",
    ),
    (
        "cmd.case",
        "没有 '{word}' 这个命令：zkCli 的命令区分大小写，请用 '{lower}'",
    ),
    ("cmd.missing_usage", "'{line}'：缺少参数（用法：{usage}）"),
    ("cmd.too_many", "'{line}'：参数太多（用法：{usage}）"),
    (
        "cmd.create_option",
        "'{line}'：不认识的选项 {option}（create 只接受 -s -e -c -t TTL）",
    ),
    (
        "cmd.create_path",
        "'{line}'：缺少路径（用法：create CLIENT [-s] [-e] [-c] [-t TTL] PATH [DATA]）",
    ),
    // zkCli 3.8 自己的提示（CreateCommand）：保持 zkCli 的原文。
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
    // 在当前状态下没有意义的命令（sim/validate.rs, Simulation::validate）。
    (
        "check.crashed",
        "无法对 server.{id} 执行 {what}：它已经崩溃（请用 'restart {id}'）",
    ),
    (
        "check.not_running",
        "无法对 server.{id} 执行 {what}：它没有在运行（请用 'start {id}'）",
    ),
    ("check.empty_group", "有一组服务器是空的"),
    ("check.named_twice", "server.{id} 被写了两次"),
    ("check.not_in_flight", "没有正在传输的消息 m{id}"),
    (
        "check.already_running",
        "server.{id} 已经在运行（要重启请用 'restart {id}'）",
    ),
    ("check.already_paused", "server.{id} 已经暂停了"),
    ("check.not_paused", "server.{id} 没有暂停"),
    (
        "check.cuts_nothing",
        "这个网络分区什么也没切断：至少要写两组",
    ),
    ("check.self_cut", "{error}：服务器不能和自己断开"),
    (
        "check.same_link",
        "链路连接的是两台不同的服务器，不能是 {from} 和 {to}",
    ),
    ("check.not_held", "链路 {from}→{to} 没有被扣住"),
    (
        "check.already_connected",
        "客户端 '{client}' 已经连接到 server.{server}（会话 {session}）：要转移请用 'move {client} N'",
    ),
    ("check.already_connecting", "客户端 '{client}' 正在连接中"),
    ("check.no_server", "这个集群里没有 server.{id}"),
    (
        "check.no_client",
        "没有客户端 '{client}'：请先连接（connect）",
    ),
    // 上限（zk/limits.rs）。
    (
        "limits.span",
        "{what}是 {ms} 毫秒；一条命令最多运行 {max} 毫秒（24 小时）的模拟时间：要继续请再运行一次",
    ),
    ("limits.the_delay", "延迟"),
    ("limits.the_run", "运行时长"),
    (
        "limits.server_id",
        "服务器编号 {given} 超出范围：编号只能是 1..={max}",
    ),
    (
        "limits.step_cap",
        "在模拟时间 {at} 处运行了 {steps} 步后停止（每条命令的上限）；要继续请再运行一次",
    ),
    // 客户端库与配方的错误（client/zookeeper/checks.rs、client/recipes）：命令和路径保持原样。
    (
        "client.no_client",
        "没有客户端 '{client}'：先用 'client {client} connect 1,2,3' 启动它",
    ),
    ("client.crashed", "客户端 {client} 已经崩溃"),
    ("client.already_paused", "客户端 {client} 已经处于暂停状态"),
    ("client.not_paused", "客户端 {client} 没有被暂停"),
    ("client.paused", "客户端 {client} 处于暂停状态"),
    (
        "client.not_connected",
        "客户端 {client} 未连接（它的会话已关闭或过期，或者它已崩溃）",
    ),
    (
        "client.recipe_busy",
        "客户端 {client} 已经在 {path} 上运行一个配方",
    ),
    ("client.no_parent", "{path} 没有父节点：请先创建 {parent}"),
    ("client.not_running", "客户端 {client} 没有在运行"),
    (
        "client.no_recipe_on",
        "客户端 {client} 没有在 {path} 上运行配方",
    ),
    (
        "client.not_holding",
        "客户端 {client} 没有持有 {path}（它的 {kind} 处于 {state}）",
    ),
    ("recipe.below_root", "配方需要一个 / 之下的路径"),
    ("recipe.barrier_size", "'{n}' 不是有效的屏障大小"),
    (
        "recipe.unknown",
        "未知的配方 '{kind}'（可用：lock、rwlock、election、queue、config、group、barrier）",
    ),
    (
        "recipe.usage",
        "应为 'lock PATH [fair]'、'rwlock PATH read|write'、'election PATH'、'queue PATH put ITEM'、'queue PATH take'、'config PATH'、'group PATH' 或 'barrier PATH N'",
    ),
    // 还没有按键翻译的代码给出的消息：原样显示。
    ("error.en", "{error}"),
    // zoo.cfg 的错误（zab/config.rs）：配置项保持 ZooKeeper 的写法。
    ("config.line", "zoo.cfg 第 {n} 行：{why}"),
    ("config.missing", "zoo.cfg：缺少 {key}"),
    (
        "config.server_count",
        "一个集群有 1 到 51 台服务器，不能是 {n} 台",
    ),
    (
        "config.no_voters",
        "zoo.cfg：所有服务器都是观察者（observer），没有人能投票",
    ),
    ("config.range", "zoo.cfg：{key} {why}"),
    ("config.key_value", "应写成 key=value，实际是 '{line}'"),
    ("config.decimal", "{key} 必须是十进制数，实际是 '{value}'"),
    (
        "config.not_number",
        "{key} 必须是非负整数，实际是 '{value}'",
    ),
    (
        "config.too_big",
        "{key} 最大是 2147483647，实际是 '{value}'",
    ),
    (
        "config.cost_unknown",
        "不认识的开销项 '{key}'（zabscope.cost.{names}）",
    ),
    ("config.cost_max", "{key} 最大是 {max}，这里是 {value}"),
    ("config.cost_min", "{key} 至少是 1"),
    ("config.yes_no", "{key} 只能是 yes 或 no，这里是 '{value}'"),
    ("config.loss", "zabscope.lossPpm 的范围是 0..=1000000"),
    ("config.server_id", "'{key}'：服务器编号必须是 1..255"),
    ("config.server_twice", "server.{id} 定义了两次"),
    (
        "config.tick_min",
        "至少要 {min} 毫秒（领导者的半个 tick 定时器是 tickTime/2），不能是 {tick}",
    ),
    ("config.not_set", "没有设置（为 0）"),
    (
        "config.server_value",
        "'{value}'：应写成 host:quorumPort:electionPort[:observer]",
    ),
    ("config.port", "'{port}' 不是端口号"),
    ("config.peer_type", "不认识的节点类型 '{type}'"),
    ("limits.the_time", "时间"),
    // 场景脚本（sim/script.rs）。
    ("script.line", "脚本第 {n} 行：{error}"),
    ("script.at", "应写成 'at MS COMMAND'"),
    ("script.order", "命令必须按时间顺序排列"),
    ("script.after_order", "'after' 行必须按步骤顺序排列"),
    ("script.directive", "不认识的指令 '{word}'"),
    ("script.no_end", "脚本：'config' 没有对应的 'end'"),
    ("script.no_config", "脚本：缺少 'config' ... 'end' 配置块"),
    (
        "script.after",
        "应写成 'after STEP at MS COMMAND' 或 'after STEP fire MS #SEQ'",
    ),
];
