//! What the till keeps on its device, in the browser's IndexedDB, so that it starts and sells
//! without the server: the catalogue (with the version to ask changes from), the members'
//! statuses (with when the server computed them) and the queue of sales and returns the
//! server has not acknowledged yet.
//!
//! The browser side is a few lines of JavaScript (below) behind async functions; values are
//! stored as JSON text made by serde, so nothing heavier than wasm-bindgen comes into the
//! WASM. Queue writes ask for strict durability: a sale is on disk before it is sent. On the
//! server (the `ssr` build) there is no device: nothing is kept and the queue is empty.

use domain::shifts::statuses::StatusSnapshot;
use domain::till::catalogue::{CatalogueChanges, CatalogueProduct};
use domain::till::returns::ReturnDraft;
use domain::till::sale::SaleDraft;
use domain::till::BarcodeRule;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use uuid::Uuid;

/// The device's copy of the catalogue: its products (a change that makes one inactive
/// replaces it, and the till then drops it), the nomenclature, the version to ask changes
/// from, and when it last came from the server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptCatalogue {
    pub version: i64,
    pub synced_at_ms: i64,
    pub products: Vec<CatalogueProduct>,
    pub nomenclature: Vec<BarcodeRule>,
}

impl KeptCatalogue {
    /// Takes in a page of changes: products replaced by id or added, the version moved on,
    /// the nomenclature replaced when the page holds one.
    pub fn apply(&mut self, changes: CatalogueChanges) {
        let at: HashMap<Uuid, usize> = self
            .products
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id, i))
            .collect();
        for p in changes.products {
            match at.get(&p.id) {
                Some(&i) => self.products[i] = p,
                None => self.products.push(p),
            }
        }
        self.version = self.version.max(changes.version);
        if !changes.nomenclature.is_empty() {
            self.nomenclature = changes.nomenclature;
        }
    }
}

/// A sale or return waiting for the server's acknowledgement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "draft", rename_all = "snake_case")]
pub enum Pending {
    Sale(SaleDraft),
    Return(ReturnDraft),
}

impl Pending {
    /// The id the device gave it: the queue's key.
    pub fn id(&self) -> Uuid {
        match self {
            Pending::Sale(d) => d.id,
            Pending::Return(d) => d.id,
        }
    }
}

/// Why the device's storage failed (private browsing without IndexedDB, a full disk...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "device storage: {}", self.0)
    }
}

const CATALOGUE: &str = "catalogue";
const CATALOGUE_CHECKED: &str = "catalogue_checked";
const STATUSES: &str = "statuses";

/// The kept catalogue, if this device has one.
pub async fn load_catalogue() -> Option<KeptCatalogue> {
    load(CATALOGUE).await
}

pub async fn save_catalogue(c: &KeptCatalogue) -> Result<(), StoreError> {
    save(CATALOGUE, c).await
}

/// When the server last said the kept catalogue was current (device clock), if it said so
/// after the catalogue was last written: kept apart, so that a check that brings nothing new
/// does not write the whole catalogue again.
pub async fn load_checked() -> Option<i64> {
    load(CATALOGUE_CHECKED).await
}

pub async fn save_checked(at_ms: i64) -> Result<(), StoreError> {
    save(CATALOGUE_CHECKED, &at_ms).await
}

/// The kept member statuses, if this device has them.
pub async fn load_statuses() -> Option<StatusSnapshot> {
    load(STATUSES).await
}

pub async fn save_statuses(s: &StatusSnapshot) -> Result<(), StoreError> {
    save(STATUSES, s).await
}

async fn load<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    let text = js::kept_get(key).await.ok()??;
    serde_json::from_str(&text).ok()
}

async fn save<T: Serialize>(key: &str, value: &T) -> Result<(), StoreError> {
    let text = serde_json::to_string(value).map_err(|e| StoreError(e.to_string()))?;
    js::kept_put(key, text).await
}

/// Puts a sale or return in the queue, on disk, before it is sent.
pub async fn enqueue(p: &Pending) -> Result<(), StoreError> {
    let text = serde_json::to_string(p).map_err(|e| StoreError(e.to_string()))?;
    js::queue_put(&p.id().to_string(), text).await
}

/// Takes an acknowledged sale or return out of the queue.
pub async fn dequeue(id: Uuid) -> Result<(), StoreError> {
    js::queue_delete(&id.to_string()).await
}

/// Everything waiting, oldest first (device ids are time-ordered UUID v7).
pub async fn queued() -> Result<Vec<Pending>, StoreError> {
    Ok(js::queue_all()
        .await?
        .iter()
        .filter_map(|t| serde_json::from_str(t).ok())
        .collect())
}

#[cfg(feature = "hydrate")]
mod js {
    use super::StoreError;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(inline_js = r#"
const NAME = "ruche-till";
let opened = null;
function open() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const r = indexedDB.open(NAME, 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore("kept");
        r.result.createObjectStore("queue");
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => { opened = null; reject(r.error); };
    });
  }
  return opened;
}
function run(store, mode, act) {
  return open().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode, { durability: mode === "readwrite" ? "strict" : "default" });
    const req = act(tx.objectStore(store));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  }));
}
export function kept_get(key) { return run("kept", "readonly", (s) => s.get(key)); }
export function kept_put(key, value) { return run("kept", "readwrite", (s) => s.put(value, key)).then(() => undefined); }
export function queue_put(id, value) { return run("queue", "readwrite", (s) => s.put(value, id)).then(() => undefined); }
export function queue_delete(id) { return run("queue", "readwrite", (s) => s.delete(id)).then(() => undefined); }
export function queue_all() { return run("queue", "readonly", (s) => s.getAll()); }
"#)]
    extern "C" {
        #[wasm_bindgen(catch, js_name = kept_get)]
        async fn js_kept_get(key: &str) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(catch, js_name = kept_put)]
        async fn js_kept_put(key: &str, value: String) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(catch, js_name = queue_put)]
        async fn js_queue_put(id: &str, value: String) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(catch, js_name = queue_delete)]
        async fn js_queue_delete(id: &str) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(catch, js_name = queue_all)]
        async fn js_queue_all() -> Result<JsValue, JsValue>;
    }

    fn failed(e: JsValue) -> StoreError {
        StoreError(format!("{e:?}"))
    }

    pub async fn kept_get(key: &str) -> Result<Option<String>, StoreError> {
        Ok(js_kept_get(key).await.map_err(failed)?.as_string())
    }

    pub async fn kept_put(key: &str, value: String) -> Result<(), StoreError> {
        js_kept_put(key, value).await.map(|_| ()).map_err(failed)
    }

    pub async fn queue_put(id: &str, value: String) -> Result<(), StoreError> {
        js_queue_put(id, value).await.map(|_| ()).map_err(failed)
    }

    pub async fn queue_delete(id: &str) -> Result<(), StoreError> {
        js_queue_delete(id).await.map(|_| ()).map_err(failed)
    }

    pub async fn queue_all() -> Result<Vec<String>, StoreError> {
        let all = js_queue_all().await.map_err(failed)?;
        Ok(web_sys::js_sys::Array::from(&all)
            .iter()
            .filter_map(|v| v.as_string())
            .collect())
    }
}

/// Off the browser there is no device: nothing is kept, the queue is empty.
#[cfg(not(feature = "hydrate"))]
mod js {
    use super::StoreError;

    pub async fn kept_get(_key: &str) -> Result<Option<String>, StoreError> {
        Ok(None)
    }

    pub async fn kept_put(_key: &str, _value: String) -> Result<(), StoreError> {
        Ok(())
    }

    pub async fn queue_put(_id: &str, _value: String) -> Result<(), StoreError> {
        Ok(())
    }

    pub async fn queue_delete(_id: &str) -> Result<(), StoreError> {
        Ok(())
    }

    pub async fn queue_all() -> Result<Vec<String>, StoreError> {
        Ok(Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::till::{Unit, VatRate};

    fn product(n: u128, price_cents: i64, version: i64) -> CatalogueProduct {
        CatalogueProduct {
            id: Uuid::from_u128(n),
            name: format!("Product {n}"),
            category_id: None,
            unit: Unit::Piece,
            price_cents,
            vat_rate: VatRate(600),
            deposit_cents: 0,
            deposit_vat_rate: VatRate::ZERO,
            meal_voucher: false,
            active: true,
            barcodes: vec![],
            label: Default::default(),
            version,
            updated_at_ms: 0,
        }
    }

    fn page(
        version: i64,
        products: Vec<CatalogueProduct>,
        rules: Vec<BarcodeRule>,
    ) -> CatalogueChanges {
        CatalogueChanges {
            version,
            more: false,
            products,
            categories: vec![],
            vat_rates: vec![],
            nomenclature: rules,
        }
    }

    #[test]
    fn changes_replace_add_and_move_the_version_on() {
        let rules = domain::till::Nomenclature::default()
            .rules()
            .cloned()
            .collect::<Vec<_>>();
        let mut kept = KeptCatalogue::default();
        kept.apply(page(
            2,
            vec![product(1, 100, 1), product(2, 200, 2)],
            rules.clone(),
        ));
        assert_eq!((kept.version, kept.products.len()), (2, 2));
        assert_eq!(kept.nomenclature, rules);
        let mut gone = product(1, 120, 4);
        gone.active = false;
        kept.apply(page(
            5,
            vec![product(3, 300, 3), gone.clone(), product(2, 250, 5)],
            vec![],
        ));
        assert_eq!(kept.version, 5);
        assert_eq!(
            kept.products,
            vec![gone, product(2, 250, 5), product(3, 300, 3)]
        );
        assert_eq!(kept.nomenclature, rules, "a page without rules keeps them");
        // An empty page (nothing changed) leaves the version where it is.
        kept.apply(page(0, vec![], vec![]));
        assert_eq!(kept.version, 5);
    }

    #[test]
    fn pending_sales_and_returns_travel_as_json() {
        let sale = Pending::Sale(SaleDraft {
            id: Uuid::from_u128(7),
            session_id: Uuid::from_u128(8),
            member_id: Uuid::from_u128(9),
            sold_at_ms: 1,
            lines: vec![],
            payments: vec![],
            override_id: None,
            catalogue_version: 3,
        });
        let text = serde_json::to_string(&sale).unwrap();
        assert!(
            text.starts_with(r#"{"kind":"sale","draft":{"id":"#),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<Pending>(&text).unwrap(), sale);
        assert_eq!(sale.id(), Uuid::from_u128(7));
        // A sale kept by a till before sales carried their catalogue version still reads.
        let older = text.replace(r#","catalogue_version":3"#, "");
        assert_ne!(older, text);
        let Pending::Sale(read) = serde_json::from_str::<Pending>(&older).unwrap() else {
            panic!("a sale: {older}");
        };
        assert_eq!(read.catalogue_version, 0);
    }
}
