//! demarche-coder (in progress).
