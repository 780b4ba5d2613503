import CivicSDK

/// `/`: every commune with its instances.
struct PortalPage: PageModel {
    static let template = "portal"
    static let fields = TemplateFields<Self>(["communes": \.communes, "empty": \.empty])

    struct Commune: TemplateModel {
        static let fields = TemplateFields<Self>(["name": \.name, "href": \.href, "instances": \.instances])
        let name: String, href: String, instances: [LabelledName]
    }

    struct LabelledName: TemplateModel {
        static let fields = TemplateFields<Self>(["name": \.name, "href": \.href])
        let name: String, href: String
    }

    let communes: [Commune]
    var empty: Bool { communes.isEmpty }
}

/// `/admin`: every tenant, and the form to create one (with what was typed when it was refused).
struct PlatformConsolePage: PageModel {
    static let template = "platform-console"
    static let fields = TemplateFields<Self>(["tenants": \.tenants, "communes": \.communes, "errors": \.errors, "hasErrors": \.hasErrors,
                                              "form": \.form, "isInstance": \.isInstance])

    struct Row: TemplateModel {
        static let fields = TemplateFields<Self>(["slug": \.slug, "name": \.name, "href": \.href, "kind": \.kind, "parent": \.parent,
                                                  "hosts": \.hosts, "siteHref": \.siteHref, "modules": \.modules])
        /// `href`: the tenant's page in this console; `nil` for a tenant another host of the cluster serves.
        let slug: String, name: String, href: String?, kind: String, parent: String, hosts: String, siteHref: String, modules: String
    }

    struct Parent: TemplateModel {
        static let fields = TemplateFields<Self>(["slug": \.slug, "selected": \.selected])
        let slug: String, selected: Bool
    }

    /// What was typed in the form, shown again when it was refused.
    struct Typed: TemplateModel {
        static let fields = TemplateFields<Self>(["slug": \.slug, "name_fr": \.nameFr, "name_ar": \.nameAr, "name_en": \.nameEn, "hosts": \.hosts])
        var slug = "", nameFr = "", nameAr = "", nameEn = "", hosts = "", kind = "", parent = ""
    }

    let tenants: [Row], communes: [Parent], errors: [String], form: Typed
    var hasErrors: Bool { !errors.isEmpty }
    var isInstance: Bool { form.kind == "instance" }
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `/admin/tenants/{slug}`: one tenant and the modules it may use.
struct PlatformTenantPage: PageModel {
    static let template = "platform-tenant"
    static let fields = TemplateFields<Self>(["slug": \.slug, "name": \.name, "kind": \.kind, "siteHref": \.siteHref, "locales": \.locales,
                                              "hosts": \.hosts, "modules": \.modules, "action": \.action, "admins": \.admins,
                                              "hasAdmins": \.hasAdmins, "adminAction": \.adminAction, "newAdmin": \.newAdmin,
                                              "errors": \.errors, "hasErrors": \.hasErrors, "minLength": \.minLength])

    /// What was typed in the new-administrator form.
    struct NewAdmin: TemplateModel {
        static let fields = TemplateFields<Self>(["email": \.email, "name": \.name])
        var email = "", name = ""
    }

    struct Module: TemplateModel {
        static let fields = TemplateFields<Self>(["id": \.id, "title": \.title, "summary": \.summary, "allowed": \.allowed, "enabled": \.enabled])
        let id: String, title: String, summary: String, allowed: Bool, enabled: Bool
    }

    let slug: String, name: String, kind: String, siteHref: String, locales: String, hosts: String, modules: [Module], action: String
    /// E-mails of the tenant's administrators.
    let admins: [String], adminAction: String, newAdmin: NewAdmin, errors: [String], minLength: Int
    var hasAdmins: Bool { !admins.isEmpty }
    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `/admin/admins`: the platform admins, and adding one.
struct PlatformAdminsPage: PageModel {
    static let template = "platform-admins"
    static let fields = TemplateFields<Self>(["admins": \.admins, "email": \.email, "errors": \.errors, "hasErrors": \.hasErrors,
                                              "minLength": \.minLength])

    struct Admin: TemplateModel {
        static let fields = TemplateFields<Self>(["email": \.email, "since": \.since])
        let email: String, since: TimeText
    }

    let admins: [Admin], email: String, errors: [String], minLength: Int
    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}
