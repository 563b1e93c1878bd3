//! Our table of CAMEO event codes (`data/cameo.txt`): name, Goldstein score, quad class and
//! PLOVER category for every code.
//!
//! The table is compiled into the binary and parsed once on first use. Quad classes are
//! Phoenix's (0 for the neutral roots 01–02); GDELT has no neutral class and puts 01–02 in
//! verbal cooperation, which [`gdelt_quad_class`] gives for the GDELT exports.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/cameo.txt");

/// Facts about one CAMEO code.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeInfo {
    pub code: &'static str,
    pub root: &'static str,
    pub name: &'static str,
    pub goldstein: f32,
    pub quad_class: u8,
    pub plover: Option<&'static str>,
}

fn table() -> &'static HashMap<&'static str, CodeInfo> {
    static TABLE_MAP: OnceLock<HashMap<&'static str, CodeInfo>> = OnceLock::new();
    TABLE_MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for line in TABLE.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('|').map(str::trim);
            let (Some(code), Some(g), Some(q), Some(p), Some(name)) = (
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
            ) else {
                continue;
            };
            // The table is ours and tested below; a malformed row is skipped, not a panic.
            let (Ok(goldstein), Ok(quad_class)) = (g.parse::<f32>(), q.parse::<u8>()) else {
                continue;
            };
            let info = CodeInfo {
                code,
                root: code.get(..2).unwrap_or(code),
                name,
                goldstein,
                quad_class,
                plover: (p != "-").then_some(p),
            };
            map.insert(code, info);
        }
        map
    })
}

/// Facts about a CAMEO code, if it is one.
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    table().get(code)
}

/// Whether `code` is a CAMEO event code in our table.
pub fn is_known(code: &str) -> bool {
    lookup(code).is_some()
}

/// Every code in the table, sorted.
pub fn all_codes() -> Vec<&'static CodeInfo> {
    let mut v: Vec<_> = table().values().collect();
    v.sort_by_key(|c| c.code);
    v
}

/// Phoenix quad class of a two-digit root.
pub fn quad_class_of_root(root: &str) -> Option<u8> {
    lookup(root).map(|c| c.quad_class)
}

/// GDELT's QuadClass (1–4; roots 01–02 are verbal cooperation there).
pub fn gdelt_quad_class(quad_class: u8) -> u8 {
    quad_class.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses() {
        let rows = TABLE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .count();
        assert_eq!(table().len(), rows, "a row of data/cameo.txt did not parse");
        assert!(rows > 300);
    }

    #[test]
    fn known_facts() {
        let praise = lookup("051").unwrap();
        assert_eq!(praise.root, "05");
        assert_eq!(praise.quad_class, 1);
        assert_eq!(praise.goldstein, 3.4);
        let accuse = lookup("112").unwrap();
        assert_eq!(accuse.quad_class, 3);
        assert_eq!(accuse.plover, Some("ACCUSE"));
        assert_eq!(lookup("190").unwrap().quad_class, 4);
        assert!(lookup("999").is_none());
        assert_eq!(gdelt_quad_class(0), 1);
    }

    #[test]
    fn roots_are_consistent() {
        for info in all_codes() {
            let root = lookup(info.root).expect("every code's root is in the table");
            assert_eq!(root.quad_class, info.quad_class, "code {}", info.code);
        }
    }
}
