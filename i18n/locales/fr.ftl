## Général
app-name = Ruche
loading = Chargement…
save = Enregistrer
saved = Enregistré.
nav-label = Menu principal
nav-home = Ma carte
nav-members = Membres
nav-import = Import
nav-shares = Parts
nav-outbox = Courriels
nav-sign-out = Se déconnecter
language-label = Langue
not-found-title = Page introuvable
forbidden-title = Accès refusé
pager-previous = Précédent
pager-next = Suivant

## Champs
field-name = Nom
field-first-name = Prénom
field-last-name = Nom
field-email = Courriel
field-phone = Téléphone
field-language = Langue
field-join-date = Date d’adhésion
field-work-regime = Régime de travail
field-member-number = Numéro de membre
field-card = Carte
field-date = Date
field-password = Mot de passe
field-new-password = Nouveau mot de passe
field-confirm-password = Répétez le mot de passe
field-leaving-date = Date de départ
field-leaving-reason = Raison du départ

regime-regular = Régulier
regime-flexible = Volant
regime-exempt = Exempté

role-member = Membre
role-shift_leader = Responsable de créneau
role-cashier = Caissier·ère
role-stock_manager = Gestion du stock
role-coordinator = Coordination
role-admin = Administration

## Connexion
sign-in-title = Connexion
sign-in-submit = Se connecter
sign-in-forgot = Mot de passe oublié ?
sign-in-already = Vous êtes déjà connecté·e.
sign-in-bad-credentials = Courriel ou mot de passe incorrect.
sign-in-too-many = Trop de tentatives échouées. Réessayez dans { $minutes } minutes.
sign-in-signed-out = Vous êtes déconnecté·e.
forgot-title = Mot de passe oublié
forgot-intro = Indiquez votre adresse courriel. Si elle correspond à un compte, nous vous envoyons un lien pour choisir un nouveau mot de passe.
forgot-submit = Envoyer le lien
forgot-sent = Si cette adresse correspond à un compte, un lien est en route. Il est valable une heure.
reset-title = Choisir un nouveau mot de passe
reset-submit = Enregistrer le mot de passe
reset-done = Votre mot de passe est changé. Vous pouvez vous connecter.
setup-title = Créer le premier administrateur
setup-intro = Cette coopérative n’a pas encore d’administrateur. La personne qui ouvre ce lien le devient.
setup-submit = Créer l’administrateur
setup-done = L’administrateur est créé. Vous pouvez vous connecter.

## Courriels
mail-link-hidden = (lien masqué : seul·e le ou la destinataire le reçoit)
mail-email-changed-subject = Votre adresse e-mail chez Ruche a changé
mail-email-changed-body =
    Bonjour { $name },

    L’adresse e-mail de votre compte Ruche a été changée de { $old } en { $new } par { $by }. Les messages et les liens pour choisir un mot de passe vont désormais à la nouvelle adresse.

    Si vous ne l’avez pas demandé, prévenez tout de suite les admins de votre coopérative.
mail-reset-subject = Choisissez un nouveau mot de passe pour Ruche
mail-reset-body =
    Bonjour { $name },

    Quelqu’un a demandé à choisir un nouveau mot de passe pour votre compte Ruche. Si c’est vous, ouvrez ce lien dans l’heure :

    { $link }

    Sinon, ignorez ce message : votre mot de passe ne change pas.

## Accueil du membre
home-greeting = Bonjour { $name }
home-member-number = Numéro de membre
home-card-hint = Montrez cette carte à la caisse et à l’entrée.
home-no-member = Votre compte n’est lié à aucun membre du registre.

## Registre des membres
members-title = Membres
members-new = Nouveau membre
members-export = Exporter en CSV
members-search = Rechercher
members-search-placeholder = Numéro, nom, courriel ou carte
members-filter = Afficher
members-filter-active = Membres actifs
members-filter-leavers = Anciens membres
members-filter-all = Tout le monde
members-count =
    { $count ->
        [one] 1 membre
       *[other] { $count } membres
    }
member-left = Parti·e
member-new-title = Nouveau membre
member-edit-title = Fiche du membre
member-created = Le membre est créé, avec sa carte.
member-number-hint = Laissez le numéro de membre vide pour attribuer le prochain numéro libre.
member-left-on = A quitté la coopérative le { $date } : { $reason }
card-print = Imprimer la carte
household-title = Foyer
household-hint = Jusqu’à { $max } personnes qui font leurs courses sur ce compte avec leur propre carte, sans obligation de travail.
household-empty = Personne d’autre ne fait ses courses sur ce compte.
household-add = Ajouter une personne
household-remove = Retirer
roles-title = Rôles
roles-save = Enregistrer les rôles
leaving-title = Départ de la coopérative
leaving-submit = Enregistrer le départ

## Parts
shares-title = Parts
shares-register-title = Registre des parts
shares-held = Parts détenues
shares-holders = Détenteurs
shares-value = Valeur
shares-subscribed = Souscrit
shares-paid = Payé
shares-due = Reste dû
shares-reimbursed = Remboursé
shares-active-members = Membres actifs
shares-former-members = Anciens membres
share-class = Classe
share-unit-price = Prix unitaire
share-kind = Mouvement
share-quantity = Parts
share-amount = Montant
share-counterpart = Autre membre (numéro)
share-note = Note
share-record = Enregistrer un mouvement de parts
share-record-submit = Enregistrer
share-class-save-title = Ajouter ou modifier une classe de parts
share-kind-subscription = Souscription
share-kind-payment = Paiement
share-kind-transfer_in = Cession reçue
share-kind-transfer_out = Cession donnée
share-kind-reimbursement = Remboursement

## Import
import-title = Importer des membres
import-intro = Un fichier CSV avec une ligne d’en-tête et ces colonnes (member_number, phone et language sont facultatives). Chaque ligne est vérifiée d’abord : si une seule est fausse, rien n’est importé.
import-file = Fichier CSV
import-text = Ou collez le CSV ici
import-submit = Importer
import-done =
    { $count ->
        [one] 1 membre importé.
       *[other] { $count } membres importés.
    }
import-line = Ligne
import-field = Colonne
import-reason = Problème

## Courriels envoyés
outbox-title = Courriels
outbox-to = Destinataire
outbox-empty = Aucun message.
outbox-sent = envoyé
outbox-failed = non envoyé
outbox-kept = gardé ici (aucun serveur de courriel configuré)

## Erreurs
error-invalid = Corrigez les champs indiqués ci-dessous.
error-import-refused =
    { $count ->
        [one] Rien n’a été importé : 1 problème à corriger.
       *[other] Rien n’a été importé : { $count } problèmes à corriger.
    }
error-unauthenticated = Veuillez vous reconnecter.
error-forbidden = Vous n’avez pas le droit de faire ceci.
error-not-found = Cette page ou cette fiche n’existe pas.
error-bad-request = La demande est illisible. Rien n’a été enregistré ; rechargez la page et réessayez.
error-internal = Un problème est survenu de notre côté. Rien n’a été enregistré ; réessayez.
error-transport = Le serveur est injoignable. Vérifiez la connexion et réessayez.
error-token-invalid = Ce lien n’est plus valable. Demandez-en un nouveau.
error-required = Obligatoire.
error-too-long = { $max } caractères au maximum.
error-invalid-email = Adresse courriel non valable.
error-invalid-phone = Numéro de téléphone non valable.
error-invalid-date = Date non valable (AAAA-MM-JJ).
error-invalid-number = Nombre non valable.
error-unknown-language = Langue inconnue (fr, nl ou en).
error-unknown-regime = Régime de travail inconnu (regular, flexible ou exempt).
error-unknown-role = Rôle inconnu.
error-unknown-column = Colonne inconnue « { $name } ».
error-missing-column = Colonne manquante « { $name } ».
error-duplicate-in-file = Déjà présent à la ligne { $line }.
error-already-taken = Déjà utilisé par quelqu’un d’autre.
error-before-join-date = Avant la date d’adhésion.
error-too-many-household-people = Un foyer compte au plus { $max } personnes.
error-not-positive = Doit être supérieur à zéro.
error-not-enough-shares = Seulement { $held } parts détenues.
error-unknown-share-class = Classe de parts inconnue.
error-unknown-member = Aucun membre n’a ce numéro.
error-same-member = Doit être un autre membre.
error-bad-amount = Montant en euros non valable.
error-malformed = Cette ligne est illisible.
error-password-too-short = Au moins { $min } caractères.
error-password-too-long = Le mot de passe est trop long.
error-passwords-differ = Les deux mots de passe diffèrent.
error-cannot-remove-own-admin = Vous ne pouvez pas retirer votre propre rôle d’administration ; demandez à un autre administrateur.
error-staff-email-admins-only = Seul·e un·e admin peut changer l’e-mail d’un compte qui a un rôle au-delà de celui de membre.
error-booking-already-booked = Vous avez déjà réservé ce créneau.
error-booking-cancelled = Ce créneau est annulé.
error-booking-past = Ce créneau a déjà commencé.
error-booking-full = Toutes les places de ce créneau sont prises.
error-booking-missing-skill = Cette place demande la compétence « { $skill } ».
error-booking-overlap = Ce créneau chevauche un autre que vous avez réservé.
error-booking-day-limit = Au plus { $max } créneaux par jour.
error-booking-period-limit = Au plus { $max } créneaux sur { $days } jours.
error-booking-own-offer = Vous ne pouvez pas reprendre votre propre proposition.
error-sheet-already-validated = Cette feuille de présence est déjà validée.
error-extension-not-in-alert = Seul un membre en alerte peut obtenir un délai.
error-extension-already-extended = Cette alerte a déjà eu son ou ses { $max } délai(s).
error-extension-too-late = L’échéance est passée.

## E-mails des créneaux
mail-shift-reminder-subject = Votre créneau du { $date }
mail-shift-reminder-body =
    Bonjour { $name },

    Un rappel : vous travaillez à la coopérative le { $date } à { $start } ({ $task }).

    Si vous ne pouvez pas venir, proposez votre créneau à un autre membre dans l’application, pour que quelqu’un vous remplace.
mail-status-alert-subject = Votre compteur de créneaux est en retard
mail-status-alert-body =
    Bonjour { $name },

    Votre compteur de créneaux est à { $balance }. Réservez { $shifts } créneau(x) de rattrapage avant le { $deadline } pour continuer à faire vos courses à la coopérative.
mail-status-suspended-subject = Vous ne pouvez plus faire vos courses avant d’avoir rattrapé
mail-status-suspended-body =
    Bonjour { $name },

    Votre compteur de créneaux est à { $balance } et l’échéance du { $deadline } est passée : vous ne pouvez plus faire vos courses tant que vous n’avez pas réservé { $shifts } créneau(x) de rattrapage.

## Créneaux sur le téléphone du membre
shifts-title = Mes créneaux
status-unsubscribed = Désinscrit·e
status-on_leave = En congé
status-exempted = Exempté·e
status-suspended = Suspendu·e
status-extension = Délai accordé
status-alert = En alerte
status-up_to_date = À jour
shop-yes = Vous pouvez faire vos courses.
shop-no = Vous ne pouvez pas faire vos courses pour l’instant.
shifts-balance = Compteur de créneaux :
shifts-history = Pourquoi mon compteur est à ce niveau
shifts-history-empty = Rien pour l’instant : votre compteur est à zéro.
todo-book-before =
    { $count ->
        [one] Réservez 1 créneau de rattrapage avant le { $date } pour éviter la suspension.
       *[other] Réservez { $count } créneaux de rattrapage avant le { $date } pour éviter la suspension.
    }
todo-book-suspended =
    { $count ->
        [one] Réservez 1 créneau de rattrapage pour pouvoir refaire vos courses.
       *[other] Réservez { $count } créneaux de rattrapage pour pouvoir refaire vos courses.
    }
todo-makeups-booked = Vos rattrapages sont réservés : faites-les pour revenir à zéro.
todo-holiday = En congé jusqu’au { $date }.
todo-exemption = Exempté·e de créneaux jusqu’au { $date }.
todo-exempt = Vous êtes exempté·e de créneaux.
todo-left = Vous avez quitté la coopérative le { $date }.
todo-threshold = Votre compteur est trop en retard : contactez le bureau des membres.
todo-up-to-date = Vous êtes à jour. Merci !
counter-reason-attended = Créneau effectué
counter-reason-excused = Créneau manqué, excusé
counter-reason-absent = Créneau manqué
counter-reason-makeup = Rattrapage effectué
counter-reason-no_show = Créneau réservé manqué
counter-reason-period_debit = Nouvelle période de 4 semaines
counter-reason-cap = Compteur plafonné à zéro
counter-reason-manual_correction = Correction par le bureau

## till
error-unknown-unit = Unité inconnue (pièce : piece, kg ou litre).
error-unknown-vat-rate = Ce n'est pas un des taux de TVA de la coopérative.
error-invalid-barcode = Code-barres invalide (EAN-13, EAN-8 ou UPC-A avec sa clé de contrôle).
error-not-yes-no = Écrivez oui ou non.
error-unknown-product = Ce produit n'est pas au catalogue.
error-several-products = Cela correspond à plusieurs produits du catalogue : précisez lequel par ses codes-barres.
error-bad-quantity = Une quantité doit être supérieure à zéro, avec au plus trois décimales.
error-unknown-denomination = Ce n'est pas une pièce ou un billet en euros.
error-session-closed = La session de caisse est fermée : ouvrez-en une pour vendre.
error-session-already-open = Cette caisse a déjà une session ouverte.
error-unknown-barcode = Aucun produit n'a ce code-barres.
error-misread-barcode = Code-barres mal lu : scannez à nouveau.
error-no-barcode-rule = Aucune règle de la nomenclature des codes-barres ne lit ce code.
error-bad-nomenclature-rule = La règle { $rule } de la nomenclature est inutilisable.
error-may-not-shop = Ce membre ne peut pas faire ses courses pour l'instant (statut : { $status }). Un superviseur peut passer outre en donnant une raison.
error-not-a-supervisor = Seul·e un·e responsable de créneau, un·e coordinateur·rice ou un·e admin peut passer outre, avec une raison.
error-discount-not-allowed = Votre rôle permet des remises de { $max } % au plus.
error-short-payment = Il reste { $amount } € à payer.
error-vouchers-above-eligible = Les chèques-repas paient au plus { $amount } € de cette vente.
error-non-cash-overpayment = La carte et les chèques-repas paient { $amount } € de trop : la monnaie se rend uniquement en espèces.
error-return-exceeds-sold = On peut encore retourner au plus { $amount } de cette ligne.
error-sale-conflict = Une vente avec ce numéro a déjà été enregistrée avec un autre contenu.
error-price-changed = Un prix de cette vente n'est pas celui du catalogue : mettez à jour le catalogue de la caisse.
error-sold-in-future = Cette vente est datée dans le futur : vérifiez l'horloge de la caisse.
error-sold-too-long-ago = Cette vente est datée d'avant l'ouverture de sa session de caisse ou d'il y a plus de { $max } heures : elle ne peut pas être enregistrée.
error-not-sold-by-label = Ce produit n'est pas vendu à l'étiquette de prix : scannez son propre code-barres.
error-not-your-session = Cette session de caisse a été ouverte par un autre caissier ou sur une autre caisse : lui seul peut s'en servir, et un superviseur peut la fermer.
error-return-needs-supervisor = Ce remboursement demande un superviseur : il se fait par un autre moyen de paiement que celui de la vente, ou dépasse la limite de la coopérative.
## member
error-not-a-member = Seuls les membres ont des créneaux : ce compte n’a pas de fiche de membre.
nav-shifts = Mes créneaux
myshifts-title = Mes créneaux
myshifts-book-link = Réserver un créneau
myshifts-status-link = Voir mes créneaux et en réserver un
myshifts-none = Vous n’avez aucun créneau à venir.
myshifts-leaders = Responsables : { $names }
myshifts-fixed = Votre place fixe
myshifts-state-offered = Proposé en échange
myshifts-state-shift_cancelled = Créneau annulé : personne ne le doit
myshifts-cancel = Annuler
myshifts-offer = Proposer un échange
myshifts-cancel-free = Annuler maintenant est gratuit : la place se libère pour quelqu’un d’autre et vous ne devez rien pour ce créneau.
myshifts-cancel-late = Il est trop tard pour annuler gratuitement. Votre place sera proposée à des remplaçant·es : elle reste la vôtre tant que personne ne la prend, et si vous ne venez pas, le créneau compte comme manqué.
myshifts-cancel-fixed = C’est votre place fixe : elle ne s’annule jamais gratuitement. Elle sera proposée à des remplaçant·es : elle reste la vôtre tant que personne ne la prend, et si vous ne venez pas, le créneau compte comme manqué.
myshifts-cancel-confirm = Oui, annuler
myshifts-offer-explain = Votre place sera proposée aux autres membres. Elle reste la vôtre tant que personne ne la prend ; ensuite, vous ne devez plus rien pour ce créneau.
myshifts-offer-confirm = Oui, la proposer
myshifts-cancelled-free = Annulé : la place est libre et vous ne devez rien pour ce créneau.
myshifts-cancelled-late = Trop tard pour annuler gratuitement : votre place est proposée à des remplaçant·es. Elle reste la vôtre tant que personne ne la prend.
myshifts-offered = Votre place est proposée à des remplaçant·es. Elle reste la vôtre tant que personne ne la prend.
myshifts-offers-title = Créneaux proposés en échange
myshifts-offers-none = Personne ne propose de créneau pour l’instant.
myshifts-offered-by = Proposé par { $name }
myshifts-take = Prendre ce créneau
myshifts-taken = C’est fait : ce créneau est à vous.
myshifts-seats = { $booked } places prises sur { $seats }
myshifts-skill = Demande : { $skill }
myshifts-day-1 = lun.
myshifts-day-2 = mar.
myshifts-day-3 = mer.
myshifts-day-4 = jeu.
myshifts-day-5 = ven.
myshifts-day-6 = sam.
myshifts-day-7 = dim.
book-title = Réserver un créneau
book-intro = Places libres dans les quatre semaines à venir.
book-weeks = Semaines
book-week-0 = Cette semaine
book-week = À partir du { $date }
book-none = Aucune place libre cette semaine.
book-button = Réserver
book-booked = Réservé ! Vous le retrouvez dans vos créneaux.
book-back = Retour à mes créneaux
calendar-title = Mes créneaux dans mon agenda
calendar-intro = Abonnez votre application d’agenda à une adresse privée : vos créneaux s’y affichent tout seuls.
calendar-made = Vous avez créé votre adresse d’agenda le { $date }. Pour protéger votre vie privée, elle n’est montrée qu’une fois : si vous en avez à nouveau besoin, créez-en une nouvelle (l’ancienne cesse de fonctionner).
calendar-make = Créer mon adresse d’agenda
calendar-remake = Créer une nouvelle adresse
calendar-url-label = Votre adresse d’agenda privée (montrée maintenant seulement : copiez-la)
calendar-open = Ouvrir dans mon agenda
calendar-name = Ruche : mes créneaux
calendar-event = Créneau : { $task }
## sheet
nav-sheets = Présences
sheets-title = Feuilles de présence
sheets-hint = Les créneaux que vous encadrez, d’il y a une semaine à demain.
sheets-empty = Aucun créneau à afficher.
sheets-expected =
    { $count ->
        [one] 1 attendu·e
       *[other] { $count } attendu·es
    }
sheet-state-open = À valider
sheet-state-validated = Validée
sheet-back = Toutes les feuilles
sheet-number = N° { $number }
sheet-mark-attended = Présent·e
sheet-mark-excused = Excusé·e
sheet-mark-absent = Absent·e
sheet-seat-fixed = Créneau fixe
sheet-seat-booked = Place réservée
sheet-walk-in = Venu·e sans réservation
sheet-empty = Personne n’est attendu sur ce créneau.
sheet-add-title = Ajouter quelqu’un qui est venu
sheet-add-label = Scannez une carte, ou tapez un nom ou un numéro
sheet-add-find = Chercher
sheet-add-button = Ajouter
sheet-add-none = Aucun membre trouvé.
sheet-unknown-card = Aucun membre ni personne du ménage n’a cette carte.
sheet-unmarked =
    { $count ->
        [one] 1 membre n’est pas encore pointé.
       *[other] { $count } membres ne sont pas encore pointés.
    }
sheet-validate = Valider la feuille
sheet-validate-confirm = Valider maintenant ? Les compteurs sont mis à jour et la feuille ne pourra plus être modifiée.
sheet-validate-yes = Oui, valider
sheet-validate-no = Pas encore
sheet-validated-by = Validée par { $name } le { $date } à { $time }.
mail-unvalidated-subject =
    { $count ->
        [one] 1 feuille de présence non validée
       *[other] { $count } feuilles de présence non validées
    }
mail-unvalidated-body =
    Bonjour,

    Ces créneaux sont passés mais personne n’a validé leur feuille de présence : les compteurs de leurs membres n’ont pas bougé.

    { $shifts }

    Ouvrez-les dans Ruche, sous Présences, pointez qui est venu et validez.
mail-understaffed-subject =
    { $count ->
        [one] 1 créneau manque de monde
       *[other] { $count } créneaux manquent de monde
    }
mail-understaffed-body =
    Bonjour,

    Ces créneaux des prochains jours ont moins de { $percent } % de leurs places réservées (réservées/places) :

    { $shifts }

    Les membres volants et ceux qui ont du retard sur leur compteur seront peut-être contents de venir.
## rules
nav-statuses = Statuts
nav-rules = Règles des créneaux
error-negative = Doit être zéro ou plus.
error-not-a-debit = Une pénalité : doit être zéro ou moins.
error-not-below-zero = Doit être inférieur à zéro.
error-not-a-monday = Doit être un lundi.
error-out-of-range = Doit être entre { $min } et { $max }.
error-unknown-time-zone = Fuseau horaire inconnu (par exemple Europe/Brussels).
error-end-before-start = La fin précède le début.
error-in-the-past = Cette date est passée.
error-overlaps-leave = Chevauche le congé du { $start } au { $end }.
rules-title = Règles des créneaux
rules-hint = Les nombres votés par votre coopérative. Les changements valent à partir de maintenant ; le compteur déjà écrit reste tel quel.
rules-saved = Les règles sont enregistrées.
rules-save = Enregistrer les règles
rules-group-calendar = Calendrier
rules-group-counter = Compteur de créneaux
rules-group-status = Alerte et suspension
rules-group-booking = Réservations
rules-group-notices = Rappels et alertes
rules-week-a-monday = Lundi qui commence une semaine A
rules-cycle-weeks = Semaines par cycle
rules-time-zone = Fuseau horaire
rules-horizon-weeks = Créneaux planifiés à l'avance (semaines)
rules-regular-attended = Membre régulier, son créneau effectué
rules-regular-excused = Membre régulier, absent excusé
rules-regular-absent = Membre régulier, absent non excusé
rules-makeup-attended = Rattrapage ou créneau en plus effectué
rules-booked-no-show = Créneau réservé manqué sans excuse
rules-flexible-period-days = Période d'un membre volant (jours)
rules-flexible-period-debit = Débit d'un membre volant par période
rules-regular-savings-allowed = Les membres réguliers peuvent prendre de l'avance (compteur au-dessus de zéro)
rules-unsubscribe-threshold = Compteur qui désinscrit
rules-alert-days = Durée de l'alerte avant suspension (jours)
rules-extension-days = Durée d'un délai (jours)
rules-max-extensions-in-a-row = Délais d'affilée
rules-max-holiday-days = Congé le plus long qu’un membre enregistre lui-même (jours)
rules-makeups-lift-suspension = Réserver assez de rattrapages lève la suspension
rules-on-leave-may-shop = Les membres en congé peuvent faire leurs courses
rules-max-bookings-per-day = Réservations par jour
rules-max-bookings-per-period = Réservations par période de réservation
rules-booking-period-days = Période de réservation (jours)
rules-free-cancellation-hours = Annulation libre jusqu'à (heures avant)
rules-reminder-days-before = Courriel de rappel (jours avant un créneau)
rules-understaffed-days-ahead = Alerte de sous-effectif (jours avant)
rules-understaffed-below-percent = Sous-effectif sous (% des places)
statuses-title = Statuts des membres
statuses-search-placeholder = Nom ou numéro de membre
statuses-filter = Statut
statuses-filter-all = Tous les statuts
statuses-status = Statut
statuses-balance = Compteur
statuses-date = Date à retenir
reason-left = A quitté la coopérative le { $date }.
reason-threshold = Compteur à { $threshold } ou moins.
reason-holiday = En congé jusqu'au { $date }.
reason-exemption = Exempté jusqu'au { $date }.
reason-exempt-regime = Régime exempté : ne doit aucun créneau.
reason-behind = Compteur négatif depuis le { $since } ; suspendu à partir du { $date }. Rattrapages nécessaires : { $needed }, réservés : { $booked }. Délais : { $extensions }.
reason-makeups-booked = Échéance du { $date } passée, mais { $booked } rattrapage(s) réservé(s) ramèneront le compteur à zéro.
reason-up-to-date = Compteur à zéro ou plus.
member-may-shop = Peut faire ses courses.
member-may-not-shop = Ne peut pas faire ses courses.
member-shifts-link = Créneaux et statut
member-shifts-ledger = Mouvements du compteur
member-shifts-ledger-empty = Aucun mouvement du compteur pour l'instant.
member-shifts-reason = Motif
member-shifts-delta = Variation
member-shifts-note = Note
member-shifts-history = Historique des statuts
member-shifts-history-empty = Aucun changement de statut enregistré.
member-shifts-leaves = Congés et exemptions
member-shifts-leaves-empty = Aucun congé enregistré.
leave-title = Enregistrer un congé ou une exemption
leave-kind = Type
leave-kind-holiday = Congé
leave-kind-exemption = Exemption
leave-start = Premier jour
leave-end = Dernier jour
leave-submit = Enregistrer le congé
leave-requested-by-member = Demandé par le membre
correct-title = Corriger le compteur
correct-hint = Un nombre de créneaux, comme 1 ou -2, et pourquoi. La note reste dans le compteur.
correct-delta = Créneaux à ajouter ou retirer
correct-note = Note (obligatoire)
correct-submit = Corriger le compteur
extension-title = Délai
extension-hint = Un membre en alerte peut obtenir plus de temps avant la suspension, selon les règles.
extension-grant = Accorder un délai
requests-link = Demander un congé ou un délai
requests-title = Mes demandes
requests-holiday-title = Un congé
requests-holiday-hint = Pendant votre congé vous ne devez aucun créneau, et votre ménage ne fait pas de courses.
requests-holiday-done = Votre congé du { $start } au { $end } est enregistré.
requests-holiday-submit = Enregistrer mon congé
requests-extension-title = Plus de temps
requests-extension-hint = En retard sur vos créneaux ? Vous pouvez obtenir une fois plus de temps avant la suspension.
requests-extension-done = Vous avez plus de temps : réservez vos rattrapages avant le { $date }.
requests-extension-submit = Demander un délai
requests-back = Retour à ma carte
## planning
nav-planning = Planning
nav-templates = Créneaux types
nav-closures = Fermetures
error-invalid-time = Indiquez une heure comme 09:30.
error-unknown-choice = Choisissez une des options.
error-not-one-member =
    { $count ->
        [0] Aucun membre ne correspond : indiquez son numéro de membre ou son nom.
        *[other] { $count } membres correspondent : indiquez le numéro de membre.
    }
weekday-1 = Lundi
weekday-2 = Mardi
weekday-3 = Mercredi
weekday-4 = Jeudi
weekday-5 = Vendredi
weekday-6 = Samedi
weekday-7 = Dimanche
week-letter = Semaine { $letter }
planning-title = Planning
planning-nav = Semaines
planning-previous = ← Précédent
planning-today = Cette semaine
planning-next = Suivant →
planning-one-week = 1 semaine
planning-four-weeks = 4 semaines
planning-summary =
    { $short ->
        [0] Tous les services sont complets.
        [one] 1 service manque de monde, dont { $critical } à moins de la moitié.
        *[other] { $short } services manquent de monde, dont { $critical } à moins de la moitié.
    }
planning-week = Semaine { $letter } : du { $from } au { $to }
planning-no-shift = Aucun service
planning-leaders = Responsables : { $names }
planning-one-off = Ponctuel
staffing-full = Complet
staffing-short = Manque de monde
staffing-critical = Moins de la moitié
shift-cancelled = Annulé
templates-title = Créneaux types et tâches
templates-list = Créneaux types
templates-none = Aucun créneau type : créez le premier ci-dessus.
generate-hint = Crée les services des semaines à venir à partir des créneaux types. Les services qui existent déjà restent tels quels.
generate-button = Générer les services
generate-result =
    { $count ->
        [0] Aucun nouveau service : le planning était déjà généré.
        [one] 1 nouveau service généré.
        *[other] { $count } nouveaux services générés.
    }
task-types-title = Tâches
task-types-none = Aucune tâche pour l’instant.
task-type-name = Nom de la tâche
task-type-add = Ajouter la tâche
field-week = Semaine
field-weekday = Jour
field-start = Début
field-end = Fin
field-task-type = Tâche
field-seats = Places
field-required-skill = Compétence requise (facultatif)
field-skill = Compétence
template-new-title = Nouveau créneau type
template-add = Ajouter le créneau
template-seats = { $held } place(s) attribuée(s) sur { $seats }
template-skill = compétence : { $skill }
template-holders = Membres réguliers
template-remove-seat = Retirer
template-assign-label = Numéro ou nom du membre
template-assign = Attribuer une place
template-leaders = Responsables de service
template-leader-label = Numéro ou nom du responsable
template-add-leader = Ajouter un responsable
skill-title = Donner une compétence à un membre
skill-added = Compétence attribuée.
skill-add = Attribuer la compétence
closures-title = Jours de fermeture
closures-hint = Un jour de fermeture (jour férié, inventaire), les services sont annulés et personne ne les doit.
field-closure-note = Motif
closure-add = Fermer la coopérative ce jour-là
closure-result =
    { $count ->
        [0] Jour de fermeture enregistré ; aucun service n’était prévu ce jour-là.
        [one] Jour de fermeture enregistré ; 1 service annulé.
        *[other] Jour de fermeture enregistré ; { $count } services annulés.
    }
closure-see-planning = Voir le planning
closures-list = Prochains jours de fermeture
closures-none = Aucun jour de fermeture à venir.
one-off-title = Service ponctuel
one-off-hint = Un service en dehors des créneaux types, à une date précise.
one-off-added = Service ponctuel ajouté.
one-off-add = Ajouter le service
template-retire = Retirer ce créneau type
template-retire-warning = Ses membres perdent leur place et ses services à venir sont annulés.
template-retire-confirm = Le retirer
template-retire-keep = Le garder

## catalogue: the stock manager's catalogue and stock screens, tills
nav-stock = Catalogue
pager-label = Pages
stock-title = Catalogue et stock
stock-products = Produits
stock-products-hint = Trouver un produit par son nom ou son code-barres, le modifier, voir son stock.
stock-product-new = Nouveau produit
stock-product-new-hint = Ajouter un produit au catalogue.
stock-categories = Catégories
stock-categories-hint = Les familles de produits des rayons.
stock-nomenclature = Nomenclature des codes-barres
stock-nomenclature-hint = Ce que veut dire un code scanné : produits, articles pesés ou étiquetés au prix, cartes.
stock-import = Importer des produits
stock-import-hint = Ajouter beaucoup de produits d'un coup depuis un fichier CSV.
stock-back-to-products = ← Produits
unit-piece = pièce
unit-kg = kg
unit-litre = litre
quantity-piece = { $n } pc
quantity-kg = { $n } kg
quantity-litre = { $n } L
orders-field-product-name = Nom du produit
field-category = Catégorie
field-unit = Unité de vente
field-price = Prix TVAC (€)
field-vat = Taux de TVA
field-deposit = Consigne (€)
field-barcodes = Codes-barres
product-barcodes-hint = Scannez ou tapez chaque code-barres ; séparez-en plusieurs par des espaces. Un article pesé ou étiqueté au prix a le code de la balance avec la valeur à zéro.
field-meal-voucher = Payable en chèques-repas
field-on-sale = En vente
product-no-category = Sans catégorie
product-created = Produit ajouté au catalogue.
product-edit-title = Fiche produit
products-search-placeholder = Nom ou code-barres
products-all-categories = Toutes les catégories
products-state = En vente ou non
products-state-active = En vente
products-state-inactive = Retirés
products-state-all = Tous les produits
products-count =
    { $count ->
        [one] { $count } produit
       *[other] { $count } produits
    }
stock-on-hand-title = Stock disponible
stock-no-moves = Aucun mouvement de stock pour l'instant.
stock-move-title = Enregistrer un mouvement de stock
stock-move-submit = Enregistrer le mouvement
stock-move-done = Mouvement de stock enregistré.
field-move-kind = Mouvement
move-reception = Réception
move-adjustment = Ajustement d'inventaire
move-loss = Perte
move-sale = Vente
move-return = Retour
stock-quantity = Quantité
stock-quantity-reception = Quantité reçue
stock-quantity-adjustment = Quantité à ajouter (négative pour retirer)
stock-quantity-loss = Quantité perdue
field-loss-reason = Raison de la perte
field-move-note = Note (facultative)
loss-expired = Périmé
loss-damaged = Abîmé
loss-stolen = Volé
loss-own_use = Usage interne
loss-choose = Choisissez une raison
field-category-name = Nouvelle catégorie
category-add = Ajouter la catégorie
category-added = Catégorie ajoutée.
category-rename = Renommer
field-category-name-new = Nouveau nom
category-rename-save = Enregistrer le nom
category-rename-cancel = Annuler
categories-none = Aucune catégorie pour l'instant.
product-import-intro = Un fichier CSV avec une ligne d'en-tête et ces colonnes (category, deposit, meal_voucher, active et barcodes sont facultatives ; codes-barres séparés par des espaces ou |; oui ou non pour les options). Une ligne met à jour le produit qui porte un de ses codes-barres (une ligne sans code-barres : le produit sans code-barres du même nom, sans tenir compte des majuscules ni des accents), sinon elle ajoute un produit ; un produit mis à jour garde les codes-barres que la ligne ne cite pas. Chaque ligne est d'abord vérifiée : si l'une est fausse, rien n'est importé.
product-import-done = Import terminé : { $created } ajouté(s), { $updated } mis à jour, { $unchanged } inchangé(s).
nomenclature-intro = La caisse lit un code scanné avec la première règle, depuis le haut, dont le motif de préfixe et la longueur correspondent. Un motif a un signe par chiffre : un chiffre, . pour n'importe quel chiffre, ou une plage comme [1-9]. Les articles pesés et étiquetés au prix portent leur poids (grammes) ou leur prix (centimes) dans les chiffres indiqués.
nomenclature-rule = Règle { $n }
nomenclature-up = Monter
nomenclature-down = Descendre
nomenclature-remove = Retirer
nomenclature-add = Ajouter une règle
nomenclature-defaults = Remettre les règles habituelles
nomenclature-saved = Nomenclature enregistrée : les caisses l'utilisent dès leur prochaine mise à jour.
nomenclature-empty = Sans règle, aucun code ne peut être lu : ajoutez-en une ou remettez les règles habituelles.
field-rule-kind = Signification
rule-kind-product = Code-barres d'un produit
rule-kind-weighed = Article pesé
rule-kind-price_embedded = Article étiqueté au prix
rule-kind-member_card = Carte de membre
rule-kind-cashier_badge = Badge de caissier
field-rule-pattern = Motif de préfixe
field-rule-length = Longueur du code
rule-length-any = Toutes (8, 12 ou 13)
rule-length-digits = { $n } chiffres
field-rule-value-start = La valeur commence au chiffre
field-rule-value-len = Chiffres de la valeur
error-rule-pattern = Utilisez seulement des chiffres, . pour n'importe quel chiffre et des plages comme [1-9].
error-rule-length = Un code-barres a 8, 12 ou 13 chiffres.
error-rule-pattern-too-long = Le motif est aussi long que le code : laissez la place du chiffre de contrôle.
error-rule-value-field = La valeur doit avoir de 1 à 9 chiffres, après le motif et avant le chiffre de contrôle, dans un code de longueur fixe.
error-zero-quantity = Un ajustement de zéro ne change rien.
tills-title = Caisses
tills-hint = Les caisses de la coopérative ; en ajouter une.
tills-none = Aucune caisse pour l'instant.
field-till-name = Nom de la caisse
tills-session = Tiroir
tills-open-since = Ouvert depuis le { $date }
tills-closed = Fermé
tills-add-title = Ajouter une caisse
tills-add = Ajouter la caisse
tills-added = Caisse ajoutée.

## shifts gaps (catalogue helper, issue 3): template editing, sheets before their shift, the coordinator menu
error-shift-not-started = Ce shift n'a pas encore commencé : validez sa feuille une fois qu'il a débuté.
nav-menu = Menu
nav-register = Registre
nav-planning-group = Coordination
template-edit = Modifier ce créneau type
template-edit-hint = Ses créneaux à venir suivent : un jour qu'il garde, ils prennent les nouvelles heures, tâche et places avec leurs inscriptions ; un jour qu'il quitte, ils sont annulés, et ses créneaux de ses nouveaux jours sont planifiés avec ses titulaires.
template-edit-cancel = Annuler
template-remove-leader = Retirer
error-seats-below-booked = { $booked } personnes ont déjà une place ou se sont inscrites : gardez au moins autant de places.
error-invalid-characters = Contient des caractères qui ne peuvent pas être enregistrés (un NUL ou un autre caractère de contrôle).
error-too-many = Au plus { $max }.
error-too-much-cash = Plus d’argent qu’un tiroir-caisse ne peut en contenir : vérifiez le montant.
error-holiday-too-long = Un congé que vous demandez vous-même dure au plus { $max } jours ; demandez-en un plus long à la coordination.
## till screen (cashier)
nav-till = Caisse
error-supervisor-not-recognised = Superviseur non reconnu : e-mail ou mot de passe incorrect, ou compte qui ne peut pas passer outre (un·e responsable de créneau, un·e coordinateur·rice ou un·e admin le peut).
error-override-not-needed = Ce membre peut faire ses courses : rien à autoriser.
error-override-not-valid = Cette autorisation ne peut pas servir : redemandez-la au superviseur.
till-loading = Chargement du catalogue : { $count } produits…
till-open-title = Ouvrir une caisse
till-none = Aucune caisse n'est encore créée : un admin les ajoute.
till-session-open = Session ouverte : continuer
till-session-closed = Fermée : compter le fond de caisse
till-session-other = Session d'un autre caissier : un superviseur peut la fermer
till-float-title = Fond de caisse de { $till }
till-float-label = Comptez le fond de caisse par pièce et billet
till-count-total = Total compté :
till-count-bad = comptage invalide
till-open-submit = Ouvrir la session de caisse
till-scan-label = Scanner ou chercher
till-scan-placeholder = Scannez un produit ou une carte de membre, ou tapez un nom
till-catalogue-size = { $count } produits
till-search-none = Aucun produit ne correspond à « { $query } ».
till-found-hint = Flèches pour choisir, Entrée pour ajouter, Échap pour fermer.
till-bad-number = Tapez un nombre, par ex. 2*, 0,5* ou 10%.
till-bad-amount = Tapez un montant, par ex. 12,50.
till-badge = Un badge de caissier n'est pas un article.
till-unknown-code = Aucun produit n'a le code { $code }.
till-misread = Code { $code } mal lu : scannez à nouveau.
till-unknown-card = Carte de membre inconnue.
till-no-line = Scannez d'abord un produit.
till-discount-range = Une remise est comprise entre 0 et 100 %.
till-price-labelled = La quantité d'un article à prix étiqueté vient de son étiquette.
till-line-refused = Cette ligne ne peut pas être modifiée.
till-col-product = Produit
till-col-quantity = Quantité
till-col-price = Prix
till-col-total = Total
till-col-actions = Actions
till-empty = Scannez le premier produit.
till-keys-hint = Tapez 2* pour la quantité, 10% pour une remise sur la ligne choisie ; + et − la changent, Suppr l'enlève, ↑ ↓ choisissent une ligne.
till-line-discount = −{ $percent } % (−{ $amount })
till-line-deposit = consigne { $amount }
till-less = Un de moins
till-more = Un de plus
till-discount = Remise
till-remove = Enlever la ligne
till-items = Lignes
till-discounts = Remises
till-meal-voucher-eligible = Payable en chèques-repas
till-total = Total
till-key-member = Membre
till-key-search = Chercher
till-key-pay = Payer
till-key-return = Retour
till-key-cash = Entrée/sortie d'argent
till-key-report = Rapport / clôture
till-key-void = Annuler la vente
till-pay-empty = Scannez un produit avant de payer.
till-pay-member = Identifiez le membre avant de payer.
till-per-piece = pièce
till-per-kg = le kg
till-per-litre = le litre
till-discount-title = Remise sur la ligne
till-discount-label = Remise en pour cent
till-discount-hint = Au plus { $max } % pour vous.
till-discount-apply = Appliquer
till-cancel = Annuler
till-done = Terminé
till-member-none = Pas encore de membre
till-member-hint = Scannez sa carte ou appuyez sur F2.
till-member-number = Membre n° { $number }
till-may-shop = Peut faire ses courses
till-may-not-shop = Ne peut pas faire ses courses
till-overridden-by = Autorisé par { $name }
till-member-title = Membre
till-member-query = Carte, numéro de membre ou nom
till-member-find = Chercher
till-member-none-found = Aucun membre actuel ne correspond.
till-refused = { $name } ne peut pas faire ses courses ({ $status }).
till-override-title = Autorisation d'un superviseur
till-override-hint = Un·e responsable de service ou coordinateur·rice se connecte ici avec son propre mot de passe et dit pourquoi.
till-override-email = E-mail du superviseur
till-override-password = Mot de passe du superviseur
till-override-reason = Raison
till-override-submit = Autoriser ce membre
till-pay-title = Paiement
till-pay-card = Carte (montant pris par le terminal)
till-pay-vouchers = Chèques-repas électroniques
till-pay-cash = Espèces données
till-pay-rest = Le reste
till-pay-max = Le maximum
till-pay-exact = Exact
till-pay-cash-due = À payer en espèces :
till-pay-rounded-from = (arrondi à 5 cents depuis { $amount })
till-pay-change = À rendre :
till-pay-rounding = Arrondi espèces :
till-pay-missing = Reste à payer : { $amount }
till-pay-vouchers-above = Les chèques-repas paient au plus { $amount } ici.
till-pay-non-cash-over = Carte et chèques-repas paient { $amount } de trop : la monnaie se rend en espèces seulement.
till-pay-confirm = Confirmer le paiement
till-sale-recorded = Vente enregistrée
till-next-sale = Vente suivante
till-print = Imprimer
till-receipt-number = Ticket n° { $number }
till-receipt-overridden = Autorisé par un superviseur
till-receipt-discount = remise { $amount }
till-receipt-thanks = Merci, à bientôt à la coop !
till-tender-cash = Espèces
till-tender-card = Carte
till-tender-meal_voucher = Chèques-repas
till-vat-rate = TVA
till-vat-net = HTVA
till-vat-vat = Montant TVA
till-vat-gross = TVAC
till-return-title = Retour
till-return-number = Numéro ou code-barres du ticket
till-return-find = Trouver le ticket
till-return-bad-number = Tapez un numéro de ticket ou scannez son code-barres.
till-return-not-found = Aucun ticket n'a ce numéro.
till-return-sold = Vendu
till-return-quantity = Rendu
till-return-where = Destination
till-return-restock = Remis en rayon
till-return-loss-reason = Pourquoi il est jeté
till-return-refund = Remboursement
till-return-submit = Enregistrer le retour
till-return-nothing = Indiquez ce qui revient d'au moins une ligne.
till-return-done = Retour enregistré : rendez { $amount } ({ $tender }).
till-return-approval-title = Accord d'un superviseur
till-return-approval-submit = Accorder ce remboursement
till-cash-title = Entrée ou sortie d'argent
till-cash-out = Sortir de l'argent
till-cash-in = Mettre de l'argent
till-cash-amount = Montant
till-cash-reason = Raison
till-cash-submit = Enregistrer
till-cash-out-done = { $amount } sorti du tiroir.
till-cash-in-done = { $amount } mis dans le tiroir.
till-x-title = Rapport X
till-z-title = Rapport Z
till-report-opened = Ouverte le { $time }
till-report-closed = Fermée le { $time }
till-report-made = Établi le { $time }
till-close-session = Clôturer la session…
till-close-count = Comptez le tiroir par pièce et billet
till-close-submit = Clôturer la session
till-closed-title = Session clôturée
till-open-again = Ouvrir une caisse
till-report-sales = Ventes
till-report-returns = Retours
till-report-overrides = Autorisations
till-report-total = Total des ventes
till-report-cash = Espèces reçues
till-report-change = Monnaie rendue
till-report-card = Carte
till-report-vouchers = Chèques-repas
till-report-refunds-cash = Remboursements en espèces
till-report-refunds-card = Remboursements par carte
till-report-float = Fond de caisse
till-report-cash-moves = Entrées et sorties d'argent
till-report-expected = Espèces attendues dans le tiroir
till-report-counted = Espèces comptées
till-report-difference = Écart
mail-receipt-subject = Votre ticket n° { $number } de { $coop }
till-receipt-email = Envoyer le ticket par e-mail à…
till-receipt-send = Envoyer
till-receipt-mailed = Le ticket est envoyé.
# The till offline (till-device): the device's queue and copies
till-waiting =
    { $count ->
        [0] Rien en attente d'envoi
        [one] 1 vente en attente d'envoi
       *[other] { $count } ventes en attente d'envoi
    }
till-offline = Serveur injoignable : vente sur les copies de cette caisse
till-catalogue-age = Catalogue vérifié il y a { $minutes } min
till-catalogue-unchecked = Catalogue pas encore vérifié
till-statuses-age = Statuts des membres d'il y a { $minutes } min
till-statuses-none = Pas encore de statuts des membres sur cette caisse
till-kept-refused =
    { $count ->
        [one] 1 vente gardée refusée par le serveur
       *[other] { $count } ventes gardées refusées par le serveur
    }
till-sale-kept = Vente gardée sur cette caisse : elle sera envoyée au retour du serveur.
till-return-kept = Retour gardé sur cette caisse : il sera envoyé au retour du serveur.
till-member-kept = D'après les statuts des membres d'il y a { $minutes } min (serveur injoignable).
till-change = Monnaie rendue
till-rounding = Arrondi espèces

## the drawer report: refunds and their VAT
till-report-refunds-vouchers = Remboursements en chèques-repas
till-report-vat-sales = TVA sur les ventes
till-report-vat-refunds = TVA sur les remboursements (à déduire)

## stock: suppliers, cost prices and the coop's pricing (stock-suppliers)
stock-suppliers = Fournisseurs
stock-suppliers-hint = Qui vend quoi : les codes, conditionnements et prix d'achat de chaque fournisseur, et l'import de son tarif.
stock-pricing = Prix de vente
stock-pricing-hint = Les marges de la coopérative, et les prix qui diffèrent du prix d'achat plus marge plus TVA.
stock-back-to-suppliers = ← Fournisseurs
supplier-new = Nouveau fournisseur
suppliers-none = Aucun fournisseur pour l'instant.
supplier-terms = Commande minimum { $min } · livraison en { $days } jours
supplier-products =
    { $count ->
        [0] aucun produit
        [one] 1 produit
       *[other] { $count } produits
    }
field-supplier-name = Nom
field-supplier-contact = Contact (personne, téléphone)
field-order-email = Email pour les commandes
field-min-order = Commande minimum (€, HTVA)
field-lead-days = Délai de livraison (jours)
field-supplier-margin = Marge sur les produits de ce fournisseur (%)
supplier-margin-hint = Laisser vide pour la marge de la catégorie, ou celle de la coopérative. La marge propre d'un produit passe avant.
supplier-edit-title = Le fournisseur
supplier-created = Fournisseur ajouté. Ajoutez ses produits depuis leur page, ou importez son tarif ci-dessous.
supplier-products-title = Ses produits
supplier-no-products = Ce fournisseur ne vend encore aucun produit.
supplier-pack = { $quantity } pour { $cost }
supplier-preferred = Préféré
price-list-title = Importer son tarif
price-list-intro = Une ligne par produit : son code-barres (ou, pour un produit que ce fournisseur vend déjà, le code du fournisseur seul), le code du fournisseur, la taille du conditionnement dans l'unité du produit et le prix du conditionnement HTVA. Soit toutes les lignes sont prises, soit chaque ligne fautive est listée et rien ne l'est.
price-list-done = Tarif importé : { $created } ajouté(s), { $updated } mis à jour, { $unchanged } inchangé(s).
product-suppliers-title = Fournisseurs et prix d'achat
product-no-suppliers = Pas encore de fournisseur pour ce produit : il n'a pas de prix d'achat.
notice-supplier-line = Prix du fournisseur enregistré.
notice-supplier-preferred = Fournisseur préféré changé.
notice-supplier-removed = Fournisseur retiré de ce produit.
notice-margin = Marge enregistrée.
supplier-line-change = Modifier
supplier-make-preferred = Rendre préféré
supplier-line-remove = Retirer
supplier-line-title = Ajouter ou modifier le prix d'un fournisseur
supplier-choose = Choisir un fournisseur…
field-supplier = Fournisseur
field-supplier-code = Code du fournisseur
field-pack-size = Conditionnement
field-pack-cost = Prix du conditionnement (€, HTVA)
supplier-line-hint = Le premier fournisseur d'un produit est son fournisseur préféré : son prix d'achat donne le prix calculé.
supplier-line-save = Enregistrer le prix
product-margin-title = La marge de ce produit
field-product-margin = Marge (%)
product-margin-hint = Laisser vide pour la marge du fournisseur préféré, de la catégorie ou de la coopérative.
pricing-intro = Prix de vente = prix d'achat × (1 + marge) + TVA, arrondi au pas de la coopérative. La marge est celle du produit, sinon de son fournisseur préféré, sinon de sa catégorie, sinon de la coopérative.
pricing-applied =
    { $count ->
        [0] Aucun prix changé : ils étaient déjà les prix calculés.
        [one] 1 prix changé : les caisses le reçoivent à leur prochaine mise à jour.
       *[other] { $count } prix changés : les caisses les reçoivent à leur prochaine mise à jour.
    }
pricing-settings-saved = Les prix de la coopérative sont enregistrés.
pricing-category-saved = Marge de la catégorie enregistrée.
pricing-differences-title = Prix à mettre à jour
pricing-differences-count =
    { $count ->
        [0] Tous les prix sont les prix calculés.
        [one] Le prix d'1 produit diffère du prix calculé.
       *[other] Les prix de { $count } produits diffèrent des prix calculés.
    }
pricing-why = Achat { $cost } · marge { $margin } % ({ $source }) · TVA { $vat } % · { $supplier }
margin-from-product = produit
margin-from-supplier = fournisseur
margin-from-category = catégorie
margin-from-coop = coopérative
pricing-see-product = Produit et fournisseurs
pricing-apply-ticked = Appliquer les prix cochés
pricing-apply-all = Appliquer les { $count }
pricing-settings-title = Les prix de la coopérative
field-coop-margin = Marge de la coopérative (%)
field-price-step = Arrondir les prix à
pricing-settings-hint = La marge de tout produit qui n'a pas de marge propre, ni de son fournisseur, ni de sa catégorie.
pricing-categories-title = Marges par catégorie
pricing-categories-hint = En %. Laisser vide pour la marge de la coopérative.
## stock : étiquettes de rayon et rapports (tâche D)
product-label-title = Étiquette de rayon
field-origin = Origine
field-content = Contenu net d'une pièce
product-content-hint = Pour le prix au kg ou au litre : « 500 g », « 1,5 l », « 33 cl ». Laisser vide pour les produits vendus au poids.
field-organic = Bio
field-local = Local
labels-title = Étiquettes de rayon
labels-hint = Imprimer des étiquettes sur A4 : nouveaux prix, une catégorie ou les produits choisis.
labels-since-title = Nouveaux prix
labels-since = Prix changé depuis le
labels-since-print = Étiquettes des produits dont le prix a changé
labels-category-title = Toute une catégorie
labels-category-print = Étiquettes de cette catégorie
labels-pick-title = Produits choisis
labels-none-found = Aucun produit en vente ne correspond.
labels-pick-print = Étiquettes des produits cochés
labels-back = ← Étiquettes de rayon
labels-print-hint = Imprimez cette page avec votre navigateur (Ctrl+P ou Partager › Imprimer) sur du papier A4 ; seules les étiquettes sont imprimées.
labels-none = Aucune étiquette à imprimer : aucun produit en vente ne correspond.
labels-count =
    { $count ->
        [one] 1 étiquette
       *[other] { $count } étiquettes
    }
label-per-kg = / kg
label-per-l = / l
label-origin = Origine : { $origin }
label-organic = Bio
label-local = Local
reports-title = Rapports
reports-hint = Ventes, TVA, valeur du stock, pertes, rotations et présences aux créneaux, en tableaux et en CSV.
reports-back = ← Rapports
report-from = Du
report-to = Au
report-show = Afficher
report-csv = Télécharger le CSV
report-sales = Ventes par produit
report-sales-hint = Quantité, HTVA, TVA et TVAC de chaque produit sur la période.
report-categories = Ventes par catégorie
report-categories-hint = Les mêmes ventes, additionnées par catégorie et par taux de TVA.
report-vat = TVA par taux
report-vat-hint = Par mois et par jour : ventes moins remboursements, pour le comptable.
report-stock-value = Valeur du stock au prix d'achat
report-stock-value-hint = Ce que vaut le stock en magasin aux prix d'achat des fournisseurs.
report-losses = Pertes par motif
report-losses-hint = Périmé, abîmé, volé, consommation propre : quantités et valeur.
report-movers = Rotations lentes et rapides
report-movers-hint = Ce qui s'est le plus et le moins vendu, et le stock qui ne part pas.
report-staffing = Présences aux créneaux par semaine
report-staffing-hint = Créneaux, places, réservations et présences, semaine par semaine.
report-product = Produit
report-products = Produits
report-quantity = Quantité
report-net = HTVA
report-vat-amount = TVA
report-gross = TVAC
report-total = Total
report-total-rows =
    { $count ->
        [one] Total (1 ligne)
       *[other] Total ({ $count } lignes)
    }
report-sales-note = Marchandises après remises, consignes exclues, des ventes passées pendant la période ; les retours comptent le jour où ils ont lieu, dans le rapport de TVA.
report-refunds = Remboursé
report-vat-months = Par mois
report-vat-days = Par jour
report-month = Mois
report-stock-value-at = Stock à la fin du { $date }, aux prix d'achat d'aujourd'hui.
report-on-hand = En stock
report-value = Valeur
report-first-rows = Les { $count } premières lignes sont affichées ; le CSV les contient toutes.
report-without-cost =
    { $count ->
        [one] 1 produit sans prix d'achat (hors total)
       *[other] { $count } produits sans prix d'achat (hors total)
    }
report-no-reason = Sans motif
report-moves = Mouvements
report-losses-by-product = Par produit
report-unvalued =
    { $count ->
        [one] (1 mouvement sans valeur)
       *[other] ({ $count } mouvements sans valeur)
    }
report-sold = Vendu
report-fast = Rotations rapides
report-slow = Rotations lentes
report-week = Semaine du
report-shifts = Créneaux
report-booked = Réservées
report-attended = Présents
report-excused = Excusés
report-absent = Absents
## stock-orders: commandes fournisseurs, suggestions de réassort et réceptions
orders-title = Commandes fournisseurs
orders-hint = Les commandes par état, les réceptions en cours
orders-suggest = Suggestions de commande
orders-suggest-hint = Quoi commander à un fournisseur d'après les ventes récentes ; un geste crée le brouillon
orders-all = Toutes
orders-filter = Commandes par état
orders-none = Aucune commande ici pour l'instant.
order-state-draft = brouillon
order-state-sent = envoyée
order-state-partly_received = reçue en partie
order-state-received = reçue
order-state-cancelled = annulée
order-number = Commande n° { $number }
order-lines-count =
    { $count ->
        [one] 1 ligne
       *[other] { $count } lignes
    }
order-total = Total HTVA
order-sent-on = envoyée le { $date }
order-no-lines = Cette commande n'a aucune ligne.
order-print = Bon de commande imprimable
order-print-hint = Imprimez avec votre navigateur (A4).
order-line-packs = { $packs } × { $pack } à { $cost }
order-line-received = Reçu { $received } sur { $ordered }
order-line-change = Modifier
order-add-line = Ajouter un produit…
order-add-submit = Ajouter à la commande
order-no-email = Ce fournisseur n'a pas d'adresse de commande : ajoutez-en une avant d'envoyer.
order-send-to = La commande part par e-mail à { $email }.
order-send = Envoyer la commande
order-receive = Réceptionner la livraison
order-receive-resume = Reprendre la réception
order-cancel = Annuler la commande…
order-cancel-hint = Le fournisseur n'est pas prévenu : dites-le-lui si la commande était envoyée.
order-cancel-confirm = Annuler la commande
order-notice-drafted = Brouillon de commande créé : vérifiez les lignes, puis envoyez-le.
order-notice-line = Ligne de commande enregistrée.
order-notice-sent = Commande envoyée : l'e-mail est dans la boîte d'envoi.
order-notice-cancelled = Commande annulée.
order-col-code = Code
order-col-product = Produit
order-col-packs = Colis
order-col-pack = Colisage
order-col-cost = Prix du colis
order-col-total = Total
orders-field-supplier = Fournisseur
orders-field-product = Produit
orders-field-packs = Colis
field-window-days = Ventes des derniers (jours)
field-coverage-days = Stock à couvrir (jours)
reception-field-pack-cost = Prix du colis HTVA sur le bon de livraison
suggest-hint = Les ventes moyennes par jour sur la période, fois les jours à couvrir plus le délai du fournisseur, moins le stock en rayon et en commande, en colis entiers.
suggest-submit = Suggérer
suggest-terms = Livraison en { $lead } jours · commande minimum { $minimum }
suggest-nothing = Le stock couvre ces jours : rien à commander.
suggest-below-minimum = Sous le minimum de commande de ce fournisseur ({ $minimum }).
suggest-make-draft = Créer le brouillon de commande
suggest-covered =
    { $count ->
        [one] 1 produit couvert
       *[other] { $count } produits couverts
    }
suggest-packs = { $packs } × { $pack }
suggest-figures = vendu { $sold } · en stock { $on_hand } · en commande { $on_order }
receptions-open = Réceptions en cours
receptions-none-open = Aucune réception en cours.
reception-without-order = Réception sans commande
reception-of-order = Réception de la commande n° { $number }
reception-scanned-count =
    { $count ->
        [one] 1 ligne scannée
       *[other] { $count } lignes scannées
    }
reception-free-title = Une livraison sans commande
reception-free-start = Réceptionner sans commande
reception-back = Retour à la commande
reception-validated = validée
reception-notice-line = Ligne enregistrée : scannez l'article suivant.
reception-notice-validated = Réception validée : le stock et les prix d'achat sont à jour.
reception-lines = Lignes
reception-no-lines = Rien de scanné pour l'instant.
reception-scan = Scannez un article, ou tapez son nom
reception-scan-placeholder = Code-barres ou nom
reception-find = Chercher
reception-not-found = Aucun produit trouvé : scannez à nouveau ou tapez son nom.
reception-choose = Lequel ?
reception-expected = Attendu : { $quantity }
reception-not-on-order = Hors commande
reception-cost-changed = Le prix du colis a changé ?
reception-record = Enregistrer
reception-next = Article suivant
reception-as-ordered = Conforme
reception-short = Manque { $quantity }
reception-over = En trop : { $quantity }
reception-missing = Manquant
reception-new-cost = Nouveau prix du colis { $cost }
reception-validate = Valider la réception…
reception-validate-hint = { $count } lignes entrent en stock à leur prix d'achat, et les prix changés du fournisseur sont retenus ; { $missing } lignes de la commande ne sont pas arrivées. C'est définitif.
reception-validate-confirm = Valider la réception
mail-order-subject = Commande n° { $number } de { $coop }
mail-order-intro = Bonjour { $supplier }, voici la commande n° { $number } de { $coop } (code, produit, colis, prix du colis HTVA, total).
error-order-state-forbids = Impossible pour une commande { $state }.
error-nothing-to-order = Rien à commander.
error-no-order-email = Ce fournisseur n'a pas d'adresse de commande : ajoutez-en une avant d'envoyer.
error-reception-validated = Cette réception est déjà validée : rien de plus n'a été enregistré.
error-not-supplied = Ce fournisseur ne vend pas ce produit.
error-nothing-received = Rien n'a été reçu : scannez d'abord les articles.
## inventory counts (stock-counts): the counts, counting on a phone, camera scanning
counts-title = Inventaires
counts-hint = Compter un rayon, la réserve ou des catégories, à plusieurs en même temps.
counts-none = Aucun inventaire pour l'instant.
counts-back = ← Inventaires
counts-back-to-stock = ← Catalogue et stock
count-status-open = en cours
count-status-validated = validé
count-status-cancelled = annulé
count-every-category = tous les produits
count-opened-by = Ouvert par { $name } le { $date } · { $count ->
        [0] rien de compté
        [one] 1 produit compté
       *[other] { $count } produits comptés
    }
count-open-title = Ouvrir un inventaire
field-count-title = Titre
field-count-location = Emplacement (rayon, réserve…)
field-count-categories = Catégories
count-categories-hint = Cochez les catégories à compter, ou aucune pour compter tous les produits de l'emplacement.
count-open-submit = Ouvrir l'inventaire
count-closed-validated = Validé par { $name } le { $date }.
count-closed-cancelled = Annulé par { $name } le { $date }.
count-line-done = { $name } : { $counted } comptés en tout (attendu { $expected }).
count-validated = Inventaire validé : le stock est ajusté.
count-cancelled = Inventaire annulé : le stock n'a pas changé.
field-count-code = Code-barres
field-count-quantity = Quantité comptée
count-yours-so-far = Vous avez compté { $quantity } jusqu'ici : la quantité saisie la remplace.
count-quantity-hint = Votre propre compte pour ce produit (ceux des autres s'y ajoutent).
count-line-submit = Compter
count-other-product = Autre produit
count-code-hint = Scannez ou tapez le code. Avec une quantité, le produit est compté tout de suite ; sans, il est trouvé et sa quantité demandée.
count-search-placeholder = Ou cherchez un produit par son nom
count-search-none = Aucun produit de ce nom.
count-counted-title = { $count ->
        [one] 1 produit compté
       *[other] { $count } produits comptés
    }, { $differ } avec un écart
count-refresh = Actualiser
count-nothing-yet = Rien de compté pour l'instant.
count-counted-expected = { $counted } comptés, { $expected } attendus
count-not-counted = { $count ->
        [one] 1 produit pas encore compté
       *[other] { $count } produits pas encore comptés
    }
count-not-counted-more = …et { $count } de plus.
count-not-counted-hint = Un produit que personne ne compte garde son stock : comptez-le à 0 s'il n'en reste plus.
count-validate = Valider l'inventaire…
count-validate-explain = Chaque produit compté dont le compte diffère de la quantité attendue reçoit un ajustement d'inventaire, valorisé au coût du jour. L'inventaire ne prend ensuite plus de lignes.
count-validate-confirm = Valider et ajuster le stock
count-cancel = Annuler l'inventaire…
count-cancel-explain = Rien n'est ajusté ; les lignes restent comme trace.
count-cancel-confirm = Annuler l'inventaire
scan-camera = 📷 Caméra
scan-close = Fermer
scan-aim = Visez le code-barres, à 10 ou 20 cm.
scan-failed = La caméra n'est pas utilisable : tapez le code.
error-count-not-open = Cet inventaire est validé ou annulé : il n'accepte plus de changement.
error-not-in-count = Ce produit n'est dans aucune des catégories de l'inventaire.
