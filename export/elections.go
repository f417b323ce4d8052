package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// ElectionRow reconciles the facts of many articles about one election and
// one observer group: what a researcher wants in one line.
type ElectionRow struct {
	ElectionCountry  string   `json:"election_country"`
	ElectionDate     string   `json:"election_date"`
	ElectionType     string   `json:"election_type"`
	SubjectCode      string   `json:"subject_code"`
	SubjectCanonical string   `json:"subject_canonical"`
	SubjectKind      string   `json:"subject_kind"`
	LatestAccredited int      `json:"latest_accredited"` // -1: no accredited count stated
	LatestAsOf       string   `json:"latest_as_of"`      // as_of of that count, else its article's publication date
	Largest          int      `json:"largest"`
	LargestStatus    string   `json:"largest_status"`
	Articles         int      `json:"articles"` // distinct articles stating a count for this group
	Facts            int      `json:"facts"`
	FactIDs          []string `json:"fact_ids"`
}

// ElectionColumns are the CSV columns of ElectionRow, in order.
var ElectionColumns = []string{"election_country", "election_date", "election_type", "subject_code", "subject_canonical",
	"subject_kind", "latest_accredited", "latest_as_of", "largest", "largest_status", "articles", "facts", "fact_ids"}

// Reconcile groups fact rows by election (country, date and type) and observer group
// (code, else canonical name). Facts with no election date are grouped
// under an empty date so nothing is silently dropped.
func Reconcile(rows []Row) []ElectionRow {
	type acc struct {
		row      ElectionRow
		articles map[string]bool
		latest   string // date of the latest accredited count
	}
	groups := map[string]*acc{}
	var order []string
	for _, r := range rows {
		who := r.SubjectCode
		if who == "" {
			who = strings.ToLower(r.SubjectCanonical)
		}
		key := r.ElectionCountry + "|" + r.ElectionDate + "|" + r.ElectionType + "|" + who
		a := groups[key]
		if a == nil {
			a = &acc{row: ElectionRow{ElectionCountry: r.ElectionCountry, ElectionDate: r.ElectionDate, ElectionType: r.ElectionType,
				SubjectCode: r.SubjectCode, SubjectCanonical: r.SubjectCanonical, SubjectKind: r.SubjectKind,
				LatestAccredited: -1}, articles: map[string]bool{}}
			groups[key] = a
			order = append(order, key)
		}
		a.row.Facts++
		a.row.FactIDs = append(a.row.FactIDs, r.FactID)
		a.articles[r.SourceURL] = true
		if r.Observers > a.row.Largest {
			a.row.Largest, a.row.LargestStatus = r.Observers, r.Status
		}
		if r.Status == "accredited" {
			when := r.AsOf
			if when == "" && len(r.PublishedAt) >= 10 {
				when = r.PublishedAt[:10]
			}
			// latest date wins; on the same date the larger count (accreditation only grows)
			if a.row.LatestAccredited < 0 || when > a.latest || when == a.latest && r.Observers > a.row.LatestAccredited {
				a.row.LatestAccredited, a.row.LatestAsOf, a.latest = r.Observers, when, when
			}
		}
	}
	out := make([]ElectionRow, 0, len(order))
	for _, k := range order {
		a := groups[k]
		a.row.Articles = len(a.articles)
		out = append(out, a.row)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].ElectionCountry != out[j].ElectionCountry {
			return out[i].ElectionCountry < out[j].ElectionCountry
		}
		if out[i].ElectionDate != out[j].ElectionDate {
			return out[i].ElectionDate > out[j].ElectionDate
		}
		if out[i].ElectionType != out[j].ElectionType {
			return out[i].ElectionType < out[j].ElectionType
		}
		if out[i].SubjectKind != out[j].SubjectKind {
			return out[i].SubjectKind < out[j].SubjectKind
		}
		return out[i].Largest > out[j].Largest
	})
	return out
}

// WriteElections writes election rows as CSV or TSV (with opts) or JSON
// Lines.
func WriteElections(w io.Writer, format string, rows []ElectionRow, opts CSVOptions) error {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, r := range rows {
			if r.FactIDs == nil {
				r.FactIDs = []string{}
			}
			if err := enc.Encode(r); err != nil {
				return fmt.Errorf("export: write elections: %w", err)
			}
		}
		return nil
	case "csv", "tsv":
		if opts.BOM {
			if _, err := io.WriteString(w, "\uFEFF"); err != nil {
				return fmt.Errorf("export: write elections: %w", err)
			}
		}
		cw := csv.NewWriter(w)
		if format == "tsv" {
			cw.Comma = '\t'
		}
		cell := func(s string) string {
			if opts.Raw {
				return s
			}
			return Neutralize(s)
		}
		if err := cw.Write(ElectionColumns); err != nil {
			return fmt.Errorf("export: write elections: %w", err)
		}
		for _, r := range rows {
			latest := ""
			if r.LatestAccredited >= 0 {
				latest = strconv.Itoa(r.LatestAccredited)
			}
			rec := []string{cell(r.ElectionCountry), cell(r.ElectionDate), cell(r.ElectionType), cell(r.SubjectCode), cell(r.SubjectCanonical),
				cell(r.SubjectKind), latest, cell(r.LatestAsOf), strconv.Itoa(r.Largest), cell(r.LargestStatus),
				strconv.Itoa(r.Articles), strconv.Itoa(r.Facts), strings.Join(r.FactIDs, " ")}
			if err := cw.Write(rec); err != nil {
				return fmt.Errorf("export: write elections: %w", err)
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return fmt.Errorf("export: write elections: %w", err)
		}
		return nil
	}
	return fmt.Errorf("unknown format %q: use %s", format, strings.Join(TextFormats, ", "))
}
