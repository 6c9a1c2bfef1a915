//! `Mix`: the word-at-a-time hash behind each znode's digest contribution
//! ([`super::DataNode::hash`]). Every replica hashes the node it changed on every applied txn
//! (the real `DataTree` updates its digest the same way, `DigestCalculator`), so this runs once
//! per server per write: a byte-at-a-time FNV was a noticeable share of a delivery
//! (docs/figures.md, "Design choices"), eight dependent multiplies per stat field. One multiply per
//! 64-bit word keeps what the digest is for — any change to one field changes the node's hash (each
//! round is a bijection of the state) — at an eighth of the cost.

/// Running state; [`Mix::finish`] spreads it.
pub(crate) struct Mix(u64);

/// An odd constant with well-spread bits (2⁶⁴ / φ).
const K: u64 = 0x9e37_79b9_7f4a_7c15;

impl Mix {
    pub(crate) fn new() -> Mix {
        Mix(0x243f_6a88_85a3_08d3)
    }

    /// One word: xor, multiply by an odd constant, rotate (each a bijection).
    pub(crate) fn u64(&mut self, w: u64) {
        self.0 = (self.0 ^ w).wrapping_mul(K).rotate_left(29);
    }

    /// Length first (so field boundaries matter), then the bytes in little-endian words, the
    /// last one zero-padded.
    pub(crate) fn bytes(&mut self, bs: &[u8]) {
        self.u64(bs.len() as u64);
        let mut words = bs.chunks_exact(8);
        for w in &mut words {
            let mut b = [0u8; 8];
            b.copy_from_slice(w);
            self.u64(u64::from_le_bytes(b));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.u64(u64::from_le_bytes(b));
        }
    }

    /// The hash (murmur3's 64-bit finaliser over the state).
    pub(crate) fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

#[cfg(test)]
mod tests {
    use super::Mix;

    fn of(f: impl FnOnce(&mut Mix)) -> u64 {
        let mut m = Mix::new();
        f(&mut m);
        m.finish()
    }

    #[test]
    fn every_byte_and_boundary_counts() {
        let base = of(|m| m.bytes(b"/bench/node-0000000001"));
        for i in 0..22 {
            let mut v = b"/bench/node-0000000001".to_vec();
            v[i] ^= 1;
            assert_ne!(of(|m| m.bytes(&v)), base, "byte {i}");
        }
        // Same bytes, split differently across two fields.
        assert_ne!(
            of(|m| {
                m.bytes(b"ab");
                m.bytes(b"c");
            }),
            of(|m| {
                m.bytes(b"a");
                m.bytes(b"bc");
            })
        );
        // A trailing zero byte is not padding.
        assert_ne!(of(|m| m.bytes(b"x")), of(|m| m.bytes(b"x\0")));
    }
}
