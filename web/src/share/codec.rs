//! The link's byte codec: a small LZ77 (greedy, one candidate per 4-byte hash) and base64url
//! without padding. A run's script repeats itself line after line (`after 1734 at 6000 set c1
//! /w1 …`), so back-references alone shrink it several times, in a few hundred bytes of wasm
//! (a deflate library would add tens of KB to the first load; the browser's
//! `CompressionStream` is asynchronous, which would make `link()` a Promise).
//!
//! Format: the magic byte `Z`, the decoded length as a LEB128 varint, then tokens until that
//! length is reached: a varint `n << 1` followed by `n` literal bytes, or a varint
//! `(len - MIN_MATCH) << 1 | 1` followed by a varint distance (1 ..= bytes decoded so far).
//! The decoder checks every length, distance and the declared size against [`MAX_DECODED`]
//! before it allocates, so a hand-made link cannot make it allocate, loop or read out of range.

/// The largest decoded run a link or file may hold (2 MiB); larger ones are refused.
pub const MAX_DECODED: usize = 2 * 1024 * 1024;

const MAGIC: u8 = b'Z';
const MIN_MATCH: usize = 4;
const HASH_BITS: u32 = 15;

/// Why bytes did not decode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodecError {
    /// Not base64url, or not this format (wrong magic byte).
    Garbage,
    /// The data ends early, or a back-reference points before the start.
    Truncated,
    /// It declares more than [`MAX_DECODED`] bytes (the size it declares).
    TooBig(u64),
}

fn hash(b: &[u8]) -> usize {
    let v = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    (v.wrapping_mul(2_654_435_761) >> (32 - HASH_BITS)) as usize
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(data: &[u8], pos: &mut usize) -> Result<u64, CodecError> {
    let mut v: u64 = 0;
    for shift in (0..64).step_by(7) {
        let b = *data.get(*pos).ok_or(CodecError::Truncated)?;
        *pos += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err(CodecError::Garbage)
}

fn flush_literals(out: &mut Vec<u8>, lit: &[u8]) {
    if !lit.is_empty() {
        put_varint(out, (lit.len() as u64) << 1);
        out.extend_from_slice(lit);
    }
}

/// Compress `input` (deterministic: the same input, the same bytes).
#[must_use]
pub fn compress(input: &[u8]) -> Vec<u8> {
    let mut out = vec![MAGIC];
    put_varint(&mut out, input.len() as u64);
    let mut table = vec![usize::MAX; 1 << HASH_BITS];
    let (mut i, mut lit_start) = (0, 0);
    while i + MIN_MATCH <= input.len() {
        let h = hash(&input[i..]);
        let cand = table[h];
        table[h] = i;
        if cand != usize::MAX && input[cand..cand + MIN_MATCH] == input[i..i + MIN_MATCH] {
            let mut len = MIN_MATCH;
            while i + len < input.len() && input[cand + len] == input[i + len] {
                len += 1;
            }
            flush_literals(&mut out, &input[lit_start..i]);
            put_varint(&mut out, ((len - MIN_MATCH) as u64) << 1 | 1);
            put_varint(&mut out, (i - cand) as u64);
            // Index a few positions inside the match so later lines find it.
            let end = i + len;
            let mut j = i + 1;
            while j + MIN_MATCH <= input.len() && j < end {
                table[hash(&input[j..])] = j;
                j += if len > 32 { 4 } else { 1 };
            }
            i = end;
            lit_start = i;
        } else {
            i += 1;
        }
    }
    flush_literals(&mut out, &input[lit_start..]);
    out
}

/// Decompress what [`compress`] wrote, or say why not (never more than [`MAX_DECODED`]
/// bytes, never reading past `data`).
pub fn decompress(data: &[u8]) -> Result<Vec<u8>, CodecError> {
    if data.first() != Some(&MAGIC) {
        return Err(CodecError::Garbage);
    }
    let mut pos = 1;
    let size = get_varint(data, &mut pos)?;
    if size > MAX_DECODED as u64 {
        return Err(CodecError::TooBig(size));
    }
    let size = size as usize;
    let mut out = Vec::with_capacity(size);
    while out.len() < size {
        let tag = get_varint(data, &mut pos)?;
        let n = usize::try_from(tag >> 1).map_err(|_| CodecError::Garbage)?;
        if tag & 1 == 0 {
            if n == 0 || n > size - out.len() {
                return Err(CodecError::Garbage);
            }
            let lit = data.get(pos..pos + n).ok_or(CodecError::Truncated)?;
            out.extend_from_slice(lit);
            pos += n;
        } else {
            let len = n.checked_add(MIN_MATCH).ok_or(CodecError::Garbage)?;
            let dist =
                usize::try_from(get_varint(data, &mut pos)?).map_err(|_| CodecError::Garbage)?;
            if dist == 0 || dist > out.len() {
                return Err(CodecError::Truncated);
            }
            if len > size - out.len() {
                return Err(CodecError::Garbage);
            }
            let from = out.len() - dist;
            for k in 0..len {
                let b = out[from + k];
                out.push(b);
            }
        }
    }
    if pos != data.len() {
        return Err(CodecError::Garbage);
    }
    Ok(out)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5): safe in a URL fragment as it is.
#[must_use]
pub fn base64url(data: &[u8]) -> String {
    let mut s = String::with_capacity(data.len().div_ceil(3) * 4);
    for c in data.chunks(3) {
        let v = u32::from(c[0]) << 16
            | u32::from(*c.get(1).unwrap_or(&0)) << 8
            | u32::from(*c.get(2).unwrap_or(&0));
        for k in 0..=c.len() {
            s.push(B64[(v >> (18 - 6 * k)) as usize & 63] as char);
        }
    }
    s
}

/// The bytes of base64url text (padding `=` and surrounding white space tolerated).
pub fn from_base64url(text: &str) -> Result<Vec<u8>, CodecError> {
    let text = text.trim().trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in text.bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return Err(CodecError::Garbage),
        };
        acc = acc << 6 | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits >= 6 {
        return Err(CodecError::Truncated);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_shrinks_a_script() {
        let mut s = String::from("seed 1\nconfig\ntickTime=2000\nend\n");
        for i in 0..2000 {
            s.push_str(&format!(
                "after {} at {} set c{} /w{} v{}\n",
                100 + i * 37,
                i * 50,
                i % 10,
                i % 10,
                i
            ));
        }
        let packed = compress(s.as_bytes());
        assert!(
            packed.len() * 2 < s.len(),
            "{} of {}",
            packed.len(),
            s.len()
        );
        assert_eq!(decompress(&packed).unwrap(), s.as_bytes());
        let text = base64url(&packed);
        assert_eq!(from_base64url(&text).unwrap(), packed);
        for n in 0..5 {
            let d = vec![7u8; n];
            assert_eq!(decompress(&compress(&d)).unwrap(), d);
            assert_eq!(from_base64url(&base64url(&d)).unwrap(), d);
        }
    }

    #[test]
    fn refuses_garbage_truncation_and_size() {
        let packed = compress(b"hello hello hello hello hello");
        assert_eq!(decompress(b"garbage"), Err(CodecError::Garbage));
        for cut in 1..packed.len() {
            assert!(decompress(&packed[..cut]).is_err(), "cut at {cut}");
        }
        let mut big = vec![MAGIC];
        put_varint(&mut big, 1 << 40);
        assert_eq!(decompress(&big), Err(CodecError::TooBig(1 << 40)));
        assert_eq!(from_base64url("a<b>"), Err(CodecError::Garbage));
    }
}
