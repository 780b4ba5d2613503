import CivicSDK

/// Every address of the `instances` module, written once.
enum InstanceRoute: TenantRoute {
    case overview, members, meetings, meeting(Int64), opinions, opinion(Int64), membersCSV, meetingsCSV, opinionsCSV, calendar, feed, api
    case console, consoleList(String), new(String), member(Int64?), meetingForm(Int64?), opinionForm(Int64?), followUp(Int64)

    var path: String {
        switch self {
        case .overview: "/instances"
        case .members: "/instances/members"
        case .meetings: "/instances/meetings"
        case .meeting(let id): "/instances/meetings/\(id)"
        case .opinions: "/instances/opinions"
        case .opinion(let id): "/instances/opinions/\(id)"
        case .membersCSV: "/instances/members.csv"
        case .meetingsCSV: "/instances/meetings.csv"
        case .opinionsCSV: "/instances/opinions.csv"
        case .calendar: "/instances/meetings.ics"
        case .feed: "/instances/feed.atom"
        case .api: "/api/v1/instances"
        case .console: "/admin/instances"
        case .consoleList(let kind): "/admin/instances/\(kind)"
        case .new(let kind): "/admin/instances/\(kind)/new"
        case .member(let id): "/admin/instances/members/\(id.map(String.init) ?? "new")"
        case .meetingForm(let id): "/admin/instances/meetings/\(id.map(String.init) ?? "new")"
        case .opinionForm(let id): "/admin/instances/opinions/\(id.map(String.init) ?? "new")"
        case .followUp(let id): "/admin/instances/opinions/\(id)/follow-up"
        }
    }
}
