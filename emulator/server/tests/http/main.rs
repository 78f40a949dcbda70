//! End-to-end tests of the emulator over real HTTP. Each test starts its own emulator
//! process on a free port.

mod accounts;
mod agreement;
mod auth;
mod browser;
mod contacts;
mod coverage;
mod emulator;
mod faults;
mod invoices;
mod organizations;
mod pagination;
mod persistence;
mod samples;
mod support;
