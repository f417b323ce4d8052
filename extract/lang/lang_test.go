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
