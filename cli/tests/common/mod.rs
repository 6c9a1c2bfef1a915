//! What the cli integration tests share: running the built `zabscope` with arguments and
//! standard input, and reading its output.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `zabscope ARGS` with `stdin` piped in; returns its exit status and output.
pub fn run_zabscope(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zabscope"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn zabscope");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_ref())
        .expect("write stdin");
    child.wait_with_output().expect("wait for zabscope")
}
