package lang

import (
	"fmt"
	"strings"
	"testing"
)

// TestKazakhNumbers: digits with a case ending after a hyphen, number words
// with endings joined to them, and thousands read with their ending.
func TestKazakhNumbers(t *testing.T) {
	kk := For(Kazakh)
	tests := []struct {
		text string
		want []int   // the numbers read
		cls  []Class // a class the first number must carry
	}{
		{"қатары 62-ге жетті", []int{62}, []Class{DativeSuffix}},
		{"400-дей бақылаушы", []int{400}, []Class{QualAboutSuffix}},
		{"Олардың 29-ы келген", []int{29}, nil},
		{"екі бақылаушыдан", []int{2}, nil},
		{"алтауы келді", []int{6}, nil},
		{"1 мыңнан астам", []int{1000}, []Class{OriginSuffix}},
		{"жеті өкілінен", []int{7}, nil},
		{"1 350 байқаушы", []int{1350}, nil},
	}
	for _, tc := range tests {
		var got []int
		var first *Token
		toks := kk.Tokenize(tc.text)
		for k := range toks {
			if toks[k].Kind == Num {
				got = append(got, toks[k].Num)
				if first == nil {
					first = &toks[k]
				}
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%q: numbers %v, want %v", tc.text, got, tc.want)
			continue
		}
		for _, c := range tc.cls {
			if !first.Is(c) {
				t.Errorf("%q: %q is not %s", tc.text, first.Text, c)
			}
		}
	}
	if !strings.HasPrefix(Lower("ҚАЗАН"), "қазан") {
		t.Error("Lower")
	}
}
