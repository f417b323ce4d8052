package gazetteer

import (
	"unicode"
	"unicode/utf8"
)

// Kazakh is written in Cyrillic and in Latin alphabets ("Қазақстаннан",
// "Qazaqstannan"). Its names are listed once, in Cyrillic; the table's
// language gives a skeleton (Names.Skeleton) that takes a word of either
// script to one form, and the names are entered in the trie in their
// skeleton too, under edges of their own (gzNode.skel, gzNode.skelAcro) that
// only a text read with FindIn or LookupIn in that language reaches: an
// English or Russian text matches as it always did.

// FindIn is Find for a text of the given language ("kk"): where the
// language's names came with a skeleton, its Latin-script words match the
// names by their skeleton too. Mentions point into text as written.
func (g *Gazetteer) FindIn(text, lang string) []Mention {
	return g.find(text, g.skeletons[lang])
}

// LookupIn is Lookup for a phrase of the given language (see FindIn).
func (g *Gazetteer) LookupIn(phrase, lang string) (Entity, MatchQuality) {
	return g.lookup(phrase, g.skeletons[lang])
}

// setLanguage prepares the builder for the names table of one language.
func (b *gzBuilder) setLanguage(n Names) {
	b.endings, b.skeleton, b.skelEndings = n.Endings, n.Skeleton, nil
	if n.Skeleton == nil {
		return
	}
	b.g.skeletons[n.Lang] = n.Skeleton
	seen := map[string]bool{}
	for _, e := range n.Endings {
		if sk := n.Skeleton(e); !seen[sk] {
			seen[sk] = true
			b.skelEndings = append(b.skelEndings, sk)
		}
	}
}

// skeletonUnit is the unit of a word of an alias in its skeleton: an
// acronym stays one ("ТМД" -> "tmd"), any other word takes the language's
// endings ("қазақстан" -> "qazaqstan", "qazaqstannan" …).
func (b *gzBuilder) skeletonUnit(t gzTok) gzUnit {
	key := b.skeleton(t.key)
	b.g.skelVocab[key] = true
	if t.upper >= 2 {
		return gzUnit{gzUnitSkelAcro, key}
	}
	if gzContainsString(b.g.skelForms[key], key) {
		return gzUnit{gzUnitSkel, key} // its forms are entered already
	}
	b.addSkeletonForm(key, key)
	for _, e := range b.skelEndings {
		b.addSkeletonForm(key+e, key)
	}
	return gzUnit{gzUnitSkel, key}
}

func (b *gzBuilder) addSkeletonForm(form, lemma string) {
	if !gzContainsString(b.g.skelForms[form], lemma) {
		b.g.skelForms[form] = append(b.g.skelForms[form], lemma)
	}
}

// trySkeleton follows the skeleton edges of n for a text word (or words
// joined by hyphens) whose skeleton is skel.
func (m *gzMatcher) trySkeleton(n *gzNode, skel string, upper, end int) {
	if upper >= 2 && n.skelAcro != nil {
		m.try(n.skelAcro[skel], end)
	}
	if n.skel != nil {
		for _, l := range m.g.skelForms[skel] {
			m.try(n.skel[l], end)
		}
	}
}

// gzInnerApostrophe reports an apostrophe between two letters, inside a
// word of the 2017 Kazakh alphabet ("TMD-g'a").
func gzInnerApostrophe(text string, i int, r rune, size int) bool {
	if !gzIsApostrophe(r) || i == 0 || i+size >= len(text) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	return unicode.IsLetter(prev) && unicode.IsLetter(next)
}
