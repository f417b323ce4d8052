package facts

import (
	"errors"
	"strings"
	"time"

	"github.com/obsfacts/obsfacts/extract/lang"
)

// Limits bound the work and the output of one article, so that a hostile or
// broken page (one sentence of a megabyte, forty thousand list items) costs
// time in proportion to its size and cannot flood the dataset.
type Limits struct {
	// MaxSentence is the longest sentence read whole, in bytes; a longer one
	// is read in pieces of at most this size, cut at spaces, and a fact's
	// evidence is its piece, marked where it was cut.
	MaxSentence int
	// MaxFacts is the most facts kept from one article.
	MaxFacts int
	// TimeLimit is the most time spent on one article; 0 means no limit.
	TimeLimit time.Duration
}

// DefaultLimits are generous for real articles: the longest real sentence
// seen in the news is under 2,000 bytes, and an article states tens of facts.
var DefaultLimits = Limits{MaxSentence: 3000, MaxFacts: 500, TimeLimit: 0}

// ErrTimeout is returned when an article takes longer than Limits.TimeLimit.
var ErrTimeout = errors.New("extraction timed out")

// CutMark marks evidence cut from a longer sentence: "[…] text […]".
const CutMark = "[…]"

// capSentences splits sentences longer than max bytes into pieces cut at
// white space (or at a rune boundary where a piece has none), so that no
// recogniser ever reads more than max bytes at once.
func capSentences(body string, sents []sentence, max int) []sentence {
	if max <= 0 {
		return sents
	}
	long := false
	for i := range sents {
		if len(sents[i].text) > max {
			long = true
			break
		}
	}
	if !long {
		return sents
	}
	out := make([]sentence, 0, len(sents))
	for _, s := range sents {
		for len(s.text) > max {
			cut := pieceEnd(s.text, max)
			out = append(out, sentence{start: s.start, end: s.start + cut, text: s.text[:cut], cutAfter: true, cutBefore: s.cutBefore})
			next := cut
			for next < len(s.text) && s.text[next] == ' ' {
				next++
			}
			s = sentence{start: s.start + next, end: s.end, text: s.text[next:], cutBefore: true}
		}
		if s.text != "" {
			out = append(out, s)
		}
	}
	return out
}

// pieceEnd returns where to cut text at most max bytes in: the last space
// before max, else the last rune boundary.
func pieceEnd(text string, max int) int {
	if i := strings.LastIndexFunc(text[:max], lang.IsSpace); i > max/2 {
		return i
	}
	for max > 0 && max < len(text) && text[max]&0xC0 == 0x80 {
		max-- // not inside a UTF-8 sequence
	}
	return max
}

// evidence returns the sentence as a fact's evidence, marked where it was
// cut from a longer one.
func (s *sentence) evidence() string {
	e := s.text
	if s.cutBefore {
		e = CutMark + " " + e
	}
	if s.cutAfter {
		e += " " + CutMark
	}
	return e
}
