//! The page's own texts in 简体中文, by key, with the same match shape as `en.rs` (the
//! language switch chooses between them in `mod.rs`).

/// The text of `key`, or the key itself when it has none (a missing text is visible, not a
/// panic).
#[must_use]
pub fn t(key: &str) -> &str {
    match key {
        "ring.phase.election" => "选举",
        "ring.phase.discovery" => "发现",
        "ring.phase.sync" => "同步",
        "ring.phase.broadcast" => "广播",
        "ring.acks" => "ACK {acks}/{quorum}",
        "ring.round" => "第 {round} 轮",
        "ring.disk" => "日志到 {zxid}",
        "ring.vote" => "投 {leader}",
        "ring.held" => "扣住 {what}",
        "ring.parked" => "等待 {what}",
        "ring.fanout" => "{what} → {n} 台服务器",
        "ring.left_out" => " · {n} 个标签未显示（悬停查看）",
        "ring.show" => "显示：",
        "ring.show.votes" => "选票",
        "ring.show.sync" => "同步",
        "ring.show.broadcast" => "广播",
        "ring.show.other" => "其他",
        "ring.focus" => "聚焦 ",
        "ring.focus.all" => "全部服务器",
        "ring.focus.server" => "服务器 {sid}",
        "play.linger" => "在关键时刻放慢",
        "play.linger.title" => "播放在选举结果、过半 ACK、COMMIT、DIFF/TRUNC/SNAP 处停留更久",
        "undo.discarded" => "在第 {step} 步操作丢弃了已记录的未来（运行曾到达第 {max} 步）：{lost}",
        "undo.nothing" => "没有已记录的命令，只有之后的步骤",
        "undo.undo" => "撤销",
        "undo.dismiss" => "关闭",
        "cmd.empty" => "command(text)：命令为空（试试 help）",
        "cmd.run.help" => "run MS — 运行接下来 MS 毫秒模拟时间内到期的每一步（最多 {max}）",
        "cmd.run.bad" => "“{text}”：run MS 需要 0 到 {max} 之间的整数毫秒（每条命令最多 10 分钟）",
        other => other,
    }
}
