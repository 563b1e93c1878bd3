//! demarche-text (in progress).
