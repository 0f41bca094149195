//! Shifts: the coop's rules, task types, templates with their seats and leaders, dated shifts
//! and closure days, bookings and swap offers, skills, attendance sheets, the ledger of counter
//! events, leaves, extensions, and members' statuses with their history.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Members {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ShiftRules {
    Table,
    Id,
    RulesJson,
    UpdatedAtMs,
}

#[derive(DeriveIden)]
enum TaskTypes {
    Table,
    Id,
    Name,
}

#[derive(DeriveIden)]
enum ShiftTemplates {
    Table,
    Id,
    WeekLetter,
    Weekday,
    StartTime,
    EndTime,
    TaskTypeId,
    Seats,
    RequiredSkill,
    CreatedAtMs,
}

#[derive(DeriveIden)]
enum TemplateSeats {
    Table,
    Id,
    TemplateId,
    MemberId,
    CreatedAtMs,
}

#[derive(DeriveIden)]
enum TemplateLeaders {
    Table,
    Id,
    TemplateId,
    MemberId,
}

#[derive(DeriveIden)]
enum Shifts {
    Table,
    Id,
    TemplateId,
    TaskTypeId,
    Date,
    StartAtMs,
    EndAtMs,
    Seats,
    RequiredSkill,
    Cancelled,
    ClosureNote,
    UnvalidatedFlaggedOn,
    CreatedAtMs,
}

#[derive(DeriveIden)]
enum ClosureDays {
    Table,
    Date,
    Note,
}

#[derive(DeriveIden)]
enum ShiftBookings {
    Table,
    Id,
    ShiftId,
    MemberId,
    Kind,
    State,
    CreatedAtMs,
    UpdatedAtMs,
}

#[derive(DeriveIden)]
enum SwapOffers {
    Table,
    Id,
    BookingId,
    ShiftId,
    OfferedBy,
    TakenBy,
    CreatedAtMs,
    TakenAtMs,
}

#[derive(DeriveIden)]
enum MemberSkills {
    Table,
    Id,
    MemberId,
    Skill,
}

#[derive(DeriveIden)]
enum CounterEvents {
    Table,
    Id,
    MemberId,
    Date,
    Delta,
    Reason,
    ReferenceKind,
    ReferenceId,
    ReferenceDate,
    Note,
    UniqueKey,
    CreatedBy,
    CreatedAtMs,
}

#[derive(DeriveIden)]
enum Leaves {
    Table,
    Id,
    MemberId,
    Kind,
    StartDate,
    EndDate,
    Note,
    CreatedBy,
    CreatedAtMs,
}

#[derive(DeriveIden)]
enum Extensions {
    Table,
    Id,
    MemberId,
    GrantedOn,
    GrantedBy,
    CreatedAtMs,
}

#[derive(DeriveIden)]
enum MemberStatuses {
    Table,
    MemberId,
    Status,
    Since,
    Balance,
    DateThatMatters,
    ReasonJson,
    UpdatedAtMs,
}

#[derive(DeriveIden)]
enum StatusChanges {
    Table,
    Id,
    MemberId,
    OnDate,
    FromStatus,
    ToStatus,
    CauseJson,
    CreatedAtMs,
}

#[derive(DeriveIden)]
enum AttendanceSheets {
    Table,
    Id,
    ShiftId,
    OpenedAtMs,
    ValidatedAtMs,
    ValidatedBy,
}

#[derive(DeriveIden)]
enum AttendanceLines {
    Table,
    Id,
    SheetId,
    MemberId,
    Seat,
    Mark,
    WalkIn,
}

fn fk(
    from: (impl IntoIden + 'static, impl IntoIden + 'static),
    to: (impl IntoIden + 'static, impl IntoIden + 'static),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}

fn index(name: &str, table: impl IntoIden + 'static) -> IndexCreateStatement {
    Index::create().name(name).table(table).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ShiftRules::Table)
                .col(integer(ShiftRules::Id).primary_key())
                .col(text(ShiftRules::RulesJson))
                .col(big_integer(ShiftRules::UpdatedAtMs))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(TaskTypes::Table)
                .col(pk_uuid(TaskTypes::Id))
                .col(string_uniq(TaskTypes::Name))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ShiftTemplates::Table)
                .col(pk_uuid(ShiftTemplates::Id))
                .col(string(ShiftTemplates::WeekLetter))
                .col(integer(ShiftTemplates::Weekday))
                .col(string(ShiftTemplates::StartTime))
                .col(string(ShiftTemplates::EndTime))
                .col(uuid(ShiftTemplates::TaskTypeId))
                .col(integer(ShiftTemplates::Seats))
                .col(string_null(ShiftTemplates::RequiredSkill))
                .col(big_integer(ShiftTemplates::CreatedAtMs))
                .foreign_key(&mut fk(
                    (ShiftTemplates::Table, ShiftTemplates::TaskTypeId),
                    (TaskTypes::Table, TaskTypes::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(TemplateSeats::Table)
                .col(pk_uuid(TemplateSeats::Id))
                .col(uuid(TemplateSeats::TemplateId))
                .col(uuid(TemplateSeats::MemberId))
                .col(big_integer(TemplateSeats::CreatedAtMs))
                .foreign_key(&mut fk(
                    (TemplateSeats::Table, TemplateSeats::TemplateId),
                    (ShiftTemplates::Table, ShiftTemplates::Id),
                ))
                .foreign_key(&mut fk(
                    (TemplateSeats::Table, TemplateSeats::MemberId),
                    (Members::Table, Members::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(TemplateLeaders::Table)
                .col(pk_uuid(TemplateLeaders::Id))
                .col(uuid(TemplateLeaders::TemplateId))
                .col(uuid(TemplateLeaders::MemberId))
                .foreign_key(&mut fk(
                    (TemplateLeaders::Table, TemplateLeaders::TemplateId),
                    (ShiftTemplates::Table, ShiftTemplates::Id),
                ))
                .foreign_key(&mut fk(
                    (TemplateLeaders::Table, TemplateLeaders::MemberId),
                    (Members::Table, Members::Id),
                ))
                .to_owned(),
        )
        .await?;
        // A regular member holds one seat, in one template.
        m.create_index(
            index("idx_template_seats_member", TemplateSeats::Table)
                .col(TemplateSeats::MemberId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("idx_template_leaders_pair", TemplateLeaders::Table)
                .col(TemplateLeaders::TemplateId)
                .col(TemplateLeaders::MemberId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Shifts::Table)
                .col(pk_uuid(Shifts::Id))
                .col(uuid_null(Shifts::TemplateId))
                .col(uuid(Shifts::TaskTypeId))
                .col(date(Shifts::Date))
                .col(big_integer(Shifts::StartAtMs))
                .col(big_integer(Shifts::EndAtMs))
                .col(integer(Shifts::Seats))
                .col(string_null(Shifts::RequiredSkill))
                .col(boolean(Shifts::Cancelled))
                .col(text_null(Shifts::ClosureNote))
                .col(date_null(Shifts::UnvalidatedFlaggedOn))
                .col(big_integer(Shifts::CreatedAtMs))
                .foreign_key(&mut fk(
                    (Shifts::Table, Shifts::TemplateId),
                    (ShiftTemplates::Table, ShiftTemplates::Id),
                ))
                .foreign_key(&mut fk(
                    (Shifts::Table, Shifts::TaskTypeId),
                    (TaskTypes::Table, TaskTypes::Id),
                ))
                .to_owned(),
        )
        .await?;
        // Generation is idempotent: one shift per template and date (one-offs have no template).
        m.create_index(
            index("idx_shifts_template_date", Shifts::Table)
                .col(Shifts::TemplateId)
                .col(Shifts::Date)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("idx_shifts_date", Shifts::Table)
                .col(Shifts::Date)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ClosureDays::Table)
                .col(date(ClosureDays::Date).primary_key())
                .col(text(ClosureDays::Note))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ShiftBookings::Table)
                .col(pk_uuid(ShiftBookings::Id))
                .col(uuid(ShiftBookings::ShiftId))
                .col(uuid(ShiftBookings::MemberId))
                .col(string(ShiftBookings::Kind))
                .col(string(ShiftBookings::State))
                .col(big_integer(ShiftBookings::CreatedAtMs))
                .col(big_integer(ShiftBookings::UpdatedAtMs))
                .foreign_key(&mut fk(
                    (ShiftBookings::Table, ShiftBookings::ShiftId),
                    (Shifts::Table, Shifts::Id),
                ))
                .foreign_key(&mut fk(
                    (ShiftBookings::Table, ShiftBookings::MemberId),
                    (Members::Table, Members::Id),
                ))
                .to_owned(),
        )
        .await?;
        // No member holds two seats of one shift; cancelled and handed-over bookings stay as
        // history, so the index covers booked seats only.
        m.create_index(
            index("idx_shift_bookings_one_seat", ShiftBookings::Table)
                .col(ShiftBookings::ShiftId)
                .col(ShiftBookings::MemberId)
                .unique()
                .and_where(Expr::col(ShiftBookings::State).eq("booked"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("idx_shift_bookings_member", ShiftBookings::Table)
                .col(ShiftBookings::MemberId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SwapOffers::Table)
                .col(pk_uuid(SwapOffers::Id))
                .col(uuid_uniq(SwapOffers::BookingId))
                .col(uuid(SwapOffers::ShiftId))
                .col(uuid(SwapOffers::OfferedBy))
                .col(uuid_null(SwapOffers::TakenBy))
                .col(big_integer(SwapOffers::CreatedAtMs))
                .col(big_integer_null(SwapOffers::TakenAtMs))
                .foreign_key(&mut fk(
                    (SwapOffers::Table, SwapOffers::BookingId),
                    (ShiftBookings::Table, ShiftBookings::Id),
                ))
                .foreign_key(&mut fk(
                    (SwapOffers::Table, SwapOffers::ShiftId),
                    (Shifts::Table, Shifts::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(MemberSkills::Table)
                .col(pk_uuid(MemberSkills::Id))
                .col(uuid(MemberSkills::MemberId))
                .col(string(MemberSkills::Skill))
                .foreign_key(&mut fk(
                    (MemberSkills::Table, MemberSkills::MemberId),
                    (Members::Table, Members::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("idx_member_skills_pair", MemberSkills::Table)
                .col(MemberSkills::MemberId)
                .col(MemberSkills::Skill)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CounterEvents::Table)
                .col(pk_uuid(CounterEvents::Id))
                .col(uuid(CounterEvents::MemberId))
                .col(date(CounterEvents::Date))
                .col(integer(CounterEvents::Delta))
                .col(string(CounterEvents::Reason))
                .col(string(CounterEvents::ReferenceKind))
                .col(uuid_null(CounterEvents::ReferenceId))
                .col(date_null(CounterEvents::ReferenceDate))
                .col(text_null(CounterEvents::Note))
                // member, reason and reference: writing the same event twice is impossible.
                .col(string_uniq(CounterEvents::UniqueKey))
                .col(uuid_null(CounterEvents::CreatedBy))
                .col(big_integer(CounterEvents::CreatedAtMs))
                .foreign_key(&mut fk(
                    (CounterEvents::Table, CounterEvents::MemberId),
                    (Members::Table, Members::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("idx_counter_events_member", CounterEvents::Table)
                .col(CounterEvents::MemberId)
                .col(CounterEvents::Date)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Leaves::Table)
                .col(pk_uuid(Leaves::Id))
                .col(uuid(Leaves::MemberId))
                .col(string(Leaves::Kind))
                .col(date(Leaves::StartDate))
                .col(date(Leaves::EndDate))
                .col(text(Leaves::Note))
                .col(uuid_null(Leaves::CreatedBy))
                .col(big_integer(Leaves::CreatedAtMs))
                .foreign_key(&mut fk(
                    (Leaves::Table, Leaves::MemberId),
                    (Members::Table, Members::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Extensions::Table)
                .col(pk_uuid(Extensions::Id))
                .col(uuid(Extensions::MemberId))
                .col(date(Extensions::GrantedOn))
                .col(uuid_null(Extensions::GrantedBy))
                .col(big_integer(Extensions::CreatedAtMs))
                .foreign_key(&mut fk(
                    (Extensions::Table, Extensions::MemberId),
                    (Members::Table, Members::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(MemberStatuses::Table)
                .col(uuid(MemberStatuses::MemberId).primary_key())
                .col(string(MemberStatuses::Status))
                .col(date(MemberStatuses::Since))
                .col(big_integer(MemberStatuses::Balance))
                .col(date_null(MemberStatuses::DateThatMatters))
                .col(text(MemberStatuses::ReasonJson))
                .col(big_integer(MemberStatuses::UpdatedAtMs))
                .foreign_key(&mut fk(
                    (MemberStatuses::Table, MemberStatuses::MemberId),
                    (Members::Table, Members::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(StatusChanges::Table)
                .col(pk_uuid(StatusChanges::Id))
                .col(uuid(StatusChanges::MemberId))
                .col(date(StatusChanges::OnDate))
                .col(string_null(StatusChanges::FromStatus))
                .col(string(StatusChanges::ToStatus))
                .col(text(StatusChanges::CauseJson))
                .col(big_integer(StatusChanges::CreatedAtMs))
                .foreign_key(&mut fk(
                    (StatusChanges::Table, StatusChanges::MemberId),
                    (Members::Table, Members::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("idx_status_changes_member", StatusChanges::Table)
                .col(StatusChanges::MemberId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AttendanceSheets::Table)
                .col(pk_uuid(AttendanceSheets::Id))
                .col(uuid_uniq(AttendanceSheets::ShiftId))
                .col(big_integer(AttendanceSheets::OpenedAtMs))
                .col(big_integer_null(AttendanceSheets::ValidatedAtMs))
                .col(uuid_null(AttendanceSheets::ValidatedBy))
                .foreign_key(&mut fk(
                    (AttendanceSheets::Table, AttendanceSheets::ShiftId),
                    (Shifts::Table, Shifts::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AttendanceLines::Table)
                .col(pk_uuid(AttendanceLines::Id))
                .col(uuid(AttendanceLines::SheetId))
                .col(uuid(AttendanceLines::MemberId))
                .col(string(AttendanceLines::Seat))
                .col(string_null(AttendanceLines::Mark))
                .col(boolean(AttendanceLines::WalkIn))
                .foreign_key(&mut fk(
                    (AttendanceLines::Table, AttendanceLines::SheetId),
                    (AttendanceSheets::Table, AttendanceSheets::Id),
                ))
                .foreign_key(&mut fk(
                    (AttendanceLines::Table, AttendanceLines::MemberId),
                    (Members::Table, Members::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("idx_attendance_lines_pair", AttendanceLines::Table)
                .col(AttendanceLines::SheetId)
                .col(AttendanceLines::MemberId)
                .unique()
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            AttendanceLines::Table.into_iden(),
            AttendanceSheets::Table.into_iden(),
            StatusChanges::Table.into_iden(),
            MemberStatuses::Table.into_iden(),
            Extensions::Table.into_iden(),
            Leaves::Table.into_iden(),
            CounterEvents::Table.into_iden(),
            MemberSkills::Table.into_iden(),
            SwapOffers::Table.into_iden(),
            ShiftBookings::Table.into_iden(),
            ClosureDays::Table.into_iden(),
            Shifts::Table.into_iden(),
            TemplateLeaders::Table.into_iden(),
            TemplateSeats::Table.into_iden(),
            ShiftTemplates::Table.into_iden(),
            TaskTypes::Table.into_iden(),
            ShiftRules::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
