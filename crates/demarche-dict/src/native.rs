//! Our own dictionary format (in progress).
