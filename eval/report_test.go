package eval

import (
	"strings"
	"testing"
)

// TestReportText checks the report's shape: a file without gold facts is
// judged by its false positives alone, and the report ends with a labelled
// summary (overall, per language, per rule).
func TestReportText(t *testing.T) {
	gold := []Gold{{File: "a.txt", Subject: "OSCE", SubjectCode: "OSCE", Count: 40}}
	preds := []Prediction{
		{File: "a.txt", Subject: "OSCE", SubjectCode: "OSCE", Count: 40, Rule: "named"},
		{File: "b.txt", Subject: "CIS", SubjectCode: "CIS", Count: 12, Rule: "sender"},
	}
	r := Score(gold, preds, []string{"a.txt", "b.txt", "c.txt"})
	r.Languages = map[string]string{"a.txt": "en", "b.txt": "ru"}
	var sb strings.Builder
	if err := r.WriteText(&sb); err != nil {
		t.Fatal(err)
	}
	out := sb.String()
	for _, want := range []string{
		"  b.txt                              no gold facts; false positives: 1\n",
		"  c.txt                              no gold facts; false positives: 0\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	_, summary, ok := strings.Cut(out, "\nsummary (3 files, 2 of them without gold facts):\n")
	if !ok {
		t.Fatalf("no summary block:\n%s", out)
	}
	var labels []string
	for _, l := range strings.Split(strings.TrimSuffix(summary, "\n"), "\n") {
		labels = append(labels, strings.Join(strings.Fields(l)[:len(strings.Fields(l))-6], " "))
	}
	want := "overall|language en|language ru|language unknown|rule named|rule sender"
	if got := strings.Join(labels, "|"); got != want {
		t.Errorf("summary lines %q, want %q (and nothing after them)", got, want)
	}
	if !strings.Contains(summary, "overall                            tp=1    fp=1    fn=0    precision=0.500") {
		t.Errorf("overall line:\n%s", summary)
	}
}
