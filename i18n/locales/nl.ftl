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
mail-link-hidden = (link verborgen: alleen de geadresseerde ontvangt hem)
mail-email-changed-subject = Uw e-mailadres bij Ruche is gewijzigd
mail-email-changed-body =
    Hallo { $name },

    Het e-mailadres van uw Ruche-account is gewijzigd van { $old } naar { $new } door { $by }. Berichten en links om een wachtwoord te kiezen gaan voortaan naar het nieuwe adres.

    Hebt u dit niet gevraagd, verwittig dan meteen de beheerders van uw coöperatie.
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
error-bad-request = Het verzoek is onleesbaar. Er is niets opgeslagen; laad de pagina opnieuw en probeer opnieuw.
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
error-staff-email-admins-only = Alleen een beheerder mag het e-mailadres wijzigen van een account met een andere rol dan lid.
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

    Uw shiftteller staat op { $balance } en de termijn van { $deadline } is verstreken: u mag niet winkelen tot u { $shifts } inhaalshift(s) hebt geboekt.

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

## till
error-unknown-unit = Onbekende eenheid (stuk: piece, kg of liter: litre).
error-unknown-vat-rate = Geen van de btw-tarieven van de coöperatie.
error-invalid-barcode = Ongeldige streepjescode (EAN-13, EAN-8 of UPC-A met controlecijfer).
error-not-yes-no = Schrijf ja of nee.
error-unknown-product = Dit product staat niet in de catalogus.
error-several-products = Dit komt overeen met meerdere producten uit de catalogus: geef aan welk met de streepjescodes.
error-bad-quantity = Een hoeveelheid moet groter zijn dan nul, met hoogstens drie decimalen.
error-unknown-denomination = Geen euromunt of -biljet.
error-session-closed = De kassasessie is gesloten: open er een om te verkopen.
error-session-already-open = Deze kassa heeft al een open sessie.
error-unknown-barcode = Geen enkel product heeft deze streepjescode.
error-misread-barcode = Streepjescode verkeerd gelezen: scan opnieuw.
error-no-barcode-rule = Geen regel van de streepjescodenomenclatuur leest deze code.
error-bad-nomenclature-rule = Regel { $rule } van de nomenclatuur is onbruikbaar.
error-may-not-shop = Dit lid mag nu niet winkelen (status: { $status }). Een supervisor kan dit met een reden toestaan.
error-not-a-supervisor = Alleen een shiftleider, een coördinator of een beheerder mag dit toestaan, met een reden.
error-discount-not-allowed = Met uw rol mag u hoogstens { $max } % korting geven.
error-short-payment = Er moet nog { $amount } € betaald worden.
error-vouchers-above-eligible = Maaltijdcheques betalen hoogstens { $amount } € van deze verkoop.
error-non-cash-overpayment = Kaart en maaltijdcheques betalen { $amount } € te veel: wisselgeld wordt alleen contant gegeven.
error-return-exceeds-sold = Van deze lijn kan nog hoogstens { $amount } teruggebracht worden.
error-sale-conflict = Een verkoop met dit nummer werd al met een andere inhoud geregistreerd.
error-price-changed = Een prijs van deze verkoop is niet die van de catalogus: werk de catalogus van de kassa bij.
error-sold-in-future = Deze verkoop is in de toekomst gedateerd: controleer de klok van de kassa.
error-sold-too-long-ago = Deze verkoop is gedateerd vóór de opening van haar kassasessie of meer dan { $max } uur geleden: ze kan niet geregistreerd worden.
error-not-sold-by-label = Dit product wordt niet met een prijsetiket verkocht: scan zijn eigen streepjescode.
error-not-your-session = Deze kassasessie werd door een andere kassier of op een andere kassa geopend: alleen die mag ze gebruiken, en een supervisor mag ze sluiten.
error-return-needs-supervisor = Deze terugbetaling vraagt een supervisor: ze gebeurt met een ander betaalmiddel dan dat van de verkoop, of ligt boven de limiet van de coöperatie.
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
myshifts-offer = Ruil aanbieden
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
## sheet
nav-sheets = Aanwezigheden
sheets-title = Aanwezigheidslijsten
sheets-hint = De shifts die u leidt, van een week geleden tot morgen.
sheets-empty = Geen shift om te tonen.
sheets-expected =
    { $count ->
        [one] 1 verwacht
       *[other] { $count } verwacht
    }
sheet-state-open = Te valideren
sheet-state-validated = Gevalideerd
sheet-back = Alle lijsten
sheet-number = Nr. { $number }
sheet-mark-attended = Aanwezig
sheet-mark-excused = Verwittigd
sheet-mark-absent = Afwezig
sheet-seat-fixed = Vaste plaats
sheet-seat-booked = Geboekte plaats
sheet-walk-in = Zonder boeking gekomen
sheet-empty = Niemand wordt verwacht op deze shift.
sheet-add-title = Iemand toevoegen die gekomen is
sheet-add-label = Scan een kaart, of typ een naam of nummer
sheet-add-find = Zoeken
sheet-add-button = Toevoegen
sheet-add-none = Geen lid gevonden.
sheet-unknown-card = Geen lid of gezinslid heeft deze kaart.
sheet-unmarked =
    { $count ->
        [one] 1 lid is nog niet aangeduid.
       *[other] { $count } leden zijn nog niet aangeduid.
    }
sheet-validate = Lijst valideren
sheet-validate-confirm = Nu valideren? De tellers worden bijgewerkt en de lijst kan niet meer gewijzigd worden.
sheet-validate-yes = Ja, valideren
sheet-validate-no = Nog niet
sheet-validated-by = Gevalideerd door { $name } op { $date } om { $time }.
mail-unvalidated-subject =
    { $count ->
        [one] 1 aanwezigheidslijst niet gevalideerd
       *[other] { $count } aanwezigheidslijsten niet gevalideerd
    }
mail-unvalidated-body =
    Hallo,

    Deze shifts zijn voorbij, maar niemand heeft hun aanwezigheidslijst gevalideerd: de tellers van hun leden zijn niet veranderd.

    { $shifts }

    Open ze in Ruche onder Aanwezigheden, duid aan wie er was en valideer.
mail-understaffed-subject =
    { $count ->
        [one] 1 shift heeft te weinig mensen
       *[other] { $count } shifts hebben te weinig mensen
    }
mail-understaffed-body =
    Hallo,

    Voor deze shifts van de komende dagen is minder dan { $percent }% van de plaatsen geboekt (geboekt/plaatsen):

    { $shifts }

    Flexibele leden en leden met een achterstand op hun teller komen misschien graag helpen.
## rules
nav-statuses = Statussen
nav-rules = Shiftregels
error-negative = Moet nul of meer zijn.
error-not-a-debit = Een straf: moet nul of minder zijn.
error-not-below-zero = Moet onder nul liggen.
error-not-a-monday = Moet een maandag zijn.
error-out-of-range = Moet tussen { $min } en { $max } liggen.
error-unknown-time-zone = Onbekende tijdzone (bijvoorbeeld Europe/Brussels).
error-end-before-start = Het einde valt vóór het begin.
error-in-the-past = Deze datum ligt in het verleden.
error-overlaps-leave = Overlapt met het verlof van { $start } tot { $end }.
rules-title = Shiftregels
rules-hint = De getallen die jullie coöperatie stemde. Wijzigingen gelden vanaf nu; de reeds geschreven teller blijft zoals hij is.
rules-saved = De regels zijn opgeslagen.
rules-save = Regels opslaan
rules-group-calendar = Kalender
rules-group-counter = Shiftteller
rules-group-status = Alarm en schorsing
rules-group-booking = Inschrijvingen
rules-group-notices = Herinneringen en meldingen
rules-week-a-monday = Maandag waarmee een week A begint
rules-cycle-weeks = Weken per cyclus
rules-time-zone = Tijdzone
rules-horizon-weeks = Shifts vooruit gepland (weken)
rules-regular-attended = Vast lid, eigen shift gedaan
rules-regular-excused = Vast lid, verontschuldigd afwezig
rules-regular-absent = Vast lid, onverontschuldigd afwezig
rules-makeup-attended = Inhaal- of extra shift gedaan
rules-booked-no-show = Geboekte shift gemist zonder excuus
rules-flexible-period-days = Periode van een flexibel lid (dagen)
rules-flexible-period-debit = Aftrek van een flexibel lid per periode
rules-regular-savings-allowed = Vaste leden mogen shifts sparen (teller boven nul)
rules-unsubscribe-threshold = Teller die uitschrijft
rules-alert-days = Alarmperiode vóór schorsing (dagen)
rules-extension-days = Duur van een uitstel (dagen)
rules-max-extensions-in-a-row = Uitstellen na elkaar
rules-max-holiday-days = Langste verlof dat een lid zelf registreert (dagen)
rules-makeups-lift-suspension = Genoeg inhaalshifts boeken heft een schorsing op
rules-on-leave-may-shop = Leden met verlof mogen winkelen
rules-max-bookings-per-day = Boekingen per dag
rules-max-bookings-per-period = Boekingen per boekingsperiode
rules-booking-period-days = Boekingsperiode (dagen)
rules-free-cancellation-hours = Gratis annuleren tot (uren vooraf)
rules-reminder-days-before = Herinneringsmail (dagen vóór een shift)
rules-understaffed-days-ahead = Melding onderbezetting (dagen vooraf)
rules-understaffed-below-percent = Onderbezet onder (% van de plaatsen)
statuses-title = Status van de leden
statuses-search-placeholder = Naam of lidnummer
statuses-filter = Status
statuses-filter-all = Alle statussen
statuses-status = Status
statuses-balance = Teller
statuses-date = Belangrijke datum
reason-left = Heeft de coöperatie verlaten op { $date }.
reason-threshold = Teller op { $threshold } of lager.
reason-holiday = Met verlof tot { $date }.
reason-exemption = Vrijgesteld tot { $date }.
reason-exempt-regime = Vrijgesteld regime: is geen shifts verschuldigd.
reason-behind = Teller negatief sinds { $since }; geschorst vanaf { $date }. Nodige inhaalshifts: { $needed }, geboekt: { $booked }. Uitstellen: { $extensions }.
reason-makeups-booked = De termijn van { $date } is voorbij, maar { $booked } geboekte inhaalshift(s) brengen de teller terug op nul.
reason-up-to-date = Teller op nul of hoger.
member-may-shop = Mag winkelen.
member-may-not-shop = Mag niet winkelen.
member-shifts-link = Shifts en status
member-shifts-ledger = Tellerbewegingen
member-shifts-ledger-empty = Nog geen tellerbewegingen.
member-shifts-reason = Reden
member-shifts-delta = Wijziging
member-shifts-note = Notitie
member-shifts-history = Statusgeschiedenis
member-shifts-history-empty = Nog geen statuswijziging geregistreerd.
member-shifts-leaves = Verloven en vrijstellingen
member-shifts-leaves-empty = Geen verlof geregistreerd.
leave-title = Een verlof of vrijstelling registreren
leave-kind = Soort
leave-kind-holiday = Verlof
leave-kind-exemption = Vrijstelling
leave-start = Eerste dag
leave-end = Laatste dag
leave-submit = Verlof registreren
leave-requested-by-member = Gevraagd door het lid
correct-title = De teller corrigeren
correct-hint = Een aantal shifts, zoals 1 of -2, en waarom. De notitie blijft in de teller bewaard.
correct-delta = Shifts bij te tellen of af te trekken
correct-note = Notitie (verplicht)
correct-submit = De teller corrigeren
extension-title = Uitstel
extension-hint = Een lid met alarm kan meer tijd krijgen vóór de schorsing, zoals de regels toelaten.
extension-grant = Uitstel toekennen
requests-link = Verlof of uitstel vragen
requests-title = Mijn aanvragen
requests-holiday-title = Een verlof
requests-holiday-hint = Tijdens uw verlof bent u geen shifts verschuldigd, en uw gezin winkelt niet.
requests-holiday-done = Uw verlof van { $start } tot { $end } is geregistreerd.
requests-holiday-submit = Mijn verlof registreren
requests-extension-title = Meer tijd
requests-extension-hint = Achter met uw shifts? U kunt één keer meer tijd krijgen vóór de schorsing.
requests-extension-done = U hebt meer tijd: boek uw inhaalshifts vóór { $date }.
requests-extension-submit = Uitstel vragen
requests-back = Terug naar mijn kaart
## planning
nav-planning = Planning
nav-templates = Vaste shiften
nav-closures = Sluitingsdagen
error-invalid-time = Geef een uur zoals 09:30.
error-unknown-choice = Kies een van de opties.
error-not-one-member =
    { $count ->
        [0] Geen enkel lid komt overeen: geef het lidnummer of de naam.
        *[other] { $count } leden komen overeen: geef het lidnummer.
    }
weekday-1 = Maandag
weekday-2 = Dinsdag
weekday-3 = Woensdag
weekday-4 = Donderdag
weekday-5 = Vrijdag
weekday-6 = Zaterdag
weekday-7 = Zondag
week-letter = Week { $letter }
planning-title = Planning
planning-nav = Weken
planning-previous = ← Vorige
planning-today = Deze week
planning-next = Volgende →
planning-one-week = 1 week
planning-four-weeks = 4 weken
planning-summary =
    { $short ->
        [0] Alle shiften zijn volzet.
        [one] 1 shift heeft te weinig mensen, waarvan { $critical } minder dan de helft.
        *[other] { $short } shiften hebben te weinig mensen, waarvan { $critical } minder dan de helft.
    }
planning-week = Week { $letter }: { $from } – { $to }
planning-no-shift = Geen shift
planning-leaders = Verantwoordelijken: { $names }
planning-one-off = Eenmalig
staffing-full = Volzet
staffing-short = Te weinig mensen
staffing-critical = Minder dan de helft
shift-cancelled = Geannuleerd
templates-title = Vaste shiften en taken
templates-list = Vaste shiften
templates-none = Nog geen vaste shift: maak hierboven de eerste aan.
generate-hint = Maakt de shiften van de komende weken aan op basis van de vaste shiften. Bestaande shiften blijven zoals ze zijn.
generate-button = Shiften aanmaken
generate-result =
    { $count ->
        [0] Geen nieuwe shift: de planning was al aangemaakt.
        [one] 1 nieuwe shift aangemaakt.
        *[other] { $count } nieuwe shiften aangemaakt.
    }
task-types-title = Taken
task-types-none = Nog geen taak.
task-type-name = Naam van de taak
task-type-add = Taak toevoegen
field-week = Week
field-weekday = Dag
field-start = Begin
field-end = Einde
field-task-type = Taak
field-seats = Plaatsen
field-required-skill = Vereiste vaardigheid (optioneel)
field-skill = Vaardigheid
template-new-title = Nieuwe vaste shift
template-add = Vaste shift toevoegen
template-seats = { $held } van { $seats } plaatsen toegewezen
template-skill = vaardigheid: { $skill }
template-holders = Vaste leden
template-remove-seat = Verwijderen
template-assign-label = Lidnummer of naam
template-assign = Plaats toewijzen
template-leaders = Shiftverantwoordelijken
template-leader-label = Nummer of naam van de verantwoordelijke
template-add-leader = Verantwoordelijke toevoegen
skill-title = Een lid een vaardigheid geven
skill-added = Vaardigheid toegekend.
skill-add = Vaardigheid toekennen
closures-title = Sluitingsdagen
closures-hint = Op een sluitingsdag (feestdag, inventaris) worden de shiften geannuleerd en is niemand ze verschuldigd.
field-closure-note = Reden
closure-add = De coöperatie die dag sluiten
closure-result =
    { $count ->
        [0] Sluitingsdag opgeslagen; er was die dag geen shift gepland.
        [one] Sluitingsdag opgeslagen; 1 shift geannuleerd.
        *[other] Sluitingsdag opgeslagen; { $count } shiften geannuleerd.
    }
closure-see-planning = Planning bekijken
closures-list = Komende sluitingsdagen
closures-none = Geen sluitingsdag in het vooruitzicht.
one-off-title = Eenmalige shift
one-off-hint = Een shift buiten de vaste shiften, op één datum.
one-off-added = Eenmalige shift toegevoegd.
one-off-add = Shift toevoegen
template-retire = Deze vaste shift stopzetten
template-retire-warning = De leden verliezen hun plaats en de komende shiften worden geannuleerd.
template-retire-confirm = Stopzetten
template-retire-keep = Behouden

## catalogue: the stock manager's catalogue and stock screens, tills
nav-stock = Catalogus
pager-label = Pagina's
stock-title = Catalogus en voorraad
stock-products = Producten
stock-products-hint = Een product zoeken op naam of streepjescode, het wijzigen, de voorraad zien.
stock-product-new = Nieuw product
stock-product-new-hint = Een product aan de catalogus toevoegen.
stock-categories = Categorieën
stock-categories-hint = De productfamilies van de rekken.
stock-nomenclature = Streepjescodenomenclatuur
stock-nomenclature-hint = Wat een gescande code betekent: producten, gewogen artikelen of artikelen met prijsetiket, kaarten.
stock-import = Producten importeren
stock-import-hint = Veel producten tegelijk toevoegen uit een CSV-bestand.
stock-back-to-products = ← Producten
unit-piece = stuk
unit-kg = kg
unit-litre = liter
quantity-piece = { $n } st
quantity-kg = { $n } kg
quantity-litre = { $n } L
orders-field-product-name = Productnaam
field-category = Categorie
field-unit = Verkocht per
field-price = Prijs incl. btw (€)
field-vat = Btw-tarief
field-deposit = Statiegeld (€)
field-barcodes = Streepjescodes
product-barcodes-hint = Scan of typ elke streepjescode; scheid er meerdere met spaties. Een gewogen artikel of artikel met prijsetiket heeft de code van de weegschaal met de waarde als nullen.
field-meal-voucher = Betaalbaar met maaltijdcheques
field-on-sale = In verkoop
product-no-category = Geen categorie
product-created = Product aan de catalogus toegevoegd.
product-edit-title = Productfiche
products-search-placeholder = Naam of streepjescode
products-all-categories = Alle categorieën
products-state = In verkoop of niet
products-state-active = In verkoop
products-state-inactive = Uit verkoop
products-state-all = Alle producten
products-count =
    { $count ->
        [one] 1 product
       *[other] { $count } producten
    }
stock-on-hand-title = Voorraad
stock-no-moves = Nog geen voorraadbeweging.
stock-move-title = Een voorraadbeweging registreren
stock-move-submit = De beweging registreren
stock-move-done = Voorraadbeweging geregistreerd.
field-move-kind = Beweging
move-reception = Ontvangst
move-adjustment = Inventariscorrectie
move-loss = Verlies
move-sale = Verkoop
move-return = Retour
stock-quantity = Hoeveelheid
stock-quantity-reception = Ontvangen hoeveelheid
stock-quantity-adjustment = Toe te voegen hoeveelheid (negatief om af te trekken)
stock-quantity-loss = Verloren hoeveelheid
field-loss-reason = Reden van het verlies
field-move-note = Opmerking (optioneel)
loss-expired = Vervallen
loss-damaged = Beschadigd
loss-stolen = Gestolen
loss-own_use = Eigen gebruik
loss-choose = Kies een reden
field-category-name = Nieuwe categorie
category-add = De categorie toevoegen
category-added = Categorie toegevoegd.
category-rename = Hernoemen
field-category-name-new = Nieuwe naam
category-rename-save = Naam opslaan
category-rename-cancel = Annuleren
categories-none = Nog geen categorie.
product-import-intro = Een CSV-bestand met een kopregel en deze kolommen (category, deposit, meal_voucher, active en barcodes mogen ontbreken; streepjescodes gescheiden door spaties of |; ja of nee voor de opties). Een regel werkt het product bij dat een van zijn streepjescodes heeft (een regel zonder streepjescodes: het product zonder streepjescodes met dezelfde naam, los van hoofdletters en accenten), anders voegt hij een product toe; een bijgewerkt product houdt de streepjescodes die de regel niet noemt. Elke regel wordt eerst gecontroleerd: is er één fout, dan wordt niets geïmporteerd.
product-import-done = Import klaar: { $created } toegevoegd, { $updated } bijgewerkt, { $unchanged } ongewijzigd.
nomenclature-intro = De kassa leest een gescande code met de eerste regel, van boven af, waarvan het voorvoegselpatroon en de codelengte passen. Een patroon heeft één teken per cijfer: een cijfer, . voor om het even welk cijfer, of een reeks zoals [1-9]. Gewogen artikelen en artikelen met prijsetiket dragen hun gewicht (gram) of prijs (cent) in de opgegeven cijfers.
nomenclature-rule = Regel { $n }
nomenclature-up = Omhoog
nomenclature-down = Omlaag
nomenclature-remove = Verwijderen
nomenclature-add = Een regel toevoegen
nomenclature-defaults = De gebruikelijke regels terugzetten
nomenclature-saved = Nomenclatuur opgeslagen: de kassa's gebruiken ze vanaf hun volgende update.
nomenclature-empty = Zonder regels kan geen enkele code gelezen worden: voeg er een toe of zet de gebruikelijke regels terug.
field-rule-kind = Betekenis
rule-kind-product = Streepjescode van een product
rule-kind-weighed = Gewogen artikel
rule-kind-price_embedded = Artikel met prijsetiket
rule-kind-member_card = Ledenkaart
rule-kind-cashier_badge = Kassiersbadge
field-rule-pattern = Voorvoegselpatroon
field-rule-length = Codelengte
rule-length-any = Alle (8, 12 of 13)
rule-length-digits = { $n } cijfers
field-rule-value-start = De waarde begint bij cijfer
field-rule-value-len = Cijfers van de waarde
error-rule-pattern = Gebruik alleen cijfers, . voor om het even welk cijfer en reeksen zoals [1-9].
error-rule-length = Een streepjescode heeft 8, 12 of 13 cijfers.
error-rule-pattern-too-long = Het patroon is even lang als de code: laat plaats voor het controlecijfer.
error-rule-value-field = De waarde moet 1 tot 9 cijfers hebben, na het patroon en voor het controlecijfer, in een code met vaste lengte.
error-zero-quantity = Een correctie van nul verandert niets.
tills-title = Kassa's
tills-hint = De kassa's van de coöperatie; er een toevoegen.
tills-none = Nog geen kassa.
field-till-name = Naam van de kassa
tills-session = Lade
tills-open-since = Open sinds { $date }
tills-closed = Gesloten
tills-add-title = Een kassa toevoegen
tills-add = De kassa toevoegen
tills-added = Kassa toegevoegd.

## shifts gaps (catalogue helper, issue 3): template editing, sheets before their shift, the coordinator menu
error-shift-not-started = Deze shift is nog niet begonnen: valideer het blad zodra hij begonnen is.
nav-menu = Menu
nav-register = Register
nav-planning-group = Coördinatie
template-edit = Deze vaste shift wijzigen
template-edit-hint = De komende shiften volgen: op een dag die blijft krijgen ze de nieuwe uren, taak en plaatsen met hun inschrijvingen; op een dag die wegvalt worden ze geannuleerd, en de shiften op de nieuwe dagen worden gepland met de vaste houders.
template-edit-cancel = Annuleren
template-remove-leader = Verwijderen
error-seats-below-booked = { $booked } mensen hebben al een plaats of zijn ingeschreven: houd minstens zoveel plaatsen.
error-invalid-characters = Bevat tekens die niet bewaard kunnen worden (een NUL of een ander stuurteken).
error-too-many = Hoogstens { $max }.
error-too-much-cash = Meer geld dan een kassalade kan bevatten: controleer het bedrag.
error-holiday-too-long = Een verlof dat u zelf aanvraagt duurt hoogstens { $max } dagen; vraag een langer verlof aan de coördinatie.
## till screen (cashier)
nav-till = Kassa
error-supervisor-not-recognised = Niet herkend als supervisor: verkeerd e-mailadres of wachtwoord, of een account dat dit niet mag toestaan (een shiftleider, een coördinator of een beheerder mag het).
error-override-not-needed = Dit lid mag winkelen: er valt niets toe te staan.
error-override-not-valid = Deze toestemming kan niet gebruikt worden: vraag ze opnieuw aan de supervisor.
till-loading = Catalogus laden: { $count } producten…
till-open-title = Een kassa openen
till-none = Er is nog geen kassa: een admin voegt ze toe.
till-session-open = Sessie open: verdergaan
till-session-closed = Gesloten: wisselgeld tellen
till-session-other = Sessie van een andere kassier: een supervisor mag ze sluiten
till-float-title = Wisselgeld van { $till }
till-float-label = Tel het wisselgeld per munt en biljet
till-count-total = Totaal geteld:
till-count-bad = ongeldige telling
till-open-submit = Kassasessie openen
till-scan-label = Scannen of zoeken
till-scan-placeholder = Scan een product of een ledenkaart, of typ een naam
till-catalogue-size = { $count } producten
till-search-none = Geen product past bij „{ $query }”.
till-found-hint = Pijltjes om te kiezen, Enter om toe te voegen, Esc om te sluiten.
till-bad-number = Typ een getal, bv. 2*, 0,5* of 10%.
till-bad-amount = Typ een bedrag, bv. 12,50.
till-badge = Een kassiersbadge is geen artikel.
till-unknown-code = Geen product heeft de code { $code }.
till-misread = Code { $code } slecht gelezen: scan opnieuw.
till-unknown-card = Onbekende ledenkaart.
till-no-line = Scan eerst een product.
till-discount-range = Een korting ligt tussen 0 en 100 %.
till-price-labelled = De hoeveelheid van een artikel met prijsetiket komt van het etiket.
till-line-refused = Deze lijn kan niet gewijzigd worden.
till-col-product = Product
till-col-quantity = Hoeveelheid
till-col-price = Prijs
till-col-total = Totaal
till-col-actions = Acties
till-empty = Scan het eerste product.
till-keys-hint = Typ 2* voor de hoeveelheid, 10% voor korting op de gekozen lijn; + en − wijzigen ze, Delete verwijdert ze, ↑ ↓ kiezen een lijn.
till-line-discount = −{ $percent } % (−{ $amount })
till-line-deposit = statiegeld { $amount }
till-less = Eén minder
till-more = Eén meer
till-discount = Korting
till-remove = Lijn verwijderen
till-items = Lijnen
till-discounts = Kortingen
till-meal-voucher-eligible = Betaalbaar met maaltijdcheques
till-total = Totaal
till-key-member = Lid
till-key-search = Zoeken
till-key-pay = Betalen
till-key-return = Retour
till-key-cash = Geld in/uit
till-key-report = Rapport / afsluiten
till-key-void = Verkoop annuleren
till-pay-empty = Scan een product voor je betaalt.
till-pay-member = Identificeer het lid voor je betaalt.
till-per-piece = per stuk
till-per-kg = per kg
till-per-litre = per liter
till-discount-title = Korting op de lijn
till-discount-label = Korting in procent
till-discount-hint = Voor u ten hoogste { $max } %.
till-discount-apply = Toepassen
till-cancel = Annuleren
till-done = Klaar
till-member-none = Nog geen lid
till-member-hint = Scan de kaart of druk op F2.
till-member-number = Lid nr. { $number }
till-may-shop = Mag winkelen
till-may-not-shop = Mag niet winkelen
till-overridden-by = Toegestaan door { $name }
till-member-title = Lid
till-member-query = Kaart, lidnummer of naam
till-member-find = Zoeken
till-member-none-found = Geen huidig lid gevonden.
till-refused = { $name } mag niet winkelen ({ $status }).
till-override-title = Toestemming van een supervisor
till-override-hint = Een ploegverantwoordelijke of coördinator meldt zich hier aan met het eigen wachtwoord en zegt waarom.
till-override-email = E-mail van de supervisor
till-override-password = Wachtwoord van de supervisor
till-override-reason = Reden
till-override-submit = Dit lid laten winkelen
till-pay-title = Betaling
till-pay-card = Kaart (bedrag van de terminal)
till-pay-vouchers = Elektronische maaltijdcheques
till-pay-cash = Gegeven cash
till-pay-rest = De rest
till-pay-max = Het maximum
till-pay-exact = Gepast
till-pay-cash-due = Cash te betalen:
till-pay-rounded-from = (afgerond op 5 cent van { $amount })
till-pay-change = Terug te geven:
till-pay-rounding = Afronding cash:
till-pay-missing = Nog te betalen: { $amount }
till-pay-vouchers-above = Maaltijdcheques betalen hier hoogstens { $amount }.
till-pay-non-cash-over = Kaart en maaltijdcheques betalen { $amount } te veel: wisselgeld enkel in cash.
till-pay-confirm = Betaling bevestigen
till-sale-recorded = Verkoop geregistreerd
till-next-sale = Volgende verkoop
till-print = Afdrukken
till-receipt-number = Kasticket nr. { $number }
till-receipt-overridden = Toegestaan door een supervisor
till-receipt-discount = korting { $amount }
till-receipt-thanks = Bedankt, tot gauw in de coöperatie!
till-tender-cash = Cash
till-tender-card = Kaart
till-tender-meal_voucher = Maaltijdcheques
till-vat-rate = Btw
till-vat-net = Excl. btw
till-vat-vat = Btw-bedrag
till-vat-gross = Incl. btw
till-return-title = Retour
till-return-number = Nummer of streepjescode van het kasticket
till-return-find = Kasticket zoeken
till-return-bad-number = Typ een ticketnummer of scan de streepjescode.
till-return-not-found = Geen kasticket met dit nummer.
till-return-sold = Verkocht
till-return-quantity = Terug
till-return-where = Bestemming
till-return-restock = Terug in het rek
till-return-loss-reason = Waarom het weggegooid wordt
till-return-refund = Terugbetaling
till-return-submit = Retour registreren
till-return-nothing = Geef aan wat er van minstens één lijn terugkomt.
till-return-done = Retour geregistreerd: geef { $amount } terug ({ $tender }).
till-return-approval-title = Akkoord van een supervisor
till-return-approval-submit = Deze terugbetaling goedkeuren
till-cash-title = Geld in of uit
till-cash-out = Geld uitnemen
till-cash-in = Geld inleggen
till-cash-amount = Bedrag
till-cash-reason = Reden
till-cash-submit = Registreren
till-cash-out-done = { $amount } uit de lade genomen.
till-cash-in-done = { $amount } in de lade gelegd.
till-x-title = X-rapport
till-z-title = Z-rapport
till-report-opened = Geopend op { $time }
till-report-closed = Gesloten op { $time }
till-report-made = Opgemaakt op { $time }
till-close-session = Sessie afsluiten…
till-close-count = Tel de lade per munt en biljet
till-close-submit = Sessie afsluiten
till-closed-title = Sessie afgesloten
till-open-again = Een kassa openen
till-report-sales = Verkopen
till-report-returns = Retours
till-report-overrides = Toestemmingen
till-report-total = Totaal verkopen
till-report-cash = Ontvangen cash
till-report-change = Teruggegeven wisselgeld
till-report-card = Kaart
till-report-vouchers = Maaltijdcheques
till-report-refunds-cash = Terugbetalingen cash
till-report-refunds-card = Terugbetalingen kaart
till-report-float = Wisselgeld
till-report-cash-moves = Geld in en uit
till-report-expected = Verwachte cash in de lade
till-report-counted = Getelde cash
till-report-difference = Verschil
mail-receipt-subject = Je kasticket nr. { $number } van { $coop }
till-receipt-email = Kasticket mailen naar…
till-receipt-send = Versturen
till-receipt-mailed = Het kasticket is onderweg.
# The till offline (till-device): the device's queue and copies
till-waiting =
    { $count ->
        [0] Niets wacht om verzonden te worden
        [one] 1 verkoop wacht om verzonden te worden
       *[other] { $count } verkopen wachten om verzonden te worden
    }
till-offline = Server onbereikbaar: verkoop met de kopieën van deze kassa
till-catalogue-age = Catalogus { $minutes } min geleden gecontroleerd
till-catalogue-unchecked = Catalogus nog niet gecontroleerd
till-statuses-age = Ledenstatussen van { $minutes } min geleden
till-statuses-none = Nog geen ledenstatussen op deze kassa
till-kept-refused =
    { $count ->
        [one] 1 bewaarde verkoop geweigerd door de server
       *[other] { $count } bewaarde verkopen geweigerd door de server
    }
till-sale-kept = Verkoop bewaard op deze kassa: hij wordt verzonden zodra de server terug is.
till-return-kept = Retour bewaard op deze kassa: hij wordt verzonden zodra de server terug is.
till-member-kept = Volgens de ledenstatussen van { $minutes } min geleden (server onbereikbaar).
till-change = Wisselgeld
till-rounding = Afronding cash

## the drawer report: refunds and their VAT
till-report-refunds-vouchers = Terugbetalingen in maaltijdcheques
till-report-vat-sales = Btw op verkopen
till-report-vat-refunds = Btw op terugbetalingen (af te trekken)

## stock: suppliers, cost prices and the coop's pricing (stock-suppliers)
stock-suppliers = Leveranciers
stock-suppliers-hint = Wie verkoopt wat: de codes, verpakkingen en aankoopprijzen van elke leverancier, en het importeren van zijn prijslijst.
stock-pricing = Verkoopprijzen
stock-pricing-hint = De marges van de coöperatie, en de prijzen die afwijken van aankoopprijs plus marge plus btw.
stock-back-to-suppliers = ← Leveranciers
supplier-new = Nieuwe leverancier
suppliers-none = Nog geen leveranciers.
supplier-terms = Minimale bestelling { $min } · levering in { $days } dagen
supplier-products =
    { $count ->
        [0] geen product
        [one] 1 product
       *[other] { $count } producten
    }
field-supplier-name = Naam
field-supplier-contact = Contact (persoon, telefoon)
field-order-email = E-mail voor bestellingen
field-min-order = Minimale bestelling (€, excl. btw)
field-lead-days = Levertijd (dagen)
field-supplier-margin = Marge op de producten van deze leverancier (%)
supplier-margin-hint = Leeg laten voor de marge van de categorie, of die van de coöperatie. De eigen marge van een product gaat voor.
supplier-edit-title = De leverancier
supplier-created = Leverancier toegevoegd. Voeg zijn producten toe vanaf hun pagina, of importeer hieronder zijn prijslijst.
supplier-products-title = Zijn producten
supplier-no-products = Deze leverancier verkoopt nog geen enkel product.
supplier-pack = { $quantity } voor { $cost }
supplier-preferred = Voorkeur
price-list-title = Zijn prijslijst importeren
price-list-intro = Eén regel per product: zijn barcode (of, voor een product dat deze leverancier al verkoopt, alleen de code van de leverancier), de code van de leverancier, de verpakkingsgrootte in de eenheid van het product en de prijs van de verpakking excl. btw. Ofwel worden alle regels overgenomen, ofwel wordt elke foute regel vermeld en wordt niets overgenomen.
price-list-done = Prijslijst geïmporteerd: { $created } toegevoegd, { $updated } bijgewerkt, { $unchanged } ongewijzigd.
product-suppliers-title = Leveranciers en aankoopprijs
product-no-suppliers = Nog geen leverancier voor dit product: het heeft geen aankoopprijs.
notice-supplier-line = Prijs van de leverancier opgeslagen.
notice-supplier-preferred = Voorkeursleverancier gewijzigd.
notice-supplier-removed = Leverancier van dit product verwijderd.
notice-margin = Marge opgeslagen.
supplier-line-change = Wijzigen
supplier-make-preferred = Voorkeur geven
supplier-line-remove = Verwijderen
supplier-line-title = De prijs van een leverancier toevoegen of wijzigen
supplier-choose = Kies een leverancier…
field-supplier = Leverancier
field-supplier-code = Code van de leverancier
field-pack-size = Verpakking
field-pack-cost = Prijs van de verpakking (€, excl. btw)
supplier-line-hint = De eerste leverancier van een product is de voorkeursleverancier: zijn aankoopprijs bepaalt de berekende prijs.
supplier-line-save = Prijs opslaan
product-margin-title = De marge van dit product
field-product-margin = Marge (%)
product-margin-hint = Leeg laten voor de marge van de voorkeursleverancier, van de categorie of van de coöperatie.
pricing-intro = Verkoopprijs = aankoopprijs × (1 + marge) + btw, afgerond op de stap van de coöperatie. De marge is die van het product, anders van zijn voorkeursleverancier, anders van zijn categorie, anders van de coöperatie.
pricing-applied =
    { $count ->
        [0] Geen prijs gewijzigd: het waren al de berekende prijzen.
        [one] 1 prijs gewijzigd: de kassa's krijgen hem bij hun volgende update.
       *[other] { $count } prijzen gewijzigd: de kassa's krijgen ze bij hun volgende update.
    }
pricing-settings-saved = De prijzen van de coöperatie zijn opgeslagen.
pricing-category-saved = Marge van de categorie opgeslagen.
pricing-differences-title = Bij te werken prijzen
pricing-differences-count =
    { $count ->
        [0] Alle prijzen zijn de berekende prijzen.
        [one] De prijs van 1 product wijkt af van de berekende prijs.
       *[other] De prijzen van { $count } producten wijken af van de berekende prijzen.
    }
pricing-why = Aankoop { $cost } · marge { $margin } % ({ $source }) · btw { $vat } % · { $supplier }
margin-from-product = product
margin-from-supplier = leverancier
margin-from-category = categorie
margin-from-coop = coöperatie
pricing-see-product = Product en leveranciers
pricing-apply-ticked = De aangevinkte prijzen toepassen
pricing-apply-all = Alle { $count } toepassen
pricing-settings-title = De prijzen van de coöperatie
field-coop-margin = Marge van de coöperatie (%)
field-price-step = Prijzen afronden op
pricing-settings-hint = De marge van elk product dat geen eigen marge heeft, noch van zijn leverancier, noch van zijn categorie.
pricing-categories-title = Marges per categorie
pricing-categories-hint = In %. Leeg laten voor de marge van de coöperatie.
## voorraad: schapetiketten en rapporten (taak D)
product-label-title = Schapetiket
field-origin = Herkomst
field-content = Netto-inhoud per stuk
product-content-hint = Voor de prijs per kg of per liter: "500 g", "1,5 l", "33 cl". Leeg laten voor producten die per gewicht verkocht worden.
field-organic = Bio
field-local = Lokaal
labels-title = Schapetiketten
labels-hint = Etiketten afdrukken op A4: nieuwe prijzen, een categorie of gekozen producten.
labels-since-title = Nieuwe prijzen
labels-since = Prijs gewijzigd sinds
labels-since-print = Etiketten van de producten met een nieuwe prijs
labels-category-title = Een hele categorie
labels-category-print = Etiketten van deze categorie
labels-pick-title = Gekozen producten
labels-none-found = Geen enkel product in de verkoop komt overeen.
labels-pick-print = Etiketten van de aangevinkte producten
labels-back = ← Schapetiketten
labels-print-hint = Druk deze pagina af met je browser (Ctrl+P of Delen › Afdrukken) op A4-papier; alleen de etiketten worden afgedrukt.
labels-none = Geen etiket om af te drukken: geen enkel product in de verkoop komt overeen.
labels-count =
    { $count ->
        [one] 1 etiket
       *[other] { $count } etiketten
    }
label-per-kg = / kg
label-per-l = / l
label-origin = Herkomst: { $origin }
label-organic = Bio
label-local = Lokaal
reports-title = Rapporten
reports-hint = Verkoop, btw, voorraadwaarde, verliezen, snelle en trage producten en bezetting van de shifts, als tabel en als CSV.
reports-back = ← Rapporten
report-from = Van
report-to = Tot en met
report-show = Tonen
report-csv = CSV downloaden
report-sales = Verkoop per product
report-sales-hint = Hoeveelheid, excl. btw, btw en incl. btw van elk product over de periode.
report-categories = Verkoop per categorie
report-categories-hint = Dezelfde verkoop, opgeteld per categorie en btw-tarief.
report-vat = Btw per tarief
report-vat-hint = Per maand en per dag: verkoop min terugbetalingen, voor de boekhouder.
report-stock-value = Voorraadwaarde tegen kostprijs
report-stock-value-hint = Wat de voorraad waard is tegen de kostprijzen van de leveranciers.
report-losses = Verliezen per reden
report-losses-hint = Vervallen, beschadigd, gestolen, eigen gebruik: hoeveelheden en waarde.
report-movers = Trage en snelle producten
report-movers-hint = Wat het meest en het minst verkocht werd, en voorraad die niet verkoopt.
report-staffing = Bezetting van de shifts per week
report-staffing-hint = Shifts, plaatsen, inschrijvingen en aanwezigheden, week per week.
report-product = Product
report-products = Producten
report-quantity = Hoeveelheid
report-net = Excl. btw
report-vat-amount = Btw
report-gross = Incl. btw
report-total = Totaal
report-total-rows =
    { $count ->
        [one] Totaal (1 rij)
       *[other] Totaal ({ $count } rijen)
    }
report-sales-note = Goederen na kortingen, zonder statiegeld, van de verkopen in de periode; retours tellen op hun eigen dag, in het btw-rapport.
report-refunds = Terugbetaald
report-vat-months = Per maand
report-vat-days = Per dag
report-month = Maand
report-stock-value-at = Voorraad op het einde van { $date }, tegen de kostprijzen van vandaag.
report-on-hand = In voorraad
report-value = Waarde
report-first-rows = De eerste { $count } rijen worden getoond; de CSV bevat ze allemaal.
report-without-cost =
    { $count ->
        [one] 1 product zonder kostprijs (niet in het totaal)
       *[other] { $count } producten zonder kostprijs (niet in het totaal)
    }
report-no-reason = Geen reden opgegeven
report-moves = Bewegingen
report-losses-by-product = Per product
report-unvalued =
    { $count ->
        [one] (1 beweging zonder waarde)
       *[other] ({ $count } bewegingen zonder waarde)
    }
report-sold = Verkocht
report-fast = Snelle producten
report-slow = Trage producten
report-week = Week van
report-shifts = Shifts
report-booked = Ingeschreven
report-attended = Aanwezig
report-excused = Verontschuldigd
report-absent = Afwezig
## stock-orders: bestellingen bij leveranciers, bestelvoorstellen en ontvangsten
orders-title = Bestellingen
orders-hint = Bestellingen bij leveranciers per stand, lopende ontvangsten
orders-suggest = Bestelvoorstellen
orders-suggest-hint = Wat je bij een leverancier bestelt volgens de recente verkoop; één tik maakt het ontwerp
orders-all = Alle
orders-filter = Bestellingen per stand
orders-none = Hier nog geen bestelling.
order-state-draft = ontwerp
order-state-sent = verstuurd
order-state-partly_received = deels ontvangen
order-state-received = ontvangen
order-state-cancelled = geannuleerd
order-number = Bestelling nr. { $number }
order-lines-count =
    { $count ->
        [one] 1 regel
       *[other] { $count } regels
    }
order-total = Totaal excl. btw
order-sent-on = verstuurd op { $date }
order-no-lines = Deze bestelling heeft geen regels.
order-print = Afdrukbare bestelbon
order-print-hint = Druk af met je browser (A4).
order-line-packs = { $packs } × { $pack } aan { $cost }
order-line-received = { $received } van { $ordered } ontvangen
order-line-change = Wijzigen
order-add-line = Een product toevoegen…
order-add-submit = Aan de bestelling toevoegen
order-no-email = Deze leverancier heeft geen bestel-e-mailadres: voeg er een toe voor je verstuurt.
order-send-to = De bestelling gaat per e-mail naar { $email }.
order-send = Bestelling versturen
order-receive = Levering ontvangen
order-receive-resume = Ontvangst hervatten
order-cancel = Bestelling annuleren…
order-cancel-hint = De leverancier krijgt geen bericht: laat het weten als de bestelling al verstuurd was.
order-cancel-confirm = Bestelling annuleren
order-notice-drafted = Ontwerpbestelling gemaakt: controleer de regels en verstuur ze.
order-notice-line = Bestelregel bewaard.
order-notice-sent = Bestelling verstuurd: de e-mail staat in de outbox.
order-notice-cancelled = Bestelling geannuleerd.
order-col-code = Code
order-col-product = Product
order-col-packs = Colli
order-col-pack = Verpakking
order-col-cost = Prijs per colli
order-col-total = Totaal
orders-field-supplier = Leverancier
orders-field-product = Product
orders-field-packs = Colli
field-window-days = Verkoop van de laatste (dagen)
field-coverage-days = Te dekken voorraad (dagen)
reception-field-pack-cost = Prijs per colli excl. btw op de leverbon
suggest-hint = De gemiddelde dagverkoop over de periode, maal de te dekken dagen plus de levertijd van de leverancier, min de voorraad en wat besteld is, in hele colli.
suggest-submit = Voorstellen
suggest-terms = Levering in { $lead } dagen · minimale bestelling { $minimum }
suggest-nothing = De voorraad dekt deze dagen: niets te bestellen.
suggest-below-minimum = Onder de minimale bestelling van deze leverancier ({ $minimum }).
suggest-make-draft = Ontwerpbestelling maken
suggest-covered =
    { $count ->
        [one] 1 product gedekt
       *[other] { $count } producten gedekt
    }
suggest-packs = { $packs } × { $pack }
suggest-figures = verkocht { $sold } · in voorraad { $on_hand } · besteld { $on_order }
receptions-open = Lopende ontvangsten
receptions-none-open = Geen lopende ontvangst.
reception-without-order = Ontvangst zonder bestelling
reception-of-order = Ontvangst van bestelling nr. { $number }
reception-scanned-count =
    { $count ->
        [one] 1 regel gescand
       *[other] { $count } regels gescand
    }
reception-free-title = Een levering zonder bestelling
reception-free-start = Ontvangen zonder bestelling
reception-back = Terug naar de bestelling
reception-validated = gevalideerd
reception-notice-line = Regel bewaard: scan het volgende artikel.
reception-notice-validated = Ontvangst gevalideerd: de voorraad en de aankoopprijzen zijn bijgewerkt.
reception-lines = Regels
reception-no-lines = Nog niets gescand.
reception-scan = Scan een artikel, of typ de naam
reception-scan-placeholder = Barcode of naam
reception-find = Zoeken
reception-not-found = Geen product gevonden: scan opnieuw of typ de naam.
reception-choose = Welk?
reception-expected = Verwacht: { $quantity }
reception-not-on-order = Niet besteld
reception-cost-changed = Is de prijs per colli veranderd?
reception-record = Bewaren
reception-next = Volgend artikel
reception-as-ordered = Zoals besteld
reception-short = { $quantity } te weinig
reception-over = { $quantity } te veel
reception-missing = Ontbreekt
reception-new-cost = Nieuwe prijs per colli { $cost }
reception-validate = Ontvangst valideren…
reception-validate-hint = { $count } regels gaan in voorraad tegen hun aankoopprijs en de gewijzigde prijzen van de leverancier worden bewaard; { $missing } regels van de bestelling zijn niet gekomen. Dit is definitief.
reception-validate-confirm = Ontvangst valideren
mail-order-subject = Bestelling nr. { $number } van { $coop }
mail-order-intro = Beste { $supplier }, hieronder bestelling nr. { $number } van { $coop } (code, product, colli, prijs per colli excl. btw, totaal).
error-order-state-forbids = Niet mogelijk voor een bestelling die { $state } is.
error-nothing-to-order = Niets te bestellen.
error-no-order-email = Deze leverancier heeft geen bestel-e-mailadres: voeg er een toe voor je verstuurt.
error-reception-validated = Deze ontvangst is al gevalideerd: er werd niets meer geschreven.
error-not-supplied = Deze leverancier verkoopt dit product niet.
error-nothing-received = Er werd niets ontvangen: scan eerst de artikelen.
## inventory counts (stock-counts): the counts, counting on a phone, camera scanning
counts-title = Inventarissen
counts-hint = Een rek, de stockruimte of categorieën tellen, met meerdere mensen tegelijk.
counts-none = Nog geen inventaris.
counts-back = ← Inventarissen
counts-back-to-stock = ← Catalogus en voorraad
count-status-open = lopend
count-status-validated = gevalideerd
count-status-cancelled = geannuleerd
count-every-category = alle producten
count-opened-by = Geopend door { $name } op { $date } · { $count ->
        [0] nog niets geteld
        [one] 1 product geteld
       *[other] { $count } producten geteld
    }
count-open-title = Een inventaris openen
field-count-title = Titel
field-count-location = Plaats (rek, stockruimte…)
field-count-categories = Categorieën
count-categories-hint = Vink de categorieën aan die geteld worden, of geen om alle producten van de plaats te tellen.
count-open-submit = Inventaris openen
count-closed-validated = Gevalideerd door { $name } op { $date }.
count-closed-cancelled = Geannuleerd door { $name } op { $date }.
count-line-done = { $name }: { $counted } geteld in totaal (verwacht { $expected }).
count-validated = Inventaris gevalideerd: de voorraad is gecorrigeerd.
count-cancelled = Inventaris geannuleerd: de voorraad is niet veranderd.
field-count-code = Streepjescode
field-count-quantity = Getelde hoeveelheid
count-yours-so-far = U telde tot nu { $quantity }: de hoeveelheid die u ingeeft vervangt die.
count-quantity-hint = Uw eigen telling voor dit product (die van anderen worden erbij opgeteld).
count-line-submit = Tellen
count-other-product = Ander product
count-code-hint = Scan of typ de code. Met een hoeveelheid wordt het product meteen geteld; zonder wordt het gezocht en de hoeveelheid gevraagd.
count-search-placeholder = Of zoek een product op naam
count-search-none = Geen product met die naam.
count-counted-title = { $count ->
        [one] 1 product geteld
       *[other] { $count } producten geteld
    }, { $differ } met een verschil
count-refresh = Vernieuwen
count-nothing-yet = Nog niets geteld.
count-counted-expected = { $counted } geteld, { $expected } verwacht
count-not-counted = { $count ->
        [one] 1 product nog niet geteld
       *[other] { $count } producten nog niet geteld
    }
count-not-counted-more = …en nog { $count }.
count-not-counted-hint = Een product dat niemand telt, houdt zijn voorraad: tel het als 0 als er niets meer is.
count-validate = Inventaris valideren…
count-validate-explain = Elk geteld product waarvan de telling verschilt van de verwachte hoeveelheid krijgt een inventariscorrectie, gewaardeerd tegen de kostprijs van de dag. Daarna neemt de inventaris geen lijnen meer.
count-validate-confirm = Valideren en de voorraad corrigeren
count-cancel = Inventaris annuleren…
count-cancel-explain = Niets wordt gecorrigeerd; de lijnen blijven bewaard.
count-cancel-confirm = Inventaris annuleren
scan-camera = 📷 Camera
scan-close = Sluiten
scan-aim = Richt op de streepjescode, op 10 tot 20 cm.
scan-failed = De camera kan niet gebruikt worden: typ de code.
error-count-not-open = Deze inventaris is gevalideerd of geannuleerd: hij neemt geen wijzigingen meer.
error-not-in-count = Dit product zit in geen enkele categorie van de inventaris.
