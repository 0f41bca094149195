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

    Your shift counter is at { $balance } and the deadline has passed: you may not shop until you book { $shifts } make-up shift(s).

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
myshifts-keep = Keep it
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
