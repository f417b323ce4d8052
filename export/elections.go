package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// ElectionRow reconciles the facts of many articles about one election and
// one observer group: what a researcher wants in one line. Text fields are
// "" when missing; counts are -1 when missing.
type ElectionRow struct {
	ElectionCountry string
	ElectionDate    string
	ElectionType    string
	// ElectionUnknown marks a row of facts whose election the article does
	// not tell (no date): such a row holds one article, never merged with
	// other articles, which may be about other elections.
	ElectionUnknown  bool
	SubjectCode      string
	SubjectCanonical string
	SubjectKind      string
	// LatestAccredited is the final accredited count: the largest count
	// stated with status accredited (accreditation grows until the vote, so
	// a later article restating an interim total does not lower it). -1 when
	// no accredited count is stated.
	LatestAccredited int
	// LatestAsOf is the earliest date that count was stated for: its as_of,
	// else its article's publication date ("" when only undated articles
	// state it).
	LatestAsOf       string
	Largest          int    // the largest count stated, whatever its status
	LargestQualifier string // exact, at_least, about, up_to: how Largest was stated
	LargestStatus    string // accredited, expected, ...: what Largest counted
	Articles         int    // distinct articles stating a count for this group
	Facts            int
	FactIDs          []string
}

// ElectionColumns are the columns of ElectionRow, in order.
var ElectionColumns = []string{"election_country", "election_date", "election_type", "election_unknown",
	"subject_code", "subject_canonical", "subject_kind", "latest_accredited", "latest_as_of", "largest",
	"largest_qualifier", "largest_status", "articles", "facts", "fact_ids"}

// electionNumeric are the integer columns of ElectionColumns.
var electionNumeric = map[string]bool{"latest_accredited": true, "largest": true, "articles": true, "facts": true}

// Reconcile groups fact rows by election (country, date and type) and observer group
// (code, else canonical name). Facts with no election date are grouped per
// article and flagged ElectionUnknown, so nothing is dropped and no two
// articles about possibly different elections are merged.
func Reconcile(rows []Row) []ElectionRow {
	type acc struct {
		row      ElectionRow
		articles map[string]bool
	}
	groups := map[string]*acc{}
	var order []string
	for _, r := range rows {
		key := electionKey(r)
		a := groups[key]
		if a == nil {
			a = &acc{row: ElectionRow{ElectionCountry: r.ElectionCountry, ElectionDate: r.ElectionDate, ElectionType: r.ElectionType,
				ElectionUnknown: r.ElectionDate == "", SubjectCode: r.SubjectCode, SubjectCanonical: r.SubjectCanonical,
				SubjectKind: r.SubjectKind, LatestAccredited: -1}, articles: map[string]bool{}}
			groups[key] = a
			order = append(order, key)
		}
		a.row.add(r)
		a.articles[r.SourceURL] = true
	}
	out := make([]ElectionRow, 0, len(order))
	for _, k := range order {
		a := groups[k]
		a.row.Articles = len(a.articles)
		out = append(out, a.row)
	}
	sort.SliceStable(out, func(i, j int) bool { return electionLess(out[i], out[j]) })
	return out
}

// electionKey is the group of a fact: its election and observer group, and
// its article when the election is unknown.
func electionKey(r Row) string {
	who := r.SubjectCode
	if who == "" {
		who = strings.ToLower(r.SubjectCanonical)
	}
	key := r.ElectionCountry + "|" + r.ElectionDate + "|" + r.ElectionType + "|" + who
	if r.ElectionDate == "" {
		key += "|" + r.SourceURL
	}
	return key
}

// add counts fact r into the row.
func (e *ElectionRow) add(r Row) {
	e.Facts++
	e.FactIDs = append(e.FactIDs, r.FactID)
	if r.Observers > e.Largest {
		e.Largest, e.LargestQualifier, e.LargestStatus = r.Observers, r.Qualifier, r.Status
	}
	if r.Status != "accredited" {
		return
	}
	when := r.AsOf
	if when == "" {
		when = r.PublishedDate
	}
	switch {
	case r.Observers > e.LatestAccredited:
		e.LatestAccredited, e.LatestAsOf = r.Observers, when
	case r.Observers == e.LatestAccredited && when != "" && (e.LatestAsOf == "" || when < e.LatestAsOf):
		e.LatestAsOf = when // first stated then; restatements come later
	}
}

// electionLess orders rows by country, election (latest first, unknown
// last), type, kind and size.
func electionLess(a, b ElectionRow) bool {
	if a.ElectionCountry != b.ElectionCountry {
		return a.ElectionCountry < b.ElectionCountry
	}
	if a.ElectionDate != b.ElectionDate {
		return a.ElectionDate > b.ElectionDate
	}
	if a.ElectionType != b.ElectionType {
		return a.ElectionType < b.ElectionType
	}
	if a.SubjectKind != b.SubjectKind {
		return a.SubjectKind < b.SubjectKind
	}
	return a.Largest > b.Largest
}

// Values returns the row's cells in the order of ElectionColumns: missing
// text and counts are "", election_unknown is true or false, fact_ids are
// separated by spaces.
func (e ElectionRow) Values() []string {
	count := func(n int) string {
		if n < 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	largest := ""
	if e.Facts > 0 {
		largest = strconv.Itoa(e.Largest)
	}
	return []string{e.ElectionCountry, e.ElectionDate, e.ElectionType, strconv.FormatBool(e.ElectionUnknown),
		e.SubjectCode, e.SubjectCanonical, e.SubjectKind, count(e.LatestAccredited), e.LatestAsOf, largest,
		e.LargestQualifier, e.LargestStatus, strconv.Itoa(e.Articles), strconv.Itoa(e.Facts), strings.Join(e.FactIDs, " ")}
}

// appendJSON appends e as one JSON object with the keys of ElectionColumns
// in order: counts as numbers, election_unknown a boolean, fact_ids an
// array, missing values null.
func (e ElectionRow) appendJSON(b []byte) []byte {
	b = append(b, '{')
	for i, v := range e.Values() {
		if i > 0 {
			b = append(b, ',')
		}
		col := ElectionColumns[i]
		b = appendString(b, col)
		b = append(b, ':')
		switch {
		case col == "fact_ids":
			b = append(b, '[')
			for k, id := range e.FactIDs {
				if k > 0 {
					b = append(b, ',')
				}
				b = appendString(b, id)
			}
			b = append(b, ']')
		case v == "":
			b = append(b, "null"...)
		case electionNumeric[col], col == "election_unknown":
			b = append(b, v...)
		default:
			b = appendString(b, v)
		}
	}
	return append(b, '}')
}

// WriteElections writes election rows as CSV or TSV (with opts) or JSON
// Lines.
func WriteElections(w io.Writer, format string, rows []ElectionRow, opts CSVOptions) error {
	var err error
	switch format {
	case "jsonl":
		err = writeElectionsJSONL(w, rows)
	case "csv", "tsv":
		err = writeElectionsCSV(w, format, rows, opts)
	default:
		return fmt.Errorf("unknown format %q: use %s", format, strings.Join(TextFormats, ", "))
	}
	if err != nil {
		return fmt.Errorf("export: write elections: %w", err)
	}
	return nil
}

func writeElectionsJSONL(w io.Writer, rows []ElectionRow) error {
	bw := bufio.NewWriter(w)
	var buf []byte
	for _, r := range rows {
		buf = append(r.appendJSON(buf[:0]), '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func writeElectionsCSV(w io.Writer, format string, rows []ElectionRow, opts CSVOptions) error {
	if opts.BOM {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	if format == "tsv" {
		cw.Comma = '\t'
	}
	if err := cw.Write(ElectionColumns); err != nil {
		return err
	}
	for _, r := range rows {
		rec := r.Values()
		if !opts.Raw {
			for i, v := range rec {
				if !electionNumeric[ElectionColumns[i]] {
					rec[i] = Neutralize(v)
				}
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
