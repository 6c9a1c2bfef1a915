//! The run file: what a link, an exported file and localStorage hold. JSON (schema in
//! docs/page.md, "Share and keep"), with a format name and a version so a newer page can
//! refuse an older or newer file clearly:
//!
//! ```json
//! {"format": "zabscope-run", "version": 1, "lang": "en", "lesson": null, "current": 1,
//!  "branches": [{"name": "", "at": 0, "step": 340, "maxStep": 900, "script": "seed 1\n…"},
//!               {"name": "crash 5", "at": 340, "step": 512, "maxStep": 512, "script": "…"}]}
//! ```
//!
//! Each branch's `script` is the run's whole script (`window.zabscope.script()`): seed,
//! `config … end`, the `at` lines, and every command and manual delivery as `after` lines.
//! [`check`] parses and bounds everything before anything is replayed.

use super::codec::{self, CodecError};
use super::{FRAGMENT, MAX_INPUT, MAX_OPEN_STEPS};
use crate::i18n::Msg;
use crate::store::branches::{Branch, LessonAt, MAX_BRANCHES};
use serde::{Deserialize, Serialize};
use zabscope_core::Script;
use zabscope_core::sim::script::Recorded;

/// The `format` field.
pub const FORMAT: &str = "zabscope-run";
/// The version this page writes and reads.
pub const VERSION: u32 = 1;
/// Longest branch name kept (the command that forked it).
const MAX_NAME: usize = 300;

/// A run, as written to a link, a file or storage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`VERSION`].
    pub version: u32,
    /// The page's language (`en`, `zh-CN`).
    pub lang: String,
    /// The open lesson and its step.
    #[serde(default)]
    pub lesson: Option<LessonAt>,
    /// The branch shown.
    pub current: usize,
    /// Every branch (at least one: the first run).
    pub branches: Vec<Branch>,
}

/// Only the header, read first so a newer version gets its own message.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: String,
    #[serde(default)]
    version: u64,
}

/// A run file checked: every branch's script parsed.
#[derive(Debug)]
pub struct Checked {
    pub file: RunFile,
    pub scripts: Vec<Script>,
}

fn err(key: &'static str, args: &[(&'static str, String)]) -> Msg {
    Msg::Page(key, args.to_vec())
}

/// The message for bytes that did not decode.
fn codec_err(e: &CodecError) -> Msg {
    match e {
        CodecError::Garbage => err("share.err.garbage", &[]),
        CodecError::Truncated => err("share.err.truncated", &[]),
        CodecError::TooBig(n) => err(
            "share.err.too_big",
            &[
                ("size", n.to_string()),
                ("max", codec::MAX_DECODED.to_string()),
            ],
        ),
    }
}

impl RunFile {
    /// The JSON text (what "Export run" saves).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The fragment's value (after `#run=`): compressed JSON, base64url.
    #[must_use]
    pub fn to_fragment(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        codec::base64url(&codec::compress(json.as_bytes()))
    }
}

/// Parse and check JSON text (an imported file, `importRun`).
pub fn from_json(text: &str) -> Result<Checked, Msg> {
    if text.len() > codec::MAX_DECODED {
        return Err(err(
            "share.err.too_big",
            &[
                ("size", text.len().to_string()),
                ("max", codec::MAX_DECODED.to_string()),
            ],
        ));
    }
    let header: Header = serde_json::from_str(text).map_err(|e| json_err(&e))?;
    if header.format != FORMAT {
        return Err(err("share.err.format", &[]));
    }
    if header.version != u64::from(VERSION) {
        return Err(err(
            "share.err.version",
            &[
                ("v", header.version.to_string()),
                ("max", VERSION.to_string()),
            ],
        ));
    }
    let file: RunFile = serde_json::from_str(text).map_err(|e| json_err(&e))?;
    check(file)
}

fn json_err(e: &serde_json::Error) -> Msg {
    // serde_json's message names the field and the line: shown as text, clipped.
    err(
        "share.err.json",
        &[("error", crate::store::clip(&e.to_string(), 160))],
    )
}

/// Parse and check a fragment (`#run=…`, with or without the `#` and the prefix).
pub fn from_fragment(fragment: &str) -> Result<Checked, Msg> {
    if fragment.len() > MAX_INPUT {
        return Err(err(
            "share.err.too_big",
            &[
                ("size", fragment.len().to_string()),
                ("max", MAX_INPUT.to_string()),
            ],
        ));
    }
    let f = fragment.trim_start_matches('#');
    let f = f.strip_prefix(FRAGMENT).unwrap_or(f);
    let bytes = codec::from_base64url(f).map_err(|e| codec_err(&e))?;
    let json = codec::decompress(&bytes).map_err(|e| codec_err(&e))?;
    let text = String::from_utf8(json).map_err(|_| err("share.err.garbage", &[]))?;
    from_json(&text)
}

/// Bound and parse everything in `file`.
pub fn check(file: RunFile) -> Result<Checked, Msg> {
    let n = file.branches.len();
    if n == 0 || n > MAX_BRANCHES {
        return Err(err(
            "share.err.branches",
            &[("n", n.to_string()), ("max", MAX_BRANCHES.to_string())],
        ));
    }
    if file.current >= n {
        return Err(err(
            "share.err.current",
            &[("i", file.current.to_string()), ("n", n.to_string())],
        ));
    }
    if let Some(l) = &file.lesson {
        let ok = !l.id.is_empty()
            && l.id.len() <= 64
            && l.id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !ok {
            return Err(err("share.err.lesson", &[]));
        }
    }
    let mut scripts = Vec::with_capacity(n);
    for (i, b) in file.branches.iter().enumerate() {
        let which = (i + 1).to_string();
        let too_far = b.step.max(b.max_step).max(b.at);
        if too_far > MAX_OPEN_STEPS || b.step > b.max_step || b.at > b.max_step {
            return Err(err(
                "share.err.steps",
                &[
                    ("branch", which),
                    ("step", too_far.to_string()),
                    ("max", MAX_OPEN_STEPS.to_string()),
                ],
            ));
        }
        if b.name.chars().count() > MAX_NAME {
            return Err(err("share.err.name", &[("branch", which)]));
        }
        let script =
            Script::parse_text(&b.script).map_err(|e| Msg::Wrapped("share.err.script", e))?;
        let last = script.recorded.last().map_or(0, |r| match r {
            Recorded::Apply { step, .. } | Recorded::Fire { step, .. } => *step,
        });
        if last > MAX_OPEN_STEPS {
            return Err(err(
                "share.err.steps",
                &[
                    ("branch", which),
                    ("step", last.to_string()),
                    ("max", MAX_OPEN_STEPS.to_string()),
                ],
            ));
        }
        scripts.push(script);
    }
    Ok(Checked { file, scripts })
}
