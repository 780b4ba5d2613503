import CivicSDK

/// The host's page models, each checked against its template when the host starts.
enum HostPages {
    static let all: [any PageModel.Type] = [HomePage.self, LoginPage.self, RegisterPage.self, AccountPage.self, ConsoleHomePage.self,
                                           ModulesConsolePage.self, UsersConsolePage.self, SettingsConsolePage.self, TokensConsolePage.self, ErrorPage.self,
                                           FeedbackSubjectPage.self, FeedbackEntryPage.self, FeedbackQueuePage.self, OfflineFeedbackPage.self,
                                           FeedbackStatsPage.self, DashboardPage.self, SearchPage.self, PasswordForgotPage.self, PasswordResetPage.self,
                                           LinkGonePage.self, MailLogPage.self, UnsubscribePage.self, PrivacyPage.self, DeleteAccountPage.self,
                                           PortalPage.self, PlatformConsolePage.self, PlatformTenantPage.self, PlatformAdminsPage.self]

    /// Templates rendered alone (fragments and the layout), with their models, checked at start-up too.
    static let fragments: [(template: String, model: any TemplateModel.Type)] = [
        ("layout", LayoutView.self), ("atom", AtomFeed.self), ("feedback-thread", FeedbackThreadView.self),
        ("follow-button", FollowButtonView.self),
    ]
}
