//! Caps that keep every entry point finite (docs/parser-fuzzing.md, "runaway guards"): one command
//! may advance simulated time by at most [`MAX_SPAN_MS`] and take at most [`MAX_STEPS`] agenda
//! items, so no line of a script, the api or zkCli can run for a day of CPU or forever.
//!
//! Why these numbers: 24 h of simulated time covers every ZooKeeper timeout a lesson shows
//! (sessions ≤ 20 ticks, `initLimit`, the one-minute container check, TTLs of minutes) many
//! times over, and a longer stretch is a few commands away. 10,000,000 steps take 4 s of CPU
//! in an optimised build; an idle 51-server ensemble at tickTime 2000 runs a whole simulated
//! day within the cap (17.4 M trace events, 3 s of CPU), while a storm of timers (tickTime 2,
//! five servers: one ping per millisecond per follower) stops after 8.8 simulated hours with
//! a clear error instead of running for minutes (docs/parser-fuzzing.md).

use crate::explain::{ArgValue, Text};
use crate::time::SimTime;

/// The longest stretch of simulated time one command may run: 24 h (86,400,000 ms).
pub const MAX_SPAN_MS: u64 = 86_400_000;

/// The most agenda items (messages, timers, commands) one command may take.
pub const MAX_STEPS: u64 = 10_000_000;

/// The smallest `tickTime`: the leader's half-tick timer (`Leader.lead`: `tickTime / 2`) must
/// be at least 1 ms, or it fires forever at one instant.
pub const MIN_TICK_TIME: u64 = 2;

/// Server ids here are 1..=255 (zoo.cfg `server.N`; ZooKeeper's `myid` is 1..255).
pub const MAX_SERVER_ID: i64 = 255;

/// Checks a requested span of simulated time, naming `what` in the error.
pub fn span(what: &str, ms: u64) -> Result<u64, String> {
    span_text(what.to_string(), ms).map_err(|t| t.en())
}

/// [`span`] with the error by key (`limits.span`); `what` is a name or a [`Text`].
pub fn span_text(what: impl ArgValue, ms: u64) -> Result<u64, Text> {
    if ms > MAX_SPAN_MS {
        return Err(Text::new("limits.span")
            .arg("what", what)
            .arg("ms", ms)
            .arg("max", MAX_SPAN_MS));
    }
    Ok(ms)
}

/// Checks a server id given as any integer (`-1`, `0`, `2^32` are out of range, not "no
/// server.0").
pub fn server_id(n: i64) -> Result<u32, String> {
    if (1..=MAX_SERVER_ID).contains(&n) {
        Ok(n as u32)
    } else {
        Err(server_id_out_of_range(&n.to_string()))
    }
}

/// The error for a server id outside 1..=255, quoting it as given.
#[must_use]
pub fn server_id_out_of_range(given: &str) -> String {
    server_id_out_of_range_text(given).en()
}

/// [`server_id_out_of_range`] by key (`limits.server_id`).
#[must_use]
pub fn server_id_out_of_range_text(given: &str) -> Text {
    Text::new("limits.server_id")
        .arg("given", given.to_string())
        .arg("max", MAX_SERVER_ID)
}

/// The error for a run that hit its step cap ([`MAX_STEPS`]) before its end time.
#[must_use]
pub fn step_cap(steps: u64, at_ms: u64) -> String {
    step_cap_text(steps, at_ms).en()
}

/// [`step_cap`] by key (`limits.step_cap`).
#[must_use]
pub fn step_cap_text(steps: u64, at_ms: u64) -> Text {
    Text::new("limits.step_cap")
        .arg("steps", steps)
        .arg("at", SimTime(at_ms))
}

/// One input line as text; invalid UTF-8 is named by its byte offset (line-based consoles
/// answer it with an error line and go on to the next line).
pub fn utf8_line(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        format!(
            "input line is not valid UTF-8 (byte 0x{:02x} at offset {at}); line ignored",
            bytes.get(at).copied().unwrap_or(0)
        )
    })
}

/// Strips one trailing `\n` or `\r\n` (what `BufRead::lines` strips).
#[must_use]
pub fn chomp(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_above_a_day_are_refused_with_the_cap_named() {
        assert_eq!(span("run", MAX_SPAN_MS), Ok(MAX_SPAN_MS));
        let e = span("run", MAX_SPAN_MS + 1).unwrap_err();
        assert!(e.contains("86400000") && e.contains("24 h"), "{e}");
        assert!(span("run", u64::MAX).is_err());
    }

    #[test]
    fn server_ids_out_of_range_are_named() {
        assert_eq!(server_id(1), Ok(1));
        assert_eq!(server_id(255), Ok(255));
        for bad in [0, -1, 256, 1 << 32, i64::MIN, i64::MAX] {
            let e = server_id(bad).unwrap_err();
            assert!(e.contains(&bad.to_string()) && e.contains("1..=255"), "{e}");
        }
    }

    #[test]
    fn invalid_utf8_is_named_and_lines_are_chomped() {
        assert_eq!(utf8_line(b"ls /"), Ok("ls /"));
        let e = utf8_line(b"ls /\xff").unwrap_err();
        assert!(e.contains("0xff") && e.contains("offset 4"), "{e}");
        assert_eq!(chomp(b"a\r\n"), b"a");
        assert_eq!(chomp(b"a\n"), b"a");
        assert_eq!(chomp(b"a"), b"a");
    }
}
