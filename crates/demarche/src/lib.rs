//! The demarche library: the facade over the pipeline's stages.
//!
//! Stages live in their own crates (`demarche-text`, `demarche-parse`, `demarche-dict`,
//! `demarche-coder`, `demarche-extract`, `demarche-store`); this crate re-exports them and
//! composes them into a pipeline for library users and for the `demarche` binary.

pub use demarche_model as model;
