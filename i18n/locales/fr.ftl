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

    Votre compteur de créneaux est à { $balance } et l’échéance est passée : vous ne pouvez plus faire vos courses tant que vous n’avez pas réservé { $shifts } créneau(x) de rattrapage.

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
myshifts-offer = Proposer en échange
myshifts-keep = Le garder
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
