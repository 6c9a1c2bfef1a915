//! The page's own 简体中文 texts, by key: the same keys and `{name}` arguments as `en.rs`,
//! written for students (protocol terms such as LOOKING, zxid, fsync and the zoo.cfg keys stay
//! as ZooKeeper spells them).

/// The text of `key`, or the key itself when it has none (a missing text is visible, not a
/// panic).
#[must_use]
pub fn t(key: &str) -> &str {
    match key {
        "lab.open" => "📈 性能实验",
        "lab.open.title" => "性能实验：在这里计算 ZooKeeper 文档中的吞吐量图",
        "lab.title" => "性能实验",
        "lab.close" => "关闭",
        "lab.tab.fig1" => "1 · 吞吐量与读比例",
        "lab.tab.fig2" => "2 · 故障中的吞吐量",
        "lab.progress.points" => "计算中：第 {done} 个点，共 {total} 个",
        "lab.progress.ms" => "计算中：已模拟 {done} 毫秒，共 {total} 毫秒",
        "lab.done" => "已算完",
        "lab.axis.reads" => "读请求所占百分比",
        "lab.axis.ops" => "每秒操作数",
        "lab.axis.time" => "时间（秒）",
        "lab.legend.servers" => "{n} 台服务器",
        "lab.legend.yours" => "你的集群：",
        "lab.legend.yours2" => "{voters}+{observers} 观察者",
        "lab.legend.allvoting" => "{n} 台全部投票",
        "lab.point" => "{servers} 台服务器，{reads} % 读：每秒 {ops} 个请求",
        "lab.doc1" => {
            "ZooKeeper 文档（3.2 版，250 个客户端，领导者不接客户端）：全部为读时，13 台服务器约每秒 140,000 个请求，3 台约 80,000–90,000 个；集群越大写越慢，因为每台服务器都要把每个写事务记入日志。"
        }
        "lab.doc2" => {
            "ZooKeeper 文档：7 台服务器，30 % 写；新的领导者在 200 毫秒内选出，随后吞吐量恢复。"
        }
        "lab.knobs" => "可调参数",
        "lab.k.voters" => "参与投票的服务器",
        "lab.k.observers" => "观察者",
        "lab.k.reads" => "读：{reads} %",
        "lab.k.fsync" => "磁盘（一次 fsync）",
        "lab.k.leader_serves" => "leaderServes（领导者也接客户端）",
        "lab.k.reset" => "恢复文档中的设置",
        "lab.hint" => {
            "试一试：增加观察者，读吞吐量上升，写并不变慢；增加投票服务器，写变慢；磁盘变慢，写变慢，读不受影响。"
        }
        "lab.fsync.100" => "0.1 毫秒（固态硬盘）",
        "lab.fsync.2000" => "2 毫秒（15000 转，文档所用）",
        "lab.fsync.8000" => "8 毫秒（7200 转）",
        "lab.fsync.20000" => "20 毫秒（慢速共享磁盘）",
        "lab.readout" => {
            "你的集群：{voters} 台投票 + {observers} 个观察者，{reads} % 读：每秒 {ops} 个请求，延迟中位数 {median} 毫秒，p99 {p99} 毫秒"
        }
        "lab.readout.allvoting" => "同样 {n} 台服务器全部参与投票：每秒 {ops} 个请求",
        "lab.fig2.needs7" => "图 2 至少需要 7 台参与投票的服务器（五个事件最多同时让 3 台崩溃）。",
        "lab.fig2.setup" => "正在 ZAB 模拟中测量选举时间…",
        "lab.elected" => "{ms} 毫秒",
        "lab.ev.0" => "① 一个跟随者故障；",
        "lab.ev.1" => "它恢复：",
        "lab.ev.2" => "② 另一个跟随者故障；",
        "lab.ev.3" => "它恢复：",
        "lab.ev.4" => "③ 领导者故障：",
        "lab.ev.5" => "④ 两个跟随者故障；",
        "lab.ev.6" => "它们恢复：",
        "lab.ev.7" => "⑤ 又一个领导者故障：",
        "lab.ev.leader" => "{ms} 毫秒后新的领导者开始服务",
        "lab.ev.rejoin" => "{ms} 毫秒后重新开始服务",
        "lab.ev.dip" => "（{ms} 毫秒后吞吐量回到一半以上）",
        "lab.fig2.why" => {
            "选举时间在 ZAB 模拟中测得：其中 200 毫秒是 FLE 的 finalizeWait——一旦过半服务器同意，ZooKeeper 总要再等这么久。"
        }
        other => other,
    }
}
