/// A comment (an opinion on the item) or a suggestion (a proposal staff must answer).
enum FeedbackKind: String, CaseIterable, Sendable {
    case comment, suggestion
}

/// How the input reached the commune: online, or entered by staff on a citizen's behalf.
enum FeedbackChannel: String, CaseIterable, Sendable {
    case online, hearing, paper, email, phone
}

/// What staff decided about a suggestion; always given with a public reason.
enum FeedbackOutcome: String, CaseIterable, Sendable {
    case adopted
    case partlyAdopted = "partly_adopted"
    case notAdopted = "not_adopted"
    case alreadyPlanned = "already_planned"
    case outOfScope = "out_of_scope"
}
