//! demarche-server (in progress).
