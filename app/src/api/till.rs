//! Till server functions: the catalogue (kept by stock managers, loaded and scanned by the
//! tills), drawer sessions, sales and returns (cashiers), and stock moves by hand (stock
//! managers). Admins may do everything. Each one authorises, then calls one service of
//! `services::till`; the types they exchange live in `domain::till`, so the till's browser
//! code builds and reads them too.

use crate::error::AppError;
use domain::register::MemberSummary;
use domain::shifts::statuses::StatusSnapshot;
use domain::stock::MoveKind;
use domain::till::catalogue::{CatalogueChanges, CatalogueProduct, Category, Lookup};
use domain::till::drawer::{DrawerSession, Till, ZReport};
use domain::till::returns::{ReturnApproval, ReturnDraft, ReturnReceipt};
use domain::till::sale::{GrantedOverride, Receipt, SaleDraft, ShopperView};
use domain::till::{BarcodeRule, Count, DrawerReport, Field, Nomenclature, ProductForm, RuleKind};
use domain::Role;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {
    crate::ssr::{authorize, till_device},
    services::till,
};

/// Who sells: cashiers (and admins).
pub const CASHIERS: &[Role] = &[Role::Cashier];
/// Who keeps the catalogue and the stock: stock managers (and admins).
pub const STOCK_KEEPERS: &[Role] = &[Role::StockManager];
/// Who may close another cashier's drawer session: supervisors (and admins); cashiers close
/// their own.
pub const SESSION_CLOSERS: &[Role] = &[Role::Cashier, Role::ShiftLeader, Role::Coordinator];
/// Who reads the catalogue: the tills and the stock managers.
pub const CATALOGUE_READERS: &[Role] = &[Role::Cashier, Role::StockManager];

/// What changed in the catalogue after `since` (0 for all of it), a page at a time.
#[server(endpoint = "till/catalogue/changes", input = Json)]
pub async fn catalogue_since(since: i64, limit: u64) -> Result<CatalogueChanges, AppError> {
    let (s, _) = authorize(CATALOGUE_READERS)?;
    Ok(till::catalogue::changes_since(&s.db, since, limit).await?)
}

/// What a scanned code is, and its product.
#[server(endpoint = "till/catalogue/lookup", input = Json)]
pub async fn scan_code(code: String) -> Result<Lookup, AppError> {
    let (s, _) = authorize(CATALOGUE_READERS)?;
    Ok(till::catalogue::lookup(&s.db, &code).await?)
}

/// A product as its HTML form sends it (`form[name]`, ...): the barcodes in one field, separated
/// by spaces, commas or semicolons, and the flags as checkboxes, absent when unticked. The same
/// form is posted by the hydrated page and, without JavaScript, by the browser itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductInput {
    pub name: String,
    pub category: String,
    pub unit: String,
    pub price: String,
    pub vat_percent: String,
    pub deposit: String,
    pub barcodes: String,
    pub meal_voucher: bool,
    pub active: bool,
    pub origin: String,
    pub organic: bool,
    pub local: bool,
    pub content: String,
}

impl ProductInput {
    /// The address of the form's page `path` showing these fields again, as typed (`?draft=`).
    pub fn draft(&self, path: &str) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        format!("{path}?draft={}", crate::url::encode(&json))
    }
}

impl From<ProductInput> for ProductForm {
    fn from(i: ProductInput) -> ProductForm {
        ProductForm {
            barcodes: i
                .barcodes
                .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect(),
            name: i.name,
            category: i.category,
            unit: i.unit,
            price: i.price,
            vat_percent: i.vat_percent,
            deposit: i.deposit,
            meal_voucher: i.meal_voucher,
            active: i.active,
            origin: i.origin,
            organic: i.organic,
            local: i.local,
            content: i.content,
        }
    }
}

/// Adds a product; a plain form post then goes to the product's page.
#[server(endpoint = "till/catalogue/create")]
pub async fn create_product(form: ProductInput) -> Result<CatalogueProduct, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    match till::catalogue::create_product(&s, &v, &form.clone().into()).await {
        Ok(p) => {
            crate::ssr::after_plain_form(&format!("/stock/products/{}?notice=created", p.id));
            Ok(p)
        }
        Err(e) => Err(crate::ssr::again_after_plain_form(
            &form.draft("/stock/products/new"),
            <CreateProduct as leptos::server_fn::ServerFn>::PATH,
            e.into(),
        )),
    }
}

/// Changes a product; a plain form post then goes back to the product's page, saying so.
#[server(endpoint = "till/catalogue/update")]
pub async fn update_product(id: Uuid, form: ProductInput) -> Result<CatalogueProduct, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let page = format!("/stock/products/{id}");
    match till::catalogue::update_product(&s, &v, id, &form.clone().into()).await {
        Ok(p) => {
            crate::ssr::after_plain_form(&format!("{page}?notice=saved"));
            Ok(p)
        }
        Err(e) => Err(crate::ssr::again_after_plain_form(
            &form.draft(&page),
            <UpdateProduct as leptos::server_fn::ServerFn>::PATH,
            e.into(),
        )),
    }
}

/// Adds a category; a plain form post then goes back to the categories, saying so.
#[server(endpoint = "till/catalogue/category")]
pub async fn create_category(name: String) -> Result<Category, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let c = till::catalogue::create_category(&s, &v, &name).await?;
    crate::ssr::after_plain_form("/stock/categories?notice=added");
    Ok(c)
}

/// Renames a category; another category's name is refused. A plain form post then goes back
/// to the categories.
#[server(endpoint = "till/catalogue/category/rename")]
pub async fn rename_category(id: Uuid, name: String) -> Result<Category, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let c = till::catalogue::rename_category(&s, &v, id, &name).await?;
    crate::ssr::after_plain_form("/stock/categories");
    Ok(c)
}

/// A barcode rule as the nomenclature form sends it (`rules[0][kind]`, ...), every field as
/// typed; `start` counts digits from 1, as people do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RuleInput {
    pub kind: String,
    pub pattern: String,
    pub length: String,
    pub start: String,
    pub len: String,
}

impl RuleInput {
    /// A rule as the form shows it.
    pub fn of(rule: &BarcodeRule) -> RuleInput {
        let (kind, value) = match rule.kind {
            RuleKind::Product => ("product", None),
            RuleKind::Weighed { value } => ("weighed", Some(value)),
            RuleKind::PriceEmbedded { value } => ("price_embedded", Some(value)),
            RuleKind::MemberCard => ("member_card", None),
            RuleKind::CashierBadge => ("cashier_badge", None),
        };
        let value = value.unwrap_or(Field { start: 7, len: 5 });
        RuleInput {
            kind: kind.to_string(),
            pattern: rule.pattern.clone(),
            length: rule.length.map(|n| n.to_string()).unwrap_or_default(),
            start: (value.start + 1).to_string(),
            len: value.len.to_string(),
        }
    }

    /// A new rule: a product's 13-digit code.
    pub fn blank() -> RuleInput {
        RuleInput::of(&BarcodeRule {
            kind: RuleKind::Product,
            pattern: String::new(),
            length: Some(13),
        })
    }

    /// What is wrong with the rule as typed before its rules are checked: a kind that is not
    /// one of the five, or a number (length, start, digits) that does not read as one of at
    /// most two digits. Empty numbers are left to the rules (a length may be left out).
    pub fn typed_error(&self) -> Option<domain::validation::Reason> {
        use domain::validation::Reason;
        const KINDS: [&str; 5] = [
            "product",
            "weighed",
            "price_embedded",
            "member_card",
            "cashier_badge",
        ];
        if !KINDS.contains(&self.kind.as_str()) {
            return Some(Reason::UnknownChoice);
        }
        let reads = |s: &str| {
            let s = s.trim();
            s.is_empty() || (s.len() <= 2 && s.parse::<usize>().is_ok())
        };
        if [&self.length, &self.start, &self.len]
            .into_iter()
            .any(|n| !reads(n))
        {
            return Some(Reason::InvalidNumber);
        }
        None
    }

    /// The rule as typed; numbers that do not read become values the rules refuse.
    pub fn rule(&self) -> BarcodeRule {
        let number = |s: &str| s.trim().parse::<usize>().ok();
        let value = Field {
            start: number(&self.start).unwrap_or(0).saturating_sub(1),
            len: number(&self.len).unwrap_or(0),
        };
        let kind = match self.kind.as_str() {
            "weighed" => RuleKind::Weighed { value },
            "price_embedded" => RuleKind::PriceEmbedded { value },
            "member_card" => RuleKind::MemberCard,
            "cashier_badge" => RuleKind::CashierBadge,
            _ => RuleKind::Product,
        };
        BarcodeRule {
            kind,
            pattern: self.pattern.trim().to_string(),
            length: number(&self.length),
        }
    }
}

/// An edit of the rules before they are saved: made in the page with JavaScript, and by the
/// server for a form posted without it (the button's `op`, `up-2`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleOp {
    Add,
    Defaults,
    Up(usize),
    Down(usize),
    Remove(usize),
}

impl RuleOp {
    pub fn code(self) -> String {
        match self {
            RuleOp::Add => "add".into(),
            RuleOp::Defaults => "defaults".into(),
            RuleOp::Up(n) => format!("up-{n}"),
            RuleOp::Down(n) => format!("down-{n}"),
            RuleOp::Remove(n) => format!("remove-{n}"),
        }
    }

    pub fn parse(code: &str) -> Option<RuleOp> {
        match code {
            "add" => return Some(RuleOp::Add),
            "defaults" => return Some(RuleOp::Defaults),
            _ => {}
        }
        let (what, n) = code.split_once('-')?;
        let n = n.parse().ok()?;
        match what {
            "up" => Some(RuleOp::Up(n)),
            "down" => Some(RuleOp::Down(n)),
            "remove" => Some(RuleOp::Remove(n)),
            _ => None,
        }
    }

    /// Moves or removes the rule at its position among `rows`; false for an edit that brings
    /// new rules (add, defaults), which the caller makes.
    pub fn shift<T>(self, rows: &mut Vec<T>) -> bool {
        match self {
            RuleOp::Up(n) if n > 0 && n < rows.len() => rows.swap(n - 1, n),
            RuleOp::Down(n) if n + 1 < rows.len() => rows.swap(n, n + 1),
            RuleOp::Remove(n) if n < rows.len() => {
                rows.remove(n);
            }
            RuleOp::Add | RuleOp::Defaults => return false,
            _ => {}
        }
        true
    }

    /// The edit on the rules as typed.
    pub fn apply(self, rules: &mut Vec<RuleInput>) {
        if !self.shift(rules) {
            match self {
                RuleOp::Add => rules.push(RuleInput::blank()),
                _ => *rules = Nomenclature::default().rules().map(RuleInput::of).collect(),
            }
        }
    }
}

/// Saves the barcode nomenclature as typed, at least one rule; returns the rules as saved. A
/// refused rule is named with its reason (`rules`, `rule-<n>`). Posted without JavaScript: an `op` edits the rules
/// and sends the page back with them (`?draft=`), saving nothing; a refusal sends the page back
/// with the rules as typed and the reason; saving, with a notice.
#[server(endpoint = "till/nomenclature/save")]
pub async fn save_nomenclature(
    #[server(default)] rules: Vec<RuleInput>,
    #[server(default)] op: String,
) -> Result<Vec<BarcodeRule>, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let mut rules = rules;
    // The page showing the rules again, as typed.
    let draft = |rules: &[RuleInput]| {
        let json = serde_json::to_string(rules).unwrap_or_default();
        format!("/stock/nomenclature?draft={}", crate::url::encode(&json))
    };
    if let Some(op) = RuleOp::parse(&op) {
        op.apply(&mut rules);
        crate::ssr::after_plain_form(&draft(&rules));
        return Ok(rules.iter().map(RuleInput::rule).collect());
    }
    // A save names its rules: a body without any (garbage, or a form that lost its fields)
    // never wipes the nomenclature. A button the form does not have, a kind it does not offer
    // or a number that does not read is refused, never taken for something else.
    let typed = rules
        .iter()
        .enumerate()
        .find_map(|(n, r)| r.typed_error().map(|why| (format!("rule-{n}"), why)));
    let saved = if !op.is_empty() {
        Err(services::Error::invalid(
            "op",
            domain::validation::Reason::UnknownChoice,
        ))
    } else if let Some((field, why)) = typed {
        Err(services::Error::invalid(&field, why))
    } else if rules.is_empty() {
        Err(services::Error::invalid(
            "rules",
            domain::validation::Reason::Required,
        ))
    } else {
        let wanted = rules.iter().map(RuleInput::rule).collect();
        till::catalogue::set_nomenclature(&s, &v, wanted).await
    };
    match saved {
        Ok(saved) => {
            crate::ssr::after_plain_form("/stock/nomenclature?notice=saved");
            Ok(saved.rules().cloned().collect())
        }
        Err(e) => Err(crate::ssr::again_after_plain_form(
            &draft(&rules),
            <SaveNomenclature as leptos::server_fn::ServerFn>::PATH,
            e.into(),
        )),
    }
}

/// The tills, and the open drawer session of each.
#[server(endpoint = "till/tills", input = Json)]
pub async fn tills() -> Result<Vec<(Till, Option<DrawerSession>)>, AppError> {
    let (s, _) = authorize(CASHIERS)?;
    let mut out = Vec::new();
    for t in till::drawer::tills(&s.db).await? {
        let open = till::drawer::open_session_of(&s.db, t.id).await?;
        out.push((t, open));
    }
    Ok(out)
}

/// Adds a till (admins only).
#[server(endpoint = "till/tills/create", input = Json)]
pub async fn create_till(name: String) -> Result<Till, AppError> {
    let (s, v) = authorize(super::ADMINS)?;
    Ok(till::drawer::create_till(&s, &v, &name).await?)
}

#[server(endpoint = "till/session/open", input = Json)]
pub async fn open_session(till_id: Uuid, float: Vec<Count>) -> Result<DrawerSession, AppError> {
    let (s, v) = authorize(CASHIERS)?;
    let device = till_device(&s, true);
    Ok(till::drawer::open_session(&s, &v, &device, till_id, &float).await?)
}

/// Cash put in (positive) or taken out (negative) of the drawer, with a reason.
#[server(endpoint = "till/session/cash", input = Json)]
pub async fn cash_move(
    session_id: Uuid,
    amount_cents: i64,
    reason: String,
) -> Result<(), AppError> {
    let (s, v) = authorize(CASHIERS)?;
    let device = till_device(&s, false);
    Ok(till::drawer::cash_move(&s, &v, &device, session_id, amount_cents, &reason).await?)
}

#[server(endpoint = "till/session/x-report", input = Json)]
pub async fn x_report(session_id: Uuid) -> Result<DrawerReport, AppError> {
    let (s, _) = authorize(CASHIERS)?;
    Ok(till::drawer::x_report(&s.db, session_id).await?)
}

/// Closes a drawer session: the cashier who holds it, on its device, or a supervisor.
#[server(endpoint = "till/session/close", input = Json)]
pub async fn close_session(session_id: Uuid, counted: Vec<Count>) -> Result<ZReport, AppError> {
    let (s, v) = authorize(SESSION_CLOSERS)?;
    let device = till_device(&s, false);
    Ok(till::drawer::close_session(&s, &v, &device, session_id, &counted).await?)
}

/// Records a sale the till made; sending it again answers the same receipt.
#[server(endpoint = "till/sale", input = Json)]
pub async fn post_sale(sale: SaleDraft) -> Result<Receipt, AppError> {
    let (s, v) = authorize(CASHIERS)?;
    let device = till_device(&s, false);
    Ok(till::sale::post_sale(&s, &v, &device, &sale).await?)
}

/// A receipt by its number, to print again or to return goods from.
#[server(endpoint = "till/receipt", input = Json)]
pub async fn find_receipt(number: i64) -> Result<Receipt, AppError> {
    let (s, _) = authorize(CASHIERS)?;
    Ok(till::sale::by_receipt_number(&s.db, number).await?)
}

/// Records a return; sending it again answers the same return.
#[server(endpoint = "till/return", input = Json)]
pub async fn post_return(draft: ReturnDraft) -> Result<ReturnReceipt, AppError> {
    let (s, v) = authorize(CASHIERS)?;
    let device = till_device(&s, false);
    Ok(till::returns::post_return(&s, &v, &device, &draft).await?)
}

/// Every member who can come to a till, with their cards, status and may-shop answer and when
/// it was read: the till keeps it to check members while the server cannot be reached.
#[server(endpoint = "till/members", input = Json)]
pub async fn member_statuses() -> Result<StatusSnapshot, AppError> {
    let (s, _) = authorize(CASHIERS)?;
    Ok(services::shifts::snapshot::status_snapshot(&s.db, services::today()).await?)
}

/// A reception, an inventory adjustment or a loss, by hand: the quantity as typed (a loss
/// counts down by itself), the reason of a loss (`reason`, one of `LOSS_REASONS`) or a note
/// for the others (`note`). A plain form post then goes back to the product's page.
///
/// Errors: `Invalid` on `reason` for one that is not a loss's (whatever the kind), on
/// `quantity` for a quantity that does not read or is not allowed for the kind, and as
/// [`till::stock::record`] says.
#[server(endpoint = "till/stock/move")]
pub async fn stock_move(
    product_id: Uuid,
    quantity: String,
    kind: MoveKind,
    #[server(default)] reason: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let recorded = async {
        // The form always holds the loss's reasons; another value is not from it.
        if !reason.is_empty() && !domain::stock::LOSS_REASONS.contains(&reason.as_str()) {
            return Err(crate::ssr::fail(AppError::Invalid(vec![
                domain::validation::FieldError::new(
                    "reason",
                    domain::validation::Reason::UnknownChoice,
                ),
            ])));
        }
        let quantity_milli = domain::stock::typed_quantity(kind, &quantity).map_err(|r| {
            crate::ssr::fail(AppError::Invalid(vec![
                domain::validation::FieldError::new("quantity", r),
            ]))
        })?;
        let why = if kind == MoveKind::Loss { reason } else { note };
        Ok::<_, AppError>(
            till::stock::record(&s, &v, product_id, quantity_milli, kind, &why).await?,
        )
    };
    let page = format!("/stock/products/{product_id}");
    match recorded.await {
        Ok(()) => {
            crate::ssr::after_plain_form(&format!("{page}?notice=moved"));
            Ok(())
        }
        // The page shows the kind of move and the quantity again, with the kind's own fields.
        Err(e) => Err(crate::ssr::again_after_plain_form(
            &format!(
                "{page}?kind={}&quantity={}",
                kind.as_str(),
                crate::url::encode(&quantity)
            ),
            <StockMove as leptos::server_fn::ServerFn>::PATH,
            e,
        )),
    }
}

/// The member at the till, by their card (or a household person's) or their id, and whether
/// they may shop today. Errors: `NotFound`; `Invalid` when neither is given.
#[server(endpoint = "till/shopper", input = Json)]
pub async fn shopper(
    card: Option<String>,
    member_id: Option<Uuid>,
) -> Result<ShopperView, AppError> {
    let (s, _) = authorize(CASHIERS)?;
    let who = super::shifts::shopper_of(&card, member_id)?;
    Ok(till::shopper::shopper(&s.db, who).await?)
}

/// Current members by number, name or card, for the cashier to pick.
#[server(endpoint = "till/shoppers", input = Json)]
pub async fn find_shoppers(query: String) -> Result<Vec<MemberSummary>, AppError> {
    let (s, _) = authorize(CASHIERS)?;
    Ok(till::shopper::find(&s.db, &query).await?)
}

/// A supervisor, signing in at the till with their own email and password, lets a member who
/// may not shop buy anyway, with a reason; the sale then names the override's id.
#[server(endpoint = "till/override", input = Json)]
pub async fn grant_override(
    member_id: Uuid,
    email: String,
    password: String,
    reason: String,
) -> Result<GrantedOverride, AppError> {
    let (s, v) = authorize(CASHIERS)?;
    let client = crate::ssr::client_address();
    Ok(till::overrides::grant_from(&s, client, &v, member_id, &email, &password, &reason).await?)
}

/// A supervisor, signing in at the till with their own email and password, approves a return
/// of sale `sale_id` the cashier may not make alone (another tender than the sale's, or above
/// the coop's limit), with a reason; the return then names the approval's id.
#[server(endpoint = "till/return/approve", input = Json)]
pub async fn approve_return(
    sale_id: Uuid,
    email: String,
    password: String,
    reason: String,
) -> Result<ReturnApproval, AppError> {
    let (s, v) = authorize(CASHIERS)?;
    let client = crate::ssr::client_address();
    Ok(till::overrides::grant_return(&s, client, &v, sale_id, &email, &password, &reason).await?)
}

/// Mails a copy of a receipt to the address the member gives.
#[server(endpoint = "till/receipt/email", input = Json)]
pub async fn email_receipt(number: i64, to: String) -> Result<(), AppError> {
    let (s, v) = authorize(CASHIERS)?;
    Ok(till::sale::email_receipt(&s, &v, number, &to).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_typed_wrong_is_refused_not_taken_for_another() {
        use domain::validation::Reason;
        let good = RuleInput::blank();
        assert_eq!(good.typed_error(), None);
        let with = |f: fn(&mut RuleInput)| {
            let mut r = RuleInput::blank();
            f(&mut r);
            r.typed_error()
        };
        assert_eq!(
            with(|r| r.kind = "produit".into()),
            Some(Reason::UnknownChoice)
        );
        assert_eq!(
            with(|r| r.kind = String::new()),
            Some(Reason::UnknownChoice)
        );
        assert_eq!(
            with(|r| r.length = "treize".into()),
            Some(Reason::InvalidNumber)
        );
        assert_eq!(
            with(|r| r.length = "-13".into()),
            Some(Reason::InvalidNumber)
        );
        assert_eq!(
            with(|r| r.start = "1e308".into()),
            Some(Reason::InvalidNumber)
        );
        assert_eq!(
            with(|r| r.len = i64::MAX.to_string()),
            Some(Reason::InvalidNumber)
        );
        // A length left out is any length; start and digits are the rules' to check.
        assert_eq!(with(|r| r.length = String::new()), None);
        assert_eq!(with(|r| r.start = " 8 ".into()), None);
    }

    #[test]
    fn rule_edits_read_back_from_their_button() {
        for op in [
            RuleOp::Add,
            RuleOp::Defaults,
            RuleOp::Up(0),
            RuleOp::Down(3),
            RuleOp::Remove(12),
        ] {
            assert_eq!(RuleOp::parse(&op.code()), Some(op));
        }
        for code in ["", "up-", "up-x", "sideways-1", "save"] {
            assert_eq!(RuleOp::parse(code), None, "{code}");
        }
    }

    #[test]
    fn rule_edits_move_and_remove_rules() {
        let cases = [
            (RuleOp::Up(1), vec![2, 1, 3]),
            (RuleOp::Up(0), vec![1, 2, 3]),
            (RuleOp::Down(1), vec![1, 3, 2]),
            (RuleOp::Down(2), vec![1, 2, 3]),
            (RuleOp::Remove(0), vec![2, 3]),
            (RuleOp::Remove(3), vec![1, 2, 3]),
        ];
        for (op, expected) in cases {
            let mut rows = vec![1, 2, 3];
            assert!(op.shift(&mut rows), "{op:?}");
            assert_eq!(rows, expected, "{op:?}");
        }
        let mut rules = Vec::new();
        RuleOp::Add.apply(&mut rules);
        assert_eq!(rules, vec![RuleInput::blank()]);
        RuleOp::Defaults.apply(&mut rules);
        let read: Vec<BarcodeRule> = rules.iter().map(RuleInput::rule).collect();
        let usual: Vec<BarcodeRule> = Nomenclature::default().rules().cloned().collect();
        assert_eq!(read, usual);
    }

    #[test]
    fn a_product_form_reads_its_barcodes_and_ticks() {
        let form = ProductForm::from(ProductInput {
            barcodes: " 5412345000013, 5412345000303;4006381333931 ".into(),
            active: true,
            ..Default::default()
        });
        assert_eq!(
            form.barcodes,
            ["5412345000013", "5412345000303", "4006381333931"]
        );
        assert!(form.active);
        assert!(!form.meal_voucher);
    }
}
