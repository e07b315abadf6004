import ChansiteCore
import Foundation

extension ExportJSON {
    /// A to-do list (`todo_list`): its title and items (`answers`, each with an id the
    /// `todo_completions` service messages name).
    struct TodoList: Decodable, Equatable {
        struct Item: Decodable, Equatable {
            var text: Text?
            var id: Flexible?
        }
        var title: Text?
        var answers: [Item]?
    }

    /// `giveaway_information`: a giveaway the channel launched.
    struct Giveaway: Decodable, Equatable {
        var quantity: Flexible?
        var months: Flexible?
        var untilDate: String?
        var channels: [Flexible]?
        var countries: [String]?
        var additionalPrize: String?
        var stars: Flexible?
        var isOnlyNewSubscribers: Bool?
        enum CodingKeys: String, CodingKey {
            case quantity, months, channels, countries, stars
            case untilDate = "until_date"
            case additionalPrize = "additional_prize"
            case isOnlyNewSubscribers = "is_only_new_subscribers"
        }
    }

    /// `giveaway_results`: how a giveaway ended. Its `winners` are user ids: never read.
    struct GiveawayResults: Decodable, Equatable {
        var launchMessageID: Flexible?
        var winnersCount: Flexible?
        var unclaimedCount: Flexible?
        var additionalPrize: String?
        var months: Flexible?
        var stars: Flexible?
        var isRefunded: Bool?
        enum CodingKeys: String, CodingKey {
            case months, stars
            case launchMessageID = "launch_message_id"
            case winnersCount = "winners_count"
            case unclaimedCount = "unclaimed_count"
            case additionalPrize = "additional_prize"
            case isRefunded = "is_refunded"
        }
    }

    /// A number that some service messages write as a flag instead (`stars` is a count in a
    /// star gift and `true`/`false` in a giveaway's results): the number, or nil for a flag.
    struct NumberOrFlag: Decodable {
        var number: String?
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            // try?: a type probe; a flag is no number.
            if (try? c.decode(Bool.self)) != nil {
                number = nil
            } else {
                number = try c.decode(Flexible.self).text
            }
        }
    }

    /// Integers of a list (`completed`, `incompleted`), each range-checked; others dropped.
    static func integers(_ values: [Flexible]?, in range: ClosedRange<Int>) -> [Int] {
        (values ?? []).compactMap { integer($0.text, in: range) }
    }
}
