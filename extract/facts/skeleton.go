package facts

import (
	"strings"

	"github.com/obsfacts/obsfacts/extract/lang"
)

// A language written in more than one script (Kazakh) lists its free lists
// once, in Cyrillic. An article in that language is also matched in its
// match text (lang.Lexicon.MatchText: Latin words in their skeleton) against
// the lists' skeletons, so "baıqaýshy" (2018) and "baiqauşy" (2021) pass
// the page filter that "байқаушы" is listed in. Only that language's
// articles pay for it, and only where they have Latin letters.

// skeletonCues are the free lists of a language with a skeleton, in their
// skeleton. A skeleton already among the raw lists is left out, so that no
// word counts twice. The zero value, for the other languages, matches
// nothing.
type skeletonCues struct {
	lex                                  *lang.Lexicon
	pageFilter, accreditation, foreign   []string
	continues, inlineLink, kazakhOutlets []string
	hosts                                []hostCue
	electionCues                         map[string][]string
}

// noSkeleton is the skeletonCues of a language without a skeleton.
var noSkeleton = &skeletonCues{}

// skeletonCues returns the skeleton cues of a language.
func (x *Extractor) skeletonCues(c lang.Code) *skeletonCues {
	if sk, ok := x.skeletons[c]; ok {
		return sk
	}
	return noSkeleton
}

// newSkeletonCues gathers the cues of each language that has a skeleton.
func (x *Extractor) newSkeletonCues() map[lang.Code]*skeletonCues {
	out := map[lang.Code]*skeletonCues{}
	for _, c := range lang.Supported() {
		l := lang.For(c)
		if !l.HasSkeleton() {
			continue
		}
		sk := &skeletonCues{lex: l, electionCues: map[string][]string{}}
		sk.pageFilter = skeletonsOf(l, l.List("page_filter"), x.lists.pageFilter)
		sk.accreditation = skeletonsOf(l, l.List("accreditation_cue"), x.lists.accreditationCues)
		sk.foreign = skeletonsOf(l, l.List("foreign_cue"), x.lists.foreignCues)
		sk.kazakhOutlets = skeletonsOf(l, l.List("kazakh_outlet"), x.lists.kazakhOutlets)
		sk.continues = skeletonsOf(l, l.List("continues_observers"), l.List("continues_observers"))
		sk.inlineLink = skeletonsOf(l, l.List("inline_link"), l.List("inline_link"))
		for _, name := range l.ListNames() {
			if code, ok := strings.CutPrefix(name, "host "); ok {
				var raw []string
				for _, h := range x.hostCues {
					if h.code == code {
						raw = append(raw, h.word)
					}
				}
				for _, w := range skeletonsOf(l, l.List(name), raw) {
					sk.hosts = append(sk.hosts, hostCue{code: code, word: w})
				}
			}
			if typ, ok := strings.CutPrefix(name, "election_type "); ok {
				sk.electionCues[typ] = skeletonsOf(l, l.List(name), x.electionCues[typ])
			}
		}
		out[c] = sk
	}
	return out
}

// skeletonsOf returns the skeletons of the entries that are not raw cues
// already.
func skeletonsOf(l *lang.Lexicon, entries, raw []string) []string {
	seen := map[string]bool{}
	for _, r := range raw {
		seen[r] = true
	}
	var out []string
	for _, e := range entries {
		if sk := l.Skeleton(e); !seen[sk] {
			seen[sk] = true
			out = append(out, sk)
		}
	}
	return out
}

// matchText is the text's match text, or "" when it has no Latin letter
// (a Cyrillic sentence: the raw lists have read it).
func (sk *skeletonCues) matchText(text string) string {
	if sk.lex == nil || !hasLatinLetter(text) {
		return ""
	}
	return sk.lex.MatchText(text)
}

// hasLatinLetter reports an ASCII letter or the first byte of a letter of
// the Latin-1 and Latin Extended-A/B blocks.
func hasLatinLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c|0x20 && c|0x20 <= 'z' || 0xC3 <= c && c <= 0xC9 {
			return true
		}
	}
	return false
}

// mayStateObservers is the page filter for a text of the language: the raw
// lists, then the skeletons in its match text.
func (sk *skeletonCues) mayStateObservers(x *Extractor, text string) bool {
	if x.mayStateObservers(text) {
		return true
	}
	m := sk.matchText(text)
	return m != "" && containsAny(m, sk.pageFilter)
}

// has reports a cue of list in the text's match text.
func (sk *skeletonCues) has(text string, list []string) bool {
	m := sk.matchText(text)
	return m != "" && containsAny(m, list)
}
