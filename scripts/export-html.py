#!/usr/bin/env python3
"""Writes a Telegram Desktop export's HTML form from its JSON form, as the client writes it
(Telegram/SourceFiles/export/output/export_output_html.cpp; docs/formats-html.md): the pages
`messages.html`, `messages2.html`, … with the client's markup, indentation, escaping, joined
messages, date separators, cross-page reply links and its quirks. The tests' HTML fixtures and
the HTML benchmark exports are made with it, so HTML and JSON of one export can be compared.

Usage: scripts/export-html.py RESULT_JSON OUT_FOLDER [--per-file N] [--offset +03:00|none]
                              [--old-reactions] [--unclosed-buttons]
Media files are not copied: the pages name them by the JSON's relative paths."""
import argparse, datetime, html, json, os

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def number_list(values):
    """The client's list of to-do item ids: "1, 2 and 3"."""
    items = [str(v) for v in values]
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


def price(message):
    """A suggested post's price as the client writes it: "250 stars", "1.5 TON"."""
    whole, nano = message.get("price_amount_whole"), int(message.get("price_amount_nano") or 0)
    if whole is None:
        return None
    value = int(whole) + nano / 1e9
    return "%g %s" % (value, "TON" if message.get("price_currency") == "TON" else "stars")


def todo_completions(writer, m, actor, index):
    done, undone = m.get("completed") or [], m.get("incompleted") or []
    # The completions reply to their list; the sentence links it.
    target = m.get("reply_to_message_id")
    link = writer.link(target, index, "this todo list") if target else "this todo list"
    if undone and not done:
        return "%s marked %s as not done yet in %s." % (actor, number_list(undone), link)
    if done and not undone:
        return "%s marked %s as done in %s." % (actor, number_list(done), link)
    return "%s marked %s as done and %s as not done yet in %s." % (actor, number_list(done), number_list(undone), link)


def giveaway_results(writer, m, actor, index):
    winners, unclaimed = m.get("winners") or 0, m.get("unclaimed") or 0
    prize = "their prize." if m.get("stars") else "private messages with giftcodes."
    if not winners:
        return "No winners of the giveaway could be selected."
    if unclaimed:
        return "Some winners of the giveaway were randomly selected by Telegram and received " + prize
    return "%d of the giveaway was randomly selected by Telegram and received %s" % (winners, prize)


def suggested_post(writer, m, actor, index):
    text = actor + (" rejected " if m.get("rejected") else " approved ") + "your suggested post"
    if price(m):
        text += ", for " + price(m)
    return text + "."


# Telegram Desktop's English service sentences (export_output_html.cpp, serviceText), for the
# actions chansite reads from an HTML export.
SERVICE_TEXTS = {
    "boost_apply": lambda w, m, actor, i: "%s boosted the group %d time%s" % (actor, m.get("boosts", 1), "s" if m.get("boosts", 1) > 1 else ""),
    "send_star_gift": lambda w, m, actor, i: "%s sent you a gift of %d Telegram Stars." % (actor, m.get("stars", 0)),
    "giveaway_launch": lambda w, m, actor, i: actor + " just started a giveaway of Telegram Premium subscriptions to its followers.",
    "giveaway_results": giveaway_results,
    "process_suggested_post": suggested_post,
    "suggested_post_success": lambda w, m, actor, i: "The paid post was shown for 24 hours and %s were transferred to the channel." % price(m),
    "suggested_post_refund": lambda w, m, actor, i: ("The user refunded the payment, post was deleted." if m.get("user_initiated")
                                                     else "The admin deleted the post early, the payment was refunded."),
    "paid_messages_price_change": lambda w, m, actor, i: ("Price per direct message changed to %d Telegram Stars." % m.get("price_stars", 0)
                                                          if m.get("is_broadcast_messages_allowed", True) else "Direct messages were disabled."),
    "todo_completions": todo_completions,
    "todo_append_tasks": lambda w, m, actor, i: "%s added tasks: %s" % (
        actor, ", ".join("&quot;%s&quot;" % serialize(text_of(item.get("text"))) for item in m.get("items", []))),
}


def text_of(value):
    return value if isinstance(value, str) else "".join(p if isinstance(p, str) else p.get("text", "") for p in value or [])


def serialize(text):
    """SerializeString: line breaks become <br>, the five specials entities, controls &#xHH;."""
    out = []
    for ch in text:
        if ch in "\n\u2028\u2029":
            out.append("<br>")
        elif ch == '"':
            out.append("&quot;")
        elif ch == "&":
            out.append("&amp;")
        elif ch == "'":
            out.append("&apos;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ord(ch) < 0x20:
            out.append("&#x%02X;" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def parts_of(message):
    text = message.get("text_entities")
    if text is None:
        text = message.get("text", "")
    if isinstance(text, str):
        return [{"type": "plain", "text": text}] if text else []
    return [p if isinstance(p, dict) else {"type": "plain", "text": p} for p in text]


def entity(part):
    t, text = part.get("type", "plain"), serialize(part.get("text", ""))
    simple = {"bold": "strong", "italic": "em", "underline": "u", "strikethrough": "s", "code": "code", "pre": "pre",
              "blockquote": "blockquote"}
    if t in simple:
        return "<%s>%s</%s>" % (simple[t], text, simple[t])
    if t == "spoiler":
        return '<span class="spoiler hidden" onclick="ShowSpoiler(this)"><span aria-hidden="true">%s</span></span>' % text
    if t == "link":
        return '<a href="%s">%s</a>' % (text, text)
    if t == "text_link":
        return '<a href="%s">%s</a>' % (serialize(part.get("href", "")), text)
    if t == "mention":
        return '<a href="https://t.me/%s">%s</a>' % (serialize(part.get("text", "")[1:]), text)
    if t == "mention_name":
        return '<a href="" onclick="return ShowMentionName()">%s</a>' % text
    if t in ("hashtag", "cashtag", "bot_command"):
        call = {"hashtag": "ShowHashtag", "cashtag": "ShowCashtag", "bot_command": "ShowBotCommand"}[t]
        return '<a href="" onclick="return %s(&quot;%s&quot;)">%s</a>' % (call, serialize(part.get("text", "")[1:]), text)
    if t == "email":
        return '<a href="mailto:%s">%s</a>' % (text, text)
    if t == "phone":
        return '<a href="tel:%s">%s</a>' % (text, text)
    if t == "custom_emoji":
        return '<a href="" onclick="return ShowNotLoadedEmoji();">%s</a>' % text
    return text


class Writer:
    def __init__(self, chat, folder, per_file, offset, old_reactions, unclosed):
        self.chat, self.folder, self.per_file, self.offset = chat, folder, per_file, offset
        self.old_reactions, self.unclosed = old_reactions, unclosed
        self.name = chat.get("name") or ""
        self.file_of = {}
        messages = [m for m in chat["messages"] if not isinstance(m.get("id"), str) or m["id"].isdigit()]
        self.pages = [messages[i:i + per_file] for i in range(0, len(messages), per_file)] or [[]]
        for index, page in enumerate(self.pages):
            for m in page:
                self.file_of[int(m["id"])] = index

    @staticmethod
    def file_name(index):
        return "messages%s.html" % ("" if index == 0 else index + 1)

    def local(self, message, key="date_unixtime"):
        if key not in message and "date" not in message:
            return self.last_time
        self.last_time = self.local_of(message, key)
        return self.last_time

    last_time = datetime.datetime(2000, 1, 1)

    def local_of(self, message, key):
        if key in message and self.offset is not None:
            sign = -1 if self.offset.startswith("-") else 1
            h, m = self.offset[1:].split(":")
            zone = datetime.timezone(sign * datetime.timedelta(hours=int(h), minutes=int(m)))
            return datetime.datetime.fromtimestamp(int(message[key]), zone)
        return datetime.datetime.fromisoformat(message["date"])

    def title(self, when):
        stamp = when.strftime("%d.%m.%Y %H:%M:%S")
        return stamp + (" UTC" + self.offset if self.offset is not None else "")

    def link(self, target, current, text):
        page = self.file_of.get(int(target))
        if page is not None and page < current:
            return '<a href="%s#go_to_message%s">%s</a>' % (self.file_name(page), target, text)
        return '<a href="#go_to_message%s" onclick="return GoToMessage(%s)">%s</a>' % (target, target, text)

    def write(self):
        os.makedirs(self.folder, exist_ok=True)
        for index, page in enumerate(self.pages):
            out = [self.opening(index)]
            previous, day = None, None
            for message in page:
                when = self.local(message)
                if when.date() != day:
                    day = when.date()
                    out.append(self.separator(when))
                    previous = None
                kind = message.get("type", "message")
                if kind == "unsupported":
                    out.append('\n     <div class="message service" id="message%s">\n\n      <div class="body details">\n'
                               'This message is not supported by this version of Telegram Desktop. Please update the application.\n'
                               '      </div>\n\n     </div>\n' % message["id"])
                    previous = None
                elif kind == "service":
                    out.append(self.service(message, index))
                    previous = None
                elif kind != "message":
                    continue  # a kind this client version does not know has no HTML of its own
                else:
                    joined = previous is not None and self.joins(previous, message)
                    out.append(self.default(message, index, joined))
                    previous = message
            out.append(self.closing(index))
            with open(os.path.join(self.folder, self.file_name(index)), "w", encoding="utf-8") as f:
                f.write("".join(out))

    def joins(self, a, b):
        gap = int(b.get("date_unixtime", 0)) - int(a.get("date_unixtime", 0))
        forward = a.get("forwarded_from") == b.get("forwarded_from")
        return (a.get("from_id") == b.get("from_id") and a.get("from_id") and a.get("via_bot") == b.get("via_bot")
                and forward and gap <= (1 if b.get("forwarded_from") else 900))

    def opening(self, index):
        back = ('\n     <a class="pagination block_link" href="%s">\n\n      Previous messages\n\n     </a>\n' %
                self.file_name(index - 1)) if index > 0 else ""
        return ('<!DOCTYPE html>\n<html>\n\n <head>\n\n  <meta charset="utf-8"/>\n<title>Exported Data</title>\n'
                '  <meta content="width=device-width, initial-scale=1.0" name="viewport"/>\n\n'
                '  <link href="css/style.css" rel="stylesheet"/>\n\n'
                '  <script src="js/script.js" type="text/javascript">\n\n  </script>\n\n </head>\n\n'
                ' <body onload="CheckLocation();">\n\n  <div class="page_wrap">\n\n   <div class="page_header">\n\n'
                '    <div class="content">\n\n     <div class="text bold">\n%s \n     </div>\n\n    </div>\n\n   </div>\n\n'
                '   <div class="page_body chat_page">\n\n    <div class="history">\n%s\n' % (serialize(self.name), back))

    def closing(self, index):
        more = ('\n     <a class="pagination block_link" href="%s">\n\n      Next messages\n\n     </a>\n' %
                self.file_name(index + 1)) if index + 1 < len(self.pages) else ""
        return '%s\n    </div>\n\n   </div>\n\n  </div>\n\n </body>\n\n</html>\n' % more

    separator_id = 0

    def separator(self, when):
        Writer.separator_id -= 1
        return ('\n     <div class="message service" id="message%d">\n\n      <div class="body details">\n'
                '%d %s %d\n      </div>\n\n     </div>\n' % (Writer.separator_id, when.day, MONTHS[when.month - 1], when.year))

    def service(self, message, index):
        action = message.get("action", "")
        actor = serialize(message.get("actor") or self.name)
        if action == "pin_message":
            text = "%s pinned %s" % (actor, self.link(message.get("message_id", 0), index, "this message"))
        elif action == "create_channel":
            text = "Channel &laquo;%s&raquo; created" % serialize(message.get("title", self.name))
        elif action == "edit_group_title":
            text = "Channel title changed to &laquo;%s&raquo;" % serialize(message.get("title", ""))
        elif action == "edit_group_photo":
            text = "Channel photo changed"
        elif action in SERVICE_TEXTS:
            text = SERVICE_TEXTS[action](self, message, actor, index)
        else:
            text = "%s: %s" % (actor, serialize(action.replace("_", " ")))
        return ('\n     <div class="message service" id="message%s">\n\n      <div class="body details">\n%s\n'
                '      </div>\n\n     </div>\n' % (message["id"], text))

    def default(self, message, index, joined):
        out = ['\n     <div class="message default clearfix%s" id="message%s">\n' % (" joined" if joined else "", message["id"])]
        sender = message.get("from") or ""
        if not joined:
            out.append('\n      <div class="pull_left userpic_wrap">\n\n       <div class="userpic userpic1" style="width: 42px; height: 42px">\n\n'
                       '        <div class="initials" style="line-height: 42px">\n%s\n        </div>\n\n       </div>\n\n      </div>\n'
                       % serialize(sender[:1]))
        out.append('\n      <div class="body">\n\n       <div class="pull_right date details" title="%s">\n%s\n       </div>\n'
                   % (self.title(self.local(message)), self.local(message).strftime("%H:%M")))
        if not joined:
            via = ("  via %s" % serialize(message["via_bot"])) if message.get("via_bot") else ""
            out.append('\n       <div class="from_name">\n%s %s\n       </div>\n' % (serialize(sender), via))
        forwarded = message.get("forwarded_from")
        if forwarded is not None:
            out.append('\n       <div class="pull_left forwarded userpic_wrap">\n\n        <div class="userpic userpic2" style="width: 42px; height: 42px">\n'
                       '         <div class="initials" style="line-height: 42px">\n%s\n         </div>\n        </div>\n\n       </div>\n'
                       '\n       <div class="forwarded body">\n\n        <div class="from_name">\n%s <span class="date details" title="%s"> %s</span>\n        </div>\n'
                       % (serialize(forwarded[:1]), serialize(forwarded), self.title(self.local(message)),
                          self.local(message).strftime("%d.%m.%Y %H:%M:%S")))
        if message.get("reply_to_message_id") is not None:
            if message.get("reply_to_peer_id"):
                out.append('\n       <div class="reply_to details">\nIn reply to a message in another chat\n       </div>\n')
            else:
                out.append('\n       <div class="reply_to details">\nIn reply to %s\n       </div>\n'
                           % self.link(message["reply_to_message_id"], index, "this message"))
        media = self.media(message)
        if media:
            out.append('\n       <div class="media_wrap clearfix">\n%s\n       </div>\n' % media)
        parts = parts_of(message)
        if parts:
            out.append('\n       <div class="text">\n%s\n       </div>\n' % "".join(entity(p) for p in parts))
        if message.get("inline_bot_buttons"):
            out.append(self.buttons(message["inline_bot_buttons"]))
        if message.get("author"):
            out.append('\n       <div class="signature details">\n%s\n       </div>\n' % serialize(message["author"]))
        if forwarded is not None:
            out.append('\n       </div>\n')
        if message.get("reactions"):
            out.append(self.reactions(message["reactions"]))
        out.append('\n      </div>\n')
        if not (self.unclosed and message.get("inline_bot_buttons")):
            out.append('\n     </div>\n')
        return "".join(out)

    def buttons(self, rows):
        cells = "".join('<tr><td class="bot_button_row"><div class="bot_button"><a href="%s" ="">%s</a></div></td></tr>'
                        % (serialize(b.get("data", "")), serialize(b.get("text", ""))) for row in rows for b in row)
        end = "" if self.unclosed else "</tbody></table>"
        return '\n       <table class="bot_buttons_table"><tbody>%s%s\n' % (cells, end)

    def reactions(self, reactions):
        tag = "div" if self.old_reactions else "span"
        out = ['\n       <%s class="reactions">\n' % tag]
        for r in reactions:
            paid = r.get("type") == "paid"
            emoji = "⭐" if paid else ('<a href = "stickers/sticker.webp">✨</a>' if r.get("type") == "custom_emoji" else r.get("emoji", ""))
            out.append('<%s class="reaction%s"><%s class="emoji">%s</%s><%s class="count">%s</%s></%s>'
                       % (tag, " paid" if paid else "", tag, emoji, tag, tag, r.get("count", 0), tag, tag))
        out.append('\n       </%s>\n' % tag)
        return "".join(out)

    def media(self, m):
        photo, path, kind = m.get("photo"), m.get("file"), m.get("media_type")
        def generic(css, title, status="", description="", href=None):
            body = ('<div class="body">%s%s<div class="status details">%s</div></div>'
                    % (('<div class="title bold">%s</div>' % serialize(title)) if title else "",
                       ('<div class="description">%s</div>' % description) if description else "", serialize(status)))
            if href:
                return '<a class="media clearfix pull_left block_link %s" href="%s"><div class="fill pull_left"></div>%s</a>' % (css, serialize(href), body)
            return '<div class="media clearfix pull_left %s"><div class="fill pull_left"></div>%s</div>' % (css, body)
        def reason(value):
            if value.startswith("(File exceeds"):
                return "Exceeds maximum size, change data exporting settings to download."
            if value.startswith("(File unavailable"):
                return "Unavailable, please try again later."
            return "Not included, change data exporting settings to download."
        def duration(seconds):
            return "%02d:%02d" % (seconds // 60, seconds % 60) if seconds is not None else ""
        if photo is not None:
            if photo.startswith("("):
                return generic("media_photo", "Photo", description=reason(photo))
            return ('<a class="photo_wrap clearfix pull_left" href="%s"><img class="photo" src="%s_thumb.jpg" style="width: 260px; height: 173px"/></a>'
                    % (serialize(photo), serialize(photo)))
        if path is not None:
            missing = path.startswith("(")
            href = None if missing else path
            desc = reason(path) if missing else ""
            if kind == "video_file" and not missing and m.get("thumbnail"):
                return ('<a class="video_file_wrap clearfix pull_left" href="%s"><div class="video_play_bg"><div class="video_play"></div></div>'
                        '<div class="video_duration">%s</div><img class="video_file" src="%s" style="width: 160px; height: 90px"/></a>'
                        % (serialize(path), duration(m.get("duration_seconds")), serialize(m["thumbnail"])))
            if kind == "animation" and not missing and m.get("thumbnail"):
                return ('<a class="animated_wrap clearfix pull_left" href="%s"><div class="video_play_bg"><div class="gif_play">GIF</div></div>'
                        '<img class="animated" src="%s" style="width: 120px; height: 120px"/></a>' % (serialize(path), serialize(m["thumbnail"])))
            if kind == "sticker":
                if not missing and m.get("thumbnail"):
                    return ('<a class="sticker_wrap clearfix pull_left" href="%s"><img class="sticker" src="%s" style="width: 128px; height: 128px"/></a>'
                            % (serialize(path), serialize(m["thumbnail"])))
                return generic("media_photo", "Sticker", m.get("sticker_emoji", ""), desc, href)
            if kind in ("video_file", "animation", "video_message"):
                title = {"video_file": "Video file", "animation": "Animation", "video_message": "Video message"}[kind]
                return generic("media_video", title, duration(m.get("duration_seconds")), desc, href)
            if kind == "voice_message":
                return generic("media_voice_message", "Voice message", duration(m.get("duration_seconds")), desc, href)
            if kind == "audio_file":
                title = ("%s – %s" % (m["performer"], m["title"])) if m.get("performer") and m.get("title") else (m.get("file_name") or "Audio file")
                return generic("media_audio_file", title, duration(m.get("duration_seconds")), desc, href)
            return generic("media_file", m.get("file_name") or "File", "", desc, href)
        if m.get("todo_list"):
            todo = m["todo_list"]
            items = "".join('<div class="answer">\n- %s\n</div>' % serialize(text_of(a.get("text"))) for a in todo.get("answers", []))
            return ('<div class="media_poll"><div class="question bold">%s</div><div class="details">To-do List</div>%s</div>'
                    % (serialize(text_of(todo.get("title"))), items))
        if m.get("giveaway_information"):
            return self.giveaway(m["giveaway_information"])
        if m.get("giveaway_results"):
            return self.giveaway_results(m["giveaway_results"], m)
        if m.get("paid_stars_amount") is not None:
            # Paid media: an invoice in stars (currency XTR), written as a star and the count.
            return generic("media_invoice", "", "\u2b50" + "{:,}".format(int(m["paid_stars_amount"])))
        if m.get("poll"):
            poll = m["poll"]
            def text(value):
                return value if isinstance(value, str) else "".join(p if isinstance(p, str) else p.get("text", "") for p in value or [])
            answers = "".join('<div class="answer">\n- %s <span class="details">%s votes%s</span>\n</div>'
                              % (serialize(text(a.get("text"))), a.get("voters", 0), ", chosen vote" if a.get("chosen") else "")
                              for a in poll.get("answers", []))
            return ('<div class="media_poll"><div class="question bold">%s</div><div class="details">%s</div>%s'
                    '<div class="total details\t">%s votes</div></div>'
                    % (serialize(text(poll.get("question"))), "Final results" if poll.get("closed") else "Anonymous poll", answers,
                       poll.get("total_voters", 0)))
        if m.get("contact_information"):
            c = m["contact_information"]
            name = " ".join(x for x in [c.get("first_name"), c.get("last_name")] if x)
            return generic("media_contact", name, c.get("phone_number", ""))
        if m.get("location_information"):
            loc = m["location_information"]
            status = "%s, %s" % (loc["latitude"], loc["longitude"])
            if m.get("place_name"):
                return generic("media_venue", m["place_name"], status)
            return generic("media_location", "Location", status,
                           href="https://maps.google.com/maps?q=%s,%s&ll=%s,%s&z=16" % (loc["latitude"], loc["longitude"], loc["latitude"], loc["longitude"]))
        return ""


def section(title, body):
    return '<div class="section_title bold">%s</div><div class="section_body">%s</div>' % (serialize(title), body)


COUNTRIES = {"DE": "Germany", "FR": "France", "US": "United States", "GB": "United Kingdom", "RU": "Russia"}


def giveaway(self, g):
    quantity, months, stars = int(g.get("quantity", 0)), int(g.get("months") or 0), int(g.get("stars") or 0)
    out = [section("Giveaway Prizes" if quantity > 1 else "Giveaway Prize", "<b>%d</b> %s" % (quantity, serialize(g.get("additional_prize", ""))))]
    if stars > 0:
        out.append(section("with", "<b>%d Stars</b> will be distributed among <b>%d</b> winners." % (stars, quantity)))
    else:
        out.append(section("with", "<b>%d</b> Telegram Premium Subscriptions for <b>%d</b> months." % (quantity, months)))
    many = len(g.get("channels", [])) > 1
    joined = ("All users who joined the channels below after this date:" if many else "All users who joined the channel below after this date:")
    everyone = "All subscribers of the channels:" if many else "All subscribers of the channel:"
    out.append(section("Participants", joined if g.get("is_only_new_subscribers") else everyone))
    # Each country as the client writes it: its flag (two regional indicators), a no-break space, its name.
    flag = lambda code: "".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in code)
    countries = [flag(c) + "\u00a0" + COUNTRIES.get(c, c) for c in g.get("countries", [])]
    if countries:
        united = countries[0] if len(countries) == 1 else ", ".join(countries[:-1]) + " and " + countries[-1]
        out.append('<div class="section_body">from %s</div>' % serialize(united))
    until = datetime.datetime.fromisoformat(g["until_date"]) if g.get("until_date") else None
    out.append(section("Winners Selection Date", until.strftime("%d.%m.%Y %H:%M:%S") if until else ""))
    return '<div class="media_giveaway">%s</div>' % "".join(out)


def giveaway_results(self, r, message):
    count, many = int(r.get("winners_count", 0)), int(r.get("winners_count", 0)) > 1
    launch = self.link(r.get("launch_message_id", 0), self.file_of.get(int(message["id"]), 0), "Giveaway")
    out = [section("Winners Selected!" if many else "Winner Selected!",
                   "<b>%d</b> %s of the %s was randomly selected by Telegram." % (count, "winners" if many else "winner", launch))]
    # The winners are named in the export; chansite never reads them, so the fixture names placeholders.
    out.append(section("Winners" if many else "Winner", ", ".join("<b>Winner %d</b>" % (n + 1) for n in range(len(r.get("winners", []))))))
    out.append('<div class="section_body">%s</div>' % ("Some winners couldn&apos;t be selected." if r.get("unclaimed_count")
                                                       else "All winners received gift links in private messages."))
    return '<div class="media_giveaway">%s</div>' % "".join(out)


Writer.giveaway, Writer.giveaway_results = giveaway, giveaway_results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("result")
    parser.add_argument("out")
    parser.add_argument("--per-file", type=int, default=1000)
    parser.add_argument("--offset", default="+00:00")
    parser.add_argument("--old-reactions", action="store_true")
    parser.add_argument("--unclosed-buttons", action="store_true")
    args = parser.parse_args()
    chat = json.load(open(args.result, encoding="utf-8"))
    offset = None if args.offset == "none" else args.offset
    Writer(chat, args.out, args.per_file, offset, args.old_reactions, args.unclosed_buttons).write()


if __name__ == "__main__":
    main()
