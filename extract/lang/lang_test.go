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
