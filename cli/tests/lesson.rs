//! `zabscope lesson check`: a good lesson plays with its computed checkpoints (in either
//! language), a malformed one is refused with its line and exit 1, usage errors exit 2.

mod common;

use common::run_zabscope as run;
use std::path::PathBuf;

fn lessons() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../static/lessons")
}

fn out(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_whatif_lesson_plays_with_its_checkpoints_in_both_languages() {
    let file = lessons().join("whatif/skip-trunc.lesson");
    let file = file.to_str().unwrap();
    let o = run(&["lesson", "check", file], b"");
    let text = out(&o);
    assert!(o.status.success(), "{text}");
    assert!(
        text.contains("? Which sync will server 3 get from the leader by 29.000s"),
        "{text}"
    );
    assert!(
        text.contains("= TRUNC: Leader 2 chose TRUNC for server 3"),
        "{text}"
    );
    assert!(text.contains("! PrefixConsistency violated"), "{text}");
    assert!(text.ends_with("1 lessons, 0 failed\n"), "{text}");
    let o = run(&["lesson", "check", "--lang", "zh-CN", file], b"");
    let text = out(&o);
    assert!(o.status.success(), "{text}");
    assert!(
        text.contains("服务器 3 会从领导者那里得到哪种同步"),
        "{text}"
    );
}

#[test]
fn a_malformed_lesson_is_refused_with_its_line() {
    let dir = std::env::temp_dir().join(format!("zabscope-lesson-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read_to_string(lessons().join("whatif/keep-ephemerals.lesson")).unwrap();
    let bad = good.replacen("step at 2000", "step at 99999", 1);
    let line = bad.lines().position(|l| l == "step at 99999").unwrap() + 1;
    let file = dir.join("bad.lesson");
    std::fs::write(&file, bad).unwrap();
    let o = run(&["lesson", "check", file.to_str().unwrap()], b"");
    let text = out(&o);
    assert_eq!(o.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!(
            "bad.lesson:{line}: lesson line {line}: the step at 99999 ms is after the script's 'until 12000'"
        )),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(run(&["lesson"], b"").status.code(), Some(2));
    assert_eq!(run(&["lesson", "check"], b"").status.code(), Some(2));
    assert_eq!(
        run(&["lesson", "check", "--lang", "fr", "x"], b"")
            .status
            .code(),
        Some(2)
    );
}
