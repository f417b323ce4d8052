package lang

import "testing"

// TestClassesNamed checks that every class has a section name.
func TestClassesNamed(t *testing.T) {
	for c := Class(0); c < numClasses; c++ {
		if classNames[c] == "" {
			t.Errorf("class %d has no name", c)
		}
	}
}

// TestDataFilesParse loads every embedded data file: a typo in a section
// name or an entry fails here, not in a user's run.
func TestDataFilesParse(t *testing.T) {
	m, err := loaded()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []Code{English, Russian, Kazakh} {
		if m[c] == nil {
			t.Errorf("no data file for %s", c)
		}
	}
}

// TestDetect: Kazakh from Russian in Cyrillic, Kazakh in Latin script from
// English, and short texts that do not settle it.
func TestDetect(t *testing.T) {
	tests := []struct {
		text string
		want Code
		sure bool
	}{
		{"Орталық сайлау комиссиясы 37 шетелдік байқаушыны аккредиттеуден өткізді.", Kazakh, true},
		{"Центральная избирательная комиссия аккредитовала 37 иностранных наблюдателей.", Russian, true},
		{"The Central Election Commission has accredited 37 foreign observers.", English, true},
		{"Saılaýǵa 37 sheteldik baıqaýshy qatysady, dep málimdedi Ortalyq saılaý komıssııasy.", Kazakh, true},
		{"Миссия наблюдателей СНГ во главе с Сергеем Лебедевым и Нурланом Абдировым прибыла в Астану.", Russian, true},
		{"ШЫҰ – 9", Kazakh, false},
		{"CIS – 48;", English, false},
	}
	for _, tc := range tests {
		got, sure := Detect(tc.text)
		if got != tc.want || sure != tc.sure {
			t.Errorf("Detect(%q) = %s, %v; want %s, %v", tc.text, got, sure, tc.want, tc.sure)
		}
	}
}
