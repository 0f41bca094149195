//! The till's device: everything the till keeps in the browser and sends from it, behind a
//! small API, so that scanning never waits for the network and the sale queue has one place.
//!
//! - [`Device::load`]: the whole catalogue, loaded once at session start (pages of
//!   `catalogue_since`) into an in-memory index: barcode to product, folded names for search,
//!   and the coop's barcode nomenclature.
//! - [`Device::look_up`]: a scanned code read with the very nomenclature code the server
//!   uses (`domain::till::parse_scan`), then found in the index: no network.
//! - [`Device::search`]: products by name, ignoring case and accents.
//! - [`post_sale`] and [`post_return`]: send what the till rang up. Every sale and return
//!   carries an id made here ([`new_id`]), so sending it again records it once.
//!
//! Offline: `load` starts from the catalogue the device keeps ([`super::store`]) and the
//! [`Link`] fetches the changes since its version; `post_sale` and `post_return` put the
//! draft in the device's queue before sending it, and the link sends what waits until the
//! server answers.

use super::link::{Link, Sent};
use super::store::{self, KeptCatalogue, Pending};
use crate::api::till::{catalogue_since, post_return as send_return, post_sale as send_sale};
use crate::error::AppError;
use domain::search::fold;
use domain::till::catalogue::{CatalogueChanges, CatalogueProduct};
use domain::till::returns::{ReturnDraft, ReturnReceipt};
use domain::till::sale::{Receipt, SaleDraft};
use domain::till::{parse_scan, Nomenclature, Scan, ScanError};
use leptos::prelude::*;
use std::collections::HashMap;
use uuid::Uuid;

/// Products per page when loading the catalogue.
pub const PAGE: u64 = 2_000;

/// The catalogue as the till holds it.
#[derive(Debug, Clone, Default)]
pub struct Device {
    products: Vec<CatalogueProduct>,
    /// Each product's folded name, in the order of `products`.
    folded: Vec<String>,
    by_id: HashMap<Uuid, usize>,
    by_barcode: HashMap<String, usize>,
    nomenclature: Nomenclature,
    /// The catalogue version this copy holds.
    pub version: i64,
    /// The kept copy's version, time and nomenclature; its products are `products`.
    kept: KeptCatalogue,
}

/// What a scanned code is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// An item to sell, with how the code said to sell it (one piece, a weight, a price).
    Item(Scan, CatalogueProduct),
    /// A member's (or household person's) card.
    MemberCard(String),
    /// A cashier's badge: not an item.
    Badge,
}

/// Why a code found nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotFound {
    /// A misread (bad check digit, not a barcode) or no nomenclature rule reads it.
    Unreadable(ScanError),
    /// It reads, but no product has it.
    UnknownBarcode,
}

impl Device {
    /// The till's catalogue: the device's own copy when it keeps one (no network; the
    /// [`Link`] fetches the changes since its version right after), else the whole catalogue
    /// from the server, a page at a time, then kept on the device. `progress` is told how
    /// many products have come so far.
    pub async fn load(progress: impl Fn(usize)) -> Result<Device, AppError> {
        if let Some(mut kept) = store::load_catalogue().await {
            progress(kept.products.len());
            let checked = store::load_checked().await.unwrap_or(0);
            kept.synced_at_ms = kept.synced_at_ms.max(checked);
            return Ok(Device::from_kept(kept));
        }
        let mut kept = KeptCatalogue::default();
        for page in changes_since(0, &progress).await? {
            kept.apply(page);
        }
        kept.synced_at_ms = now_ms();
        let device = Device::from_kept(kept);
        keep(device.to_kept());
        Ok(device)
    }

    /// Asks the server what changed since the device's version and takes it in (the index
    /// rebuilt once, the copy kept); returns when it asked, which is also kept as the copy's
    /// last check when nothing changed.
    pub async fn refresh(device: StoredValue<Device>) -> Result<i64, AppError> {
        let (version, rules) = device.with_value(|d| (d.kept.version, d.kept.nomenclature.clone()));
        let pages = changes_since(version, &|_| {}).await?;
        let checked = now_ms();
        if pages.iter().all(|p| {
            p.products.is_empty() && (p.nomenclature.is_empty() || p.nomenclature == rules)
        }) {
            device.update_value(|d| d.kept.synced_at_ms = checked);
            let _ = store::save_checked(checked).await;
            return Ok(checked);
        }
        let mut kept = device.with_value(Device::to_kept);
        for page in pages {
            kept.apply(page);
        }
        kept.synced_at_ms = checked;
        let fresh = Device::from_kept(kept);
        keep(fresh.to_kept());
        device.set_value(fresh);
        Ok(checked)
    }

    /// When this copy last came from the server, if it did.
    pub fn checked_at_ms(&self) -> Option<i64> {
        (self.kept.synced_at_ms > 0).then_some(self.kept.synced_at_ms)
    }

    /// The index of a kept catalogue: its active products (the till keeps no others: a
    /// product made active again comes back whole with the changes), read with its
    /// nomenclature. Takes the products without copying them.
    fn from_kept(mut kept: KeptCatalogue) -> Device {
        let nomenclature = if kept.nomenclature.is_empty() {
            Nomenclature::default()
        } else {
            Nomenclature::new(kept.nomenclature.clone()).unwrap_or_default()
        };
        let mut device = Device {
            nomenclature,
            version: kept.version,
            ..Device::default()
        };
        kept.products.retain(|p| p.active);
        device.index(std::mem::take(&mut kept.products));
        device.kept = kept;
        device
    }

    /// The catalogue to keep on the device: this index's products with its version.
    fn to_kept(&self) -> KeptCatalogue {
        KeptCatalogue {
            products: self.products.clone(),
            ..self.kept.clone()
        }
    }

    /// A device holding these products, read with the default nomenclature (for tests).
    pub fn with_products(products: Vec<CatalogueProduct>) -> Device {
        let mut device = Device::default();
        device.index(products);
        device
    }

    fn index(&mut self, mut products: Vec<CatalogueProduct>) {
        products.sort_by(|a, b| a.name.cmp(&b.name));
        self.folded = products.iter().map(|p| fold(&p.name)).collect();
        self.by_id = products
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id, i))
            .collect();
        self.by_barcode = products
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.barcodes.iter().map(move |b| (b.clone(), i)))
            .collect();
        self.products = products;
    }

    pub fn len(&self) -> usize {
        self.products.len()
    }

    pub fn is_empty(&self) -> bool {
        self.products.is_empty()
    }

    pub fn product(&self, id: Uuid) -> Option<&CatalogueProduct> {
        self.by_id.get(&id).map(|&i| &self.products[i])
    }

    /// Reads a scanned code, here, without the network.
    pub fn look_up(&self, code: &str) -> Result<Found, NotFound> {
        let scan = parse_scan(&self.nomenclature, code).map_err(NotFound::Unreadable)?;
        match &scan {
            Scan::MemberCard { barcode } => Ok(Found::MemberCard(barcode.clone())),
            Scan::CashierBadge { .. } => Ok(Found::Badge),
            _ => {
                let barcode = scan.product_barcode().unwrap_or_default();
                let product = self
                    .by_barcode
                    .get(barcode)
                    .map(|&i| self.products[i].clone())
                    .ok_or(NotFound::UnknownBarcode)?;
                Ok(Found::Item(scan, product))
            }
        }
    }

    /// Products whose name holds every word of `query`, ignoring case and accents, by name;
    /// at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<CatalogueProduct> {
        let query = fold(query);
        let words: Vec<&str> = query.split_whitespace().collect();
        if words.is_empty() {
            return vec![];
        }
        self.folded
            .iter()
            .enumerate()
            .filter(|(_, name)| words.iter().all(|w| name.contains(w)))
            .take(limit)
            .map(|(i, _)| self.products[i].clone())
            .collect()
    }
}

/// The catalogue's changes after `version`, every page of them.
async fn changes_since(
    mut version: i64,
    progress: &impl Fn(usize),
) -> Result<Vec<CatalogueChanges>, AppError> {
    let (mut pages, mut count) = (Vec::new(), 0);
    loop {
        let page = catalogue_since(version, PAGE).await?;
        version = version.max(page.version);
        count += page.products.len();
        progress(count);
        let more = page.more;
        pages.push(page);
        if !more {
            return Ok(pages);
        }
    }
}

/// Keeps the catalogue on the device, in the background: the till sells meanwhile.
fn keep(kept: KeptCatalogue) {
    leptos::task::spawn_local(async move {
        let _ = store::save_catalogue(&kept).await;
    });
}

/// Keeps a sale on the device, then sends it: recorded (its receipt), kept until the server
/// is back ([`Sent::Kept`]), or refused. Sending it again answers the same receipt.
pub async fn post_sale(link: Link, draft: SaleDraft) -> Result<Sent<Receipt>, AppError> {
    link.send_now(Pending::Sale(draft.clone()), send_sale(draft))
        .await
}

/// Keeps a return on the device, then sends it, like [`post_sale`].
pub async fn post_return(link: Link, draft: ReturnDraft) -> Result<Sent<ReturnReceipt>, AppError> {
    link.send_now(Pending::Return(draft.clone()), send_return(draft))
        .await
}

/// Now, in milliseconds since the epoch, by the device's clock.
pub fn now_ms() -> i64 {
    #[cfg(feature = "hydrate")]
    {
        web_sys::js_sys::Date::now() as i64
    }
    #[cfg(not(feature = "hydrate"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
    }
}

/// A new id for a sale or a return, made on the device: a UUID v7 (time-ordered) from the
/// device's clock and its cryptographic random numbers.
pub fn new_id() -> Uuid {
    let mut random = [0u8; 10];
    #[cfg(feature = "hydrate")]
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut random);
    }
    #[cfg(not(feature = "hydrate"))]
    {
        // Off the browser (tests): the standard library's per-process random hash keys.
        use std::hash::{BuildHasher, Hasher};
        let state = std::collections::hash_map::RandomState::new();
        let mut h = state.build_hasher();
        h.write_i64(now_ms());
        let (a, b) = (h.finish(), state.build_hasher().finish());
        random[..8].copy_from_slice(&a.to_le_bytes());
        random[8..].copy_from_slice(&b.to_le_bytes()[..2]);
    }
    uuid::Builder::from_unix_timestamp_millis(u64::try_from(now_ms()).unwrap_or(0), &random)
        .into_uuid()
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::till::{Unit, VatRate};

    fn product(n: u128, name: &str, unit: Unit, barcode: &str) -> CatalogueProduct {
        CatalogueProduct {
            id: Uuid::from_u128(n),
            name: name.into(),
            category_id: None,
            unit,
            price_cents: 249,
            vat_rate: VatRate(600),
            deposit_cents: 0,
            deposit_vat_rate: VatRate::ZERO,
            meal_voucher: true,
            active: true,
            barcodes: vec![barcode.into()],
            label: Default::default(),
            version: 1,
            updated_at_ms: 0,
        }
    }

    #[test]
    fn codes_are_read_here() {
        let cream = product(1, "Crème fraîche 20 cl", Unit::Piece, "4006381333931");
        let cheese = product(2, "Comté 18 mois", Unit::Kg, "2112345000008");
        let d = Device::with_products(vec![cream.clone(), cheese.clone()]);
        assert_eq!(
            d.look_up("4006381333931\n"),
            Ok(Found::Item(
                Scan::Product {
                    barcode: "4006381333931".into()
                },
                cream
            ))
        );
        assert!(matches!(
            d.look_up("2112345012506"),
            Ok(Found::Item(Scan::Weighed { grams: 1250, .. }, p)) if p.id == cheese.id
        ));
        assert_eq!(
            d.look_up("0420000000013"),
            Ok(Found::MemberCard("0420000000013".into()))
        );
        assert_eq!(d.look_up("5000000000005"), Err(NotFound::UnknownBarcode));
        assert!(matches!(
            d.look_up("4006381333932"),
            Err(NotFound::Unreadable(_))
        ));
    }

    #[test]
    fn names_are_found_without_accents_or_case() {
        let d = Device::with_products(vec![
            product(1, "Crème fraîche 20 cl", Unit::Piece, "4006381333931"),
            product(2, "Comté 18 mois", Unit::Kg, "2112345000008"),
        ]);
        let names =
            |q: &str| -> Vec<String> { d.search(q, 10).into_iter().map(|p| p.name).collect() };
        assert_eq!(names("CREME"), vec!["Crème fraîche 20 cl".to_string()]);
        assert_eq!(names("comte mois"), vec!["Comté 18 mois".to_string()]);
        assert_eq!(names("c"), vec!["Comté 18 mois", "Crème fraîche 20 cl"]);
        assert!(names("lait").is_empty());
        assert!(names("  ").is_empty());
    }

    #[test]
    fn a_kept_catalogue_is_indexed_without_its_inactive_products() {
        let cream = product(1, "Crème fraîche 20 cl", Unit::Piece, "4006381333931");
        let mut gone = product(2, "Comté 18 mois", Unit::Kg, "2112345000008");
        gone.active = false;
        let kept = KeptCatalogue {
            version: 7,
            synced_at_ms: 1_000,
            products: vec![cream.clone(), gone],
            nomenclature: vec![],
        };
        let d = Device::from_kept(kept);
        assert_eq!((d.len(), d.version, d.checked_at_ms()), (1, 7, Some(1_000)));
        assert!(matches!(d.look_up("4006381333931"), Ok(Found::Item(_, p)) if p == cream));
        assert_eq!(d.look_up("2112345012506"), Err(NotFound::UnknownBarcode));
        let again = d.to_kept();
        assert_eq!((again.version, again.products), (7, vec![cream]));
        assert_eq!(Device::default().checked_at_ms(), None);
    }

    #[test]
    fn device_ids_are_fresh_v7() {
        let (a, b) = (new_id(), new_id());
        assert_ne!(a, b);
        assert_eq!(a.get_version_num(), 7);
    }
}
