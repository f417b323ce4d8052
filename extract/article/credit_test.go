package article

import "testing"

// TestCreditLine: the credit lines of each language's [list credit], and
// lines that only start like one.
func TestCreditLine(t *testing.T) {
	tests := []struct {
		line, name string
		ok         bool
	}{
		{"Translation by Dana Omarova", "Dana Omarova", true},
		{"Editing by: Marat Iskakov.", "Marat Iskakov", true},
		{"TRANSLATED BY Aigul Zhunusova", "Aigul Zhunusova", true},
		{"Аударған Әлия Жүнісова", "Әлия Жүнісова", true},
		{"Редакторы Тимур Баймұханов", "Тимур Баймұханов", true},
		{"Written by the commission's press service in Astana", "", false},
		{"Редакторлар кеңесі бүгін жиналды", "", false},
		{"Translation by", "", false},
		{"The CEC accredited 40 observers.", "", false},
	}
	for _, tc := range tests {
		name, ok := creditLine(tc.line)
		if name != tc.name || ok != tc.ok {
			t.Errorf("creditLine(%q) = %q, %v; want %q, %v", tc.line, name, ok, tc.name, tc.ok)
		}
	}
}
