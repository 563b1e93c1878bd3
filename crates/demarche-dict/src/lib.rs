//! demarche-dict (in progress).
