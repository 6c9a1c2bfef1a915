//! The 简体中文 texts of one area: the command list (`help`), log entry states, language names, trace lines and manual-delivery items.

/// `(key, template)`, in the order the area's code uses them.
pub(super) const TEXTS: &[(&str, &str)] = &[
    // 命令行（help）。
    (
        "help.start",
        "启动一台已配置的服务器（第一次启动，或 stop 之后）",
    ),
    ("help.stop", "正常停止一台服务器：连接关闭，磁盘数据保留"),
    (
        "help.crash",
        "强制杀死一台服务器（kill -9）：内存丢失，连接被重置，磁盘数据保留",
    ),
    (
        "help.restart",
        "从磁盘数据重新启动一台服务器（如果还在运行，先杀死它）",
    ),
    (
        "help.pause",
        "暂停一台服务器（SIGSTOP）：状态保留，但不回应任何消息",
    ),
    ("help.resume", "恢复一台已暂停的服务器（SIGCONT）"),
    (
        "help.partition",
        "网络分区：只有同一组的服务器能通信；没写到的服务器自成一组",
    ),
    (
        "help.block",
        "单向阻断：丢弃从每个 FROM 服务器发往每个 TO 服务器的消息",
    ),
    ("help.heal", "撤销所有网络分区和阻断"),
    ("help.loss", "让每条链路按百万分之几（PPM）的比例丢消息"),
    ("help.hold", "扣住链路 FROM→TO 上的所有消息，直到 release"),
    (
        "help.release",
        "投递链路 FROM→TO 上扣住的消息并停止扣留；带路径时：客户端放弃它的配方在该路径上持有的东西",
    ),
    (
        "help.client",
        "一个 ZooKeeper 客户端进程：用连接串连接，崩溃、暂停、恢复、关闭，断开到某些服务器的网络（cut）或恢复（heal）",
    ),
    (
        "help.recipe",
        "在客户端进程上运行一个经典配方：锁（fair：顺序节点公平锁）、读写锁、领导者选举、队列、配置监听、组成员、屏障",
    ),
    (
        "help.dropmsg",
        "丢弃一条正在传输的消息（会断开一个过半连接）",
    ),
    (
        "help.delaymsg",
        "延迟一条正在传输的消息（以及同一链路上排在它后面的消息）",
    ),
    ("help.connect", "客户端通过一台服务器建立会话"),
    ("help.move", "客户端把会话转移到另一台服务器"),
    (
        "help.create",
        "zkCli create：-s 顺序节点，-e 临时节点，-c 容器节点，-t TTL",
    ),
    ("help.set", "zkCli set：修改节点的数据"),
    ("help.get", "zkCli get：读取节点的数据"),
    ("help.delete", "zkCli delete：删除节点"),
    ("help.sync", "zkCli sync：让客户端所连的服务器追上领导者"),
    ("help.close", "关闭客户端的会话（它的临时节点随之删除）"),
    ("help.die", "客户端进程死亡：它的会话稍后过期"),
    ("help.request", "发送任意客户端请求，用 JSON 书写"),
    ("help.help", "列出所有命令"),
    // 日志条目的状态。
    ("log.committed", "已提交"),
    ("log.logged", "已写入日志，未提交"),
    ("log.truncated", "已截断"),
    // 语言。
    ("lang.unknown", "不认识的语言 '{code}'（可选 en、zh-CN）"),
    ("lang.install.english", "英文是内置的，无需安装"),
    ("lang.install.again", "{lang} 文本表已经安装过了"),
    ("recipe.bad_path", "路径不合法（ZooKeeper 的原话：{error}）"),
    // 轨迹行和手动投递列表项（explain/trace_text.rs）。
    ("trace.command", "{head} 命令 {command}"),
    ("trace.send", "{head} 发送 {mid} {msg}"),
    ("trace.deliver", "{head} 投递 {mid} {msg}"),
    ("trace.drop", "{head} 丢弃 {mid} {msg}（{reason}）"),
    ("trace.timeout", "{head} 定时器到期"),
    ("trace.state", "{head} 状态 {state} {phase}"),
    ("trace.persist", "{head} 写入磁盘 {what}"),
    (
        "trace.propose",
        "{head} 发起提案 {zxid}（过半需要 {needed}）",
    ),
    ("trace.ack", "{head} 收到 ACK {zxid}：{acks}/{needed}"),
    ("trace.commit", "{head} COMMIT {zxid}"),
    ("trace.apply", "{head} 应用 {zxid}（同步中）"),
    ("trace.established", "{head} 确立 epoch {epoch}"),
    ("trace.sync", "{head} 同步 {learner}：{kind} {zxid}"),
    ("trace.gave_up", "{head} 放弃角色：{why}"),
    (
        "trace.learner_closed",
        "{head} 关闭学习者 {learner} 的连接：读超时（{ms} 毫秒）",
    ),
    (
        "trace.client_request",
        "{head} 客户端请求 {session} cxid={cxid} {op}",
    ),
    (
        "trace.client_reply",
        "{head} 回复 {session} cxid={cxid} zxid={zxid} {err}",
    ),
    (
        "trace.client_timeout",
        "{head} 客户端请求超时 {session} cxid={cxid}",
    ),
    ("trace.watch", "{head} 监听事件 {session} {event}"),
    (
        "trace.client_state",
        "{head} 客户端 {client} {session} {state}（{detail}）",
    ),
    ("trace.recipe", "{head} 配方 {client}：{text}"),
    ("trace.finding", "{head} 发现问题 {text}"),
    ("trace.reason.partitioned", "网络分区"),
    ("trace.reason.broken", "连接已断开"),
    ("trace.reason.lost", "丢失"),
    ("trace.reason.down", "接收方没有运行"),
    ("trace.reason.old_connection", "旧连接"),
    ("trace.reason.closed", "连接已关闭"),
    ("trace.reason.user", "被用户丢弃"),
    ("trace.gave_up.closed", "与领导者的连接已关闭"),
    ("trace.gave_up.silent", "领导者超过读超时没有消息"),
    (
        "trace.gave_up.old_epoch",
        "领导者的 epoch 小于自己接受的 epoch",
    ),
    ("trace.gave_up.no_quorum", "等待过半学习者超时"),
    ("trace.gave_up.not_synced", "完成同步的跟随者不足过半"),
    ("trace.gave_up.commit_gap", "收到的 COMMIT 不是下一个事务"),
    ("trace.gave_up.truncate", "无法截断日志"),
    ("trace.gave_up.rollover", "zxid 计数器溢出"),
    ("trace.persist.accepted_epoch", "接受的 epoch = {epoch}"),
    ("trace.persist.current_epoch", "当前 epoch = {epoch}"),
    ("trace.persist.append", "日志追加 {zxid}"),
    ("trace.persist.truncate", "日志截断到 {zxid} 之后"),
    ("trace.persist.snapshot", "快照 {file}"),
    ("manual.item.message", "消息 {mid} {from} → {to}：{msg}"),
    ("manual.item.timer", "server.{server} 的定时器"),
    ("manual.item.command", "命令 {command}"),
    (
        "manual.item.client_tick",
        "客户端 {client} 的客户端库定时检查",
    ),
    (
        "manual.item.client_timeout",
        "客户端 {client} 放弃等待 cxid {cxid}",
    ),
];
