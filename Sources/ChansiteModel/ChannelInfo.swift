/// What a dump says about its channel. Every field is optional: formats show different parts.
package struct ChannelInfo: Sendable, Hashable, Codable {
    /// The display name (`DLStories`).
    package var title: String?
    /// The public handle without `@` (`dl_stories`).
    package var handle: String?
    /// Subscribers as written (`9.25K`, `14835`).
    package var subscribers: String?
    /// The channel's description, paragraphs separated by blank lines.
    package var description: String?
    /// The channel's numeric id, when an export names it (bare, without `-100`).
    package var channelID: String?
    /// The channel's picture: the photo of the export's last "channel photo changed" message.
    package var avatar: MediaFile?

    package init(
        title: String? = nil, handle: String? = nil, subscribers: String? = nil, description: String? = nil, channelID: String? = nil,
        avatar: MediaFile? = nil
    ) {
        self.avatar = avatar
        self.title = title
        self.handle = handle
        self.subscribers = subscribers
        self.description = description
        self.channelID = channelID
    }

    /// Fills the fields this one lacks from another dump of the same channel.
    package func merged(with other: ChannelInfo) -> ChannelInfo {
        ChannelInfo(
            title: title ?? other.title,
            handle: handle ?? other.handle,
            subscribers: subscribers ?? other.subscribers,
            description: description ?? other.description,
            channelID: channelID ?? other.channelID,
            avatar: avatar ?? other.avatar
        )
    }
}
