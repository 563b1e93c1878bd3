//! SHA-256 of any `Serialize` value without writing it out as text: each value is fed to the
//! hash as a tag byte and its bytes (lengths first), so that two different values never feed
//! the same bytes. The coding hash of a document hashes its events this way, which costs a
//! fraction of their JSON (no formatting, no escaping), and new fields of an event are hashed
//! without anyone listing them.

use serde::ser::{self, Serialize};
use sha2::{Digest, Sha256};

/// Feeds `value` into `hasher`.
pub(crate) fn feed<T: Serialize + ?Sized>(hasher: &mut Sha256, value: &T) {
    let mut f = Feeder {
        hasher,
        buf: Vec::with_capacity(BUFFER),
    };
    // The serializer cannot fail: `Error` is never made.
    let _ = value.serialize(&mut f);
    f.hasher.update(&f.buf);
}

/// Bytes gathered before they go to the hash: many small updates cost more than a few large.
const BUFFER: usize = 8192;

struct Feeder<'a> {
    hasher: &'a mut Sha256,
    buf: Vec<u8>,
}

#[derive(Debug)]
pub(crate) struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("never")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Never
    }
}

impl Feeder<'_> {
    fn put(&mut self, b: &[u8]) {
        if self.buf.len() + b.len() > BUFFER {
            self.hasher.update(&self.buf);
            self.buf.clear();
            if b.len() > BUFFER {
                self.hasher.update(b);
                return;
            }
        }
        self.buf.extend_from_slice(b);
    }

    fn tag(&mut self, t: u8) {
        self.put(&[t]);
    }

    fn len(&mut self, n: usize) {
        self.put(&(n as u64).to_le_bytes());
    }

    fn bytes(&mut self, t: u8, b: &[u8]) {
        self.tag(t);
        self.len(b.len());
        self.put(b);
    }
}

macro_rules! number {
    ($name:ident, $ty:ty, $tag:expr) => {
        fn $name(self, v: $ty) -> Result<(), Never> {
            self.tag($tag);
            self.put(&v.to_le_bytes());
            Ok(())
        }
    };
}

impl<'a, 'b> ser::Serializer for &'a mut Feeder<'b> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result<(), Never> {
        self.tag(if v { 1 } else { 2 });
        Ok(())
    }
    number!(serialize_i8, i8, 3);
    number!(serialize_i16, i16, 4);
    number!(serialize_i32, i32, 5);
    number!(serialize_i64, i64, 6);
    number!(serialize_u8, u8, 7);
    number!(serialize_u16, u16, 8);
    number!(serialize_u32, u32, 9);
    number!(serialize_u64, u64, 10);
    number!(serialize_f32, f32, 11);
    number!(serialize_f64, f64, 12);
    number!(serialize_i128, i128, 13);
    number!(serialize_u128, u128, 14);

    fn serialize_char(self, v: char) -> Result<(), Never> {
        self.tag(15);
        self.put(&u32::from(v).to_le_bytes());
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Never> {
        self.bytes(16, v.as_bytes());
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Never> {
        self.bytes(17, v);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Never> {
        self.tag(18);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Never> {
        self.tag(19);
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Never> {
        self.tag(20);
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Never> {
        self.tag(20);
        Ok(())
    }

    fn serialize_unit_variant(self, _: &'static str, i: u32, _: &'static str) -> Result<(), Never> {
        self.tag(21);
        self.put(&i.to_le_bytes());
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        i: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        self.tag(22);
        self.put(&i.to_le_bytes());
        value.serialize(self)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Never> {
        self.tag(23);
        Ok(self)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self, Never> {
        self.tag(23);
        Ok(self)
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        self.tag(23);
        Ok(self)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        i: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Never> {
        self.tag(24);
        self.put(&i.to_le_bytes());
        Ok(self)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self, Never> {
        self.tag(25);
        Ok(self)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        self.tag(25);
        Ok(self)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        i: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Never> {
        self.tag(26);
        self.put(&i.to_le_bytes());
        Ok(self)
    }
}

/// Elements are marked, and the end too, so that nesting is unambiguous.
macro_rules! compound {
    ($trait:ident, $method:ident) => {
        impl ser::$trait for &mut Feeder<'_> {
            type Ok = ();
            type Error = Never;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
                self.tag(27);
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Never> {
                self.tag(28);
                Ok(())
            }
        }
    };
}

compound!(SerializeSeq, serialize_element);
compound!(SerializeTuple, serialize_element);
compound!(SerializeTupleStruct, serialize_field);
compound!(SerializeTupleVariant, serialize_field);

impl ser::SerializeMap for &mut Feeder<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Never> {
        self.tag(27);
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Never> {
        self.tag(28);
        Ok(())
    }
}

macro_rules! fields {
    ($trait:ident) => {
        impl ser::$trait for &mut Feeder<'_> {
            type Ok = ();
            type Error = Never;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Never> {
                self.bytes(27, key.as_bytes());
                value.serialize(&mut **self)
            }
            fn skip_field(&mut self, key: &'static str) -> Result<(), Never> {
                // A skipped field (an absent optional) feeds its name only.
                self.bytes(29, key.as_bytes());
                Ok(())
            }
            fn end(self) -> Result<(), Never> {
                self.tag(28);
                Ok(())
            }
        }
    };
}

fields!(SerializeStruct);
fields!(SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;

    fn hash<T: Serialize + ?Sized>(v: &T) -> Vec<u8> {
        let mut h = Sha256::new();
        feed(&mut h, v);
        h.finalize().to_vec()
    }

    #[test]
    fn different_values_hash_differently() {
        // Nesting and string boundaries are part of what is fed.
        assert_ne!(hash(&vec!["ab", "c"]), hash(&vec!["a", "bc"]));
        assert_ne!(
            hash(&(vec![1u8], vec![2u8])),
            hash(&(vec![1u8, 2], Vec::<u8>::new()))
        );
        assert_ne!(hash(&Some(0u32)), hash(&None::<u32>));
        assert_ne!(hash(&1.0f32), hash(&1.0f64));
        assert_eq!(hash(&("x", 3u64)), hash(&("x", 3u64)));
    }
}
