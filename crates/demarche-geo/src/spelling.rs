//! Spellings of one name: news and GeoNames transliterate the same place differently
//! ("Baramulla" and "Baramula", "Gedaref" and "Gadarif"). A spelling key keeps what
//! transliterations agree on — each word's first letter and the consonants after it, `q` as
//! `k`, doubled letters once, the words apart — and drops what they vary in: vowels, `h`, `w`
//! and `y` after a word's first letter, apostrophes, and letters outside ASCII (mostly vowels
//! with diacritics). Keys are lossy, so the index answers only names with a key of [`MIN_KEY`]
//! letters or more, and only cities and admin-1 regions; the geoparser asks it only for names
//! the text introduces as places, of countries the text names.

use crate::{Gazetteer, Kind, NameMap};
use std::sync::OnceLock;

/// The shortest key the index answers: three consonants after the first letter. Shorter keys
/// ("nbt", "bk") are shared by too many places.
pub const MIN_KEY: usize = 4;

/// The spelling key of a name ("Baramulla" → "brml", "Debre Markos" → "dbr mrks"), `None`
/// when it has fewer than [`MIN_KEY`] letters.
pub fn spelling_key(name: &str) -> Option<String> {
    let mut key = String::new();
    key_into(name, &mut key);
    (key.chars().filter(|c| *c != ' ').count() >= MIN_KEY).then_some(key)
}

/// Writes the spelling key of `name` into `key` (cleared first): each word's first letter and
/// the consonants after it, words separated by one space (so "Sandy Cay" and "Sandacho", "El
/// Alamein" and "El Minya" differ).
fn key_into(name: &str, key: &mut String) {
    key.clear();
    let mut word_start = true;
    for c in name.chars() {
        if c.is_whitespace() || c == '-' {
            if !key.is_empty() && !key.ends_with(' ') {
                key.push(' ');
            }
            word_start = true;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            continue;
        }
        let c = match c.to_ascii_lowercase() {
            'q' => 'k',
            c => c,
        };
        if !word_start && matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'h' | 'w' | 'y') {
            continue;
        }
        if word_start || !key.ends_with(c) {
            key.push(c);
        }
        word_start = false;
    }
    if key.ends_with(' ') {
        key.pop();
    }
}

/// The index's key: the spelling key's hash (64 bits for some 100,000 keys: a collision is
/// as unlikely as it would be harmless, one more candidate the geoparser still has to license).
fn hashed(key: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<crate::NameHasher>::default().hash_one(key)
}

impl Gazetteer {
    /// The cities and admin-1 regions whose name or an alias has the spelling key of `name`
    /// (module doc); empty for a key shorter than [`MIN_KEY`]. The index is built on first use
    /// (about 100,000 names, a few tens of milliseconds).
    pub fn lookup_spelling(&'static self, name: &str) -> &'static [u32] {
        static INDEX: OnceLock<NameMap<u64, Vec<u32>>> = OnceLock::new();
        let Some(key) = spelling_key(name) else {
            return &[];
        };
        let index = INDEX.get_or_init(|| {
            let mut m: NameMap<u64, Vec<u32>> = NameMap::default();
            let mut key = String::new();
            for (name, postings) in &self.names {
                let mut places = postings.as_slice().iter().copied().filter(|&i| {
                    self.entry(i)
                        .is_some_and(|e| matches!(e.kind, Kind::City | Kind::Admin1))
                });
                let Some(first) = places.next() else { continue };
                key_into(name, &mut key);
                if key.chars().filter(|c| *c != ' ').count() < MIN_KEY {
                    continue;
                }
                let v = m.entry(hashed(&key)).or_default();
                for i in std::iter::once(first).chain(places) {
                    if !v.contains(&i) {
                        v.push(i);
                    }
                }
            }
            for v in m.values_mut() {
                v.sort_unstable();
            }
            m
        });
        index.get(&hashed(&key)).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_key() {
        for (a, b) in [
            ("Baramulla", "Bāramūla"),
            ("Gedaref", "Gadarif"),
            ("Kupwara", "Kupwāra"),
        ] {
            assert_eq!(spelling_key(a), spelling_key(b), "{a} {b}");
        }
        assert_eq!(spelling_key("Baramulla").as_deref(), Some("brml"));
        assert_eq!(spelling_key("Debre Markos"), spelling_key("Debre Mark’os"));
        // Words stay apart: other places with the same letters.
        assert_ne!(spelling_key("Sandy Cay"), spelling_key("Sandachō"));
        assert_ne!(spelling_key("El Alamein"), spelling_key("El Minya"));
        // Too short to tell places apart.
        assert_eq!(spelling_key("Nabatieh"), None);
    }

    #[test]
    fn the_index_finds_the_packaged_spelling() {
        let g = Gazetteer::get();
        let found: Vec<&str> = g
            .lookup_spelling("Baramulla")
            .iter()
            .filter_map(|&i| g.entry(i))
            .filter(|e| e.iso3 == "IND")
            .map(|e| e.name)
            .collect();
        assert!(found.contains(&"Bāramūla"), "{found:?}");
    }
}
