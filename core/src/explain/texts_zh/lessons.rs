//! The 简体中文 texts of one area: guided lessons: parser errors, `zabscope lesson check`, checkpoints.

/// `(key, template)`, in the order the area's code uses them.
pub(super) const TEXTS: &[(&str, &str)] = &[
    // 引导课程（lesson/）：解析错误（写课程的老师看到的提示）。
    ("lesson.error.line", "课程第 {n} 行：{error}"),
    ("lesson.error.file", "课程：{error}"),
    (
        "lesson.error.too_big",
        "课程文件有 {size} 字节；一个课程最多 {max} 字节（256 KiB）",
    ),
    (
        "lesson.error.directive",
        "不认识的指令 '{word}'（可用：lesson, group, title, summary, minutes, break, expect-violation, script, step, say, note, show, pause, ask, decide）",
    ),
    ("lesson.error.twice", "'{word}' 写了两次"),
    (
        "lesson.error.id",
        "'{word}' 不是合法的课程编号：只能用 a-z、0-9 和 '-'（与文件名相同）",
    ),
    ("lesson.error.group", "不认识的分组 '{word}'（{names}）"),
    (
        "lesson.error.number",
        "'{word}' 不是数字（毫秒或分钟，不小于 0）",
    ),
    (
        "lesson.error.invariant",
        "不认识的不变式 '{word}'（{names}）",
    ),
    (
        "lesson.error.lang",
        "'{word}' 需要指明语言：'{word} en …' 或 '{word} zh …'",
    ),
    ("lesson.error.empty", "'{word}' 的语言后面需要文字"),
    (
        "lesson.error.script_end",
        "'script' 没有对应的 'end script' 行",
    ),
    (
        "lesson.error.step_before_script",
        "步骤必须写在 'script' … 'end script' 块之后",
    ),
    (
        "lesson.error.step_time",
        "应写成 'step at MS' 或 'step end'",
    ),
    (
        "lesson.error.step_order",
        "{at} 毫秒的步骤排在上一个步骤（{prev} 毫秒）之前：步骤必须按时间顺序排列",
    ),
    (
        "lesson.error.step_after_until",
        "{at} 毫秒的步骤晚于脚本的 'until {until}'",
    ),
    ("lesson.error.after_end", "'step end' 之后不能再有步骤"),
    ("lesson.error.too_many_steps", "一个课程最多 {max} 个步骤"),
    (
        "lesson.error.outside_step",
        "'{word}' 属于某个步骤：请先写一行 'step'",
    ),
    ("lesson.error.step_missing", "这个步骤缺少 '{what}'"),
    ("lesson.error.say_key", "不认识的文本键 '{key}'"),
    (
        "lesson.error.show",
        "应写成 'show server SID'、'show kind NAME'、'show tab ID'、'show vote-row SID'、'show client NAME' 或 'show znode PATH'",
    ),
    ("lesson.error.server", "脚本的 zoo.cfg 里没有服务器 {sid}"),
    (
        "lesson.error.path",
        "'{path}' 不是节点路径（路径以 '/' 开头）",
    ),
    ("lesson.error.no_args", "'{word}' 后面不能再写内容"),
    (
        "lesson.error.ask",
        "应写成 'ask leader'、'ask commit CLIENT PATH'、'ask sync SID'、'ask watch-events'、'ask epoch'、'ask value PATH'、'ask zxid' 或 'ask holder PATH'",
    ),
    (
        "lesson.error.ask_at_end",
        "'step end' 不能提问：运行已经结束",
    ),
    (
        "lesson.error.no_decide",
        "'ask' 需要在同一步骤里写一行 'decide MS'",
    ),
    (
        "lesson.error.decide_no_ask",
        "这个步骤里 'decide' 前面没有 'ask'",
    ),
    (
        "lesson.error.decide_range",
        "'decide {decide}' 必须在步骤时间（{at} 毫秒）和脚本的 'until {until}' 之间",
    ),
    ("lesson.error.missing", "课程缺少 '{what}' 行"),
    ("lesson.error.no_step", "课程没有第 {step} 步"),
    ("lesson.error.no_ask", "第 {step} 步没有提问"),
    (
        "lesson.error.no_sync",
        "在这一步和 'decide' 之间，服务器 {sid} 没有做同步：请问一台在这段时间（重新）加入领导者的服务器",
    ),
    ("lesson.error.no_leader", "{time} 时没有领导者：无从提问"),
    // 引导课程：zabscope lesson check 的报告。
    ("lesson.check.violation", "不变式被违反：{error}"),
    (
        "lesson.check.not_fired",
        "课程预期最先被违反的是 {invariant}，但并非如此",
    ),
    (
        "lesson.check.checkpoint",
        "第 {step} 步：无法计算这个检查点：{error}",
    ),
    ("lesson.check.question", "第 {step} 步：检查点有误：{what}"),
    // 引导课程：检查点的问题、选项、判定和原因（指向屏幕上能看到的地方）。
    (
        "lesson.ask.leader",
        "到 {time} 时，哪台服务器会成为领导者？",
    ),
    (
        "lesson.ask.commit",
        "到 {time} 时，{client} 对 {path} 的写操作会提交吗？",
    ),
    (
        "lesson.ask.sync",
        "到 {time} 时，服务器 {sid} 会从领导者那里得到哪种同步：DIFF、TRUNC 还是 SNAP？",
    ),
    (
        "lesson.ask.watch-events",
        "从 {from} 到 {time}，会触发多少个监听事件？",
    ),
    ("lesson.ask.epoch", "到 {time} 时，领导者的 epoch 是多少？"),
    ("lesson.ask.value", "到 {time} 时，读取 {path} 会得到什么？"),
    (
        "lesson.ask.zxid",
        "到 {time} 时，最新已提交的 zxid 是多少？",
    ),
    ("lesson.ask.holder", "到 {time} 时，谁持有 {path}？"),
    ("lesson.choice.client", "客户端 {client}"),
    ("lesson.choice.nobody", "没有人"),
    (
        "lesson.why.holder",
        "{client} 持有 {path}：它的节点 {node} 序号最小，其他客户端都在监听排在自己前面的节点，依次等待（锁页）。",
    ),
    (
        "lesson.why.holder.none",
        "{time} 时没有人持有 {path}：还没有哪个客户端的节点是序号最小的（锁页）。",
    ),
    (
        "lesson.error.no_recipe",
        "没有客户端在 {path} 上运行锁或选举：'ask holder' 需要它们",
    ),
    (
        "lesson.error.many_holders",
        "{time} 时有多个客户端同时持有 {path}（读锁）：请问只能由一个客户端持有的锁",
    ),
    ("lesson.choice.server", "服务器 {sid}"),
    ("lesson.choice.no_leader", "没有领导者"),
    ("lesson.choice.none", "无"),
    ("lesson.choice.yes", "会"),
    ("lesson.choice.no", "不会"),
    ("lesson.choice.word", "{word}"),
    ("lesson.choice.number", "{n}"),
    ("lesson.choice.zxid", "{zxid}"),
    ("lesson.choice.value", "“{value}”"),
    ("lesson.choice.no_node", "没有这个节点"),
    ("lesson.verdict.right", "答对了。{why}"),
    ("lesson.verdict.wrong", "不太对：答案是 {answer}。{why}"),
    (
        "lesson.why.leader.vote",
        "服务器 {leader} 成为 epoch {epoch} 的领导者：过半的 {quorum} 台服务器投给了它。选举页的投票表里能看到起决定作用的比较：{vote}。",
    ),
    (
        "lesson.why.leader.plain",
        "服务器 {leader} 是 epoch {epoch} 的领导者（环上显示它是 LEADING，至少有过半的 {quorum} 台服务器跟随它）。",
    ),
    (
        "lesson.why.leader.none",
        "{time} 时没有领导者：能互相通信的服务器不到过半所需的 {quorum} 台，无法选出一个（环上它们都是 LOOKING）。",
    ),
    (
        "lesson.why.commit.yes",
        "PROPOSAL {zxid} 收到了服务器 {servers} 的 ACK：共 {acks} 个，达到过半所需的 {needed} 个，所以领导者发出了 COMMIT（广播页：看它那一行的 ACK）。",
    ),
    (
        "lesson.why.commit.broken",
        "PROPOSAL {zxid} 只收到服务器 {servers} 的 ACK，共 {acks} 个，不到过半所需的 {needed} 个，却被提交了：真正的 ZooKeeper 会一直等下去（广播页：它那一行的 ACK 不够）。",
    ),
    (
        "lesson.why.commit.no",
        "PROPOSAL {zxid} 只收到服务器 {servers} 的 ACK，共 {acks} 个，不到过半所需的 {needed} 个，所以没有 COMMIT（广播页：它那一行的 ACK 一直不够）。",
    ),
    (
        "lesson.why.commit.none",
        "到 {time} 为止，没有领导者为 {path} 发出 PROPOSAL：没有得到过半支持的领导者，写操作根本无法开始（广播页上没有新的提案）。",
    ),
    (
        "lesson.why.sync",
        "领导者 {leader} 为服务器 {sid} 选择了 {kind}（服务器 {sid} 的日志页：最近一次同步）：{why}。",
    ),
    (
        "lesson.why.watch-events",
        "从 {from} 到 {to}，送到客户端的监听事件共有 {count} 个（客户端页列出每个客户端收到的事件；轨迹里每个事件一行）。",
    ),
    (
        "lesson.why.epoch.new",
        "新领导者的 epoch 是 {epoch}：{from} 时最大的 acceptedEpoch 是 {prev}，新领导者会提出比过半成员中最大值大一的 epoch（环上和选举页里每台服务器的 epoch）。",
    ),
    (
        "lesson.why.epoch.same",
        "没有产生新的领导者：领导者仍然是 epoch {epoch}（环上和选举页里每台服务器的 epoch）。",
    ),
    (
        "lesson.why.value",
        "领导者（服务器 {leader}）上 {path} 的数据是“{value}”（数据页）；已经同步到最新的服务器返回同样的值。",
    ),
    (
        "lesson.why.value.none",
        "领导者（服务器 {leader}）上没有 {path}（数据页）：读取会得到“节点不存在”。",
    ),
    (
        "lesson.why.zxid",
        "最新已提交的 zxid 是 {zxid}：高 32 位是 epoch {epoch}，低 32 位是计数器 {counter}，这个 epoch 里每写一次加一（日志页）。",
    ),
];
