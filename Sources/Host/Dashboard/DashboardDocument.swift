import CivicSDK

/// `GET {root}/api/v1/dashboard`: every figure with its monthly history, and a commune's instances' figures.
struct DashboardDocument: Encodable {
    struct Figure: Encodable {
        let id: String, title: [String: String], unit: [String: String], value: Double
        /// The monthly history (the tenant's own figures only).
        let series: [Point]?

        init(_ indicator: Indicator, series: [Point]?) {
            id = indicator.id
            title = indicator.title.values
            unit = indicator.unit.values
            value = indicator.value
            self.series = series
        }
    }

    struct Point: Encodable {
        let month: String, value: Double
    }

    struct Instance: Encodable {
        let slug: String, figures: [Figure]
    }

    let tenant: String, figures: [Figure], instances: [Instance]
}
