package facts

import (
	"sort"
	"strings"
	"time"

	"github.com/obsfacts/obsfacts/extract/gazetteer"
)

// Article-level context: which country holds the election, when a count
// holds, which election it is about.

// hostCountry guesses the country holding the election the article is
// about: the country most often named next to an election word, else
// Kazakhstan for Kazakh election vocabulary.
func (d *doc) hostCountry(low string) string {
	// The sentences read for facts usually name the country; only when they
	// do not is the rest of the article read too.
	if host, sure := d.scoreHost(low, false); sure {
		return host
	}
	host, _ := d.scoreHost(low, true)
	return host
}

// scoreHost scores the countries named in the analysed sentences (all
// sentences when all is set) and reports the host and whether the evidence
// was strong.
func (d *doc) scoreHost(low string, all bool) (string, bool) {
	score := map[string]int{}
	sents := make([]*analysed, 0, len(d.sents)+1)
	if d.a.Title != "" {
		t := &analysed{sentence: sentence{text: d.a.Title, end: len(d.a.Title)}}
		t.toks = tokenize(t.text)
		t.ments = d.x.gaz.Find(t.text)
		sents = append(sents, t)
	}
	for si := range d.sents {
		if all {
			d.analyse(si)
		}
		sents = append(sents, &d.sents[si])
	}
	for _, s := range sents {
		if s.toks == nil {
			continue
		}
		accredits, sends := false, false
		for _, t := range s.toks {
			if hasStem(t.low, []string{"accredit", "аккредит", "register", "зарегистр"}) {
				accredits = true
			}
			if hasStem(t.low, []string{"send", "sent", "delegat", "направ", "делегир", "прибы", "arriv"}) {
				sends = true
			}
		}
		for _, m := range s.ments {
			e := m.Entity
			if e.Kind != KindCountry || e.Code == "" {
				continue
			}
			score[e.Code]++
			// "elections in Kyrgyzstan", "Kyrgyzstan's presidential election", "выборы в Кыргызстане"
			start, end := tokenRangeOf(s, m)
			for j := max(0, start-4); j < min(len(s.toks), end+4); j++ {
				w := s.toks[j].low
				next := s.word(j + 1)
				// the commission that accredits observers is the host's:
				// "the CEC of Kazakhstan has accredited", "ЦИК Азербайджана аккредитовала"
				if (w == "cec" || w == "цик" || strings.HasPrefix(w, "commission") || strings.HasPrefix(w, "комисси")) && !sends {
					score[e.Code] += 2
					if accredits {
						score[e.Code]++
					}
					break
				}
				if (strings.HasPrefix(w, "election") || strings.HasPrefix(w, "referend")) && (strings.HasPrefix(next, "commission") || next == "bodies" || next == "body" || next == "authorities") {
					continue // "Kazakhstan's Central Election Commission" sends observers; it holds no election
				}
				if strings.HasPrefix(w, "election") || strings.HasPrefix(w, "referend") || strings.HasPrefix(w, "выбор") ||
					strings.HasPrefix(w, "референдум") || w == "vote" || w == "polls" || strings.HasPrefix(w, "голосован") {
					score[e.Code] += 3
					break
				}
			}
		}
	}
	// parliaments and capitals name the country too: "Jogorku Kenesh",
	// "BISHKEK, Nov 3 (AKIpress)", "выборы в Милли Меджлис"
	for _, c := range hostCues {
		for _, w := range c.words {
			score[c.code] += 2 * strings.Count(low, w)
		}
	}
	best, bestScore := "", 0
	for code, sc := range score {
		if sc > bestScore || sc == bestScore && code < best {
			best, bestScore = code, sc
		}
	}
	// Kazakh outlets report Kazakh elections unless the text points elsewhere
	kazakhOutlet := strings.Contains(low, "kazinform") || strings.Contains(low, "казинформ") ||
		strings.Contains(d.a.Site, "inform.kz") || strings.Contains(d.a.Site, "qazaqtv") || strings.Contains(d.a.Site, "qazinform")
	if kazakhOutlet && score["KZ"] >= bestScore-3 {
		return "KZ", bestScore >= 3
	}
	if bestScore >= 3 {
		return best, true
	}
	if kazakhOutlet {
		return "KZ", false
	}
	return "", false // countries named only in passing do not make a host
}

func tokenRangeOf(s *analysed, m gazetteer.Mention) (int, int) {
	start, end := -1, -1
	for k, t := range s.toks {
		if t.start >= m.Start && t.end <= m.End {
			if start < 0 {
				start = k
			}
			end = k + 1
		}
	}
	if start < 0 {
		return 0, 0
	}
	return start, end
}

// timeAnchors returns as_of and the period a count holds for, read from its
// own sentence.
func (d *doc) timeAnchors(s *analysed, i int) (asOf, pStart, pEnd string) {
	pubDay := ""
	if !d.pub.IsZero() {
		pubDay = d.pub.Format("2006-01-02")
	}
	for _, ds := range s.dates {
		start, end := ds.resolve(d.pub)
		if start == "" {
			continue
		}
		before := s.word(ds.from - 1)
		before2 := s.word(ds.from - 2)
		switch {
		case before == "of" && before2 == "as" || before == "на" && (before2 == "состоянию" || before2 == "") ||
			before == "by" || before == "to" && ds.d2 == 0 && before2 != "from":
			if asOf == "" && ds.d2 == 0 {
				asOf = start
			}
		case end != "" && (before == "from" || before == "between" || before == "с" || before == "during" || before == "over"):
			pStart, pEnd = start, end
		case before == "from" || before == "since" || before == "с":
			// "from 1 November to 7 November" split in two spans
			pStart = start
			if e := s.word(ds.to); e == "to" || e == "по" || e == "until" || e == "till" {
				for _, ds2 := range s.dates {
					if ds2.from == ds.to+1 {
						pEnd, _ = ds2.resolve(d.pub)
					}
				}
			}
		}
	}
	if asOf == "" && pubDay != "" {
		for _, p := range asOfPhrases {
			if s.hasPhrase(0, len(s.toks), p) {
				asOf = pubDay
				break
			}
		}
	}
	return asOf, pStart, pEnd
}

// electionTypes maps words of an article to election types.
var electionTypeCues = []struct {
	typ   string
	stems []string
}{
	{"referendum", []string{"referend", "референдум"}},
	{"presidential", []string{"president", "президент"}},
	{"parliamentary", []string{"majilis", "mazhilis", "parliament", "мажилис", "парламент", "legislative", "duma", "дум", "jogorku", "жогорку", "oliy", "milli", "sejm", "supreme council", "house of representatives", "палат"}},
	{"senate", []string{"senate", "сенат"}},
	{"maslikhat", []string{"maslikhat", "маслихат"}},
	{"local", []string{"local", "municipal", "местн", "муниципал", "kenesh", "кенеш"}},
}

// fillElection sets election_date and election_type on every fact: from
// dates written next to election words, checked against the calendar, else
// the calendar's election nearest after publication.
func (d *doc) fillElection(facts []Fact) {
	if len(facts) == 0 {
		return
	}
	typ := d.electionType()
	country := d.host
	var textDate string
	for si := range d.sents {
		s := &d.sents[si]
		if s.toks == nil {
			continue
		}
		for _, ds := range s.dates {
			if ds.d == 0 || ds.d2 != 0 {
				continue
			}
			near := false
			for j := max(0, ds.from-6); j < min(len(s.toks), ds.to+5); j++ {
				w := s.toks[j].low
				if strings.HasPrefix(w, "election") || strings.HasPrefix(w, "vote") || strings.HasPrefix(w, "voting") ||
					strings.HasPrefix(w, "referend") || strings.HasPrefix(w, "выбор") || strings.HasPrefix(w, "референдум") ||
					strings.HasPrefix(w, "голосован") || w == "polls" || w == "ballot" {
					near = true
					break
				}
			}
			if !near {
				continue
			}
			start, _ := ds.resolve(d.pub)
			if start == "" {
				continue
			}
			if ds.y == 0 && !d.pub.IsZero() {
				// an election date without a year lies ahead of publication, or just behind it
				t, _ := time.Parse("2006-01-02", start)
				if t.Before(d.pub.AddDate(0, 0, -45)) {
					start = t.AddDate(1, 0, 0).Format("2006-01-02")
				}
			}
			// a date next to an election word is the election's when the
			// calendar knows it, or when it lies ahead of publication
			// ("the elections slated for 19 March"); past dates are campaign events
			known := d.inCalendar(country, start)
			ahead := !d.pub.IsZero() && start >= d.pub.AddDate(0, 0, -3).Format("2006-01-02")
			if known && (textDate == "" || !d.inCalendar(country, textDate)) || textDate == "" && ahead {
				textDate = start
			}
		}
	}
	// The calendar decides when it knows an election of this country near
	// publication; a date from the text stands alone only for elections the
	// calendar does not list (a text date next to "election" is as often an
	// accreditation deadline as the vote).
	var date, calType string
	if textDate != "" && d.inCalendar(country, textDate) {
		date = textDate
	} else if e, ok := d.nearestElection(country, typ); ok {
		date, calType = e.Date, e.Type
	} else {
		date = textDate
	}
	if date != "" && calType == "" {
		if e, ok := d.calendarOn(country, date, typ); ok {
			calType = e.Type
		}
	}
	// the calendar's type wins over words when that day held no election of the worded type
	if calType != "" && typ != calType {
		if _, ok := d.calendarOn(country, date, typ); !ok || typ == "" {
			typ = calType
		}
	}
	for i := range facts {
		facts[i].ElectionDate = date
		facts[i].ElectionType = typ
		facts[i].ElectionCountry = country
	}
}

// nearestElection returns the calendar's election of the country closest
// after publication (observers are accredited before the vote), else the
// latest shortly before it (reports after the vote).
func (d *doc) nearestElection(country, typ string) (Election, bool) {
	if d.pub.IsZero() || country == "" {
		return Election{}, false
	}
	from := d.pub.AddDate(0, 0, -30)
	to := d.pub.AddDate(0, 9, 0)
	es := d.x.cal.Between(country, typ, from, to)
	if len(es) == 0 && typ != "" {
		es = d.x.cal.Between(country, "", from, to)
	}
	if len(es) == 0 {
		return Election{}, false
	}
	pubDay := d.pub.Format("2006-01-02")
	sort.SliceStable(es, func(a, b int) bool { return es[a].Date < es[b].Date })
	for _, e := range es {
		if e.Date >= pubDay {
			return e, true
		}
	}
	return es[len(es)-1], true
}

func (d *doc) inCalendar(country, date string) bool {
	_, ok := d.calendarOn(country, date, "")
	return ok
}

func (d *doc) calendarOn(country, date, typ string) (Election, bool) {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return Election{}, false
	}
	es := d.x.cal.Between(country, typ, t, t)
	if len(es) == 0 && typ != "" {
		es = d.x.cal.Between(country, "", t, t)
	}
	if len(es) == 0 {
		return Election{}, false
	}
	return es[0], true
}

// electionType reads the kind of election the article is about from its
// title and body: the cue named most often, the title counting double.
func (d *doc) electionType() string {
	count := map[string]int{}
	scan := func(text string, weight int) {
		low := strings.ToLower(text)
		for _, c := range electionTypeCues {
			for _, st := range c.stems {
				count[c.typ] += weight * strings.Count(low, st)
			}
		}
	}
	scan(d.a.Title, 3)
	scan(d.a.Body, 1)
	// "parliament" also appears in presidential news ("members of parliament");
	// a referendum or a presidential election named at all outweighs it.
	best, bestN := "", 0
	for _, c := range electionTypeCues {
		n := count[c.typ]
		if c.typ == "parliamentary" {
			n = n * 2 / 3
		}
		if n > bestN {
			best, bestN = c.typ, n
		}
	}
	return best
}

// hostCues are words that place an article's election in a country.
var hostCues = []struct {
	code  string
	words []string
}{
	{"KZ", []string{"majilis", "mazhilis", "maslikhat", "мажилис", "маслихат", "astana", "астана", "almaty", "алматы", "nur-sultan", "нур-султан"}},
	{"KG", []string{"jogorku kenesh", "жогорку кенеш", "bishkek", "бишкек", "kyrgyzstan", "кыргызстан"}},
	{"UZ", []string{"oliy majlis", "олий мажлис", "tashkent", "ташкент"}},
	{"TJ", []string{"majlisi oli", "маджлиси оли", "dushanbe", "душанбе"}},
	{"TM", []string{"ashgabat", "ашхабад", "mejlis", "меджлиса туркменистана"}},
	{"AZ", []string{"milli majlis", "milli mejlis", "милли меджлис", "baku", "баку"}},
	{"BY", []string{"minsk", "минск", "house of representatives of belarus", "палату представителей"}},
	{"RU", []string{"state duma", "госдум", "moscow", "москва"}},
	{"MN", []string{"state great khural", "великий государственный хурал", "ulaanbaatar", "улан-батор"}},
	{"AM", []string{"yerevan", "ереван"}},
	{"GE", []string{"tbilisi", "тбилиси"}},
}
