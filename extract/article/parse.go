package article

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/obsfacts/obsfacts/extract/lang"
)

// Errors for inputs that cannot be read as an article. Parse wraps them with
// the reason; test with errors.Is.
var (
	ErrEmpty  = errors.New("article: empty page")
	ErrBinary = errors.New("article: binary content")
)

// Parse reads the article out of a page: HTML of any layout, or a plain-text
// dump. The layout is chosen by content, never by file name or host alone.
//
// A page that decodes but holds no article text yields an Article with an
// empty Body and a nil error; the caller decides what to do with it.
func Parse(p Page) (Article, error) {
	text, warnings, err := decodeBody(p.Body, p.ContentType)
	if err != nil {
		return Article{}, fmt.Errorf("article: parse %s: %w", p.Source, err)
	}
	var a Article
	if isHTML(text) {
		a, err = parseHTML(text, p)
	} else {
		a = parseTextDump(text, p)
	}
	if err != nil {
		return Article{}, fmt.Errorf("article: parse %s: %w", p.Source, err)
	}
	a.Warnings = append(warnings, a.Warnings...)
	finishArticle(&a, p)
	return a, nil
}

// isHTML tells HTML from text by content: a document that starts with a
// doctype, <html>, <head> or an XML declaration, or has a <body>.
func isHTML(text string) bool {
	head := strings.TrimLeft(text[:min(len(text), sniffLen)], " \t\r\n\ufeff")
	lower := strings.ToLower(head)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<?xml", "<!--"} {
		if strings.HasPrefix(lower, p) {
			if p != "<?xml" && p != "<!--" {
				return true
			}
			return strings.Contains(lower, "<html")
		}
	}
	if strings.Contains(lower, "<body") {
		return true
	}
	// A fragment: starts with a tag and has block markup near the top.
	return strings.HasPrefix(lower, "<") &&
		(strings.Contains(lower, "<p>") || strings.Contains(lower, "<p ") || strings.Contains(lower, "<div"))
}

// finishArticle fills the fields every layout derives the same way: URL,
// Site and Language.
func finishArticle(a *Article, p Page) {
	if a.URL == "" {
		a.URL = p.URL
	}
	if a.URL == "" {
		a.URL = p.Source
	}
	a.Site = urlHost(a.URL)
	if a.Site == "" {
		a.Site = urlHost(p.URL)
	}
	if a.Language == "" {
		a.Language = languageFromURL(a.URL)
	}
	if a.Language == "" {
		a.Language = languageFromURL(p.URL)
	}
	if a.Language == "" {
		a.Language = languageOfText(a.Title + "\n" + a.Body)
	}
}

// urlHost returns the lower-cased host of an absolute http(s) URL, "" otherwise.
func urlHost(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// languageFromURL reads the language from a path segment such as /ru/ or
// /english/, or from a language subdomain (en.inform.kz).
func languageFromURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	for _, seg := range strings.Split(strings.Trim(u.Path, "/"), "/") {
		if lang := normalizeLang(seg); lang != "" {
			return lang
		}
	}
	if sub, _, ok := strings.Cut(u.Hostname(), "."); ok {
		switch sub {
		case "en", "ru", "kz", "qz", "kk":
			return normalizeLang(sub)
		}
	}
	return ""
}

// normalizeLang maps the language labels seen in URLs and lang attributes to
// ISO 639-1; "" when s is not a language label.
func normalizeLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	switch s {
	case "en", "eng", "english":
		return "en"
	case "ru", "rus", "russian":
		return "ru"
	case "kz", "kk", "kaz", "qz", "kazakh":
		return "kk"
	case "ky", "kg", "kyrgyz":
		return "ky"
	case "uz", "uzb":
		return "uz"
	case "zh", "cn":
		return "zh"
	}
	return ""
}

// languageOfText tells the language from the text's letters and cue words
// (package lang): Kazakh from Russian in Cyrillic, Kazakh in Latin script
// from English.
func languageOfText(s string) string {
	return string(lang.DetectArticle("", s))
}
