package facts

import "strings"

// Number words. English and Russian forms (every case, collective numerals)
// map to their values; merged sequences ("twenty five", "сто двадцать")
// add up, "hundred"/"thousand" multiply.

var enNumberWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

var numberMultipliers = map[string]int{
	"hundred": 100, "thousand": 1000,
	"сто": 100, "ста": 100, "сотни": 100, "сотен": 100,
	"тысяча": 1000, "тысячи": 1000, "тысяч": 1000, "тысячу": 1000, "тысячам": 1000, "тыс": 1000,
}

// ruNumberWords holds Russian cardinal and collective numerals in all cases.
var ruNumberWords = buildRuNumberWords()

// ruCollective marks collective numerals ("двое", "по трое").
var ruCollective = map[string]bool{}

func buildRuNumberWords() map[string]int {
	m := map[string]int{}
	add := func(v int, forms ...string) {
		for _, f := range forms {
			m[f] = v
		}
	}
	add(1, "один", "одного", "одному", "одним", "одном", "одна", "одной", "одну", "одно", "одни", "одних")
	add(2, "два", "две", "двух", "двум", "двумя")
	add(3, "три", "трех", "трёх", "трем", "трём", "тремя")
	add(4, "четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя")
	// -ь numerals: пять, пяти, пятью
	for v, stem := range map[int]string{5: "пят", 6: "шест", 7: "сем", 9: "девят", 10: "десят",
		11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат", 15: "пятнадцат",
		16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат", 20: "двадцат", 30: "тридцат"} {
		add(v, stem+"ь", stem+"и", stem+"ью")
	}
	add(8, "восемь", "восьми", "восемью", "восьмью")
	add(40, "сорок", "сорока")
	add(50, "пятьдесят", "пятидесяти", "пятьюдесятью")
	add(60, "шестьдесят", "шестидесяти", "шестьюдесятью")
	add(70, "семьдесят", "семидесяти", "семьюдесятью")
	add(80, "восемьдесят", "восьмидесяти", "восемьюдесятью")
	add(90, "девяносто", "девяноста")
	add(100, "ста")
	add(200, "двести", "двухсот", "двумстам", "двумястами", "двухстах")
	add(300, "триста", "трехсот", "трёхсот", "тремстам", "тремястами", "трехстах")
	add(400, "четыреста", "четырехсот", "четырёхсот", "четыремстам", "четырьмястами")
	for v, stem := range map[int]string{500: "пят", 600: "шест", 700: "сем", 800: "восем", 900: "девят"} {
		add(v, stem+"ьсот", stem+"исот", stem+"ьюстами", stem+"истам", stem+"истах")
	}
	add(800, "восьмисот")
	for v, forms := range map[int][]string{
		2: {"двое", "двоих", "двоим", "двоими"}, 3: {"трое", "троих", "троим", "троими"},
		4: {"четверо", "четверых", "четверым"}, 5: {"пятеро", "пятерых", "пятерым"},
		6: {"шестеро", "шестерых"}, 7: {"семеро", "семерых"}, 8: {"восьмеро", "восьмерых"},
		9: {"девятеро", "девятерых"}, 10: {"десятеро", "десятерых"},
	} {
		for _, f := range forms {
			m[f] = v
			ruCollective[f] = true
		}
	}
	return m
}

// numberWordValue returns the value of a single number word, splitting
// hyphenated English compounds ("twenty-five").
func numberWordValue(low string) (int, bool) {
	if v, ok := enNumberWords[low]; ok {
		return v, true
	}
	if v, ok := ruNumberWords[low]; ok {
		return v, true
	}
	if i := strings.IndexAny(low, "-"); i > 0 {
		a, ok1 := enNumberWords[low[:i]]
		b, ok2 := enNumberWords[low[i+1:]]
		if ok1 && ok2 && a >= 20 && a%10 == 0 && b < 10 {
			return a + b, true
		}
	}
	return 0, false
}

// mergeNumberWords turns runs of number words ("one hundred and twenty",
// "двадцать пять") into single tNum tokens, and applies "thousand"/"тыс."
// after digits ("1.2 thousand" stays unread: decimals are tOther).
func mergeNumberWords(s string, toks []token) []token {
	out := make([]token, 0, len(toks))
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == tNum {
			// "5 thousand", "5 тыс."
			if i+1 < len(toks) && toks[i+1].kind == tWord {
				if m, ok := numberMultipliers[toks[i+1].low]; ok && m == 1000 {
					t.num *= 1000
					t.end = toks[i+1].end
					t.text = s[t.start:t.end]
					i++
				}
			}
			out = append(out, t)
			continue
		}
		if t.kind != tWord {
			out = append(out, t)
			continue
		}
		// "seven-member delegation", "12-strong": the count of a mission
		if i := strings.LastIndexByte(t.low, '-'); i > 0 && memberSuffixes[t.low[i+1:]] {
			if v, ok := numberWordValue(t.low[:i]); ok {
				t.kind, t.num, t.numWord, t.member = tNum, v, true, true
				out = append(out, t)
				continue
			}
		}
		// "тысяча наблюдателей", "полторы сотни", "около полутора тысяч"
		if v, ok := standaloneHundreds(t.low, toks, i); ok {
			t.kind, t.num, t.numWord = tNum, v.value, true
			if v.words == 2 {
				t.end = toks[i+1].end
				t.text = s[t.start:t.end]
				i++
			}
			out = append(out, t)
			continue
		}
		v, ok := numberWordValue(t.low)
		_, isMult := numberMultipliers[t.low]
		if !ok && !(isMult && t.low == "сто") {
			out = append(out, t)
			continue
		}
		if !ok {
			v = 100
		}
		total, current := 0, v
		end, j := t.end, i+1
		collective := ruCollective[t.low]
		for j < len(toks) && toks[j].kind == tWord {
			w := toks[j].low
			if w == "and" && j+1 < len(toks) {
				if _, ok := numberWordValue(toks[j+1].low); ok && current >= 100 {
					j++
					continue
				}
				break
			}
			if m, ok := numberMultipliers[w]; ok && w != "сто" && w != "ста" {
				current *= m
				if m >= 1000 {
					total += current
					current = 0
				}
				end = toks[j].end
				j++
				continue
			}
			if nv, ok := numberWordValue(w); ok && nv < current || (ok && current == 0) {
				current += nv
				end = toks[j].end
				j++
				continue
			}
			break
		}
		merged := t
		merged.kind = tNum
		merged.num = total + current
		merged.numWord = true
		merged.collective = collective
		merged.end = end
		merged.text = s[merged.start:end]
		i = j - 1
		out = append(out, merged)
	}
	return out
}

var memberSuffixes = set("member", "strong", "person", "man")

type wordNumber struct{ value, words int }

// standaloneHundreds reads "тысяча"/"thousand" without a number before it,
// and "полторы сотни"/"полутора тысяч" (one and a half).
func standaloneHundreds(low string, toks []token, i int) (wordNumber, bool) {
	if i > 0 && toks[i-1].kind == tNum {
		return wordNumber{}, false
	}
	switch low {
	case "тысяча", "тысячи", "тысячу", "тысячей":
		return wordNumber{1000, 1}, true
	case "hundred", "thousand":
		// "about a hundred observers"
		if i > 0 && toks[i-1].low == "a" {
			return wordNumber{numberMultipliers[low], 1}, true
		}
	case "полтора", "полторы", "полутора":
		if i+1 < len(toks) {
			if m, ok := numberMultipliers[toks[i+1].low]; ok {
				return wordNumber{m * 3 / 2, 2}, true
			}
			if toks[i+1].low == "сотен" || toks[i+1].low == "сотни" || toks[i+1].low == "сотня" {
				return wordNumber{150, 2}, true
			}
		}
	}
	return wordNumber{}, false
}
