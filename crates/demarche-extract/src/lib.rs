//! demarche-extract (in progress).
