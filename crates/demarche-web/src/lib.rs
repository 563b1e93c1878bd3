//! demarche-web (in progress).
