package facts

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/internal/sharedtest"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDefaultCalendarKnownDates(t *testing.T) {
	c := DefaultCalendar()
	tests := []struct {
		country, date, typ string
	}{
		{"KZ", "1991-12-01", ElectionPresidential},
		{"KZ", "1995-04-29", ElectionReferendum},
		{"KZ", "1995-08-30", ElectionReferendum},
		{"KZ", "1999-01-10", ElectionPresidential},
		{"KZ", "2005-12-04", ElectionPresidential},
		{"KZ", "2011-04-03", ElectionPresidential},
		{"KZ", "2015-04-26", ElectionPresidential},
		{"KZ", "2019-06-09", ElectionPresidential},
		{"KZ", "2021-01-10", ElectionParliamentary},
		{"KZ", "2021-01-10", ElectionMaslikhat},
		{"KZ", "2022-06-05", ElectionReferendum},
		{"KZ", "2022-11-20", ElectionPresidential},
		{"KZ", "2023-01-14", ElectionSenate},
		{"KZ", "2023-03-19", ElectionParliamentary},
		{"KZ", "2023-03-19", ElectionMaslikhat},
		{"KZ", "2024-10-06", ElectionReferendum},
		{"KG", "2021-01-10", ElectionPresidential},
		{"UZ", "2023-07-09", ElectionPresidential},
		{"RU", "2024-03-15", ElectionPresidential},
		{"MD", "2024-10-20", ElectionReferendum},
	}
	for _, tt := range tests {
		got := c.Between(tt.country, tt.typ, day(tt.date), day(tt.date))
		if len(got) != 1 || got[0].Date != tt.date || got[0].Country != tt.country || got[0].Type != tt.typ {
			t.Errorf("Between(%s, %s, %s) = %+v, want one election", tt.country, tt.typ, tt.date, got)
			continue
		}
		if !strings.HasPrefix(got[0].Source, "http") || got[0].Name == "" {
			t.Errorf("%s %s: name %q, source %q", tt.country, tt.date, got[0].Name, got[0].Source)
		}
	}
}

func TestCalendarBetween(t *testing.T) {
	c := DefaultCalendar()
	tests := []struct {
		name         string
		country, typ string
		from, to     string
		want         []string // country/date/type
	}{
		{"kz 2021 both types", "KZ", "", "2021-01-01", "2021-12-31",
			[]string{"KZ/2021-01-10/maslikhat", "KZ/2021-01-10/parliamentary"}},
		{"kz majilis only", "KZ", ElectionParliamentary, "2020-01-01", "2023-12-31",
			[]string{"KZ/2021-01-10/parliamentary", "KZ/2023-03-19/parliamentary"}},
		{"any country one day", "", "", "2021-01-10", "2021-01-10",
			[]string{"KG/2021-01-10/presidential", "KG/2021-01-10/referendum", "KZ/2021-01-10/maslikhat", "KZ/2021-01-10/parliamentary"}},
		{"bounds inclusive", "KZ", ElectionReferendum, "2022-06-05", "2024-10-06",
			[]string{"KZ/2022-06-05/referendum", "KZ/2024-10-06/referendum"}},
		{"empty range", "KZ", "", "2022-06-06", "2022-11-19", nil},
		{"unknown country", "FR", "", "1991-01-01", "2030-01-01", nil},
		{"reversed range", "KZ", "", "2023-01-01", "2022-01-01", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range c.Between(tt.country, tt.typ, day(tt.from), day(tt.to)) {
				got = append(got, e.Country+"/"+e.Date+"/"+e.Type)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCalendarIgnoresTimeOfDay(t *testing.T) {
	// 2023-03-19 00:30 in Astana is still 2023-03-18 in UTC: the caller's
	// calendar date counts.
	astana := time.FixedZone("+05", 5*3600)
	at := time.Date(2023, 3, 19, 0, 30, 0, 0, astana)
	got := DefaultCalendar().Between("KZ", ElectionParliamentary, at, at)
	if len(got) != 1 || got[0].Date != "2023-03-19" {
		t.Errorf("got %+v", got)
	}
}

func TestDefaultCalendarSortedAndCovering(t *testing.T) {
	all := DefaultCalendar().Between("", "", day("1900-01-01"), day("2100-01-01"))
	seen := map[string]bool{}
	for i, e := range all {
		if i > 0 && all[i-1].Date > e.Date {
			t.Errorf("not sorted: %s before %s", all[i-1].Date, e.Date)
		}
		if e.Date < "1991-01-01" {
			t.Errorf("%s %s: before 1991", e.Country, e.Date)
		}
		seen[e.Country] = true
	}
	for _, cc := range []string{"KZ", "KG", "UZ", "TJ", "TM", "AZ", "BY", "RU", "MN", "AM", "GE", "MD"} {
		if !seen[cc] {
			t.Errorf("no elections for %s", cc)
		}
	}
}

func TestNewCalendarRejectsBadRows(t *testing.T) {
	const header = "country,date,type,name,source,checked\n"
	tests := []struct{ name, data string }{
		{"no header", "KZ,2021-01-10,parliamentary,x,y,\n"},
		{"old header", "country,date,type,name,source\nKZ,2021-01-10,parliamentary,x,y\n"},
		{"bad date", header + "KZ,2021-13-10,parliamentary,x,y,\n"},
		{"bad type", header + "KZ,2021-01-10,snap_presidential,x,y,\n"},
		{"bad country", header + "Kazakhstan,2021-01-10,parliamentary,x,y,\n"},
		{"bad checked", header + "KZ,2021-01-10,parliamentary,x,y,yesterday\n"},
		{"short row", header + "KZ,2021-01-10,parliamentary,x\n"},
	}
	for _, tt := range tests {
		if _, err := NewCalendar(strings.NewReader(tt.data)); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

// TestCalendarChecked checks that every row of the seven checked countries
// has its source and the day of the check, that the votes the check found
// missing are there, and that the other countries' rows say they were not
// checked.
func TestCalendarChecked(t *testing.T) {
	c := DefaultCalendar()
	checked := map[string]bool{"KZ": true, "KG": true, "UZ": true, "TJ": true, "AZ": true, "BY": true, "TM": true}
	n := 0
	for _, e := range c.Between("", "", day("1900-01-01"), day("2100-01-01")) {
		switch {
		case checked[e.Country] && (e.Checked == "" || !strings.Contains(e.Source, "://")):
			t.Errorf("%s %s %s: checked %q, source %q", e.Country, e.Date, e.Type, e.Checked, e.Source)
		case !checked[e.Country] && e.Checked != "":
			t.Errorf("%s %s: marked checked", e.Country, e.Date)
		case checked[e.Country]:
			n++
		}
	}
	if n != 158 { // 143 confirmed + 15 added
		t.Errorf("%d checked rows, want 158", n)
	}
	for _, e := range []struct{ country, date, typ string }{
		{"KZ", "2026-03-15", ElectionReferendum},
		{"KZ", "2026-08-23", ElectionParliamentary},
		{"KZ", "2020-08-12", ElectionSenate},
		{"KZ", "2003-09-20", ElectionMaslikhat},
		{"UZ", "2024-10-27", ElectionSenate},
		{"TM", "2021-03-28", ElectionSenate},
	} {
		if got := c.Between(e.country, e.typ, day(e.date), day(e.date)); len(got) != 1 {
			t.Errorf("%s %s %s: %d rows, want the added one", e.country, e.date, e.typ, len(got))
		}
	}
}

// TestCalendarMatchesCheck compares the calendar with the check it was
// updated from, when that file is at hand.
func TestCalendarMatchesCheck(t *testing.T) {
	f, err := os.Open(sharedtest.Path(t, "research/elections-check.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	c := DefaultCalendar()
	for _, rec := range recs[1:] { // country,date,type,verdict,source_url,note
		got := c.Between(rec[0], rec[2], day(rec[1]), day(rec[1]))
		if rec[3] != "confirmed" && rec[3] != "missing" {
			continue
		}
		if len(got) != 1 || got[0].Source != rec[4] {
			t.Errorf("%s %s %s (%s): calendar has %+v, want one row with source %s", rec[0], rec[1], rec[2], rec[3], got, rec[4])
		}
	}
}

func TestCalendarCountryOn(t *testing.T) {
	c := DefaultCalendar()
	tests := []struct{ date, typ, want string }{
		{"2022-11-20", ElectionPresidential, "KZ"},
		{"2023-03-19", ElectionParliamentary, "KZ"},
		{"2021-01-10", "", ""}, // Kazakhstan's Majilis and Kyrgyzstan's president on one day
		{"2021-01-10", ElectionPresidential, "KG"},
		{"2022-11-21", ElectionPresidential, ""},
	}
	for _, tt := range tests {
		if got := c.CountryOn(tt.date, tt.typ); got != tt.want {
			t.Errorf("CountryOn(%s, %q) = %q, want %q", tt.date, tt.typ, got, tt.want)
		}
	}
}
