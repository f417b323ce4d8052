package facts

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"
)

// Election is one national election or referendum.
type Election struct {
	Country string // ISO 3166-1 alpha-2
	Date    string // election day (first round; first day of a multi-day vote), YYYY-MM-DD
	Type    string // presidential, parliamentary, senate, maslikhat, local, referendum
	Name    string // e.g. "Majilis elections", "Snap presidential election"
	Source  string // URL of the page the date was checked against (or compiled from)
	Checked string // the day the date was checked against Source, YYYY-MM-DD; "" if not checked
}

// Election types of the calendar.
const (
	ElectionPresidential  = "presidential"
	ElectionParliamentary = "parliamentary"
	ElectionSenate        = "senate"
	ElectionMaslikhat     = "maslikhat"
	ElectionLocal         = "local"
	ElectionReferendum    = "referendum"
)

// Calendar is a list of elections sorted by date, then country and type. It is immutable and safe
// for concurrent use.
type Calendar struct {
	elections []Election
}

var (
	//go:embed data/elections.csv
	electionsCSV string

	defaultCalendar = sync.OnceValue(func() *Calendar {
		c, err := NewCalendar(strings.NewReader(electionsCSV))
		if err != nil {
			panic(err) // the embedded data is checked by the tests
		}
		return c
	})
)

// DefaultCalendar returns the calendar of the embedded data/elections.csv.
func DefaultCalendar() *Calendar { return defaultCalendar() }

// NewCalendar reads a calendar in the format of data/elections.csv: lines
// starting with "#" are comments, then a header
// "country,date,type,name,source,checked" and one row per election.
func NewCalendar(r io.Reader) (*Calendar, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = 6
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("calendar: read header: %w", err)
	}
	if strings.Join(header, ",") != "country,date,type,name,source,checked" {
		return nil, fmt.Errorf("calendar: unexpected header %q", header)
	}
	var c Calendar
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("calendar: %w", err)
		}
		e := Election{Country: rec[0], Date: rec[1], Type: rec[2], Name: rec[3], Source: rec[4], Checked: rec[5]}
		if len(e.Country) != 2 || strings.ToUpper(e.Country) != e.Country {
			return nil, fmt.Errorf("calendar: %s %s: country is not an ISO alpha-2 code", e.Country, e.Date)
		}
		if _, err := time.Parse(time.DateOnly, e.Date); err != nil {
			return nil, fmt.Errorf("calendar: %s %s: %w", e.Country, e.Date, err)
		}
		if e.Checked != "" {
			if _, err := time.Parse(time.DateOnly, e.Checked); err != nil {
				return nil, fmt.Errorf("calendar: %s %s: checked: %w", e.Country, e.Date, err)
			}
		}
		switch e.Type {
		case ElectionPresidential, ElectionParliamentary, ElectionSenate, ElectionMaslikhat, ElectionLocal, ElectionReferendum:
		default:
			return nil, fmt.Errorf("calendar: %s %s: unknown type %q", e.Country, e.Date, e.Type)
		}
		c.elections = append(c.elections, e)
	}
	sort.SliceStable(c.elections, func(i, j int) bool {
		a, b := c.elections[i], c.elections[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.Country != b.Country {
			return a.Country < b.Country
		}
		return a.Type < b.Type
	})
	return &c, nil
}

// Between returns the elections in country (any country if "") with type
// typ (any if "") whose date lies in [from, to], sorted by date. Only the
// calendar dates of from and to count, not their time of day or zone.
func (c *Calendar) Between(country, typ string, from, to time.Time) []Election {
	lo, hi := from.Format(time.DateOnly), to.Format(time.DateOnly)
	start := sort.Search(len(c.elections), func(i int) bool { return c.elections[i].Date >= lo })
	var out []Election
	for _, e := range c.elections[start:] {
		if e.Date > hi {
			break
		}
		if (country == "" || e.Country == country) && (typ == "" || e.Type == typ) {
			out = append(out, e)
		}
	}
	return out
}

// CountryOn returns the one country whose calendar holds an election of
// type typ (any if "") on date, or "" when none or several do. An article
// that names its election's date ("the Nov. 20 early presidential
// election") but not its country is placed by it.
func (c *Calendar) CountryOn(date, typ string) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return ""
	}
	country := ""
	for _, e := range c.Between("", typ, t, t) {
		if country != "" && e.Country != country {
			return ""
		}
		country = e.Country
	}
	return country
}

// electionReference is the day an article's election words are read from:
// its publication, else the full date of its dateline ("COPENHAGEN,
// 13 March 2023 – ..."), the first dated sentence of the first two, so that
// "the 19 March elections" of an undated text dump gets its year.
func (d *doc) electionReference() time.Time {
	if !d.pub.IsZero() {
		return d.pub
	}
	for i := 0; i < len(d.sents) && i < 2; i++ {
		d.analyse(i)
		for _, ds := range d.sents[i].dates {
			if ds.y != 0 && ds.m != 0 && ds.d != 0 && ds.d2 == 0 {
				return time.Date(ds.y, time.Month(ds.m), ds.d, 12, 0, 0, 0, time.UTC)
			}
		}
	}
	return time.Time{}
}
