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

    let name: String, cards: [Card], figures: [Figure], instances: [Instance]

    var hasCards: Bool { !cards.isEmpty }
    var hasFigures: Bool { !figures.isEmpty }
    var hasInstances: Bool { !instances.isEmpty }
}
