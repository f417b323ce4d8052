package article

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Text dumps are pages saved as plain text by a scraper, boilerplate
// included: banner, breadcrumbs, widgets, the title (often twice), the date,
// the body, the tag line and trailing headline lists. They are read line by
// line: a header part up to the first prose line, the body, and a tail that
// starts at the first block marker ("Related news", "Read also" ...).

var (
	reDumpPrefix  = regexp.MustCompile(`^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*`)
	reAuthorLabel = regexp.MustCompile(`(?i)^(?:автор|author|авторы|authors)\s*:\s*(.*)$`)
	rePhone       = regexp.MustCompile(`^\+?[\d\s()\-]{10,}$`)
	reCurrency    = regexp.MustCompile(`(?i)\b[a-z]{3}/kzt\b`)
	reDigits      = regexp.MustCompile(`^[\d\s.,]+$`)
	reSpaceRun    = regexp.MustCompile(`\s{2,}`)
	reLangPrefix  = regexp.MustCompile(`^(?:ru|kz|en|qz|ру|қз)\s+\S`)
	reNumbered    = regexp.MustCompile(`^\d{1,2}\.?\s+\p{Lu}`)
	// Datelines that open an article: "NUR-SULTAN. KAZINFORM", "ASTANA –".
	reDateline = regexp.MustCompile(`^(?:\p{Lu}[\p{Lu}\-]+(?:[ \-]\p{Lu}[\p{Lu}\-]+)*\.\s|\p{Lu}{3,}(?:[ \-]\p{Lu}{2,})*\s+[–—-]\s)`)
)

// langTokens are the labels of a language switcher.
var langTokens = map[string]bool{
	"kz": true, "qz": true, "ru": true, "en": true, "kk": true, "uz": true, "cn": true,
	"ру": true, "қз": true, "ўз": true, "中文": true, "ق": true, "ز": true, "eng": true, "рус": true, "қаз": true,
}

// boilerExact are whole lines that are never article text (lower case).
var boilerExact = map[string]bool{
	"go to the main site": true, "currency rates:": true, "currency rates": true, "weather:": true,
	"none": true, "photo": true, "фото": true, "video": true, "видео": true, "en": true,
	"trends:": true, "what's trending:": true, "what’s trending:": true, "тренды:": true,
	"trendter:": true, "трендтер:": true, // Kazakh, in Latin (qz.inform.kz) and Cyrillic
	"tv and radio complex of the president of the rk":                     true,
	"about agency contacts advertisement partners photo site map tags":    true,
	"world news incidents kazakhstan politics analytics economy about us": true,
	"написать нам":                                                        true, "tell a friend": true, "share": true, "поделиться": true,
}

// boilerPrefixes start lines that are never article text (lower case).
var boilerPrefixes = []string{
	"qazaq tv телерадиокомпания", "photo:", "photo credit:", "photo credits:", "фото:", "images |", "©",
	"subscribe to", "подписывайтесь", "подпишитесь", "follow us",
	"источник фото:", "this information may not be reproduced",
}

// stopMarkers end the article text (lower case, without a trailing colon).
var stopMarkers = map[string]bool{
	"related news": true, "read also": true, "also read": true, "see also": true, "popular": true,
	"news partner": true, "новости по теме": true, "теги": true, "tags": true, "currently reading": true,
	"читайте также": true, "news": true, "more news in our telegram channel!": true, "most read": true,
	"related": true, "related articles": true, "latest news": true, "most popular": true,
	"популярное": true, "самое читаемое": true, "похожие новости": true, "последние новости": true,
	"relevant news": true, "другие новости": true, "more news": true, "related posts": true,
	"related stories": true, "top stories": true, "more stories": true, "you may also like": true,
	"recommended": true, "по теме": true, "рекомендуем": true, "главные новости": true, "сейчас читают": true,
}

func parseTextDump(text string, p Page) Article {
	a := Article{Layout: "textdump"}
	raw := strings.Split(text, "\n")
	// Lines have NBSPs turned into spaces and are trimmed; runs of spaces
	// inside a line survive, as tag lines need them.
	lines := make([]string, len(raw))
	var hint time.Time
	for i, l := range raw {
		l = strings.Map(func(r rune) rune {
			if r == '\u00a0' || r == '\u2007' || r == '\u202f' || r == '\t' {
				return ' '
			}
			if r == '\r' || r == '\ufeff' {
				return -1
			}
			return r
		}, l)
		if i == 0 {
			if m := reDumpPrefix.FindStringSubmatchIndex(l); m != nil {
				hint, _ = ParseDate(l[m[2]:m[3]])
				l = l[m[1]:]
			}
		}
		l = strings.TrimSpace(l)
		l = strings.TrimSpace(strings.TrimLeft(l, "•·"))
		lines[i] = l
	}

	start := readDumpHeader(lines, &a)
	if a.PublishedAt.IsZero() && !hint.IsZero() {
		a.PublishedAt = hint
	}
	if start < 0 {
		return a
	}
	body, end := readDumpBody(lines, start, &a)
	readDumpTail(lines, end, &a)
	a.Body = joinDumpParagraphs(trimDumpTail(body))
	return a
}

// readDumpHeader reads title, section, author, date and tags from the lines
// before the body and returns the index of the first body line, or -1.
func readDumpHeader(lines []string, a *Article) int {
	h := dumpHeader{a: a}
	for i, l := range lines {
		if l == "" {
			continue
		}
		if h.boilerOrCrumbs(l) || h.author(l) || h.date(l) {
			continue
		}
		if reDigits.MatchString(l) {
			continue // view count
		}
		if strings.EqualFold(l, a.Title) {
			h.titleSeen++
			continue
		}
		// The title is the last headline before the body: brand lines
		// ("Russian News Agency") and menus come first. A headline printed
		// twice is the title for sure.
		prose := isProseLine(l) || lineWords(l) >= 6 && continuesOnNextLine(lines, i)
		if h.title(l, prose) {
			continue
		}
		if prose {
			return i
		}
		h.rubricOrTags(l)
	}
	return -1
}

// dumpHeader is what readDumpHeader knows between lines.
type dumpHeader struct {
	a                            *Article
	inCrumbs, wantAuthor, tagRun bool
	titleSeen                    int
}

// boilerOrCrumbs reads widget lines and breadcrumbs ("Home > Politics >"
// and the section after them); it reports whether l was one.
func (h *dumpHeader) boilerOrCrumbs(l string) bool {
	switch {
	case isBoilerLine(l, strings.ToLower(l)):
		return true
	case strings.HasSuffix(l, ">"):
		h.inCrumbs = true
		return true
	case h.inCrumbs && lineWords(l) <= 5 && !endsWithStop(l):
		h.a.Section = l
		h.inCrumbs = false
		return true
	}
	h.inCrumbs = false
	return false
}

// author reads "Author: X", or X on the line after a bare label.
func (h *dumpHeader) author(l string) bool {
	if m := reAuthorLabel.FindStringSubmatch(l); m != nil {
		if name := strings.TrimSpace(m[1]); name != "" {
			h.a.Author = name
		} else {
			h.wantAuthor = true
		}
		return true
	}
	if h.wantAuthor && lineWords(l) <= 5 && !endsWithStop(l) && !isDateLine(l) {
		h.a.Author = l
		h.wantAuthor = false
		return true
	}
	h.wantAuthor = false
	return false
}

// date reads a date line, or a dateline that opens the lead ("Москва, 29
// января, 2013, 12:17 — ИА Регнум. По приглашению …").
func (h *dumpHeader) date(l string) bool {
	switch {
	case isDateLine(l):
		if h.a.PublishedAt.IsZero() {
			h.a.PublishedAt, _ = ParseDate(l)
		}
		return true
	case isDatelineLead(l):
		if h.a.PublishedAt.IsZero() {
			h.a.PublishedAt, _ = ParseDate(l[:min(len(l), 60)])
		}
		return true
	}
	return false
}

// title reads a headline line as the title.
func (h *dumpHeader) title(l string, prose bool) bool {
	if !isHeadlineLine(l) || prose || isMenuLine(l) || h.titleSeen >= 2 || h.a.Title != "" && lineWords(l) < 4 || !startsLikeTitle(l) {
		return false
	}
	h.a.Title = l
	h.titleSeen = 1
	return true
}

// rubricOrTags reads the short lines between title and body: a rubric, or
// tags written one per line with trailing commas.
func (h *dumpHeader) rubricOrTags(l string) {
	switch {
	case (strings.HasSuffix(l, ",") || h.tagRun) && lineWords(l) <= 3:
		if t := strings.TrimSpace(strings.TrimSuffix(l, ",")); t != "" {
			h.a.Tags = append(h.a.Tags, t)
		}
		h.tagRun = strings.HasSuffix(l, ",")
	case h.a.Section == "" && lineWords(l) <= 3:
		h.a.Section = l
	}
}

// readDumpBody collects body lines ("" marks a blank line) from start up to
// the first marker of the tail, and returns them with the tail's index.
func readDumpBody(lines []string, start int, a *Article) ([]string, int) {
	var body []string
	for i := start; i < len(lines); i++ {
		l := lines[i]
		if l == "" {
			body = append(body, "")
			continue
		}
		if len(l) <= 80 {
			// Markers, labels, tag lines and picture lines are short.
			lower := strings.ToLower(l)
			switch {
			case isStopLine(lower), reAuthorLabel.MatchString(l):
				return body, i
			case isTagLine(l):
				if hasProse(body) {
					return body, i
				}
				continue // a menu or switcher between the header and the text
			case isPictureLine(lower):
				continue
			}
		}
		if startsHeadlineRun(lines, i) {
			return body, i
		}
		if len(l) == len(a.Title) && strings.EqualFold(l, a.Title) {
			continue
		}
		body = append(body, l)
	}
	return body, len(lines)
}

// readDumpTail reads the author and tags printed after the body.
func readDumpTail(lines []string, i int, a *Article) {
	next := func() (string, bool) {
		for i++; i < len(lines); i++ {
			if lines[i] != "" {
				return lines[i], true
			}
		}
		return "", false
	}
	if i >= len(lines) {
		return
	}
	l := lines[i]
	labelled := false // the line after an author or "Tags:" label may be tags
	if m := reAuthorLabel.FindStringSubmatch(l); m != nil {
		labelled = true
		name := strings.TrimSpace(m[1])
		if name == "" {
			if n, ok := next(); ok && lineWords(n) <= 5 && !isStopLine(strings.ToLower(n)) {
				name = n
			}
		}
		if name != "" && a.Author == "" {
			a.Author = name
		}
		var ok bool
		if l, ok = next(); !ok {
			return
		}
	}
	lower := strings.ToLower(strings.TrimSuffix(l, ":"))
	if lower == "tags" || lower == "теги" {
		labelled = true
		var ok bool
		if l, ok = next(); !ok || isStopLine(strings.ToLower(l)) {
			return
		}
	}
	if !labelled && !isTagLine(l) {
		return
	}
	if len(a.Tags) == 0 && !isStopLine(strings.ToLower(l)) && lineWords(l) <= 12 && !endsWithStop(l) && !reNumbered.MatchString(l) {
		a.Tags = splitTagLine(l)
	}
}

// trimDumpTail drops what trails the article text without a block marker:
// headline lines without sentence-final punctuation, numbered list items,
// phone numbers.
func trimDumpTail(body []string) []string {
	for len(body) > 0 {
		l := body[len(body)-1]
		lower := strings.ToLower(l)
		if !endsWithStop(l) && len(l) >= 100 {
			// a paragraph with a credit glued to its end ("… he
			// promised.Written by belta.by"): keep the paragraph
			if cut := lastSentenceEnd(l); cut > len(l)-80 && cut > 0 {
				body[len(body)-1] = l[:cut]
				break
			}
		}
		if !endsWithStop(l) && utf8.RuneCountInString(l) >= truncatedParagraph {
			break // a paragraph the page cut short: text, not a headline
		}
		if l == "" || isBoilerLine(l, lower) || reNumbered.MatchString(l) || reLangPrefix.MatchString(l) || !endsWithStop(l) {
			body = body[:len(body)-1]
			continue
		}
		break
	}
	for len(body) > 0 && body[0] == "" {
		body = body[1:]
	}
	return body
}

// truncatedParagraph is the length from which a line without a final stop
// is a paragraph the page cut short, never a trailing headline.
const truncatedParagraph = 100

// lastSentenceEnd returns the end of the last sentence of l that is
// followed by nothing or by a word glued to it ("promised.Written"), or -1.
func lastSentenceEnd(l string) int {
	for i := len(l) - 1; i > 0; i-- {
		if l[i] != '.' && l[i] != '!' && l[i] != '?' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(l[i+1:])
		if i+1 == len(l) || unicode.IsUpper(next) || next == ' ' {
			prev, _ := utf8.DecodeLastRuneInString(l[:i])
			if unicode.IsLetter(prev) && unicode.IsLower(prev) {
				return i + 1
			}
		}
	}
	return -1
}

// joinDumpParagraphs turns body lines into paragraphs: a blank line or a line
// that ends a sentence closes a paragraph; lines that break a sentence are
// kept with their line break.
func joinDumpParagraphs(body []string) string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, l := range body {
		if l == "" {
			flush()
			continue
		}
		if len(cur) > 0 && endsWithStop(cur[len(cur)-1]) {
			flush()
		}
		cur = append(cur, squashSpaces(l))
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// isBoilerLine reports widget, banner, switcher and credit lines.
func isBoilerLine(l, lower string) bool {
	if boilerExact[lower] || isPictureLine(lower) {
		return true
	}
	for _, p := range boilerPrefixes {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	if reCurrency.MatchString(l) || (rePhone.MatchString(l) && lineDigits(l) >= 10) {
		return true
	}
	if (strings.ContainsRune(l, '℃') || strings.Contains(l, "°C")) && utf8.RuneCountInString(l) < 40 {
		return true
	}
	return isLangSwitch(l)
}

// isPictureLine reports photo placeholders and credits.
func isPictureLine(lower string) bool {
	switch lower {
	case "photo", "фото", "none":
		return true
	}
	for _, p := range []string{"photo:", "photo credit:", "photo credits:", "фото:", "images |", "источник фото:"} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return false
}

func isLangSwitch(l string) bool {
	fields := strings.Fields(l)
	if len(fields) == 0 {
		return false
	}
	for _, f := range fields {
		if !langTokens[strings.ToLower(f)] {
			return false
		}
	}
	return true
}

func isStopLine(lower string) bool {
	return stopMarkers[strings.TrimSpace(strings.TrimSuffix(lower, ":"))]
}

// isDateLine reports a short line that is a date, perhaps with a time, a
// GMT offset or a view count.
func isDateLine(l string) bool {
	// "Politics Materials 8 February 2024 10:05 (UTC +04:00)" is long, but no sentence
	if n := utf8.RuneCountInString(l); n > 64 || n > 45 && endsWithStop(l) {
		return false
	}
	_, ok := ParseDate(l)
	return ok
}

// isHeadlineLine reports a line that can be a title: a few words, not a sentence
// ending in a full stop.
func isHeadlineLine(l string) bool {
	n := utf8.RuneCountInString(l)
	return lineWords(l) >= 3 && n <= 250 && !strings.HasSuffix(l, ".")
}

// isProseLine reports a line that starts article text.
func isProseLine(l string) bool {
	if lineWords(l) < 6 || isMenuLine(l) {
		return false
	}
	if endsWithStop(l) || utf8.RuneCountInString(l) >= 120 || reDateline.MatchString(l) {
		return true
	}
	// A long line that breaks off mid-sentence, as wrapped dumps do.
	r, _ := utf8.DecodeLastRuneInString(l)
	return lineWords(l) >= 8 && (r == ',' || r == ';' || r == ':' || r == '–' || r == '-')
}

// isTagLine reports a line of a few capitalised words separated by runs of
// spaces, as tag lines print.
func isTagLine(l string) bool {
	if !strings.Contains(l, "  ") || endsWithStop(l) {
		return false
	}
	items := reSpaceRun.Split(l, -1)
	if len(items) < 2 || len(items) > 12 {
		return false
	}
	for _, it := range items {
		r, _ := utf8.DecodeRuneInString(it)
		if lineWords(it) > 4 || !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '#') {
			return false
		}
	}
	return true
}

// splitTagLine splits a tag line on runs of spaces, commas or '#'.
func splitTagLine(l string) []string {
	var tags []string
	for _, part := range reSpaceRun.Split(l, -1) {
		for _, t := range strings.FieldsFunc(part, func(r rune) bool { return r == ',' || r == '#' || r == ';' }) {
			if t = strings.TrimSpace(t); t != "" {
				tags = append(tags, t)
			}
		}
	}
	return tags
}

// startsHeadlineRun reports that lines[i] and the next non-blank line are
// items of a headline list ("ru …", "1 …").
func startsHeadlineRun(lines []string, i int) bool {
	l := lines[i]
	if l == "" || !(l[0] >= '0' && l[0] <= '9' || strings.IndexByte(l, ' ') <= 4) {
		return false // neither "12 …" nor a short language label
	}
	var re *regexp.Regexp
	switch {
	case reLangPrefix.MatchString(l):
		re = reLangPrefix
	case reNumbered.MatchString(l) && !endsWithStop(l) && !endsListItem(l):
		re = reNumbered
	default:
		return false
	}
	j := nextLine(lines, i+1)
	if j < 0 || !re.MatchString(lines[j]) {
		return false
	}
	// A numbered list inside the article (candidates, embassies and their
	// observers) is followed by more of the article; a run of headlines is not.
	for ; j >= 0 && (re.MatchString(lines[j]) || len(lines[j]) < 40); j = nextLine(lines, j+1) {
		if isStopLine(strings.ToLower(lines[j])) {
			return true
		}
	}
	return j < 0 || !isProseLine(lines[j])
}

// nextLine returns the index of the first non-empty line from i, or -1.
func nextLine(lines []string, i int) int {
	for ; i < len(lines); i++ {
		if lines[i] != "" {
			return i
		}
	}
	return -1
}

// endsListItem reports a line that ends like an item of a list inside a
// sentence (";" or ","): headlines never do.
func endsListItem(l string) bool {
	l = strings.TrimSpace(l)
	return strings.HasSuffix(l, ";") || strings.HasSuffix(l, ",")
}

// endsWithStop reports whether s ends with sentence-final punctuation,
// perhaps followed by closing quotes or brackets.
func endsWithStop(s string) bool {
	s = strings.TrimRight(s, " »”\"'’)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func lineWords(s string) int { return len(strings.Fields(s)) }

func lineDigits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// squashSpaces turns every run of white space into one space and trims.
func squashSpaces(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// isMenuLine reports a navigation line: several items separated by runs of
// spaces ("Politics   World   Business & Economy").
func isMenuLine(l string) bool {
	return strings.Count(l, "   ") >= 2 && !endsWithStop(l)
}

// hasProse reports whether collected body lines hold a sentence yet.
func hasProse(body []string) bool {
	for _, l := range body {
		if endsWithStop(l) {
			return true
		}
	}
	return false
}

// continuesOnNextLine reports a line whose sentence goes on in the next line
// (it starts in lower case): the first line of a wrapped paragraph, never a
// headline.
func continuesOnNextLine(lines []string, i int) bool {
	if i+1 >= len(lines) || lines[i+1] == "" || endsWithStop(lines[i]) {
		return false
	}
	next := lines[i+1]
	r, _ := utf8.DecodeRuneInString(next)
	// a wrapped paragraph goes on in lower case, or with a long line that
	// ends a sentence; a headline is followed by a blank, a date or a rubric
	if unicode.IsLower(r) || isDateLine(next) || isMenuLine(next) || isPictureLine(strings.ToLower(next)) {
		return unicode.IsLower(r)
	}
	ends := endsWithStop(next) || strings.HasSuffix(next, ":")
	return ends && wrapped(lines[i], next) ||
		lineWords(next) >= 6 && continuesOnNextLine(lines, i+1)
}

// wrapped reports a line cut at the dump's line width: as long as the line
// after it, or longer (the last line of a paragraph is shorter). A headline
// above a paragraph printed on one line is far shorter than that line.
func wrapped(line, next string) bool {
	n, m := utf8.RuneCountInString(line), utf8.RuneCountInString(next)
	return n >= 60 && 4*n >= 3*m
}

// isDatelineLead reports a line that opens with a place, a date and a time
// of day ("Москва, 29 января, 2013, 12:17 — ИА Регнум. По приглашению …"):
// the dateline and the start of the lead, never a title.
func isDatelineLead(l string) bool {
	head := l[:min(len(l), 60)]
	return reClockTime.MatchString(head) && isDateLine(head[:reClockTime.FindStringIndex(head)[1]])
}

var reClockTime = regexp.MustCompile(`\b\d{1,2}:\d{2}\b`)

// startsLikeTitle rejects lines that cannot open a headline: a wrapped
// sentence's continuation ("proposal of the Ministry …") or a credit.
func startsLikeTitle(l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '«' || r == '"' || r == '“'
}
