import CivicSDK

/// `{root}/`: the tenant's name, a card per enabled module, a few headline figures (the full set is
/// on the dashboard), its instances (for a commune), and for its administrators a setup checklist
/// until the site is running.
struct HomePage: PageModel {
    static let template = "home"
    static let fields = TemplateFields<Self>([
        "name": \.name, "cards": \.cards, "hasCards": \.hasCards, "figures": \.figures, "hasFigures": \.hasFigures,
        "instances": \.instances, "hasInstances": \.hasInstances, "dashboardHref": \.dashboardHref, "setup": \.setup,
    ])

    struct Card: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "text": \.text, "items": \.items, "link": \.link])
        let title: String, text: String, items: [LinkView], link: LinkView?
    }

    struct Figure: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "value": \.value, "unit": \.unit])
        let label: String, value: String, unit: String
    }

    struct Instance: TemplateModel {
        static let fields = TemplateFields<Self>(["name": \.name, "href": \.href])
        let name: String, href: String
    }

    /// The administrators' checklist while the site is not running yet.
    struct Setup: TemplateModel {
        static let fields = TemplateFields<Self>(["steps": \.steps])
        struct Step: TemplateModel {
            static let fields = TemplateFields<Self>(["label": \.label, "href": \.href, "done": \.done])
            let label: String, href: String, done: Bool
        }
        let steps: [Step]
    }

    let name: String, cards: [Card], figures: [Figure], instances: [Instance], dashboardHref: String
    var setup: Setup?

    var hasCards: Bool { !cards.isEmpty }
    var hasFigures: Bool { !figures.isEmpty }
    var hasInstances: Bool { !instances.isEmpty }
    var cachePolicy: CachePolicy { setup == nil ? .shared : .perVisitor }
}
