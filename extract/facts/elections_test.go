package facts

import (
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/extract/article"
)

// TestElectionFromOwnWords checks that a fact takes the election its
// article names in its own words (a date next to an election word, its
// type, its country), checked against the calendar, and none when the
// article does not tell.
func TestElectionFromOwnWords(t *testing.T) {
	astana := time.FixedZone("+06:00", 6*3600)
	tests := []struct {
		name, title, body string
		published         time.Time
		want              [3]string // country, date, type
	}{
		{"abbreviated month, no country named, dateline only",
			"Election body accredits 295 foreign observers",
			"ASTANA – The Central Election Commission said on Nov. 8 that it had accredited 295 observers from abroad for the Nov. 20 early presidential election.",
			time.Date(2022, 11, 9, 12, 0, 0, 0, astana), [3]string{"KZ", "2022-11-20", "presidential"}},
		{"month before day, Majilis named",
			"Observers arrive",
			"Some 600 foreign observers are expected to monitor the March 19 Majilis elections, the commission said.",
			time.Date(2023, 3, 1, 10, 0, 0, 0, astana), [3]string{"KZ", "2023-03-19", "parliamentary"}},
		{"Russian, day before month, year from publication",
			"Наблюдатели прибывают",
			"Центризбирком Казахстана аккредитовал 120 иностранных наблюдателей на выборы в Мажилис 10 января.",
			time.Date(2020, 12, 28, 10, 0, 0, 0, astana), [3]string{"KZ", "2021-01-10", "parliamentary"}},
		{"Russian, the same day held two countries' votes: the type tells",
			"Наблюдатели на президентских выборах",
			"На президентские выборы 10 января прибыли 70 иностранных наблюдателей.",
			time.Date(2021, 1, 5, 10, 0, 0, 0, astana), [3]string{"KG", "2021-01-10", "presidential"}},
		{"kk: the electoral bodies of neighbours send observers; they do not hold the vote",
			"Референдумды 30 елден келген байқаушылар бақылайды",
			"ҚазАқпарат – Орталық референдум комиссиясы 281 халықаралық байқаушыны аккредиттеді. Әзірбайжан, Қырғызстан және Тәжікстанның сайлау органдары үш байқаушыдан ұсынды. Дауыс беру 6 қазанда өтеді.",
			time.Date(2024, 10, 2, 12, 0, 0, 0, time.FixedZone("+05:00", 5*3600)), [3]string{"KZ", "2024-10-06", "referendum"}},
		{"no date, no country, no publication date: unknown",
			"Mission deploys observers",
			"The Commonwealth of Independent States will send 40 observers, its secretariat said.",
			time.Time{}, [3]string{"", "", ""}},
	}
	x := NewExtractor()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			facts, _ := x.Extract(&article.Article{Title: tt.title, Body: tt.body, PublishedAt: tt.published})
			if len(facts) == 0 {
				t.Fatalf("no fact in %q", tt.body)
			}
			for _, f := range facts {
				if got := [3]string{f.ElectionCountry, f.ElectionDate, f.ElectionType}; got != tt.want && (tt.want[1] != "" || got[1] != "") {
					t.Errorf("%s %d: election %q, want %q", f.Subject, f.Count, got, tt.want)
				}
			}
		})
	}
}
