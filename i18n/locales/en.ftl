## General
app-name = Ruche
loading = Loading…
save = Save
saved = Saved.
nav-label = Main menu
nav-home = My card
nav-members = Members
nav-import = Import
nav-shares = Shares
nav-outbox = Outbox
nav-sign-out = Sign out
language-label = Language
not-found-title = Page not found
forbidden-title = Not allowed
pager-previous = Previous
pager-next = Next

## Fields
field-name = Name
field-first-name = First name
field-last-name = Last name
field-email = Email
field-phone = Phone
field-language = Language
field-join-date = Join date
field-work-regime = Work regime
field-member-number = Member number
field-card = Card
field-date = Date
field-password = Password
field-new-password = New password
field-confirm-password = Repeat the password
field-leaving-date = Leaving date
field-leaving-reason = Reason for leaving

regime-regular = Regular
regime-flexible = Flexible
regime-exempt = Exempt

role-member = Member
role-shift_leader = Shift leader
role-cashier = Cashier
role-stock_manager = Stock manager
role-coordinator = Coordinator
role-admin = Admin

## Sign-in
sign-in-title = Sign in
sign-in-submit = Sign in
sign-in-forgot = Forgot your password?
sign-in-already = You are already signed in.
sign-in-bad-credentials = Wrong email or password.
sign-in-too-many = Too many failed attempts. Try again in { $minutes } minutes.
sign-in-signed-out = You are signed out.
forgot-title = Forgotten password
forgot-intro = Enter your email address. If it belongs to an account, we send you a link to choose a new password.
forgot-submit = Send the link
forgot-sent = If this address belongs to an account, a link is on its way. It works for one hour.
reset-title = Choose a new password
reset-submit = Save the password
reset-done = Your password is changed. You can sign in.
setup-title = Create the first admin
setup-intro = This coop has no admin yet. The one who opens this link becomes its first admin.
setup-submit = Create the admin
setup-done = The admin is created. You can sign in.

## Mail
mail-link-hidden = (link hidden: only the addressee receives it)
mail-email-changed-subject = Your email address at Ruche was changed
mail-email-changed-body =
    Hello { $name },

    The email address of your Ruche account was changed from { $old } to { $new } by { $by }. Messages and password reset links now go to the new address.

    If you did not ask for this, tell your coop's admins at once.
mail-reset-subject = Choose a new password for Ruche
mail-reset-body =
    Hello { $name },

    Someone asked to choose a new password for your Ruche account. If it was you, open this link within one hour:

    { $link }

    If it was not you, ignore this message: your password stays as it is.

## Member home
home-greeting = Hello { $name }
home-member-number = Member number
home-card-hint = Show this card at the till and at the entrance.
home-no-member = Your account is not linked to a member of the register.

## Member register
members-title = Members
members-new = New member
members-export = Export CSV
members-search = Search
members-search-placeholder = Number, name, email or card
members-filter = Show
members-filter-active = Active members
members-filter-leavers = Former members
members-filter-all = Everyone
members-count =
    { $count ->
        [one] 1 member
       *[other] { $count } members
    }
member-left = Left
member-new-title = New member
member-edit-title = Member record
member-created = The member is created, with a card.
member-number-hint = Leave the member number empty to give the next free number.
member-left-on = Left the coop on { $date }: { $reason }
card-print = Print the card
household-title = Household
household-hint = Up to { $max } people who shop on this account with their own card and owe no work.
household-empty = Nobody else shops on this account.
household-add = Add a person
household-remove = Remove
roles-title = Roles
roles-save = Save the roles
leaving-title = Leaving the coop
leaving-submit = Record the leaving

## Shares
shares-title = Shares
shares-register-title = Share register
shares-held = Shares held
shares-holders = Holders
shares-value = Value
shares-subscribed = Subscribed
shares-paid = Paid
shares-due = Still due
shares-reimbursed = Reimbursed
shares-active-members = Active members
shares-former-members = Former members
share-class = Class
share-unit-price = Unit price
share-kind = Event
share-quantity = Shares
share-amount = Amount
share-counterpart = Other member (number)
share-note = Note
share-record = Record a share event
share-record-submit = Record
share-class-save-title = Add or change a share class
share-kind-subscription = Subscription
share-kind-payment = Payment
share-kind-transfer_in = Transfer received
share-kind-transfer_out = Transfer given
share-kind-reimbursement = Reimbursement

## Import
import-title = Import members
import-intro = A CSV file with a header line and these columns (member_number, phone and language may be left out). Every row is checked first: if one is wrong, nothing is imported.
import-file = CSV file
import-text = Or paste the CSV here
import-submit = Import
import-done =
    { $count ->
        [one] 1 member imported.
       *[other] { $count } members imported.
    }
import-line = Line
import-field = Column
import-reason = Problem

## Outbox
outbox-title = Outbox
outbox-to = Recipient
outbox-empty = No messages.
outbox-sent = sent
outbox-failed = not sent
outbox-kept = kept here (no mail server configured)

## Errors
error-invalid = Please correct the fields marked below.
error-import-refused =
    { $count ->
        [one] Nothing was imported: 1 problem to fix.
       *[other] Nothing was imported: { $count } problems to fix.
    }
error-unauthenticated = Please sign in again.
error-forbidden = You are not allowed to do this.
error-not-found = This page or record does not exist.
error-bad-request = The request could not be read. Nothing was saved; reload the page and try again.
error-internal = Something went wrong on our side. Nothing was saved; please try again.
error-transport = The server could not be reached. Check the connection and try again.
error-token-invalid = This link is not valid any more. Ask for a new one.
error-required = Required.
error-too-long = At most { $max } characters.
error-invalid-email = Not a valid email address.
error-invalid-phone = Not a valid phone number.
error-invalid-date = Not a valid date (YYYY-MM-DD).
error-invalid-number = Not a valid number.
error-unknown-language = Unknown language (fr, nl or en).
error-unknown-regime = Unknown work regime (regular, flexible or exempt).
error-unknown-role = Unknown role.
error-unknown-column = Unknown column “{ $name }”.
error-missing-column = Missing column “{ $name }”.
error-duplicate-in-file = Already on line { $line }.
error-already-taken = Already used by someone else.
error-before-join-date = Before the join date.
error-too-many-household-people = A household has at most { $max } people.
error-not-positive = Must be more than zero.
error-not-enough-shares = Only { $held } shares held.
error-unknown-share-class = Unknown share class.
error-unknown-member = No member has this number.
error-same-member = Must be another member.
error-bad-amount = Not a valid amount in euros.
error-malformed = This line cannot be read.
error-password-too-short = At least { $min } characters.
error-password-too-long = The password is too long.
error-passwords-differ = The two passwords differ.
error-cannot-remove-own-admin = You cannot remove your own admin role; ask another admin.
error-staff-email-admins-only = Only an admin may change the email of an account with a role beyond member's.
error-booking-already-booked = You already booked this shift.
error-booking-cancelled = This shift is cancelled.
error-booking-past = This shift has already started.
error-booking-full = Every seat of this shift is taken.
error-booking-missing-skill = This seat requires the skill “{ $skill }”.
error-booking-overlap = This shift overlaps another one you booked.
error-booking-day-limit = At most { $max } shifts a day.
error-booking-period-limit = At most { $max } shifts in { $days } days.
error-booking-own-offer = You cannot take your own offer.
error-sheet-already-validated = This attendance sheet is already validated.
error-extension-not-in-alert = Only a member in alert may get more time.
error-extension-already-extended = This alert already had its { $max } extension(s).
error-extension-too-late = The deadline has passed.

## Shift mails
mail-shift-reminder-subject = Your shift on { $date }
mail-shift-reminder-body =
    Hello { $name },

    A reminder: you work at the coop on { $date } at { $start } ({ $task }).

    If you cannot come, offer your shift to another member in the app, so that someone stands in for you.
mail-status-alert-subject = Your shift counter is behind
mail-status-alert-body =
    Hello { $name },

    Your shift counter is at { $balance }. Book { $shifts } make-up shift(s) before { $deadline } to keep shopping at the coop.
mail-status-suspended-subject = You may not shop until you catch up
mail-status-suspended-body =
    Hello { $name },

    Your shift counter is at { $balance } and the deadline of { $deadline } has passed: you may not shop until you book { $shifts } make-up shift(s).

## Shifts on the member's phone
shifts-title = My shifts
status-unsubscribed = Unsubscribed
status-on_leave = On leave
status-exempted = Exempted
status-suspended = Suspended
status-extension = Extension
status-alert = Alert
status-up_to_date = Up to date
shop-yes = You may shop.
shop-no = You may not shop for now.
shifts-balance = Shift counter:
shifts-history = Why my counter is what it is
shifts-history-empty = Nothing yet: your counter is at zero.
todo-book-before =
    { $count ->
        [one] Book 1 make-up shift before { $date } to avoid suspension.
       *[other] Book { $count } make-up shifts before { $date } to avoid suspension.
    }
todo-book-suspended =
    { $count ->
        [one] Book 1 make-up shift to shop again.
       *[other] Book { $count } make-up shifts to shop again.
    }
todo-makeups-booked = Your make-up shifts are booked: attend them to get back to zero.
todo-holiday = On holiday until { $date }.
todo-exemption = Exempted from shifts until { $date }.
todo-exempt = You are exempt from shifts.
todo-left = You left the coop on { $date }.
todo-threshold = Your counter is too far behind: please contact the members' office.
todo-up-to-date = You are up to date. Thank you!
counter-reason-attended = Shift attended
counter-reason-excused = Shift missed, excused
counter-reason-absent = Shift missed
counter-reason-makeup = Make-up shift attended
counter-reason-no_show = Booked shift missed
counter-reason-period_debit = New 4-week period
counter-reason-cap = Counter capped at zero
counter-reason-manual_correction = Correction by the office

## till
error-unknown-unit = Unknown unit (piece, kg or litre).
error-unknown-vat-rate = Not one of the coop's VAT rates.
error-invalid-barcode = Not a valid barcode (EAN-13, EAN-8 or UPC-A with its check digit).
error-not-yes-no = Write yes or no.
error-unknown-product = This product is not in the catalogue.
error-several-products = This matches several products of the catalogue: say which with its barcodes.
error-bad-quantity = A quantity must be more than zero, with at most three decimals.
error-unknown-denomination = Not a euro coin or note.
error-session-closed = The drawer session is closed: open one to sell.
error-session-already-open = This till already has an open drawer session.
error-unknown-barcode = No product has this barcode.
error-misread-barcode = Misread barcode: scan again.
error-no-barcode-rule = No rule of the barcode nomenclature reads this code.
error-bad-nomenclature-rule = Rule { $rule } of the nomenclature cannot be used.
error-may-not-shop = This member may not shop now (status: { $status }). A supervisor can override with a reason.
error-not-a-supervisor = Only a shift leader, a coordinator or an admin may override, with a reason.
error-discount-not-allowed = Your role allows discounts of at most { $max } %.
error-short-payment = { $amount } € is still to be paid.
error-vouchers-above-eligible = Meal vouchers pay at most { $amount } € of this sale.
error-non-cash-overpayment = Card and meal vouchers pay { $amount } € too much: change is given in cash only.
error-return-exceeds-sold = At most { $amount } of this line can still be returned.
error-sale-conflict = A sale with this number was already recorded with other content.
error-price-changed = A price on this sale is not the catalogue's: update the till's catalogue.
error-sold-in-future = This sale is dated in the future: check the till's clock.
error-sold-too-long-ago = This sale is dated before its drawer session opened or more than { $max } hours ago: it cannot be recorded.
error-not-sold-by-label = This product is not sold by price label: scan its own barcode.
error-not-your-session = This drawer session was opened by another cashier or on another till: only they may use it, and a supervisor may close it.
error-return-needs-supervisor = This refund needs a supervisor: it is by another payment method than the sale's, or above the coop's limit.
## member
error-not-a-member = Only members hold shifts: this account has no member record.
nav-shifts = My shifts
myshifts-title = My shifts
myshifts-book-link = Book a shift
myshifts-status-link = See my shifts and book one
myshifts-none = You have no shift coming up.
myshifts-leaders = Shift leaders: { $names }
myshifts-fixed = Your fixed seat
myshifts-state-offered = Offered for a swap
myshifts-state-shift_cancelled = Shift cancelled: nobody owes it
myshifts-cancel = Cancel
myshifts-offer = Offer for a swap
myshifts-cancel-free = Cancelling now is free: the seat becomes free for someone else and you owe nothing for it.
myshifts-cancel-late = It is too late to cancel for free. Your seat will be offered to stand-ins: it stays yours until someone takes it, and if you do not come it counts as missed.
myshifts-cancel-fixed = This is your fixed seat: it is never cancelled for free. It will be offered to stand-ins: it stays yours until someone takes it, and if you do not come it counts as missed.
myshifts-cancel-confirm = Yes, cancel
myshifts-offer-explain = Your seat will be offered to the other members. It stays yours until someone takes it; from then on you owe nothing for this shift.
myshifts-offer-confirm = Yes, offer it
myshifts-cancelled-free = Cancelled: the seat is free again and you owe nothing for it.
myshifts-cancelled-late = Too late to cancel for free: your seat is now offered to stand-ins. It stays yours until someone takes it.
myshifts-offered = Your seat is offered to stand-ins. It stays yours until someone takes it.
myshifts-offers-title = Shifts offered for a swap
myshifts-offers-none = Nobody offers a shift right now.
myshifts-offered-by = Offered by { $name }
myshifts-take = Take this shift
myshifts-taken = Done: this shift is yours now.
myshifts-seats = { $booked } of { $seats } seats taken
myshifts-skill = Requires: { $skill }
myshifts-day-1 = Mon
myshifts-day-2 = Tue
myshifts-day-3 = Wed
myshifts-day-4 = Thu
myshifts-day-5 = Fri
myshifts-day-6 = Sat
myshifts-day-7 = Sun
book-title = Book a shift
book-intro = Free seats in the next four weeks.
book-weeks = Weeks
book-week-0 = This week
book-week = From { $date }
book-none = No free seat this week.
book-button = Book
book-booked = Booked! You will find it in your shifts.
book-back = Back to my shifts
calendar-title = My shifts in my calendar
calendar-intro = Subscribe to a private address in your calendar app and your shifts appear there by themselves.
calendar-made = You made your calendar address on { $date }. For your privacy it is shown only once: if you need it again, make a new one (the old one stops working).
calendar-make = Make my calendar address
calendar-remake = Make a new address
calendar-url-label = Your private calendar address (shown only now: copy it)
calendar-open = Open in my calendar app
calendar-name = Ruche: my shifts
calendar-event = Shift: { $task }
## sheet
nav-sheets = Sheets
sheets-title = Attendance sheets
sheets-hint = Shifts you lead, from a week ago to tomorrow.
sheets-empty = No shift to show.
sheets-expected =
    { $count ->
        [one] 1 expected
       *[other] { $count } expected
    }
sheet-state-open = To validate
sheet-state-validated = Validated
sheet-back = All sheets
sheet-number = No. { $number }
sheet-mark-attended = Present
sheet-mark-excused = Excused
sheet-mark-absent = Absent
sheet-seat-fixed = Regular seat
sheet-seat-booked = Booked seat
sheet-walk-in = Walk-in
sheet-empty = Nobody is expected on this shift.
sheet-add-title = Add someone who came
sheet-add-label = Scan a card, or type a name or number
sheet-add-find = Find
sheet-add-button = Add
sheet-add-none = No member found.
sheet-unknown-card = No member or household person has this card.
sheet-unmarked =
    { $count ->
        [one] 1 member is not marked yet.
       *[other] { $count } members are not marked yet.
    }
sheet-validate = Validate the sheet
sheet-validate-confirm = Validate now? The counters are updated and the sheet can no longer be changed.
sheet-validate-yes = Yes, validate
sheet-validate-no = Not yet
sheet-validated-by = Validated by { $name } on { $date } at { $time }.
mail-unvalidated-subject =
    { $count ->
        [one] 1 attendance sheet left unvalidated
       *[other] { $count } attendance sheets left unvalidated
    }
mail-unvalidated-body =
    Hello,

    These shifts are over but nobody validated their attendance sheet, so their members' counters have not moved:

    { $shifts }

    Open them in Ruche under Sheets, mark who came, and validate.
mail-understaffed-subject =
    { $count ->
        [one] 1 shift is understaffed
       *[other] { $count } shifts are understaffed
    }
mail-understaffed-body =
    Hello,

    These shifts of the coming days have fewer than { $percent }% of their seats booked (booked/seats):

    { $shifts }

    Flexible members and members behind on their counter may be glad to step in.
## rules
nav-statuses = Statuses
nav-rules = Shift rules
error-negative = Must be zero or more.
error-not-a-debit = A penalty: must be zero or less.
error-not-below-zero = Must be below zero.
error-not-a-monday = Must be a Monday.
error-out-of-range = Must be between { $min } and { $max }.
error-unknown-time-zone = Unknown time zone (for example Europe/Brussels).
error-end-before-start = The end comes before the start.
error-in-the-past = This date is in the past.
error-overlaps-leave = Overlaps the leave from { $start } to { $end }.
rules-title = Shift rules
rules-hint = The numbers your coop voted. Changes apply from now on; the ledger already written stays as it is.
rules-saved = The rules are saved.
rules-save = Save the rules
rules-group-calendar = Calendar
rules-group-counter = Shift counter
rules-group-status = Alert and suspension
rules-group-booking = Booking
rules-group-notices = Reminders and alerts
rules-week-a-monday = Monday that starts a week A
rules-cycle-weeks = Weeks in a cycle
rules-time-zone = Time zone
rules-horizon-weeks = Shifts planned ahead (weeks)
rules-regular-attended = Regular member, own shift attended
rules-regular-excused = Regular member, absent with excuse
rules-regular-absent = Regular member, absent without excuse
rules-makeup-attended = Make-up or extra shift attended
rules-booked-no-show = Booked shift missed without excuse
rules-flexible-period-days = Flexible member's period (days)
rules-flexible-period-debit = Flexible member's debit per period
rules-regular-savings-allowed = Regular members may save shifts ahead (counter above zero)
rules-unsubscribe-threshold = Counter that unsubscribes
rules-alert-days = Alert period before suspension (days)
rules-extension-days = Length of an extension (days)
rules-max-extensions-in-a-row = Extensions in a row
rules-max-holiday-days = Longest holiday a member records by themselves (days)
rules-makeups-lift-suspension = Booking enough make-up shifts lifts a suspension
rules-on-leave-may-shop = Members on holiday may shop
rules-max-bookings-per-day = Bookings per day
rules-max-bookings-per-period = Bookings per booking period
rules-booking-period-days = Booking period (days)
rules-free-cancellation-hours = Free cancellation until (hours before)
rules-reminder-days-before = Reminder mail (days before a shift)
rules-understaffed-days-ahead = Understaffed alert (days ahead)
rules-understaffed-below-percent = Understaffed below (% of seats)
statuses-title = Members' statuses
statuses-search-placeholder = Name or member number
statuses-filter = Status
statuses-filter-all = All statuses
statuses-status = Status
statuses-balance = Counter
statuses-date = Date that matters
reason-left = Left the coop on { $date }.
reason-threshold = Counter at or below { $threshold }.
reason-holiday = On holiday until { $date }.
reason-exemption = Exempted until { $date }.
reason-exempt-regime = Exempt regime: owes no shifts.
reason-behind = Counter negative since { $since }; suspended from { $date }. Make-up shifts needed: { $needed }, booked: { $booked }. Extensions: { $extensions }.
reason-makeups-booked = Past the deadline of { $date }, but { $booked } make-up shift(s) booked will bring the counter back to zero.
reason-up-to-date = Counter at zero or above.
member-may-shop = May shop.
member-may-not-shop = May not shop.
member-shifts-link = Shifts and status
member-shifts-ledger = Counter events
member-shifts-ledger-empty = No counter events yet.
member-shifts-reason = Reason
member-shifts-delta = Change
member-shifts-note = Note
member-shifts-history = Status history
member-shifts-history-empty = No status change recorded yet.
member-shifts-leaves = Leaves and exemptions
member-shifts-leaves-empty = No leave recorded.
leave-title = Record a leave or an exemption
leave-kind = Kind
leave-kind-holiday = Holiday
leave-kind-exemption = Exemption
leave-start = First day
leave-end = Last day
leave-submit = Record the leave
leave-requested-by-member = Asked by the member
correct-title = Correct the counter
correct-hint = A number of shifts, such as 1 or -2, and why. The note is kept in the ledger.
correct-delta = Shifts to add or remove
correct-note = Note (mandatory)
correct-submit = Correct the counter
extension-title = Extension
extension-hint = A member in alert may get more time before suspension, as the rules allow.
extension-grant = Grant an extension
requests-link = Ask for a holiday or more time
requests-title = My requests
requests-holiday-title = A holiday
requests-holiday-hint = While on holiday you owe no shifts, and your household does not shop.
requests-holiday-done = Your holiday from { $start } to { $end } is recorded.
requests-holiday-submit = Record my holiday
requests-extension-title = More time
requests-extension-hint = Behind on your shifts? You may get more time once before suspension.
requests-extension-done = You have more time: book your make-up shifts before { $date }.
requests-extension-submit = Ask for more time
requests-back = Back to my card
## planning
nav-planning = Planning
nav-templates = Templates
nav-closures = Closures
error-invalid-time = Type a time such as 09:30.
error-unknown-choice = Choose one of the options.
error-not-one-member =
    { $count ->
        [0] No member matches: type their member number or name.
        *[other] { $count } members match: type their member number.
    }
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
week-letter = Week { $letter }
planning-title = Planning
planning-nav = Weeks
planning-previous = ← Previous
planning-today = This week
planning-next = Next →
planning-one-week = 1 week
planning-four-weeks = 4 weeks
planning-summary =
    { $short ->
        [0] Every shift is fully staffed.
        [one] 1 shift is short-staffed, { $critical } of them under half.
        *[other] { $short } shifts are short-staffed, { $critical } of them under half.
    }
planning-week = Week { $letter }: { $from } – { $to }
planning-no-shift = No shift
planning-leaders = Leaders: { $names }
planning-one-off = One-off
staffing-full = Fully staffed
staffing-short = Short-staffed
staffing-critical = Under half staffed
shift-cancelled = Cancelled
templates-title = Templates and task types
templates-list = Templates
templates-none = No template yet: create the first one above.
generate-hint = Creates the shifts of the coming weeks from the templates. Shifts that already exist are kept as they are.
generate-button = Generate the shifts
generate-result =
    { $count ->
        [0] No new shift: the planning was already generated.
        [one] 1 new shift generated.
        *[other] { $count } new shifts generated.
    }
task-types-title = Task types
task-types-none = No task type yet.
task-type-name = Name of the task
task-type-add = Add the task type
field-week = Week
field-weekday = Day
field-start = Start
field-end = End
field-task-type = Task
field-seats = Seats
field-required-skill = Required skill (optional)
field-skill = Skill
template-new-title = New template
template-add = Add the template
template-seats = { $held } of { $seats } seats held
template-skill = skill: { $skill }
template-holders = Regular members
template-remove-seat = Remove
template-assign-label = Member number or name
template-assign = Give a seat
template-leaders = Shift leaders
template-leader-label = Leader's number or name
template-add-leader = Add a leader
skill-title = Give a member a skill
skill-added = Skill given.
skill-add = Give the skill
closures-title = Closure days
closures-hint = On a closure day (public holiday, inventory) the shifts are cancelled and nobody owes them.
field-closure-note = Reason
closure-add = Close the coop on this day
closure-result =
    { $count ->
        [0] Closure day saved; no shift was planned that day.
        [one] Closure day saved; 1 shift cancelled.
        *[other] Closure day saved; { $count } shifts cancelled.
    }
closure-see-planning = See the planning
closures-list = Coming closure days
closures-none = No closure day ahead.
one-off-title = One-off shift
one-off-hint = A shift outside the templates, on one date.
one-off-added = One-off shift added.
one-off-add = Add the shift
template-retire = Retire this template
template-retire-warning = Its members lose their seats and its shifts ahead are cancelled.
template-retire-confirm = Retire it
template-retire-keep = Keep it

## catalogue: the stock manager's catalogue and stock screens, tills
nav-stock = Catalogue
pager-label = Pages
stock-title = Catalogue and stock
stock-products = Products
stock-products-hint = Find a product by name or barcode, change it, see its stock.
stock-product-new = New product
stock-product-new-hint = Add a product to the catalogue.
stock-categories = Categories
stock-categories-hint = The shelves' families of products.
stock-nomenclature = Barcode nomenclature
stock-nomenclature-hint = What a scanned code means: products, weighed and price-labelled items, cards.
stock-import = Import products
stock-import-hint = Add many products at once from a CSV file.
stock-back-to-products = ← Products
unit-piece = piece
unit-kg = kg
unit-litre = litre
quantity-piece = { $n } pcs
quantity-kg = { $n } kg
quantity-litre = { $n } L
orders-field-product-name = Product name
field-category = Category
field-unit = Sold by
field-price = Price with VAT (€)
field-vat = VAT rate
field-deposit = Deposit (€)
field-barcodes = Barcodes
product-barcodes-hint = Scan or type each barcode; separate several with spaces. A weighed or price-labelled item has its scale code with the value as zeros.
field-meal-voucher = Meal vouchers may pay for it
field-on-sale = On sale
product-no-category = No category
product-created = Product added to the catalogue.
product-edit-title = Product
products-search-placeholder = Name or barcode
products-all-categories = All categories
products-state = On sale or not
products-state-active = On sale
products-state-inactive = Withdrawn
products-state-all = All products
products-count =
    { $count ->
        [one] 1 product
       *[other] { $count } products
    }
stock-on-hand-title = Stock on hand
stock-no-moves = No stock move yet.
stock-move-title = Record a stock move
stock-move-submit = Record the move
stock-move-done = Stock move recorded.
field-move-kind = Move
move-reception = Reception
move-adjustment = Inventory adjustment
move-loss = Loss
move-sale = Sale
move-return = Return
stock-quantity = Quantity
stock-quantity-reception = Quantity received
stock-quantity-adjustment = Quantity to add (negative to remove)
stock-quantity-loss = Quantity lost
field-loss-reason = Reason of the loss
field-move-note = Note (optional)
loss-expired = Expired
loss-damaged = Damaged
loss-stolen = Stolen
loss-own_use = Own use
loss-choose = Choose a reason
field-category-name = New category
category-add = Add the category
category-added = Category added.
category-rename = Rename
field-category-name-new = New name
category-rename-save = Save the name
category-rename-cancel = Cancel
categories-none = No category yet.
product-import-intro = A CSV file with a header line and these columns (category, deposit, meal_voucher, active and barcodes may be left out; barcodes separated by spaces or |; yes or no for the flags). A row updates the product that has one of its barcodes (a row without barcodes: the product without barcodes of the same name, ignoring case and accents), otherwise it adds a product; an updated product keeps the barcodes the row leaves out. Every row is checked first: if one is wrong, nothing is imported.
product-import-done = Import done: { $created } added, { $updated } updated, { $unchanged } unchanged.
nomenclature-intro = The till reads a scanned code with the first rule, from the top, whose prefix pattern and code length match it. A pattern has one sign per digit: a digit, . for any digit, or a range such as [1-9]. Weighed and price-labelled items carry their weight (grams) or price (cents) in the digits you say.
nomenclature-rule = Rule { $n }
nomenclature-up = Move up
nomenclature-down = Move down
nomenclature-remove = Remove
nomenclature-add = Add a rule
nomenclature-defaults = Restore the usual rules
nomenclature-saved = Nomenclature saved: the tills use it from their next update.
nomenclature-empty = Without rules no code can be read: add one, or restore the usual rules.
field-rule-kind = Meaning
rule-kind-product = A product's own barcode
rule-kind-weighed = Weighed item
rule-kind-price_embedded = Price-labelled item
rule-kind-member_card = Member card
rule-kind-cashier_badge = Cashier badge
field-rule-pattern = Prefix pattern
field-rule-length = Code length
rule-length-any = Any (8, 12 or 13)
rule-length-digits = { $n } digits
field-rule-value-start = Value starts at digit
field-rule-value-len = Value digits
error-rule-pattern = Use digits, . for any digit and ranges such as [1-9] only.
error-rule-length = A barcode has 8, 12 or 13 digits.
error-rule-pattern-too-long = The pattern is as long as the code: leave room for the check digit.
error-rule-value-field = The value must have 1 to 9 digits, after the pattern and before the check digit, in a code of fixed length.
error-zero-quantity = An adjustment of zero changes nothing.
tills-title = Tills
tills-hint = The coop's tills; add one.
tills-none = No till yet.
field-till-name = Till name
tills-session = Drawer
tills-open-since = Open since { $date }
tills-closed = Closed
tills-add-title = Add a till
tills-add = Add the till
tills-added = Till added.

## shifts gaps (catalogue helper, issue 3): template editing, sheets before their shift, the coordinator menu
error-shift-not-started = This shift has not started yet: validate its sheet once it has begun.
nav-menu = Menu
nav-register = Register
nav-planning-group = Coordination
template-edit = Change this template
template-edit-hint = Its shifts ahead follow: on a day it keeps they take the new times, task and seats with their bookings; on a day it leaves they are cancelled, and its shifts on its new days are planned with its seat holders.
template-edit-cancel = Cancel
template-remove-leader = Remove
error-seats-below-booked = { $booked } people already hold or booked a seat: keep at least that many seats.
error-invalid-characters = Contains characters that cannot be kept (a NUL or another control character).
error-too-many = At most { $max }.
error-too-much-cash = More cash than a drawer can hold: check the amount.
error-holiday-too-long = A holiday you ask for yourself lasts at most { $max } days; ask a coordinator for a longer one.
## till screen (cashier)
nav-till = Till
error-supervisor-not-recognised = Not recognised as a supervisor: a wrong email or password, or an account that may not override (a shift leader, a coordinator or an admin may).
error-override-not-needed = This member may shop: there is nothing to override.
error-override-not-valid = This override cannot be used: ask the supervisor again.
till-loading = Loading the catalogue: { $count } products…
till-open-title = Open a till
till-none = No till is set up yet: an admin adds them.
till-session-open = Session open: carry on
till-session-closed = Closed: count the float
till-session-other = Another cashier's session: a supervisor may close it
till-float-title = Float of { $till }
till-float-label = Count the float by coin and note
till-count-total = Total counted:
till-count-bad = not a count
till-open-submit = Open the drawer session
till-scan-label = Scan or search
till-scan-placeholder = Scan a product or a member card, or type a name
till-catalogue-size = { $count } products
till-search-none = No product matches “{ $query }”.
till-found-hint = Arrows to choose, Enter to add, Esc to close.
till-bad-number = Type a number, e.g. 2*, 0.5* or 10%.
till-bad-amount = Type an amount, e.g. 12.50.
till-badge = A cashier badge is not an item.
till-unknown-code = No product has the code { $code }.
till-misread = Misread code { $code }: scan again.
till-unknown-card = Unknown member card.
till-no-line = Scan a product first.
till-discount-range = A discount is between 0 and 100 %.
till-price-labelled = The quantity of a price-labelled item comes from its label.
till-line-refused = This line cannot be changed.
till-col-product = Product
till-col-quantity = Quantity
till-col-price = Price
till-col-total = Total
till-col-actions = Actions
till-empty = Scan the first product.
till-keys-hint = Type 2* to set the quantity, 10% to discount the selected line; + and − change it, Delete removes it, ↑ ↓ choose a line.
till-line-discount = −{ $percent } % (−{ $amount })
till-line-deposit = deposit { $amount }
till-less = One less
till-more = One more
till-discount = Discount
till-remove = Remove the line
till-items = Lines
till-discounts = Discounts
till-meal-voucher-eligible = Meal vouchers may pay
till-total = Total
till-key-member = Member
till-key-search = Search
till-key-pay = Pay
till-key-return = Return
till-key-cash = Cash in/out
till-key-report = Report / close
till-key-void = Cancel the sale
till-pay-empty = Scan a product before paying.
till-pay-member = Identify the member before paying.
till-per-piece = each
till-per-kg = per kg
till-per-litre = per litre
till-discount-title = Line discount
till-discount-label = Discount in percent
till-discount-hint = At most { $max } % for you.
till-discount-apply = Apply
till-cancel = Cancel
till-done = Done
till-member-none = No member yet
till-member-hint = Scan their card or press F2.
till-member-number = Member no. { $number }
till-may-shop = May shop
till-may-not-shop = May not shop
till-overridden-by = Allowed by { $name }
till-member-title = Member
till-member-query = Card, member number or name
till-member-find = Find
till-member-none-found = No current member matches.
till-refused = { $name } may not shop ({ $status }).
till-override-title = Supervisor override
till-override-hint = A shift leader or coordinator signs in here with their own password and says why.
till-override-email = Supervisor's email
till-override-password = Supervisor's password
till-override-reason = Reason
till-override-submit = Allow this member to shop
till-pay-title = Payment
till-pay-card = Card (amount taken by the terminal)
till-pay-vouchers = Electronic meal vouchers
till-pay-cash = Cash handed over
till-pay-rest = The rest
till-pay-max = The most
till-pay-exact = Exact
till-pay-cash-due = Cash to pay:
till-pay-rounded-from = (rounded to 5 cents from { $amount })
till-pay-change = Change:
till-pay-rounding = Cash rounding:
till-pay-missing = Still to pay: { $amount }
till-pay-vouchers-above = Meal vouchers pay at most { $amount } here.
till-pay-non-cash-over = Card and meal vouchers pay { $amount } too much: change is given in cash only.
till-pay-confirm = Confirm the payment
till-sale-recorded = Sale recorded
till-next-sale = Next sale
till-print = Print
till-receipt-number = Receipt no. { $number }
till-receipt-overridden = Allowed by a supervisor
till-receipt-discount = discount { $amount }
till-receipt-thanks = Thank you, see you soon at the coop!
till-tender-cash = Cash
till-tender-card = Card
till-tender-meal_voucher = Meal vouchers
till-vat-rate = VAT
till-vat-net = Net
till-vat-vat = VAT amount
till-vat-gross = Incl. VAT
till-return-title = Return
till-return-number = Receipt number or barcode
till-return-find = Find the receipt
till-return-bad-number = Type a receipt number or scan its barcode.
till-return-not-found = No receipt has this number.
till-return-sold = Sold
till-return-quantity = Coming back
till-return-where = Goes
till-return-restock = Back on the shelf
till-return-loss-reason = Why it is wasted
till-return-refund = Refund
till-return-submit = Record the return
till-return-nothing = Type what comes back of at least one line.
till-return-done = Return recorded: give back { $amount } ({ $tender }).
till-return-approval-title = Supervisor's approval
till-return-approval-submit = Approve this refund
till-cash-title = Cash in or out
till-cash-out = Take cash out
till-cash-in = Put cash in
till-cash-amount = Amount
till-cash-reason = Reason
till-cash-submit = Record
till-cash-out-done = { $amount } taken out of the drawer.
till-cash-in-done = { $amount } put in the drawer.
till-x-title = X report
till-z-title = Z report
till-report-opened = Opened { $time }
till-report-closed = Closed { $time }
till-report-made = Made { $time }
till-close-session = Close the session…
till-close-count = Count the drawer by coin and note
till-close-submit = Close the session
till-closed-title = Session closed
till-open-again = Open a till
till-report-sales = Sales
till-report-returns = Returns
till-report-overrides = Overrides
till-report-total = Sales total
till-report-cash = Cash handed over
till-report-change = Change given
till-report-card = Card
till-report-vouchers = Meal vouchers
till-report-refunds-cash = Refunds in cash
till-report-refunds-card = Refunds by card
till-report-float = Float
till-report-cash-moves = Cash in and out
till-report-expected = Cash expected in the drawer
till-report-counted = Cash counted
till-report-difference = Difference
mail-receipt-subject = Your receipt no. { $number } from { $coop }
till-receipt-email = Email the receipt to…
till-receipt-send = Send
till-receipt-mailed = The receipt is on its way.
# The till offline (till-device): the device's queue and copies
till-waiting =
    { $count ->
        [0] Nothing waiting to be sent
        [one] 1 sale waiting to be sent
       *[other] { $count } sales waiting to be sent
    }
till-offline = Server unreachable: selling from this till's copies
till-catalogue-age = Catalogue checked { $minutes } min ago
till-catalogue-unchecked = Catalogue not checked yet
till-statuses-age = Member statuses of { $minutes } min ago
till-statuses-none = No member statuses on this till yet
till-kept-refused =
    { $count ->
        [one] 1 kept sale refused by the server
       *[other] { $count } kept sales refused by the server
    }
till-sale-kept = Sale kept on this till: it will be sent when the server is back.
till-return-kept = Return kept on this till: it will be sent when the server is back.
till-member-kept = From the member statuses of { $minutes } min ago (server unreachable).
till-change = Change
till-rounding = Cash rounding

## the drawer report: refunds and their VAT
till-report-refunds-vouchers = Refunds in meal vouchers
till-report-vat-sales = VAT on sales
till-report-vat-refunds = VAT on refunds (to subtract)

## stock: suppliers, cost prices and the coop's pricing (stock-suppliers)
stock-suppliers = Suppliers
stock-suppliers-hint = Who sells what: each supplier's codes, packs and costs, and its price list import.
stock-pricing = Pricing
stock-pricing-hint = The coop's margins, and the prices that differ from cost plus margin plus VAT.
stock-back-to-suppliers = ← Suppliers
supplier-new = New supplier
suppliers-none = No supplier yet.
supplier-terms = Minimum order { $min } · delivery in { $days } days
supplier-products =
    { $count ->
        [0] no product
        [one] 1 product
       *[other] { $count } products
    }
field-supplier-name = Name
field-supplier-contact = Contact (person, phone)
field-order-email = Email for orders
field-min-order = Minimum order (€, excl. VAT)
field-lead-days = Delivery time (days)
field-supplier-margin = Margin on this supplier's products (%)
supplier-margin-hint = Leave empty to use the category's margin, or the coop's. A product's own margin comes first.
supplier-edit-title = The supplier
supplier-created = Supplier added. Add its products from their pages, or import its price list below.
supplier-products-title = Its products
supplier-no-products = This supplier sells no product yet.
supplier-pack = { $quantity } for { $cost }
supplier-preferred = Preferred
price-list-title = Import its price list
price-list-intro = One row per product: its barcode (or, for a product this supplier already sells, the supplier's code alone), the supplier's code, the pack size in the product's unit and the pack's cost excluding VAT. Either every row is taken in, or every bad row is listed and nothing is.
price-list-done = Price list imported: { $created } added, { $updated } updated, { $unchanged } unchanged.
product-suppliers-title = Suppliers and cost
product-no-suppliers = No supplier for this product yet: it has no cost price.
notice-supplier-line = Supplier's price saved.
notice-supplier-preferred = Preferred supplier changed.
notice-supplier-removed = Supplier removed from this product.
notice-margin = Margin saved.
supplier-line-change = Change
supplier-make-preferred = Make preferred
supplier-line-remove = Remove
supplier-line-title = Add or change a supplier's price
supplier-choose = Choose a supplier…
field-supplier = Supplier
field-supplier-code = Supplier's code
field-pack-size = Pack size
field-pack-cost = Pack cost (€, excl. VAT)
supplier-line-hint = The first supplier of a product is its preferred one: its cost makes the computed price.
supplier-line-save = Save the price
product-margin-title = This product's margin
field-product-margin = Margin (%)
product-margin-hint = Leave empty to use the preferred supplier's margin, the category's or the coop's.
pricing-intro = Sale price = cost × (1 + margin) + VAT, rounded to the coop's step. The margin is the product's, else its preferred supplier's, else its category's, else the coop's.
pricing-applied =
    { $count ->
        [0] No price changed: they already were the computed ones.
        [one] 1 price changed: the tills get it with their next update.
       *[other] { $count } prices changed: the tills get them with their next update.
    }
pricing-settings-saved = The coop's pricing is saved.
pricing-category-saved = Category margin saved.
pricing-differences-title = Prices to update
pricing-differences-count =
    { $count ->
        [0] Every price is the computed one.
        [one] 1 product's price differs from the computed one.
       *[other] { $count } products' prices differ from the computed ones.
    }
pricing-why = Cost { $cost } · margin { $margin } % ({ $source }) · VAT { $vat } % · { $supplier }
margin-from-product = product
margin-from-supplier = supplier
margin-from-category = category
margin-from-coop = coop
pricing-see-product = Product and suppliers
pricing-apply-ticked = Apply the ticked prices
pricing-apply-all = Apply all { $count }
pricing-settings-title = The coop's pricing
field-coop-margin = Coop margin (%)
field-price-step = Round prices to
pricing-settings-hint = The margin of every product that has no margin of its own, of its supplier or of its category.
pricing-categories-title = Margins by category
pricing-categories-hint = In %. Leave empty to use the coop's margin.
## stock: shelf labels and reports (task D)
product-label-title = Shelf label
field-origin = Origin
field-content = Net content of a piece
product-content-hint = For the price per kg or litre: "500 g", "1,5 l", "33 cl". Leave empty for products sold by weight.
field-organic = Organic
field-local = Local
labels-title = Shelf labels
labels-hint = Print labels on A4: new prices, a category, or products you pick.
labels-since-title = New prices
labels-since = Price changed since
labels-since-print = Labels of the products whose price changed
labels-category-title = A whole category
labels-category-print = Labels of this category
labels-pick-title = Products you pick
labels-none-found = No product on sale matches.
labels-pick-print = Labels of the ticked products
labels-back = ← Shelf labels
labels-print-hint = Print this page with your browser (Ctrl+P or Share › Print) on A4 paper; only the labels are printed.
labels-none = No label to print: no product on sale matches.
labels-count =
    { $count ->
        [one] 1 label
       *[other] { $count } labels
    }
label-per-kg = / kg
label-per-l = / l
label-origin = Origin: { $origin }
label-organic = Organic
label-local = Local
reports-title = Reports
reports-hint = Sales, VAT, stock value, losses, movers and shift staffing, as tables and CSV.
reports-back = ← Reports
report-from = From
report-to = To
report-show = Show
report-csv = Download CSV
report-sales = Sales per product
report-sales-hint = Quantity, net, VAT and gross of each product over the period.
report-categories = Sales per category
report-categories-hint = The same sales summed per category and VAT rate.
report-vat = VAT per rate
report-vat-hint = Per month and per day: sales less refunds, for the accountant.
report-stock-value = Stock value at cost
report-stock-value-hint = What the stock on hand is worth at the suppliers' cost prices.
report-losses = Losses by reason
report-losses-hint = Expired, damaged, stolen, own use: quantities and value.
report-movers = Slow and fast movers
report-movers-hint = What sold most and least, and stock that does not sell.
report-staffing = Shift staffing per week
report-staffing-hint = Shifts, seats, bookings and attendance, week by week.
report-product = Product
report-products = Products
report-quantity = Quantity
report-net = Net
report-vat-amount = VAT
report-gross = Gross
report-total = Total
report-total-rows =
    { $count ->
        [one] Total (1 row)
       *[other] Total ({ $count } rows)
    }
report-sales-note = Goods after discounts, deposits excluded, from the sales rung up in the period; returns are counted on their own day in the VAT report.
report-refunds = Refunded
report-vat-months = Per month
report-vat-days = Per day
report-month = Month
report-stock-value-at = Stock at the end of { $date }, at today's cost prices.
report-on-hand = On hand
report-value = Value
report-first-rows = The first { $count } rows are shown; the CSV has them all.
report-without-cost =
    { $count ->
        [one] 1 product without cost price (not in the total)
       *[other] { $count } products without cost price (not in the total)
    }
report-no-reason = No reason given
report-moves = Moves
report-losses-by-product = Per product
report-unvalued =
    { $count ->
        [one] (1 move without value)
       *[other] ({ $count } moves without value)
    }
report-sold = Sold
report-fast = Fast movers
report-slow = Slow movers
report-week = Week of
report-shifts = Shifts
report-booked = Booked
report-attended = Attended
report-excused = Excused
report-absent = Absent
## stock-orders: purchase orders, reorder suggestions and receptions
orders-title = Purchase orders
orders-hint = Orders to suppliers by state, receptions in progress
orders-suggest = Reorder suggestions
orders-suggest-hint = What to order from a supplier, from the recent sales; one tap makes the draft
orders-all = All
orders-filter = Orders by state
orders-none = No order here yet.
order-state-draft = draft
order-state-sent = sent
order-state-partly_received = partly received
order-state-received = received
order-state-cancelled = cancelled
order-number = Order no. { $number }
order-lines-count =
    { $count ->
        [one] 1 line
       *[other] { $count } lines
    }
order-total = Total excl. VAT
order-sent-on = sent on { $date }
order-no-lines = This order has no lines.
order-print = Printable order
order-print-hint = Print with your browser (A4).
order-line-packs = { $packs } × { $pack } at { $cost }
order-line-received = Received { $received } of { $ordered }
order-line-change = Change
order-add-line = Add a product…
order-add-submit = Add to the order
order-no-email = This supplier has no order email: add one before sending.
order-send-to = The order goes by mail to { $email }.
order-send = Send the order
order-receive = Receive the delivery
order-receive-resume = Resume the reception
order-cancel = Cancel the order…
order-cancel-hint = The supplier is not told: let them know if the order was sent.
order-cancel-confirm = Cancel the order
order-notice-drafted = Draft order made: check the lines, then send it.
order-notice-line = Order line saved.
order-notice-sent = Order sent: the mail is in the outbox.
order-notice-cancelled = Order cancelled.
order-col-code = Code
order-col-product = Product
order-col-packs = Packs
order-col-pack = Pack
order-col-cost = Pack cost
order-col-total = Total
orders-field-supplier = Supplier
orders-field-product = Product
orders-field-packs = Packs
field-window-days = Sales over the last (days)
field-coverage-days = Stock to cover (days)
reception-field-pack-cost = Pack cost excl. VAT on the delivery note
suggest-hint = The average daily sales over the window, times the days to cover plus the supplier's lead time, less the stock on hand and on order, in whole packs.
suggest-submit = Suggest
suggest-terms = Delivery in { $lead } days · minimum order { $minimum }
suggest-nothing = The stock covers these days: nothing to order.
suggest-below-minimum = Below this supplier's minimum order of { $minimum }.
suggest-make-draft = Make the draft order
suggest-covered =
    { $count ->
        [one] 1 product covered
       *[other] { $count } products covered
    }
suggest-packs = { $packs } × { $pack }
suggest-figures = sold { $sold } · on hand { $on_hand } · on order { $on_order }
receptions-open = Receptions in progress
receptions-none-open = No reception in progress.
reception-without-order = Reception without order
reception-of-order = Reception of order no. { $number }
reception-scanned-count =
    { $count ->
        [one] 1 line scanned
       *[other] { $count } lines scanned
    }
reception-free-title = A delivery without order
reception-free-start = Receive without order
reception-back = Back to the order
reception-validated = validated
reception-notice-line = Line recorded: scan the next item.
reception-notice-validated = Reception validated: the stock and the costs are updated.
reception-lines = Lines
reception-no-lines = Nothing scanned yet.
reception-scan = Scan an item, or type its name
reception-scan-placeholder = Barcode or name
reception-find = Find
reception-not-found = No product found: scan again or type its name.
reception-choose = Which one?
reception-expected = Expected: { $quantity }
reception-not-on-order = Not on the order
reception-cost-changed = The pack cost changed?
reception-record = Record
reception-next = Next item
reception-as-ordered = As ordered
reception-short = Short by { $quantity }
reception-over = Over by { $quantity }
reception-missing = Missing
reception-new-cost = New pack cost { $cost }
reception-validate = Validate the reception…
reception-validate-hint = { $count } lines enter the stock at their cost, and the supplier's changed costs are kept; { $missing } lines of the order did not come. This cannot be undone.
reception-validate-confirm = Validate the reception
mail-order-subject = Order no. { $number } from { $coop }
mail-order-intro = Hello { $supplier }, please find below order no. { $number } from { $coop } (code, product, packs, pack cost excl. VAT, total).
error-order-state-forbids = Not possible for an order that is { $state }.
error-nothing-to-order = Nothing to order.
error-no-order-email = This supplier has no order email: add one before sending.
error-reception-validated = This reception was validated already: nothing more was written.
error-not-supplied = This supplier does not sell this product.
error-nothing-received = Nothing was received: scan the items first.
## inventory counts (stock-counts): the counts, counting on a phone, camera scanning
counts-title = Inventory counts
counts-hint = Count a shelf, the stockroom or categories, several people at once.
counts-none = No count yet.
counts-back = ← Inventory counts
counts-back-to-stock = ← Catalogue and stock
count-status-open = open
count-status-validated = validated
count-status-cancelled = cancelled
count-every-category = every product
count-opened-by = Opened by { $name } on { $date } · { $count ->
        [0] nothing counted
        [one] 1 product counted
       *[other] { $count } products counted
    }
count-open-title = Open a count
field-count-title = Title
field-count-location = Location (shelf, stockroom…)
field-count-categories = Categories
count-categories-hint = Tick the categories to count, or none to count every product of the location.
count-open-submit = Open the count
count-closed-validated = Validated by { $name } on { $date }.
count-closed-cancelled = Cancelled by { $name } on { $date }.
count-line-done = { $name }: { $counted } counted in all (expected { $expected }).
count-validated = Count validated: the stock is adjusted.
count-cancelled = Count cancelled: the stock did not change.
field-count-code = Barcode
field-count-quantity = Quantity counted
count-yours-so-far = You counted { $quantity } so far: the quantity you enter replaces it.
count-quantity-hint = Your own figure for this product (others' figures are added to it).
count-line-submit = Count
count-other-product = Another product
count-code-hint = Scan or type the code. With a quantity, the product is counted at once; without one, it is found and its quantity asked.
count-search-placeholder = Or find a product by name
count-search-none = No product by that name.
count-counted-title = { $count ->
        [one] 1 product counted
       *[other] { $count } products counted
    }, { $differ } with a difference
count-refresh = Refresh
count-nothing-yet = Nothing counted yet.
count-counted-expected = { $counted } counted, { $expected } expected
count-not-counted = { $count ->
        [one] 1 product not counted yet
       *[other] { $count } products not counted yet
    }
count-not-counted-more = …and { $count } more.
count-not-counted-hint = A product nobody counts keeps its stock: count it as 0 if there is none left.
count-validate = Validate the count…
count-validate-explain = Each counted product whose count differs from the expected quantity gets an inventory adjustment, valued at the day's cost. The count then takes no more lines.
count-validate-confirm = Validate and adjust the stock
count-cancel = Cancel the count…
count-cancel-explain = Nothing is adjusted; the lines stay as a record.
count-cancel-confirm = Cancel the count
scan-camera = 📷 Camera
scan-close = Close
scan-aim = Aim at the barcode, 10 to 20 cm away.
scan-failed = The camera cannot be used: type the code instead.
error-count-not-open = This count is validated or cancelled: it takes no more changes.
error-not-in-count = This product is in none of the count's categories.
