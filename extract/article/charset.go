package article

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// sniffLen is how much of the page is examined to tell text from binary and
// to find a <meta charset>, as browsers do.
const sniffLen = 8192

// binaryMagic lists signatures of formats that are never an article page.
var binaryMagic = []string{
	"%PDF-", "PK\x03\x04", "\x89PNG", "GIF87a", "GIF89a", "\xFF\xD8\xFF", "RIFF",
	"\x1F\x8B", "OggS", "ID3", "\x7FELF", "Rar!", "7z\xBC\xAF", "wOFF", "wOF2",
	"\x00asm", "%!PS", "\x00\x00\x01\x00", "II*\x00", "MM\x00*",
}

var reMetaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// decodeBody returns the page as UTF-8 text. It honours a byte order mark,
// the charset of contentType and a <meta> charset; an undeclared page that is
// not UTF-8 but reads as windows-1251 Cyrillic is decoded as such; any other
// invalid byte becomes U+FFFD. NUL bytes in text are dropped. warnings say
// what was repaired or guessed.
func decodeBody(body []byte, contentType string) (text string, warnings []string, err error) {
	if len(bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF")))) == 0 {
		return "", nil, fmt.Errorf("article: decode: no content: %w", ErrEmpty)
	}
	switch {
	case bytes.HasPrefix(body, []byte("\xEF\xBB\xBF")):
		return validUTF8(body[3:]), nil, nil
	case bytes.HasPrefix(body, []byte("\xFF\xFE")), bytes.HasPrefix(body, []byte("\xFE\xFF")):
		// Bytes of UTF-16 look binary (NULs), so it is read before the check.
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(body)
		if err != nil {
			return "", nil, fmt.Errorf("article: decode utf-16: %w", err)
		}
		return validUTF8(out), nil, nil
	}
	if why := binaryReason(body); why != "" {
		return "", nil, fmt.Errorf("article: decode: %s: %w", why, ErrBinary)
	}
	if n := bytes.Count(body, []byte{0}); n > 0 {
		// Stray NULs (a broken CMS, a bad copy) in a page that is text.
		body = bytes.ReplaceAll(body, []byte{0}, nil)
		warnings = append(warnings, fmt.Sprintf("%d NUL bytes dropped from the text", n))
	}

	enc, name, ignored := declaredEncoding(body, contentType)
	for _, label := range ignored {
		warnings = append(warnings, fmt.Sprintf("charset %q names no encoding a browser would decode (the HTML standard maps it to \"replacement\"): the encoding was guessed from the bytes", label))
	}
	if enc != nil {
		if name == "utf-8" && !utf8.Valid(body) && looksWindows1251(body) {
			// Servers that label every page UTF-8 still serve old
			// windows-1251 pages; reading them as UTF-8 would lose the text.
			name, enc = "windows-1251", charmap.Windows1251
		}
		if name == "utf-8" || isMislabelledUTF8(body) {
			return validUTF8(body), warnings, nil
		}
		out, err := enc.NewDecoder().Bytes(body)
		if err != nil {
			return "", nil, fmt.Errorf("article: decode %s: %w", name, err)
		}
		return validUTF8(out), warnings, nil
	}

	if utf8.Valid(body) {
		return string(body), warnings, nil
	}
	if looksWindows1251(body) {
		out, err := charmap.Windows1251.NewDecoder().Bytes(body)
		if err != nil {
			return "", nil, fmt.Errorf("article: decode windows-1251: %w", err)
		}
		return string(out), warnings, nil
	}
	return validUTF8(body), warnings, nil
}

// binaryReason says why body is not text, or "" if it is text: a file
// signature, or control bytes (NULs included) making more than a tenth of
// its start. A few NULs alone do not make a page binary.
func binaryReason(body []byte) string {
	head := body[:min(len(body), sniffLen)]
	for _, magic := range binaryMagic {
		if bytes.HasPrefix(head, []byte(magic)) {
			return fmt.Sprintf("binary signature %q", magic)
		}
	}
	nul, control := 0, 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b {
			control++
			if c == 0 {
				nul++
			}
		}
	}
	switch {
	case control*10 <= len(head):
		return ""
	case nul*2 >= control:
		return "NUL bytes"
	}
	return "mostly control bytes"
}

// declaredEncoding returns the encoding named by the Content-Type header or,
// failing that, by a <meta> tag near the top of the page. ignored lists the
// labels passed over because they name the "replacement" encoding (ISO-2022-KR,
// HZ-GB-2312 and others browsers refuse to decode): read with it, a page
// decodes to a single U+FFFD.
func declaredEncoding(body []byte, contentType string) (enc encoding.Encoding, name string, ignored []string) {
	var names []string
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
			names = append(names, params["charset"])
		}
	}
	if m := reMetaCharset.FindSubmatch(body[:min(len(body), sniffLen)]); m != nil {
		names = append(names, string(m[1]))
	}
	for _, n := range names {
		enc, err := htmlindex.Get(strings.TrimSpace(n))
		if err != nil {
			continue
		}
		canon, _ := htmlindex.Name(enc)
		switch {
		case enc == encoding.Replacement || canon == "replacement":
			ignored = append(ignored, n)
			continue
		case canon == "utf-16le", canon == "utf-16be":
			// A page that reached here has no BOM and no NULs: it is not
			// UTF-16 whatever it says; browsers read it as UTF-8.
			return encoding.Nop, "utf-8", ignored
		}
		return enc, canon, ignored
	}
	return nil, "", ignored
}

// isMislabelledUTF8 reports whether a page declared in a single-byte charset
// is in fact UTF-8: Cyrillic or Latin text in a single-byte charset is
// practically never valid UTF-8 with many multi-byte sequences.
func isMislabelledUTF8(body []byte) bool {
	if !utf8.Valid(body) {
		return false
	}
	multi := 0
	for _, c := range body[:min(len(body), 1<<16)] {
		if c >= 0xC2 && c <= 0xF4 {
			multi++
		}
	}
	return multi >= 8
}

// looksWindows1251 reports whether invalid UTF-8 reads as windows-1251
// Cyrillic: most high bytes fall on Cyrillic letters (0xC0-0xFF, Ё 0xA8,
// ё 0xB8), they form words (runs of three or more), and few valid multi-byte
// sequences exist. A few stray bad bytes in Latin text do not qualify.
func looksWindows1251(body []byte) bool {
	sample := body[:min(len(body), 1<<16)]
	high, cyr, valid, invalid, words, run := 0, 0, 0, 0, 0, 0
	for i := 0; i < len(sample); {
		c := sample[i]
		if c < 0x80 {
			if run >= 3 {
				words++
			}
			run = 0
			i++
			continue
		}
		r, size := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		for _, b := range sample[i : i+size] {
			high++
			if b >= 0xC0 || b == 0xA8 || b == 0xB8 {
				cyr++
				run++
			} else {
				run = 0
			}
		}
		i += size
	}
	if run >= 3 {
		words++
	}
	return invalid > valid && cyr*10 >= high*6 && words >= 2
}

// validUTF8 returns b as a string with every invalid byte replaced by U+FFFD.
func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			sb.WriteRune(utf8.RuneError)
		} else {
			sb.Write(b[i : i+size])
		}
		i += size
	}
	return sb.String()
}
