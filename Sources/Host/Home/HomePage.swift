import CivicSDK

/// `{root}/`: the tenant's name, a card per enabled module, its figures and (for a commune) its instances.
struct HomePage: PageModel {
    static let template = "home"
    static let fields = TemplateFields<Self>([
        "name": \.name, "cards": \.cards, "hasCards": \.hasCards, "figures": \.figures, "hasFigures": \.hasFigures,
        "instances": \.instances, "hasInstances": \.hasInstances,
    ])

    struct Card: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "text": \.text, "items": \.items, "link": \.link])
        let title: String
        let text: String
        let items: [Link]
        let link: Link?
    }

    struct Link: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "href": \.href])
        let label: String
        let href: String
    }

    struct Figure: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "value": \.value, "unit": \.unit])
        let label: String
        let value: String
        let unit: String
    }

    struct Instance: TemplateModel {
        static let fields = TemplateFields<Self>(["name": \.name, "href": \.href])
        let name: String
        let href: String
    }

    let name: String
    let cards: [Card]
    let figures: [Figure]
    let instances: [Instance]

    var hasCards: Bool { !cards.isEmpty }
    var hasFigures: Bool { !figures.isEmpty }
    var hasInstances: Bool { !instances.isEmpty }
}
