package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlAsText reads a page the HTML parser refuses (nested deeper than its
// 512 open elements) as text: the tokenizer has no such limit. Block
// elements end paragraphs; scripts, styles, navigation and forms are left
// out. The title is the <title>, else the first <h1>. Layout markup is lost,
// so the article says so in a warning.
func htmlAsText(text string) Article {
	z := html.NewTokenizer(strings.NewReader(text))
	var (
		paras        []string
		cur          strings.Builder
		title, h1    strings.Builder
		skip         int // depth inside elements whose text is not the article's
		inTitle, inH bool
	)
	flush := func() {
		if p := squashSpaces(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			a := Article{Layout: "html-as-text", Title: squashSpaces(title.String())}
			if a.Title == "" {
				a.Title = squashSpaces(h1.String())
			}
			if len(paras) > 0 && paras[0] == a.Title {
				paras = paras[1:]
			}
			a.Body = strings.Join(paras, "\n\n")
			a.Warnings = []string{"HTML nested deeper than the parser's 512 open elements: read as plain text, without the site's layout"}
			return a
		case html.TextToken:
			t := string(z.Text())
			switch {
			case inTitle:
				title.WriteString(t)
			case skip > 0:
			default:
				if inH && h1.Len() < 500 {
					h1.WriteString(t)
				}
				cur.WriteString(t)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Title:
				inTitle = true
			case a == atom.H1:
				inH = true
				flush()
			case skippedText[a]:
				skip++
			case a == atom.Br:
				cur.WriteString(" ")
				fallthrough
			case blockElements[a]:
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Title:
				inTitle = false
			case a == atom.H1:
				inH = false
				flush()
			case skippedText[a]:
				skip = max(skip-1, 0)
			case blockElements[a]:
				flush()
			}
		}
	}
}

// skippedText are elements whose text is never the article's.
var skippedText = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Select: true, atom.Button: true,
	atom.Head: true,
}

// blockElements end a paragraph.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Tr: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true,
	atom.Pre: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Main: true,
	atom.Figure: true, atom.Figcaption: true, atom.Dd: true, atom.Dt: true, atom.Hr: true,
}
