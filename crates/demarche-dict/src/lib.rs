//! demarche-dict (in progress).

pub mod native;
