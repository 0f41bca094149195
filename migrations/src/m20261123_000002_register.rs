//! The member register: members, household people, share classes and share events.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Members {
    Table,
    Id,
    MemberNumber,
    FirstName,
    LastName,
    Email,
    Phone,
    Language,
    JoinDate,
    WorkRegime,
    LeavingDate,
    LeavingReason,
    CardNumber,
    CardBarcode,
    SearchText,
    CreatedAtMs,
    UpdatedAtMs,
}

#[derive(DeriveIden)]
enum HouseholdPeople {
    Table,
    Id,
    MemberId,
    FirstName,
    LastName,
    CardNumber,
    CardBarcode,
    CreatedAtMs,
}

#[derive(DeriveIden)]
enum ShareClasses {
    Table,
    Code,
    Name,
    UnitPriceCents,
}

#[derive(DeriveIden)]
enum ShareEvents {
    Table,
    Id,
    MemberId,
    Kind,
    ClassCode,
    Quantity,
    AmountCents,
    Date,
    CounterpartMemberId,
    Note,
    CreatedBy,
    CreatedAtMs,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Members::Table)
                .col(pk_uuid(Members::Id))
                .col(big_integer_uniq(Members::MemberNumber))
                .col(string(Members::FirstName))
                .col(string(Members::LastName))
                .col(string_uniq(Members::Email))
                .col(string_null(Members::Phone))
                .col(string(Members::Language))
                .col(date(Members::JoinDate))
                .col(string(Members::WorkRegime))
                .col(date_null(Members::LeavingDate))
                .col(text_null(Members::LeavingReason))
                .col(big_integer_uniq(Members::CardNumber))
                .col(string_uniq(Members::CardBarcode))
                .col(text(Members::SearchText))
                .col(big_integer(Members::CreatedAtMs))
                .col(big_integer(Members::UpdatedAtMs))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(HouseholdPeople::Table)
                .col(pk_uuid(HouseholdPeople::Id))
                .col(uuid(HouseholdPeople::MemberId))
                .col(string(HouseholdPeople::FirstName))
                .col(string(HouseholdPeople::LastName))
                .col(big_integer_uniq(HouseholdPeople::CardNumber))
                .col(string_uniq(HouseholdPeople::CardBarcode))
                .col(big_integer(HouseholdPeople::CreatedAtMs))
                .foreign_key(
                    ForeignKey::create()
                        .from(HouseholdPeople::Table, HouseholdPeople::MemberId)
                        .to(Members::Table, Members::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_household_people_member")
                .table(HouseholdPeople::Table)
                .col(HouseholdPeople::MemberId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ShareClasses::Table)
                .col(string(ShareClasses::Code).primary_key())
                .col(string(ShareClasses::Name))
                .col(big_integer(ShareClasses::UnitPriceCents))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ShareEvents::Table)
                .col(pk_uuid(ShareEvents::Id))
                .col(uuid(ShareEvents::MemberId))
                .col(string(ShareEvents::Kind))
                .col(string_null(ShareEvents::ClassCode))
                .col(big_integer(ShareEvents::Quantity))
                .col(big_integer(ShareEvents::AmountCents))
                .col(date(ShareEvents::Date))
                .col(uuid_null(ShareEvents::CounterpartMemberId))
                .col(text(ShareEvents::Note))
                .col(uuid_null(ShareEvents::CreatedBy))
                .col(big_integer(ShareEvents::CreatedAtMs))
                .foreign_key(
                    ForeignKey::create()
                        .from(ShareEvents::Table, ShareEvents::MemberId)
                        .to(Members::Table, Members::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ShareEvents::Table, ShareEvents::ClassCode)
                        .to(ShareClasses::Table, ShareClasses::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_share_events_member")
                .table(ShareEvents::Table)
                .col(ShareEvents::MemberId)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            ShareEvents::Table.into_iden(),
            ShareClasses::Table.into_iden(),
            HouseholdPeople::Table.into_iden(),
            Members::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
