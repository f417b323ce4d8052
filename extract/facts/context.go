package facts

import (
	"sort"
	"strings"
	"time"

	"github.com/obsfacts/obsfacts/extract/gazetteer"
	"github.com/obsfacts/obsfacts/extract/lang"
)

// Article-level context: which country holds the election, when a count
// holds, which election it is about.

// hostCountry guesses the country holding the election the article is
// about: the country most often named next to an election word, else
// Kazakhstan for Kazakh election vocabulary.
func (d *doc) hostCountry() string {
	// The sentences read for facts usually name the country; only when they
	// do not is the rest of the article read too.
	cues := d.hostCueScores()
	if host, sure := d.scoreHost(cues, false); sure {
		return host
	}
	host, _ := d.scoreHost(cues, true)
	return host
}

// hostCode is the host country, worked out on first use: pages whose
// candidates never ask for it (most pages without facts) skip the work.
func (d *doc) hostCode() string {
	if !d.hostKnown {
		d.host, d.hostKnown = d.hostCountry(), true
	}
	return d.host
}

// hostCueScores counts the words that place an election in a country:
// parliaments and capitals name the country too ("Jogorku Kenesh",
// "BISHKEK, Nov 3 (AKIpress)", "выборы в Милли Меджлис").
func (d *doc) hostCueScores() map[string]int {
	score := map[string]int{}
	for _, c := range d.x.hostCues {
		if n := strings.Count(d.low, c.word); n > 0 {
			score[c.code] += 2 * n
		}
	}
	for _, c := range d.skel.hosts {
		if n := strings.Count(d.match, c.word); n > 0 {
			score[c.code] += 2 * n
		}
	}
	return score
}

// scoreHost scores the countries named in the analysed sentences (all
// sentences when all is set) and reports the host and whether the evidence
// was strong.
func (d *doc) scoreHost(cues map[string]int, all bool) (string, bool) {
	score := make(map[string]int, len(cues))
	for code, n := range cues {
		score[code] = n
	}
	sents := make([]*sentence, 0, len(d.sents)+1)
	if d.a.Title != "" {
		sents = append(sents, d.titleSentence())
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
		accredits := s.hasIn(0, len(s.toks), lang.Accredit)
		sends := s.hasIn(0, len(s.toks), lang.SendCue)
		for _, m := range s.ments {
			e := m.Entity
			if e.Kind != KindCountry || e.Code == "" {
				continue
			}
			score[e.Code]++
			// "elections in Kyrgyzstan", "Kyrgyzstan's presidential election", "выборы в Кыргызстане"
			start, end := tokenRangeOf(s, m)
			score[e.Code] += s.hostCue(start, end, accredits, sends)
		}
	}
	best, bestScore := "", 0
	for code, sc := range score {
		if sc > bestScore || sc == bestScore && code < best {
			best, bestScore = code, sc
		}
	}
	// Kazakh outlets report Kazakh elections unless the text points elsewhere
	kazakhOutlet := containsAny(d.low, d.x.lists.kazakhOutlets) || containsAny(d.a.Site, d.x.lists.kazakhOutlets) ||
		containsAny(d.match, d.skel.kazakhOutlets)
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

// hostCue scores the words around a country's mention at [start,end) as
// signs that it holds the election: the commission that accredits
// observers is the host's ("the CEC of Kazakhstan has accredited", "ЦИК
// Азербайджана аккредитовала"); an election word names the country's vote
// ("elections in Kyrgyzstan", "выборы в Кыргызстане"), but an election
// commission ("Kazakhstan's Central Election Commission") sends observers
// and holds no election.
func (s *sentence) hostCue(start, end int, accredits, sends bool) int {
	for j := max(0, start-4); j < min(len(s.toks), end+4); j++ {
		if s.is(j, lang.Commission) && !sends {
			if accredits {
				return 3
			}
			return 2
		}
		if s.is(j, lang.ElectionWord) && s.is(j+1, lang.ElectionBody) {
			continue
		}
		if s.is(j, lang.ElectionWord) {
			return 3
		}
	}
	return 0
}

func tokenRangeOf(s *sentence, m gazetteer.Mention) (int, int) {
	start, end := -1, -1
	for k, t := range s.toks {
		if t.Start >= m.Start && t.End <= m.End {
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
func (d *doc) timeAnchors(s *sentence, i int) (asOf, pStart, pEnd string) {
	for _, ds := range s.dates {
		start, end := ds.resolve(d.pub)
		if start == "" {
			continue
		}
		switch {
		case s.anchorsAsOf(ds):
			if asOf == "" && ds.d2 == 0 {
				asOf = start
			}
		case end != "" && (s.is(ds.from-1, lang.PeriodPrep) || s.is(ds.to, lang.PeriodPost)):
			pStart, pEnd = start, end
		case s.is(ds.from-1, lang.PeriodFrom):
			// "from 1 November to 7 November" split in two spans
			pStart = start
			if s.is(ds.to, lang.PeriodEnd) {
				for _, ds2 := range s.dates {
					if ds2.from == ds.to+1 {
						pEnd, _ = ds2.resolve(d.pub)
					}
				}
			}
		}
	}
	if asOf == "" && !d.pub.IsZero() && s.hasIn(0, len(s.toks), lang.AsOf) {
		asOf = d.pub.Format("2006-01-02")
	}
	return asOf, pStart, pEnd
}

// anchorsAsOf reports a date the count holds at: "as of 8 November", "by
// 5 May", "to 3 March" (not "from … to"), "на 5 ноября" opening the sentence.
func (s *sentence) anchorsAsOf(ds dateSpan) bool {
	switch {
	case s.lex.MatchEndingAt(lang.AsOfPrep, s.toks, ds.from) > 0:
		return true
	case ds.from == 1 && s.is(0, lang.AsOfAtStart):
		return true
	case s.lex.MatchAt(lang.AsOfPost, s.toks, ds.to) > 0:
		return true // "15 қарашадағы жағдай бойынша"
	case ds.d2 == 0 && s.is(ds.from-1, lang.AsOfTo) && !s.is(ds.from-2, lang.PeriodFrom):
		return true
	}
	return false
}

// electionTypes are the types electionType tells, in order of precedence
// when their cues are named equally often; the cues are every language's
// [list election_type TYPE].
var electionTypes = []string{"referendum", "presidential", "parliamentary", "senate", "maslikhat", "local"}

// fillElection sets election_date and election_type on every fact: from
// dates written next to election words, checked against the calendar, else
// the calendar's election nearest after publication.
func (d *doc) fillElection(facts []Fact) {
	if len(facts) == 0 {
		return
	}
	typ := d.electionType()
	country := d.hostCode()
	ref := d.electionReference()
	textDate := d.textElectionDate(country, ref)
	if country == "" && textDate != "" {
		country = d.x.cal.CountryOn(textDate, typ)
	}
	// The calendar decides when it knows an election of this country near
	// publication; a date from the text stands alone only for elections the
	// calendar does not list (a text date next to "election" is as often an
	// accreditation deadline as the vote).
	var date, calType string
	if textDate != "" && d.inCalendar(country, textDate) {
		date = textDate
	} else if e, ok := d.nearestElection(country, typ, ref); ok {
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

// textElectionDate is the election day the article writes next to an
// election word ("the Nov. 20 early presidential election"), read from ref
// (the publication or dateline), or "".
func (d *doc) textElectionDate(country string, ref time.Time) string {
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
			if !s.hasIn(max(0, ds.from-6), min(len(s.toks), ds.to+5), lang.ElectionWord) {
				continue
			}
			start, _ := ds.resolve(ref)
			if start == "" {
				continue
			}
			if ds.y == 0 && !ref.IsZero() {
				// an election date without a year lies ahead of publication, or just behind it
				t, _ := time.Parse("2006-01-02", start)
				if t.Before(ref.AddDate(0, 0, -45)) {
					start = t.AddDate(1, 0, 0).Format("2006-01-02")
				}
			}
			// a date next to an election word is the election's when the
			// calendar knows it, or when it lies ahead of publication
			// ("the elections slated for 19 March"); past dates are campaign events
			known := d.inCalendar(country, start)
			ahead := !ref.IsZero() && start >= ref.AddDate(0, 0, -3).Format("2006-01-02")
			if known && (textDate == "" || !d.inCalendar(country, textDate)) || textDate == "" && ahead {
				textDate = start
			}
		}
	}
	return textDate
}

// otherTypeDays is how far after publication an election of another type
// than the article names may still be the article's.
const otherTypeDays = 45

// nearestElection returns the calendar's election of the country closest
// after ref, the publication (observers are accredited before the vote),
// else the latest shortly before it (reports after the vote).
func (d *doc) nearestElection(country, typ string, ref time.Time) (Election, bool) {
	if ref.IsZero() || country == "" {
		return Election{}, false
	}
	from := ref.AddDate(0, 0, -30)
	to := ref.AddDate(0, 9, 0)
	es := d.x.cal.Between(country, typ, from, to)
	if len(es) == 0 && typ != "" {
		// The words named another kind of vote than the calendar holds:
		// trust the calendar only for a vote close by, not one months
		// away (a maslikhat by-election is not next year's referendum).
		es = d.x.cal.Between(country, "", from, ref.AddDate(0, 0, otherTypeDays))
	}
	if len(es) == 0 {
		return Election{}, false
	}
	pubDay := ref.Format("2006-01-02")
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
		low, match := strings.ToLower(text), d.skel.matchText(text)
		for _, typ := range electionTypes {
			for _, st := range d.x.electionCues[typ] {
				count[typ] += weight * strings.Count(low, st)
			}
			for _, st := range d.skel.electionCues[typ] {
				count[typ] += weight * strings.Count(match, st)
			}
		}
	}
	scan(d.a.Title, 3)
	scan(d.a.Body, 1)
	// "parliament" also appears in presidential news ("members of parliament");
	// a referendum or a presidential election named at all outweighs it.
	best, bestN := "", 0
	for _, typ := range electionTypes {
		n := count[typ] * 3
		if typ == "parliamentary" {
			n = count[typ] * 2 // two thirds, without losing a single mention to rounding
		}
		if n > bestN {
			best, bestN = typ, n
		}
	}
	return best
}
