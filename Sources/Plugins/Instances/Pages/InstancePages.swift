import CivicSDK

/// `{root}/instances` of an instance: its profile, current members, next meetings and latest opinions.
struct InstanceOverviewPage: PageModel {
    static let template = "overview"
    static let fields = TemplateFields<Self>(["name": \.name, "profile": \.profile, "members": \.members, "hasMembers": \.hasMembers,
                                              "meetings": \.meetings, "hasMeetings": \.hasMeetings, "opinions": \.opinions,
                                              "hasOpinions": \.hasOpinions, "links": \.links, "follow": \.follow])

    struct Profile: TemplateModel {
        static let fields = TemplateFields<Self>(["legalBasis": \.legalBasis, "mission": \.mission, "composition": \.composition,
                                                  "mandate": \.mandate, "contact": \.contact])
        let legalBasis: String, mission: String, composition: String, mandate: TimeSpan?, contact: String
    }

    struct Links: TemplateModel {
        static let fields = TemplateFields<Self>(["members": \.members, "meetings": \.meetings, "opinions": \.opinions, "ics": \.ics,
                                                  "atom": \.atom, "api": \.api])
        let members: String, meetings: String, opinions: String, ics: String, atom: String, api: String

        init(_ context: CivicContext) {
            members = InstanceRoute.members.href(context)
            meetings = InstanceRoute.meetings.href(context)
            opinions = InstanceRoute.opinions.href(context)
            ics = InstanceRoute.calendar.href(context)
            atom = InstanceRoute.feed.href(context)
            api = InstanceRoute.api.href(context)
        }
    }

    let name: String, profile: Profile?, members: [MemberView], meetings: [MeetingView], opinions: [OpinionView], links: Links, editor: Bool
    /// The follow button for the instance (HTML from the host).
    let follow: String
    var hasMembers: Bool { !members.isEmpty }
    var hasMeetings: Bool { !meetings.isEmpty }
    var hasOpinions: Bool { !opinions.isEmpty }
}

/// `{root}/instances` of a commune: its instances, from what each publishes.
struct CommuneInstancesPage: PageModel {
    static let template = "commune"
    static let fields = TemplateFields<Self>(["instances": \.instances, "hasInstances": \.hasInstances])

    struct Row: TemplateModel {
        static let fields = TemplateFields<Self>(["name": \.name, "href": \.href, "mandate": \.mandate, "members": \.members,
                                                  "opinions": \.opinions, "lastActivity": \.lastActivity, "nextMeeting": \.nextMeeting])
        let name: String, href: String, mandate: TimeSpan?, members: String, opinions: String, lastActivity: TimeText?, nextMeeting: TimeText?
    }

    let instances: [Row]
    var hasInstances: Bool { !instances.isEmpty }
}

/// `{root}/instances/members`: current and past members.
struct MembersPage: PageModel {
    static let template = "members"
    static let fields = TemplateFields<Self>(["current": \.current, "hasCurrent": \.hasCurrent, "past": \.past, "hasPast": \.hasPast,
                                              "csv": \.csv, "back": \.back])
    let current: [MemberView], past: [MemberView], csv: String, back: String, editor: Bool
    var hasCurrent: Bool { !current.isEmpty }
    var hasPast: Bool { !past.isEmpty }
}

/// `{root}/instances/meetings`: upcoming and past meetings, with the calendar feed.
struct MeetingsPage: PageModel {
    static let template = "meetings"
    static let fields = TemplateFields<Self>(["upcoming": \.upcoming, "hasUpcoming": \.hasUpcoming, "past": \.past, "hasPast": \.hasPast,
                                              "ics": \.ics, "csv": \.csv, "back": \.back])
    let upcoming: [MeetingView], past: [MeetingView], ics: String, csv: String, back: String, editor: Bool
    var hasUpcoming: Bool { !upcoming.isEmpty }
    var hasPast: Bool { !past.isEmpty }
}

/// `{root}/instances/meetings/{id}`: one meeting, its agenda and minutes.
struct MeetingPage: PageModel {
    static let template = "meeting"
    static let fields = TemplateFields<Self>(["meeting": \.meeting, "back": \.back, "canEdit": \.canEdit])
    let meeting: MeetingView, back: String, canEdit: Bool
}

/// `{root}/instances/opinions`: every opinion with the commune's follow-up.
struct OpinionsPage: PageModel {
    static let template = "opinions"
    static let fields = TemplateFields<Self>(["opinions": \.opinions, "hasOpinions": \.hasOpinions, "csv": \.csv, "back": \.back])
    let opinions: [OpinionView], csv: String, back: String, editor: Bool
    var hasOpinions: Bool { !opinions.isEmpty }
}

/// `{root}/instances/opinions/{id}`: one opinion, its follow-up and comments.
struct OpinionPage: PageModel {
    static let template = "opinion"
    static let fields = TemplateFields<Self>(["opinion": \.opinion, "back": \.back, "canEdit": \.canEdit, "feedback": \.feedback])
    let opinion: OpinionView, back: String, canEdit: Bool, feedback: String
}
