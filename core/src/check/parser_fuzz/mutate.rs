//! Byte- and token-level mutations (the classic havoc stage of AFL/libFuzzer, written out
//! here since cargo-fuzz needs a nightly compiler): bit flips, interesting bytes, deletes,
//! duplicates, dictionary tokens, interesting numbers in place of digit runs, splices with
//! another input, and line swaps. All draws come from one seeded ChaCha stream.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

/// The seeded random source of one fuzzer.
pub struct Rng(ChaCha8Rng);

impl Rng {
    #[must_use]
    pub fn new(seed: u64) -> Rng {
        Rng(ChaCha8Rng::seed_from_u64(seed))
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.0.next_u64() % n as u64) as usize
        }
    }

    /// True one time in `n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }
}

/// Bytes that break parsers: separators, quotes, braces, UTF-8 lead/continuation bytes.
const INTERESTING_BYTES: &[u8] = b"\x00\xff\n\r\t \"'-/{}[]:,|#=\\\x80\xc3\xe2\x7f0919.+eE";

/// Numbers at the edges of every integer type the parsers use.
pub const INTERESTING_NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "255",
    "256",
    "1000",
    "2147483647",
    "2147483648",
    "-2147483648",
    "4294967295",
    "4294967296",
    "86400000",
    "86400001",
    "1048575",
    "1048576",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999999",
    "1e3",
    "0x10",
    "010",
    "-0",
    "1.5",
    "",
];

/// Largest input a mutation may grow to.
pub const MAX_LEN: usize = 4096;

/// Applies 1–4 random mutations to `input` (one, half the time); `dict` are target tokens,
/// `other` another input for splicing.
pub fn mutate(rng: &mut Rng, input: &mut Vec<u8>, dict: &[&str], other: &[u8]) {
    let n = if rng.one_in(2) { 1 } else { 1 + rng.below(4) };
    for _ in 0..n {
        mutate_once(rng, input, dict, other);
    }
    input.truncate(MAX_LEN);
}

fn mutate_once(rng: &mut Rng, input: &mut Vec<u8>, dict: &[&str], other: &[u8]) {
    let len = input.len();
    match rng.below(11) {
        0 if len > 0 => {
            let i = rng.below(len);
            input[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let i = rng.below(len);
            input[i] = *rng.pick(INTERESTING_BYTES);
        }
        2 if len > 0 => {
            let a = rng.below(len);
            let b = (a + 1 + rng.below(16)).min(len);
            input.drain(a..b);
        }
        3 if len > 0 => {
            let a = rng.below(len);
            let b = (a + 1 + rng.below(32)).min(len);
            let copy = input[a..b].to_vec();
            let at = rng.below(len + 1);
            input.splice(at..at, copy);
        }
        4 | 5 => {
            let tok = rng.pick(dict).as_bytes().to_vec();
            let at = token_boundary(rng, input);
            input.splice(at..at, tok);
        }
        6 => replace_number(rng, input),
        7 if !other.is_empty() => {
            let cut = rng.below(len + 1);
            let from = rng.below(other.len());
            input.truncate(cut);
            input.extend_from_slice(&other[from..]);
        }
        8 => swap_or_copy_line(rng, input, other),
        9 if len > 0 => input.truncate(rng.below(len)),
        _ => {
            let at = rng.below(len + 1);
            let b = rng.next_u64() as u8;
            input.insert(at, b);
        }
    }
}

/// A position just after a space or newline (or the ends), so tokens land between words.
fn token_boundary(rng: &mut Rng, input: &[u8]) -> usize {
    let spots: Vec<usize> = std::iter::once(0)
        .chain(
            input
                .iter()
                .enumerate()
                .filter(|(_, b)| matches!(b, b' ' | b'\n' | b',' | b':' | b'{'))
                .map(|(i, _)| i + 1),
        )
        .chain(std::iter::once(input.len()))
        .collect();
    *rng.pick(&spots)
}

/// Replaces one run of digits (with its sign) by an interesting number.
fn replace_number(rng: &mut Rng, input: &mut Vec<u8>) {
    let runs: Vec<(usize, usize)> = {
        let mut v = Vec::new();
        let mut i = 0;
        while i < input.len() {
            if input[i].is_ascii_digit() {
                let start = if i > 0 && input[i - 1] == b'-' {
                    i - 1
                } else {
                    i
                };
                while i < input.len() && input[i].is_ascii_digit() {
                    i += 1;
                }
                v.push((start, i));
            } else {
                i += 1;
            }
        }
        v
    };
    let num = rng.pick(INTERESTING_NUMBERS).as_bytes().to_vec();
    if runs.is_empty() {
        let at = input.len();
        input.splice(at..at, num);
    } else {
        let (a, b) = *rng.pick(&runs);
        input.splice(a..b, num);
    }
}

/// Swaps two lines, or copies a line of `other` in.
fn swap_or_copy_line(rng: &mut Rng, input: &mut Vec<u8>, other: &[u8]) {
    let mut lines: Vec<Vec<u8>> = input.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
    if rng.one_in(2) && !other.is_empty() {
        let theirs: Vec<&[u8]> = other.split(|b| *b == b'\n').collect();
        let line = rng.pick(&theirs).to_vec();
        let at = rng.below(lines.len() + 1);
        lines.insert(at, line);
    } else {
        let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
        lines.swap(a, b);
    }
    *input = lines.join(&b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutations_are_deterministic_and_bounded() {
        let run = |seed| {
            let mut rng = Rng::new(seed);
            let mut x = b"create /a 12\nget /a".to_vec();
            for _ in 0..2000 {
                mutate(&mut rng, &mut x, &["ls", "/"], b"set /b 7\nstat /b");
                assert!(x.len() <= MAX_LEN);
            }
            x
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
    }
}
