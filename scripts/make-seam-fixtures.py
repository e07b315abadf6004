#!/usr/bin/env python3
"""Writes the seam-model fixtures (Tests/ChansiteKitTests/Fixtures/dumps/*_seams_*.txt): text
copies of channel pages in the t.me/s and generic forms, each channel with a style of its own
(emoji openers, a signature closer, trailing hashtags, title lines, bracketed labels), where a
few posts lost the footer that marks their end. Also writes `seams.json` beside them: for each
fixture, the lines where such an unmarked post starts (the truth the seam tests and
scripts/seam-study.py check against). Deterministic (fixed seeds); rerun after changing it.
Usage: scripts/make-seam-fixtures.py
"""
import json
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "ChansiteKitTests", "Fixtures", "dumps")

RU = [
    "Сегодня разбираем, почему модели ошибаются на длинных текстах.",
    "Авторы предлагают простой приём: делить вход на части и сравнивать ответы.",
    "В комментариях спрашивали про лицензии, отвечаю здесь.",
    "Код выложен на GitHub, ссылка в конце поста.",
    "Результаты на русском языке заметно хуже, чем на английском.",
    "Это не первая работа на эту тему, но самая аккуратная.",
    "Главный вывод: данные важнее архитектуры.",
    "Если коротко, метод работает, но дорого.",
    "Через неделю расскажу, как это повторить дома.",
    "Обзор получился длинным, поэтому разбил его на две части.",
    "Вопрос к читателям: кто уже пробовал это в продакшене?",
    "Сравнение с прошлогодними результатами приведено в таблице.",
]
EN = [
    "Markets opened higher after the central bank kept rates on hold.",
    "The city council approved the new cycling lanes on Tuesday.",
    "Analysts expect the merger to close before the end of the year.",
    "Read the full report on our website.",
    "Officials said the delay was caused by a software update.",
    "The team will publish its findings next month.",
    "Shares fell sharply in early trading.",
    "This is the third such incident since January.",
    "Residents have been asked to avoid the area until further notice.",
    "The proposal still needs approval from both chambers.",
    "More details are expected at a press conference tomorrow.",
    "Here is what we know so far.",
]
AR = [
    "أعلنت الحكومة اليوم عن خطة جديدة لدعم المشاريع الصغيرة.",
    "ارتفعت أسعار النفط بعد قرار خفض الإنتاج.",
    "قال الوزير إن المفاوضات ستستمر الأسبوع المقبل.",
    "تفاصيل أكثر في التقرير الكامل على موقعنا.",
    "شهدت الأسواق تراجعا طفيفا في نهاية التداول.",
    "يتوقع الخبراء تحسنا في الربع القادم.",
    "افتتح المعرض الدولي للكتاب أبوابه للزوار.",
    "أكدت الشركة أن الخدمة ستعود خلال ساعات.",
    "نشرت الجامعة نتائج الدراسة الجديدة حول المياه.",
    "يستمر العمل في المشروع رغم الظروف الصعبة.",
]
UK = [
    "Сьогодні у місті відкрили новий міст через річку, рух уже запущено в обидва боки.",
    "Мешканці давно чекали на цей ремонт, і тепер дорога до центру скоротилася на двадцять хвилин.",
    "Міська рада пообіцяла до кінця року оновити ще три перехрестя на лівому березі.",
    "Фотографії з відкриття та коментарі інженерів можна переглянути за посиланням на сайті.",
    "Наступного тижня розповімо, скільки коштувала реконструкція і хто за неї платив.",
    "У бібліотеці на Подолі з понеділка працює новий читальний зал для школярів і студентів.",
    "Волонтери зібрали понад дві тисячі книжок, серед них багато видань для найменших читачів.",
    "Розклад роботи залу та правила запису опубліковані на сторінці бібліотеки в мережі.",
]
UK_TITLES = ["Новий міст", "Бібліотека на Подолі", "Ремонт доріг", "Погода на тиждень", "Концерт у парку",
             "Шкільні канікули", "Ярмарок вихідного дня", "Ціни на пальне", "Зміни в розкладі", "Нова лінія метро"]
ZH = [
    "今天发布了新版本，修复了多个已知问题。",
    "感谢大家的反馈，我们会继续改进。",
    "下载地址见频道置顶消息。",
    "本次更新主要优化了启动速度。",
    "有问题可以在评论区留言。",
    "新功能默认关闭，需要在设置中开启。",
    "下周将发布详细的使用教程。",
    "旧版本将在月底停止维护。",
]
ZH_LABELS = ["【更新】", "【公告】", "【教程】", "【活动】"]


def paragraphs(rng, pool, count, lines=(1, 2)):
    """`count` paragraphs of distinct sentences from `pool` (a post does not repeat a line)."""
    shuffled = rng.sample(pool, len(pool))
    return [[shuffled.pop() for _ in range(rng.randint(*lines))] for _ in range(count)]


def footer(rng):
    lines = [rng.choice(["1.2K", "845", "3.4K", "12K", "990"])]
    if rng.random() < 0.3:
        lines.append("edited")
    lines.append(f"{rng.randint(0, 23)}:{rng.randint(10, 59)}")
    return lines


def tme(name, title, description, posts, hidden, seed):
    """posts: list of (forwarded_from or None, body lines). `hidden`: indices of posts whose
    footer the copy lost."""
    rng = random.Random(seed)
    lines = [title, f"{rng.randint(1000, 90000)} subscribers", f"{rng.randint(10, 400)} photos", description, "Download Telegram"]
    starts = []
    for n, (forwarded, body) in enumerate(posts):
        # A day separator is a marker: never where a lost footer should leave no seam.
        if n > 0 and n % 7 == 0 and n - 1 not in hidden:
            lines.append(rng.choice(["May 5", "June 12", "July 1", "August 20"]))
        if forwarded:
            lines.append("Forwarded from\u00a0" + forwarded)
        starts.append(len(lines) + 1)
        lines += body
        if n not in hidden:
            lines += footer(rng)
    unmarked = [starts[n + 1] for n in sorted(hidden) if n + 1 < len(posts)]
    write(name, lines, unmarked)


def write(name, lines, unmarked):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    truth[name] = unmarked


def body(parts):
    lines = []
    for i, paragraph in enumerate(parts):
        if i:
            lines.append("")
        lines += paragraph
    return lines


truth = {}
rng = random.Random(1)
# Russian: every own post opens with 📌 and a title; bodies are paragraphs.
posts = []
for n in range(30):
    if n in (5, 17, 26):
        posts.append(("Сиолошная", body(paragraphs(rng, RU, rng.randint(1, 2)))))
    else:
        opening, *rest = paragraphs(rng, RU, rng.randint(2, 4))
        posts.append((None, body([["📌 " + opening[0]]] + rest)))
tme("tme_seams_emoji_russian.txt", "Заметки о данных", "Канал о машинном обучении.", posts, {3, 11, 20}, 11)

# English: every own post ends with the channel's signature.
posts = []
for n in range(22):
    parts = paragraphs(rng, EN, rng.randint(1, 3))
    posts.append((None, body(parts) + ["— Morning Brief (@morningbrief)"]))
tme("tme_seams_signature_english.txt", "Morning Brief", "The news before your coffee.", posts, {2, 9, 15}, 12)

# Arabic: the last line of each post ends with its hashtags.
posts = []
tags = ["#أخبار", "#اقتصاد", "#ثقافة", "#علوم"]
for n in range(24):
    parts = paragraphs(rng, AR, rng.randint(1, 2))
    parts[-1][-1] += " " + " ".join(rng.sample(tags, rng.randint(1, 2)))
    posts.append((None, body(parts)))
tme("tme_seams_hashtags_arabic.txt", "نشرة اليوم", "أخبار اليوم باختصار.", posts, {4, 12, 18}, 13)

# Ukrainian: a short title line and a blank line open every post; long paragraphs follow.
posts = []
for n in range(24):
    parts = [[rng.choice(UK_TITLES)]] + paragraphs(rng, UK, rng.randint(2, 3), lines=(1, 1))
    posts.append((None, body(parts)))
tme("tme_seams_titles_ukrainian.txt", "Міські новини", "Новини нашого міста.", posts, {6, 13, 19}, 14)

# Chinese, generic form (posts two blank lines apart): a bracketed label opens every post;
# three posts lost the blank lines after them.
lines = []
starts = []
hidden = {3, 10, 16, 24}
for n in range(30):
    starts.append(len(lines) + 1)
    opening, *rest = paragraphs(rng, ZH, rng.randint(2, 3), lines=(1, 1))
    lines += body([[rng.choice(ZH_LABELS) + opening[0]]] + rest)
    if n not in hidden and n < 29:
        lines += ["", ""]
write("generic_seams_chinese.txt", lines, [starts[n + 1] for n in sorted(hidden)])

with open(os.path.join(OUT, "seams.json"), "w", encoding="utf-8") as f:
    json.dump(truth, f, ensure_ascii=False, indent=2, sort_keys=True)
    f.write("\n")
print(json.dumps(truth, ensure_ascii=False))
