import CivicSDK
import Foundation
import Testing

/// Dates as people write them, in the tenant's zone: never an ISO date on a page.
@Suite struct DateTextTests {
    let morocco = TenantFormats.moroccan
    func dates(_ locale: String, _ formats: TenantFormats = .moroccan) -> DateText { DateText(locale: locale, formats: formats) }
    func instant(_ iso: String) -> Date { try! Date(iso, strategy: .iso8601) }

    @Test func daysInEachLanguage() {
        #expect(dates("fr").day("2026-12-21").text == "21 décembre 2026")
        #expect(dates("fr").day("2026-12-01").text == "1er décembre 2026", "French writes the first of the month as an ordinal")
        #expect(dates("ar").day("2026-12-21").text == "21 دجنبر 2026", "Moroccan month names")
        #expect(dates("ar").day("2026-08-05").text == "5 غشت 2026")
        #expect(dates("en").day("2026-12-21").text == "21 December 2026")
        #expect(dates("fr").day("2026-12-21").datetime == "2026-12-21")
        #expect(dates("fr").day("not a date").text == "not a date", "what is no date is shown as stored")
    }

    @Test func arabicMonthNamesAndDigitsAreTheTenantsChoice() {
        var mashriq = morocco
        mashriq.arabicMonths = .mashriq
        #expect(dates("ar", mashriq).day("2026-12-21").text.contains("ديسمبر"))
        var eastern = morocco
        eastern.digits = .eastern
        #expect(dates("ar", eastern).day("2026-12-21").text == "٢١ دجنبر ٢٠٢٦")
        #expect(dates("fr", eastern).day("2026-12-21").text == "21 décembre 2026", "French pages keep Western digits")
    }

    @Test func instantsAreShownInTheTenantsZone() {
        // 23:30 UTC on 31 December is already 1 January in Casablanca (UTC+1)
        let late = instant("2026-12-31T23:30:00Z")
        #expect(dates("fr").day(late).text == "1er janvier 2027")
        #expect(dates("fr").dateTime(late).text == "1er janvier 2027 à 00:30")
        #expect(dates("fr").dateTime(late).datetime == "2027-01-01T00:30:00+01:00")
        #expect(dates("ar").dateTime(late).text == "1 يناير 2027 00:30")
        #expect(dates("en").dateTime(late).text == "1 January 2027 at 00:30")
        var utc = morocco
        utc.timeZone = "UTC"
        #expect(dates("fr", utc).day(late).text == "31 décembre 2026")
    }

    @Test func formsReadWallClockTimesInTheTenantsZone() throws {
        let june = try #require(dates("fr").instant(local: "2031-06-01T09:30"))
        #expect(june == instant("2031-06-01T08:30:00Z"), "Casablanca is UTC+1 outside Ramadan")
        #expect(dates("fr").localInput(june) == "2031-06-01T09:30", "and the form shows it back as typed")
        #expect(dates("fr").instant(local: "2031-06-01 09:30") == june, "a space instead of the T")
        for wrong in ["2031-02-30T10:00", "2031-06-01T24:00", "2031-06-01T10:60", "2031-06-01", "demain", ""] {
            #expect(dates("fr").instant(local: wrong) == nil, "\(wrong)")
        }
        var paris = morocco
        paris.timeZone = "Europe/Paris"
        #expect(dates("fr", paris).instant(local: "2031-06-01T09:30") == instant("2031-06-01T07:30:00Z"), "summer time")
    }

    @Test func monthsSpansAndYearlyDays() {
        #expect(dates("fr").month("2023-06").text == "juin 2023")
        #expect(dates("ar").month("2023-06").text == "يونيو 2023")
        #expect(dates("en").month("2023-06").datetime == "2023-06")
        let mandate = dates("fr").span("2021-10-01", nil)
        #expect(mandate.from.text == "1er octobre 2021" && mandate.to == nil)
        #expect(dates("fr").dayOfYear(month: 3, day: 31) == "31 mars")
        #expect(dates("ar").dayOfYear(month: 3, day: 31) == "31 مارس")
    }

    @Test func todayIsTheTenantsDay() {
        var kiritimati = morocco
        kiritimati.timeZone = "Pacific/Kiritimati"
        var samoa = morocco
        samoa.timeZone = "Pacific/Pago_Pago"
        // 25 hours apart: never the same day
        #expect(dates("fr", kiritimati).today != dates("fr", samoa).today)
    }

    @Test func storedConventionsReadBackAndUnknownOnesFallBackToMorocco() {
        var formats = morocco
        formats.timeZone = "Europe/Paris"
        formats.digits = .eastern
        #expect(TenantFormats(json: formats.json) == formats)
        #expect(TenantFormats(json: "{}") == .moroccan)
        #expect(TenantFormats(json: #"{"time_zone":"Mars/Olympus","digits":"roman"}"#) == .moroccan)
    }
}
