//! demarche-store (in progress).
