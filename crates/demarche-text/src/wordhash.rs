//! A small multiply-rotate hasher for word keys (FxHash's scheme, written here), shared by the
//! English lists and the dictionaries' word maps. The maps are built once from data files and
//! only read afterwards, so flooding is not a concern; SipHash's extra cost is (every word of
//! every sentence is looked up). Its values are fixed: the frames' filter bits and the maps'
//! orders depend on them.

use std::hash::{BuildHasher, Hasher};

/// Builds [`WordHash`]es.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordHasher;

impl BuildHasher for WordHasher {
    type Hasher = WordHash;
    fn build_hasher(&self) -> WordHash {
        WordHash(0)
    }
}

/// The hasher's state.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordHash(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl Hasher for WordHash {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time, the last chunk zero-padded; read with loads, not a `memcpy`
        // call per chunk of unknown length.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = <[u8; 8]>::try_from(c).map_or(0, u64::from_le_bytes);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.0 = (self.0.rotate_left(5) ^ le_word(rest)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Up to eight bytes as a little-endian word, zero-padded (what copying them into a zeroed
/// `[u8; 8]` and reading it gives).
fn le_word(bytes: &[u8]) -> u64 {
    bytes.iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash as first written (each chunk copied into a zeroed `[u8; 8]`): the loads must
    /// give the same values.
    fn reference_hash(bytes: &[u8]) -> u64 {
        let mut h = 0u64;
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
        }
        h
    }

    #[test]
    fn word_hash_reads_chunks_as_before() {
        for text in [
            "air strikes against the état of Ruritania, 1234567890",
            "announced sanctions on 12 entities",
        ] {
            for end in 0..=text.len() {
                let Some(s) = text.get(..end) else { continue };
                let mut h = WordHasher.build_hasher();
                h.write(s.as_bytes());
                assert_eq!(h.finish(), reference_hash(s.as_bytes()), "{s:?}");
            }
        }
        assert_eq!(le_word(&[1, 2]), 0x0201);
        assert_eq!(le_word(&[]), 0);
    }

    #[test]
    fn write_u8_is_a_one_byte_write() {
        let mut a = WordHash(0);
        a.write_u8(7);
        assert_eq!(a.finish(), (7u64).wrapping_mul(K));
    }
}
