//! demarche-parse (in progress).
