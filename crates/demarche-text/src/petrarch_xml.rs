//! PETRARCH XML reader (in progress).
