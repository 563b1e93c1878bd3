//! demarche-text (in progress).

pub mod petrarch_xml;
