//! zkCli's command-line handling: `ZooKeeperMain.MyCommandOptions.parseCommand` (tokens,
//! quotes) and commons-cli's `DefaultParser` for each command's options, with the same error
//! texts (`org.apache.commons.cli.UnrecognizedOptionException: Unrecognized option: -x`).

use std::collections::BTreeMap;

/// Splits a line as `ARGS_PATTERN = \s*([^"']\S*|"[^"]*"|'[^']*')\s*` does: a token that
/// starts with a quote runs to the matching quote (quotes stripped); others run to
/// whitespace (quotes inside kept).
#[must_use]
pub fn tokenize(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let c = chars[i];
        if c == '"' || c == '\'' {
            if let Some(end) = chars[i + 1..].iter().position(|&x| x == c) {
                out.push(chars[i + 1..i + 1 + end].iter().collect());
                i += end + 2;
                continue;
            }
            // An unmatched quote: the regex skips the quote character.
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        out.push(chars[start..i].iter().collect());
    }
    out
}

/// `java.lang.Integer.decode`: optional sign, then `0x`/`0X`/`#` hex, `0` octal or decimal;
/// `None` where Java throws NumberFormatException (including values outside `int`).
#[must_use]
pub fn java_decode_int(s: &str) -> Option<i32> {
    let (neg, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (radix, digits) = if let Some(h) = body
        .strip_prefix("0x")
        .or_else(|| body.strip_prefix("0X"))
        .or_else(|| body.strip_prefix('#'))
    {
        (16, h)
    } else if body.len() > 1
        && let Some(o) = body.strip_prefix('0')
    {
        (8, o)
    } else {
        (10, body)
    };
    if digits.is_empty() || digits.starts_with(['-', '+']) {
        return None;
    }
    let v = i64::from_str_radix(digits, radix).ok()?;
    i32::try_from(if neg { -v } else { v }).ok()
}

/// Parsed options (`-x` → value or "") and the remaining args (args[0] = the command).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommandLine {
    pub opts: BTreeMap<char, String>,
    pub args: Vec<String>,
}

impl CommandLine {
    #[must_use]
    pub fn has(&self, o: char) -> bool {
        self.opts.contains_key(&o)
    }

    #[must_use]
    pub fn value(&self, o: char) -> Option<&str> {
        self.opts.get(&o).map(String::as_str)
    }
}

fn unrecognized(tok: &str) -> String {
    format!("org.apache.commons.cli.UnrecognizedOptionException: Unrecognized option: {tok}")
}

fn missing(o: char) -> String {
    format!("org.apache.commons.cli.MissingArgumentException: Missing argument for option: {o}")
}

/// `DefaultParser.parse(options, args)` for single-letter options; `spec` lists
/// `(letter, takes_argument)`.
pub fn parse(tokens: &[String], spec: &[(char, bool)]) -> Result<CommandLine, String> {
    let takes = |c: char| spec.iter().find(|(o, _)| *o == c).map(|(_, a)| *a);
    let mut cl = CommandLine::default();
    let mut pending: Option<char> = None;
    let mut rest_are_args = false;
    for tok in tokens {
        if rest_are_args {
            cl.args.push(tok.clone());
            continue;
        }
        if let Some(o) = pending.take() {
            if is_argument(tok, &takes) {
                cl.opts.insert(o, tok.clone());
                continue;
            }
            return Err(missing(o));
        }
        if tok == "--" {
            rest_are_args = true;
        } else if tok.starts_with('-') && tok.len() > 1 {
            option_token(tok, &takes, &mut cl, &mut pending)?;
        } else {
            cl.args.push(tok.clone());
        }
    }
    if let Some(o) = pending {
        return Err(missing(o));
    }
    Ok(cl)
}

/// `DefaultParser.isArgument`: not an option of this command, or a negative number (so
/// `set -v -1 /p x` gives -v the value -1, and `-x` an unknown letter is a value too).
fn is_argument(tok: &str, takes: &impl Fn(char) -> Option<bool>) -> bool {
    let is_short_option =
        tok.len() > 1 && tok.starts_with('-') && tok[1..].chars().next().and_then(takes).is_some();
    !is_short_option || is_java_double(tok)
}

/// `Double.parseDouble` accepts it (commons-cli's `isNegativeNumber`): optional sign, then
/// `NaN`, `Infinity`, or digits with an optional fraction and exponent and an optional
/// `f`/`d` suffix (hex floats left out); surrounding ASCII blanks are trimmed.
#[must_use]
pub fn is_java_double(tok: &str) -> bool {
    let t = tok.trim_matches(|c: char| c <= ' ');
    let t = t.strip_prefix(['+', '-']).unwrap_or(t);
    if t == "NaN" || t == "Infinity" {
        return true;
    }
    let t = t.strip_suffix(['f', 'F', 'd', 'D']).unwrap_or(t);
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let mantissa_ok = digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

fn option_token(
    tok: &str,
    takes: &impl Fn(char) -> Option<bool>,
    cl: &mut CommandLine,
    pending: &mut Option<char>,
) -> Result<(), String> {
    let body: Vec<char> = tok[1..].chars().collect();
    let first = body[0];
    match takes(first) {
        Some(true) if body.len() > 1 => {
            cl.opts.insert(first, body[1..].iter().collect());
        }
        Some(true) => *pending = Some(first),
        Some(false) if body.len() == 1 => {
            cl.opts.insert(first, String::new());
        }
        Some(false) => concatenated(tok, &body, takes, cl, pending)?,
        None => return Err(unrecognized(tok)),
    }
    Ok(())
}

/// `handleConcatenatedOptions`: `-es` = `-e -s`; an option taking an argument eats the rest.
fn concatenated(
    tok: &str,
    body: &[char],
    takes: &impl Fn(char) -> Option<bool>,
    cl: &mut CommandLine,
    pending: &mut Option<char>,
) -> Result<(), String> {
    for (i, &c) in body.iter().enumerate() {
        match takes(c) {
            None => return Err(unrecognized(tok)),
            Some(false) => {
                cl.opts.insert(c, String::new());
            }
            Some(true) => {
                if i + 1 < body.len() {
                    cl.opts.insert(c, body[i + 1..].iter().collect());
                } else {
                    *pending = Some(c);
                }
                return Ok(());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        tokenize(s)
    }

    /// ZooKeeperMain's ARGS_PATTERN (seen: `create /t2/'a b'` creates `/t2/'a`).
    #[test]
    fn tokenizer() {
        assert_eq!(
            toks(r#"create /t2 "quoted data""#),
            vec!["create", "/t2", "quoted data"]
        );
        assert_eq!(toks("create /t2/'a b'"), vec!["create", "/t2/'a", "b'"]);
        assert_eq!(toks("  ls   / "), vec!["ls", "/"]);
    }

    #[test]
    fn integer_decode_as_java() {
        assert_eq!(java_decode_int("12"), Some(12));
        assert_eq!(java_decode_int("-1"), Some(-1));
        assert_eq!(java_decode_int("0x1f"), Some(31));
        assert_eq!(java_decode_int("#10"), Some(16));
        assert_eq!(java_decode_int("010"), Some(8));
        assert_eq!(java_decode_int("0"), Some(0));
        assert_eq!(java_decode_int("-2147483648"), Some(i32::MIN));
        for bad in [
            "",
            "-",
            "0x",
            "2147483648",
            "18446744073709551615",
            "1e3",
            "--1",
            "0x-1",
        ] {
            assert_eq!(java_decode_int(bad), None, "{bad}");
        }
    }

    #[test]
    fn default_parser() {
        let spec = [('s', false), ('e', false), ('t', true)];
        let cl = parse(&toks("create -es -t 5 /a d"), &spec).unwrap();
        assert!(cl.has('e') && cl.has('s'));
        assert_eq!(cl.value('t'), Some("5"));
        assert_eq!(cl.args, vec!["create", "/a", "d"]);
        assert_eq!(
            parse(&toks("create -t5 /a"), &spec).unwrap().value('t'),
            Some("5")
        );
        assert_eq!(
            parse(&toks("ls -x /"), &spec).unwrap_err(),
            "org.apache.commons.cli.UnrecognizedOptionException: Unrecognized option: -x"
        );
        // isArgument: a negative number (or a token that is no option here) is a value.
        let set = [('s', false), ('v', true)];
        assert_eq!(
            parse(&toks("set -v -1 /p x"), &set).unwrap().value('v'),
            Some("-1")
        );
        assert_eq!(
            parse(&toks("set -v -q /p x"), &set).unwrap().value('v'),
            Some("-q")
        );
        assert!(parse(&toks("set -v -s /p x"), &set).is_err());
        assert!(is_java_double("-1.5e3") && is_java_double("-.5d") && is_java_double("-Infinity"));
        assert!(!is_java_double("-") && !is_java_double("-e5") && !is_java_double("-1x"));
        assert_eq!(
            parse(&toks("create /a -t"), &spec).unwrap_err(),
            "org.apache.commons.cli.MissingArgumentException: Missing argument for option: t"
        );
    }
}
