//! The share register: share classes and each member's dated share events. What a member
//! holds and owes is always computed from their events.

use crate::entities::{members, share_classes, share_events};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, members as register, now_ms, Services};
use domain::member::parse_date;
use domain::money::{parse_amount, to_cents};
use domain::register::{ClassTotal, RegisterTotals, ShareClass, ShareEventForm, ShareEventView};
use domain::shares::{Holding, ShareEvent, ShareEventKind};
use domain::validation::{Errors, Reason};

/// The longest code, quantity or member number a share event's form takes.
const SHORT_MAX: usize = 30;
use domain::Viewer;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

pub async fn classes(db: &impl ConnectionTrait) -> Result<Vec<ShareClass>> {
    Ok(share_classes::Entity::find()
        .order_by_asc(share_classes::Column::Code)
        .all(db)
        .await?
        .into_iter()
        .map(|c| ShareClass {
            code: c.code,
            name: c.name,
            unit_price_cents: c.unit_price_cents,
        })
        .collect())
}

/// Creates a share class, or renames and reprices one (admins only; logged).
pub async fn save_class(
    s: &Services,
    actor: &Viewer,
    code: &str,
    name: &str,
    unit_price: &str,
) -> Result<ShareClass> {
    let mut e = Errors::default();
    let code = e.text("code", code, 8).to_uppercase();
    let name = e.text("name", name, 80);
    let price = parse_amount(unit_price).and_then(to_cents);
    match price {
        None => e.add("unit_price", Reason::BadAmount),
        Some(p) if p <= 0 => e.add("unit_price", Reason::NotPositive),
        _ => {}
    }
    e.finish(()).map_err(Error::Invalid)?;
    let unit_price_cents = price.unwrap_or_default();
    let tx = write_tx(&s.db).await?;
    let am = share_classes::ActiveModel {
        code: Set(code.clone()),
        name: Set(name.clone()),
        unit_price_cents: Set(unit_price_cents),
    };
    if share_classes::Entity::find_by_id(code.clone())
        .one(&tx)
        .await?
        .is_some()
    {
        am.update(&tx).await?;
    } else {
        am.insert(&tx).await?;
    }
    audit::commit(
        tx,
        actor,
        "shares.class",
        &code,
        &format!("{name} {unit_price_cents}"),
    )
    .await?;
    Ok(ShareClass {
        code,
        name,
        unit_price_cents,
    })
}

fn to_event(e: &share_events::Model) -> ShareEvent {
    ShareEvent {
        kind: ShareEventKind::parse(&e.kind).unwrap_or(ShareEventKind::Payment),
        class: e.class_code.clone().unwrap_or_default(),
        quantity: e.quantity,
        amount_cents: e.amount_cents,
    }
}

async fn prices(db: &impl ConnectionTrait) -> Result<HashMap<String, i64>> {
    Ok(classes(db)
        .await?
        .into_iter()
        .map(|c| (c.code, c.unit_price_cents))
        .collect())
}

/// A member's holding and the events behind it, oldest first.
pub async fn member_shares(
    db: &impl ConnectionTrait,
    member_id: Uuid,
) -> Result<(Holding, Vec<ShareEventView>)> {
    let events = share_events::Entity::find()
        .filter(share_events::Column::MemberId.eq(member_id))
        .order_by_asc(share_events::Column::Date)
        .order_by_asc(share_events::Column::CreatedAtMs)
        .all(db)
        .await?;
    let prices = prices(db).await?;
    let holding = Holding::from_events(
        events.iter().map(to_event).collect::<Vec<_>>().iter(),
        |c| prices.get(c).copied().unwrap_or(0),
    );
    let others: Vec<Uuid> = events
        .iter()
        .filter_map(|e| e.counterpart_member_id)
        .collect();
    let names = register::names(db, &others).await?;
    let views = events
        .into_iter()
        .map(|e| ShareEventView {
            id: e.id,
            kind: ShareEventKind::parse(&e.kind).unwrap_or(ShareEventKind::Payment),
            class_code: e.class_code,
            quantity: e.quantity,
            amount_cents: e.amount_cents,
            date: e.date,
            counterpart: e
                .counterpart_member_id
                .and_then(|id| names.get(&id).cloned()),
            note: e.note,
        })
        .collect();
    Ok((holding, views))
}

/// Records a share event for a member. A transfer writes the member's `transfer_out` and the
/// other member's `transfer_in` together.
///
/// Errors: [`Error::Invalid`] for a bad kind, class, quantity, amount or date, for naming an
/// unknown or the same member, and for moving more shares than the member holds.
pub async fn record(
    s: &Services,
    actor: &Viewer,
    member_id: Uuid,
    form: &ShareEventForm,
) -> Result<()> {
    let mut e = Errors::default();
    // A kind reads only some fields; the others must not carry anything a person would not type.
    for (field, value) in [
        ("class_code", &form.class_code),
        ("quantity", &form.quantity),
        ("counterpart_number", &form.counterpart_number),
    ] {
        e.optional_text(field, value, SHORT_MAX);
    }
    let kind = ShareEventKind::parse(form.kind.trim());
    if kind.is_none() {
        e.add("kind", Reason::Malformed);
    }
    let kind = kind.unwrap_or(ShareEventKind::Payment);
    let date = parse_date(&form.date);
    if date.is_none() {
        e.add("date", Reason::InvalidDate);
    }
    let quantity = if kind == ShareEventKind::Payment {
        0
    } else {
        match form.quantity.trim().parse::<i64>() {
            Ok(q) if q > 0 => q,
            Ok(_) => {
                e.add("quantity", Reason::NotPositive);
                0
            }
            Err(_) => {
                e.add("quantity", Reason::InvalidNumber);
                0
            }
        }
    };
    let needs_amount = matches!(
        kind,
        ShareEventKind::Payment | ShareEventKind::Reimbursement
    );
    let amount_cents = if needs_amount {
        match parse_amount(&form.amount).and_then(to_cents) {
            Some(a) if a > 0 => a,
            Some(_) => {
                e.add("amount", Reason::NotPositive);
                0
            }
            None => {
                e.add("amount", Reason::BadAmount);
                0
            }
        }
    } else {
        0
    };
    let note = e.optional_text("note", &form.note, 500).unwrap_or_default();
    let tx = write_tx(&s.db).await?;
    members::Entity::find_by_id(member_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let class_code = if kind == ShareEventKind::Payment {
        None
    } else {
        let code = form.class_code.trim().to_uppercase();
        if share_classes::Entity::find_by_id(code.clone())
            .one(&tx)
            .await?
            .is_none()
        {
            e.add("class_code", Reason::UnknownShareClass);
        }
        Some(code)
    };
    let counterpart = if matches!(
        kind,
        ShareEventKind::TransferOut | ShareEventKind::TransferIn
    ) {
        match form.counterpart_number.trim().parse::<i64>() {
            Ok(n) => match register::id_of_number(&tx, n).await? {
                Some(id) if id == member_id => {
                    e.add("counterpart_number", Reason::SameMember);
                    None
                }
                Some(id) => Some(id),
                None => {
                    e.add("counterpart_number", Reason::UnknownMember);
                    None
                }
            },
            Err(_) => {
                e.add("counterpart_number", Reason::InvalidNumber);
                None
            }
        }
    } else {
        None
    };
    e.finish(()).map_err(Error::Invalid)?;
    let date = date.expect("checked above");
    let event = ShareEvent {
        kind,
        class: class_code.clone().unwrap_or_default(),
        quantity,
        amount_cents,
    };
    // The side that gives shares away must hold them.
    let (giver, taker) = match kind {
        ShareEventKind::TransferIn => (counterpart.expect("checked above"), Some(member_id)),
        ShareEventKind::TransferOut => (member_id, counterpart),
        _ => (member_id, None),
    };
    let giver_event = ShareEvent {
        kind: if taker.is_some() {
            ShareEventKind::TransferOut
        } else {
            kind
        },
        ..event.clone()
    };
    let (holding, _) = member_shares(&tx, giver).await?;
    holding.check(&giver_event).map_err(|r| {
        let field = if matches!(r, Reason::NotEnoughShares { .. }) {
            "quantity"
        } else {
            "amount"
        };
        Error::invalid(field, r)
    })?;
    let now = now_ms();
    let insert = |member, kind: ShareEventKind, other| share_events::ActiveModel {
        id: Set(Uuid::now_v7()),
        member_id: Set(member),
        kind: Set(kind.as_str().to_string()),
        class_code: Set(class_code.clone()),
        quantity: Set(quantity),
        amount_cents: Set(amount_cents),
        date: Set(date),
        counterpart_member_id: Set(other),
        note: Set(note.clone()),
        created_by: Set(Some(actor.user_id)),
        created_at_ms: Set(now),
    };
    match taker {
        Some(taker) => {
            insert(giver, ShareEventKind::TransferOut, Some(taker))
                .insert(&tx)
                .await?;
            insert(taker, ShareEventKind::TransferIn, Some(giver))
                .insert(&tx)
                .await?;
        }
        None => {
            insert(member_id, kind, None).insert(&tx).await?;
        }
    }
    audit::commit(
        tx,
        actor,
        "shares.event",
        &member_id.to_string(),
        &format!(
            "{} {:?} {} {}",
            kind.as_str(),
            class_code,
            quantity,
            amount_cents
        ),
    )
    .await?;
    Ok(())
}

/// The coop's totals: shares per class and holders, money subscribed, paid, reimbursed, due.
pub async fn totals(db: &impl ConnectionTrait) -> Result<RegisterTotals> {
    let classes = classes(db).await?;
    let prices: HashMap<String, i64> = classes
        .iter()
        .map(|c| (c.code.clone(), c.unit_price_cents))
        .collect();
    let mut per_member: HashMap<Uuid, Vec<ShareEvent>> = HashMap::new();
    for e in share_events::Entity::find().all(db).await? {
        per_member
            .entry(e.member_id)
            .or_default()
            .push(to_event(&e));
    }
    let mut shares: HashMap<String, (i64, i64)> = HashMap::new();
    let (mut subscribed, mut paid, mut reimbursed, mut due) = (0, 0, 0, 0);
    for events in per_member.values() {
        let h = Holding::from_events(events, |c| prices.get(c).copied().unwrap_or(0));
        for (class, n) in &h.shares {
            let entry = shares.entry(class.clone()).or_default();
            entry.0 += n;
            if *n > 0 {
                entry.1 += 1;
            }
        }
        subscribed += h.subscribed_cents;
        paid += h.paid_cents;
        reimbursed += h.reimbursed_cents;
        due += h.due_cents();
    }
    let active_members = members::Entity::find()
        .filter(members::Column::LeavingDate.is_null())
        .count(db)
        .await?;
    let former_members = members::Entity::find()
        .filter(members::Column::LeavingDate.is_not_null())
        .count(db)
        .await?;
    Ok(RegisterTotals {
        classes: classes
            .into_iter()
            .map(|c| {
                let (n, holders) = shares.get(&c.code).copied().unwrap_or_default();
                ClassTotal {
                    class: c,
                    shares: n,
                    holders,
                }
            })
            .collect(),
        subscribed_cents: subscribed,
        paid_cents: paid,
        reimbursed_cents: reimbursed,
        due_cents: due,
        active_members,
        former_members,
    })
}
