//! The till (EasyMyMarket): barcode nomenclature, prices, VAT, cash rounding, baskets, the
//! product form and CSV, and the drawer's count and reports.
//!
//! Everything here is pure and decimal: the till runs it in the browser, offline, and the
//! server runs the same code to check what the till sends.

pub mod basket;
pub mod catalogue;
pub mod drawer;
pub mod nomenclature;
pub mod payment;
pub mod product;
pub mod returns;
pub mod rounding;
pub mod sale;
pub mod vat;

#[cfg(test)]
mod properties;

pub use basket::{from_milli, to_milli, Basket, BasketError, Line, LineId, LineKind};
pub use catalogue::{ProductForm, ValidProduct};
pub use drawer::{
    counted_cents, Count, CountError, DrawerReport, ReturnTotals, SaleTotals, VatCents,
    MAX_DRAWER_CENTS,
};
pub use nomenclature::{
    parse_scan, sold_by_label, BarcodeRule, Field, Nomenclature, RuleError, RuleKind, Scan,
    ScanError,
};
pub use payment::{settle, Payment, PaymentError, Settlement, Tender};
pub use product::{Deposit, Product, Unit};
pub use returns::{check_return, refund_vat, ReturnError, ReturnLine, ReturnRequest, SoldLine};
pub use rounding::{round_cash, round_cents, CashRounding};
pub use vat::{VatBreakdown, VatLine, VatRate, BELGIAN_RATES};
