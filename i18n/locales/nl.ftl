## Algemeen
app-name = Ruche
loading = Laden…
save = Opslaan
saved = Opgeslagen.
nav-label = Hoofdmenu
nav-home = Mijn kaart
nav-members = Leden
nav-import = Importeren
nav-shares = Aandelen
nav-outbox = Verzonden mails
nav-sign-out = Afmelden
language-label = Taal
not-found-title = Pagina niet gevonden
forbidden-title = Geen toegang
pager-previous = Vorige
pager-next = Volgende

## Velden
field-name = Naam
field-first-name = Voornaam
field-last-name = Achternaam
field-email = E-mail
field-phone = Telefoon
field-language = Taal
field-join-date = Lid sinds
field-work-regime = Werkregime
field-member-number = Lidnummer
field-card = Kaart
field-date = Datum
field-password = Wachtwoord
field-new-password = Nieuw wachtwoord
field-confirm-password = Herhaal het wachtwoord
field-leaving-date = Vertrekdatum
field-leaving-reason = Reden van vertrek

regime-regular = Vast
regime-flexible = Flexibel
regime-exempt = Vrijgesteld

role-member = Lid
role-shift_leader = Shiftverantwoordelijke
role-cashier = Kassier
role-stock_manager = Voorraadbeheer
role-coordinator = Coördinatie
role-admin = Beheer

## Aanmelden
sign-in-title = Aanmelden
sign-in-submit = Aanmelden
sign-in-forgot = Wachtwoord vergeten?
sign-in-already = U bent al aangemeld.
sign-in-bad-credentials = Verkeerd e-mailadres of wachtwoord.
sign-in-too-many = Te veel mislukte pogingen. Probeer opnieuw over { $minutes } minuten.
sign-in-signed-out = U bent afgemeld.
forgot-title = Wachtwoord vergeten
forgot-intro = Vul uw e-mailadres in. Hoort het bij een account, dan sturen we u een link om een nieuw wachtwoord te kiezen.
forgot-submit = Stuur de link
forgot-sent = Hoort dit adres bij een account, dan is er een link onderweg. Hij werkt één uur.
reset-title = Kies een nieuw wachtwoord
reset-submit = Wachtwoord opslaan
reset-done = Uw wachtwoord is gewijzigd. U kunt zich aanmelden.
setup-title = De eerste beheerder aanmaken
setup-intro = Deze coöperatie heeft nog geen beheerder. Wie deze link opent, wordt de eerste.
setup-submit = Beheerder aanmaken
setup-done = De beheerder is aangemaakt. U kunt zich aanmelden.

## E-mails
mail-reset-subject = Kies een nieuw wachtwoord voor Ruche
mail-reset-body =
    Hallo { $name },

    Iemand vroeg om een nieuw wachtwoord voor uw Ruche-account. Was u dat, open dan binnen het uur deze link:

    { $link }

    Was u het niet, negeer dan dit bericht: uw wachtwoord blijft hetzelfde.

## Startpagina van het lid
home-greeting = Hallo { $name }
home-member-number = Lidnummer
home-card-hint = Toon deze kaart aan de kassa en aan de ingang.
home-no-member = Uw account is niet gekoppeld aan een lid van het register.

## Ledenregister
members-title = Leden
members-new = Nieuw lid
members-export = CSV exporteren
members-search = Zoeken
members-search-placeholder = Nummer, naam, e-mail of kaart
members-filter = Tonen
members-filter-active = Actieve leden
members-filter-leavers = Oud-leden
members-filter-all = Iedereen
members-count =
    { $count ->
        [one] 1 lid
       *[other] { $count } leden
    }
member-left = Vertrokken
member-new-title = Nieuw lid
member-edit-title = Ledenfiche
member-created = Het lid is aangemaakt, met een kaart.
member-number-hint = Laat het lidnummer leeg om het volgende vrije nummer te geven.
member-left-on = Heeft de coöperatie verlaten op { $date }: { $reason }
card-print = Kaart afdrukken
household-title = Gezin
household-hint = Tot { $max } personen die op deze rekening winkelen met hun eigen kaart, zonder werkverplichting.
household-empty = Niemand anders winkelt op deze rekening.
household-add = Persoon toevoegen
household-remove = Verwijderen
roles-title = Rollen
roles-save = Rollen opslaan
leaving-title = Vertrek uit de coöperatie
leaving-submit = Vertrek registreren

## Aandelen
shares-title = Aandelen
shares-register-title = Aandelenregister
shares-held = Aandelen in bezit
shares-holders = Houders
shares-value = Waarde
shares-subscribed = Ingeschreven
shares-paid = Betaald
shares-due = Nog te betalen
shares-reimbursed = Terugbetaald
shares-active-members = Actieve leden
shares-former-members = Oud-leden
share-class = Klasse
share-unit-price = Eenheidsprijs
share-kind = Beweging
share-quantity = Aandelen
share-amount = Bedrag
share-counterpart = Ander lid (nummer)
share-note = Opmerking
share-record = Een aandelenbeweging registreren
share-record-submit = Registreren
share-class-save-title = Een aandelenklasse toevoegen of wijzigen
share-kind-subscription = Inschrijving
share-kind-payment = Betaling
share-kind-transfer_in = Overdracht ontvangen
share-kind-transfer_out = Overdracht gegeven
share-kind-reimbursement = Terugbetaling

## Importeren
import-title = Leden importeren
import-intro = Een CSV-bestand met een kopregel en deze kolommen (member_number, phone en language mogen ontbreken). Elke regel wordt eerst gecontroleerd: is er één fout, dan wordt niets geïmporteerd.
import-file = CSV-bestand
import-text = Of plak de CSV hier
import-submit = Importeren
import-done =
    { $count ->
        [one] 1 lid geïmporteerd.
       *[other] { $count } leden geïmporteerd.
    }
import-line = Regel
import-field = Kolom
import-reason = Probleem

## Verzonden mails
outbox-title = Verzonden mails
outbox-to = Ontvanger
outbox-empty = Geen berichten.
outbox-sent = verzonden
outbox-failed = niet verzonden
outbox-kept = hier bewaard (geen mailserver ingesteld)

## Fouten
error-invalid = Verbeter de velden die hieronder aangeduid zijn.
error-import-refused =
    { $count ->
        [one] Er is niets geïmporteerd: 1 probleem op te lossen.
       *[other] Er is niets geïmporteerd: { $count } problemen op te lossen.
    }
error-unauthenticated = Meld u opnieuw aan.
error-forbidden = U mag dit niet doen.
error-not-found = Deze pagina of fiche bestaat niet.
error-internal = Er ging iets mis aan onze kant. Er is niets opgeslagen; probeer opnieuw.
error-transport = De server is onbereikbaar. Controleer de verbinding en probeer opnieuw.
error-token-invalid = Deze link is niet meer geldig. Vraag een nieuwe aan.
error-required = Verplicht.
error-too-long = Hoogstens { $max } tekens.
error-invalid-email = Geen geldig e-mailadres.
error-invalid-phone = Geen geldig telefoonnummer.
error-invalid-date = Geen geldige datum (JJJJ-MM-DD).
error-invalid-number = Geen geldig getal.
error-unknown-language = Onbekende taal (fr, nl of en).
error-unknown-regime = Onbekend werkregime (regular, flexible of exempt).
error-unknown-role = Onbekende rol.
error-unknown-column = Onbekende kolom ‘{ $name }’.
error-missing-column = Ontbrekende kolom ‘{ $name }’.
error-duplicate-in-file = Staat al op regel { $line }.
error-already-taken = Al in gebruik door iemand anders.
error-before-join-date = Vóór de datum van lidmaatschap.
error-too-many-household-people = Een gezin telt hoogstens { $max } personen.
error-not-positive = Moet meer dan nul zijn.
error-not-enough-shares = Slechts { $held } aandelen in bezit.
error-unknown-share-class = Onbekende aandelenklasse.
error-unknown-member = Geen lid heeft dit nummer.
error-same-member = Moet een ander lid zijn.
error-bad-amount = Geen geldig bedrag in euro.
error-malformed = Deze regel is onleesbaar.
error-password-too-short = Minstens { $min } tekens.
error-password-too-long = Het wachtwoord is te lang.
error-passwords-differ = De twee wachtwoorden verschillen.
error-cannot-remove-own-admin = U kunt uw eigen beheerdersrol niet afnemen; vraag het aan een andere beheerder.
error-booking-already-booked = U hebt deze shift al geboekt.
error-booking-cancelled = Deze shift is geannuleerd.
error-booking-past = Deze shift is al begonnen.
error-booking-full = Alle plaatsen van deze shift zijn bezet.
error-booking-missing-skill = Deze plaats vraagt de vaardigheid “{ $skill }”.
error-booking-overlap = Deze shift overlapt met een andere die u hebt geboekt.
error-booking-day-limit = Hoogstens { $max } shifts per dag.
error-booking-period-limit = Hoogstens { $max } shifts in { $days } dagen.
error-booking-own-offer = U kunt uw eigen aanbod niet overnemen.
error-sheet-already-validated = Deze aanwezigheidslijst is al gevalideerd.
error-extension-not-in-alert = Alleen een lid in alarm kan uitstel krijgen.
error-extension-already-extended = Dit alarm heeft zijn { $max } uitstel(len) al gehad.
error-extension-too-late = De termijn is verstreken.

## E-mails over shifts
mail-shift-reminder-subject = Uw shift op { $date }
mail-shift-reminder-body =
    Hallo { $name },

    Een herinnering: u werkt in de coöperatie op { $date } om { $start } ({ $task }).

    Kunt u niet komen, bied uw shift dan in de app aan een ander lid aan, zodat iemand u vervangt.
mail-status-alert-subject = Uw shiftteller staat achter
mail-status-alert-body =
    Hallo { $name },

    Uw shiftteller staat op { $balance }. Boek { $shifts } inhaalshift(s) vóór { $deadline } om te blijven winkelen in de coöperatie.
mail-status-suspended-subject = U mag niet winkelen tot u hebt ingehaald
mail-status-suspended-body =
    Hallo { $name },

    Uw shiftteller staat op { $balance } en de termijn is verstreken: u mag niet winkelen tot u { $shifts } inhaalshift(s) hebt geboekt.

## Shiften op de telefoon van het lid
shifts-title = Mijn shiften
status-unsubscribed = Uitgeschreven
status-on_leave = Met verlof
status-exempted = Vrijgesteld
status-suspended = Geschorst
status-extension = Uitstel
status-alert = Waarschuwing
status-up_to_date = In orde
shop-yes = U mag winkelen.
shop-no = U mag voorlopig niet winkelen.
shifts-balance = Shiftteller:
shifts-history = Waarom mijn teller zo staat
shifts-history-empty = Nog niets: uw teller staat op nul.
todo-book-before =
    { $count ->
        [one] Boek 1 inhaalshift vóór { $date } om een schorsing te vermijden.
       *[other] Boek { $count } inhaalshiften vóór { $date } om een schorsing te vermijden.
    }
todo-book-suspended =
    { $count ->
        [one] Boek 1 inhaalshift om opnieuw te mogen winkelen.
       *[other] Boek { $count } inhaalshiften om opnieuw te mogen winkelen.
    }
todo-makeups-booked = Uw inhaalshiften zijn geboekt: doe ze om terug op nul te komen.
todo-holiday = Met verlof tot { $date }.
todo-exemption = Vrijgesteld van shiften tot { $date }.
todo-exempt = U bent vrijgesteld van shiften.
todo-left = U hebt de coöperatie verlaten op { $date }.
todo-threshold = Uw teller staat te ver achter: neem contact op met het ledensecretariaat.
todo-up-to-date = U bent in orde. Dank u!
counter-reason-attended = Shift gedaan
counter-reason-excused = Shift gemist, verontschuldigd
counter-reason-absent = Shift gemist
counter-reason-makeup = Inhaalshift gedaan
counter-reason-no_show = Geboekte shift gemist
counter-reason-period_debit = Nieuwe periode van 4 weken
counter-reason-cap = Teller begrensd op nul
counter-reason-manual_correction = Correctie door het secretariaat

## member
error-not-a-member = Alleen leden hebben shiften: dit account heeft geen ledenfiche.
nav-shifts = Mijn shiften
myshifts-title = Mijn shiften
myshifts-book-link = Een shift boeken
myshifts-status-link = Mijn shiften bekijken en er een boeken
myshifts-none = U hebt geen komende shift.
myshifts-leaders = Shiftleiders: { $names }
myshifts-fixed = Uw vaste plaats
myshifts-state-offered = Aangeboden voor een ruil
myshifts-state-shift_cancelled = Shift geannuleerd: niemand is hem verschuldigd
myshifts-cancel = Annuleren
myshifts-offer = Aanbieden voor een ruil
myshifts-keep = Houden
myshifts-cancel-free = Nu annuleren is gratis: de plaats komt vrij voor iemand anders en u bent niets verschuldigd voor deze shift.
myshifts-cancel-late = Het is te laat om gratis te annuleren. Uw plaats wordt aan vervangers aangeboden: ze blijft van u tot iemand ze overneemt, en als u niet komt, telt de shift als gemist.
myshifts-cancel-fixed = Dit is uw vaste plaats: die wordt nooit gratis geannuleerd. Ze wordt aan vervangers aangeboden: ze blijft van u tot iemand ze overneemt, en als u niet komt, telt de shift als gemist.
myshifts-cancel-confirm = Ja, annuleren
myshifts-offer-explain = Uw plaats wordt aan de andere leden aangeboden. Ze blijft van u tot iemand ze overneemt; daarna bent u niets meer verschuldigd voor deze shift.
myshifts-offer-confirm = Ja, aanbieden
myshifts-cancelled-free = Geannuleerd: de plaats is weer vrij en u bent er niets voor verschuldigd.
myshifts-cancelled-late = Te laat om gratis te annuleren: uw plaats wordt nu aan vervangers aangeboden. Ze blijft van u tot iemand ze overneemt.
myshifts-offered = Uw plaats wordt aan vervangers aangeboden. Ze blijft van u tot iemand ze overneemt.
myshifts-offers-title = Shiften aangeboden voor een ruil
myshifts-offers-none = Niemand biedt nu een shift aan.
myshifts-offered-by = Aangeboden door { $name }
myshifts-take = Deze shift overnemen
myshifts-taken = Klaar: deze shift is nu van u.
myshifts-seats = { $booked } van { $seats } plaatsen bezet
myshifts-skill = Vraagt: { $skill }
myshifts-day-1 = ma
myshifts-day-2 = di
myshifts-day-3 = wo
myshifts-day-4 = do
myshifts-day-5 = vr
myshifts-day-6 = za
myshifts-day-7 = zo
book-title = Een shift boeken
book-intro = Vrije plaatsen in de komende vier weken.
book-weeks = Weken
book-week-0 = Deze week
book-week = Vanaf { $date }
book-none = Geen vrije plaats deze week.
book-button = Boeken
book-booked = Geboekt! U vindt hem terug bij uw shiften.
book-back = Terug naar mijn shiften
calendar-title = Mijn shiften in mijn agenda
calendar-intro = Abonneer uw agenda-app op een privéadres en uw shiften verschijnen er vanzelf in.
calendar-made = U hebt uw agenda-adres gemaakt op { $date }. Voor uw privacy wordt het maar één keer getoond: hebt u het opnieuw nodig, maak dan een nieuw (het oude werkt dan niet meer).
calendar-make = Mijn agenda-adres maken
calendar-remake = Een nieuw adres maken
calendar-url-label = Uw privé-agenda-adres (alleen nu getoond: kopieer het)
calendar-open = Openen in mijn agenda-app
calendar-name = Ruche: mijn shiften
calendar-event = Shift: { $task }
