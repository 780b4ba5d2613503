import CivicSDK

/// The host's page models, each checked against its template when the host starts.
enum HostPages {
    static let all: [any PageModel.Type] = [HomePage.self, LoginPage.self, RegisterPage.self, AccountPage.self, ConsoleHomePage.self,
                                           ModulesConsolePage.self, UsersConsolePage.self, SettingsConsolePage.self, TokensConsolePage.self, ErrorPage.self,
                                           FeedbackSubjectPage.self, FeedbackEntryPage.self, FeedbackQueuePage.self, OfflineFeedbackPage.self,
                                           FeedbackStatsPage.self, DashboardPage.self, SearchPage.self]
}
