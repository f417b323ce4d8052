package store_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/store"
)

const (
	sent1 = "The commission has so far accredited 10 monitors of the Assembly."
	sent2 = "Two more groups –\n11 observers in all – are due next week."
)

func testSaveResultTwiceSameFacts(t *testing.T, b *backend) {
	ctx := context.Background()
	s := b.fresh(t)
	url := "https://en.example.kz/news/1"
	page := testPage(url, "v1")
	res := testResult(url, "en.example.kz", time.Date(2023, 3, 1, 12, 0, 0, 0, almaty), sent1, sent2)
	for i := range 2 {
		if err := s.SaveResult(ctx, page, "", "", res); err != nil {
			t.Fatalf("save #%d: %v", i, err)
		}
		if n, _ := s.FactCount(ctx); n != 2 {
			t.Errorf("after save #%d: %d facts, want 2", i, n)
		}
	}
	if n := b.count(t, s, "pages"); n != 1 {
		t.Errorf("unchanged page stored %d times", n)
	}
	// A changed page of the same article: a new page row, facts replaced.
	page2 := testPage(url, "v2")
	res2 := testResult(url, "en.example.kz", res.Article.PublishedAt, sent2)
	if err := s.SaveResult(ctx, page2, "", "", res2); err != nil {
		t.Fatal(err)
	}
	if p, a, f := b.count(t, s, "pages"), b.count(t, s, "articles"), b.count(t, s, "facts"); p != 2 || a != 1 || f != 1 {
		t.Errorf("pages %d articles %d facts %d, want 2 1 1", p, a, f)
	}
	var pageID, factPage int64
	if err := b.sql(t, s).QueryRow(`SELECT a.page_id, f.page_id FROM articles a JOIN facts f ON f.article_id = a.id`).Scan(&pageID, &factPage); err != nil {
		t.Fatal(err)
	}
	if pageID != 2 || factPage != 2 {
		t.Errorf("article page %d, fact page %d; want the latest page 2", pageID, factPage)
	}
	if ok, err := s.HasArticle(ctx, url); err != nil || !ok {
		t.Errorf("HasArticle(%s) = %v, %v", url, ok, err)
	}
	if ok, err := s.HasArticle(ctx, "kazinform:nope"); err != nil || ok {
		t.Errorf("HasArticle(unknown) = %v, %v", ok, err)
	}
}

func testSaveResultAtomic(t *testing.T, b *backend) {
	url := "https://en.example.kz/news/2"
	dup := testResult(url, "en.example.kz", time.Time{}, sent1, sent2)
	dup.Facts[1].ID = dup.Facts[0].ID // violates UNIQUE (article_id, fact_id)
	negative := testResult(url, "en.example.kz", time.Time{}, sent1)
	negative.Facts[0].Count = -1 // violates CHECK (count >= 0)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		res  *extract.Result
	}{
		{"duplicate fact id", context.Background(), dup},
		{"constraint", context.Background(), negative},
		{"cancelled context", cancelled, testResult(url, "en.example.kz", time.Time{}, sent1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := b.fresh(t)
			err := s.SaveResult(tt.ctx, testPage(url, "x"), "", "", tt.res)
			if err == nil {
				t.Fatal("save succeeded")
			}
			if tt.ctx.Err() != nil && !errors.Is(err, context.Canceled) {
				t.Errorf("error %v does not wrap context.Canceled", err)
			}
			for _, table := range []string{"pages", "articles", "facts"} {
				if n := b.count(t, s, table); n != 0 {
					t.Errorf("%d rows left in %s", n, table)
				}
			}
		})
	}
}

func testSaveResultKeepsEarlierFactsOnFailure(t *testing.T, b *backend) {
	ctx := context.Background()
	s := b.fresh(t)
	url := "https://en.example.kz/news/3"
	if err := s.SaveResult(ctx, testPage(url, "v1"), "", "", testResult(url, "", time.Time{}, sent1, sent2)); err != nil {
		t.Fatal(err)
	}
	bad := testResult(url, "", time.Time{}, sent1, sent2)
	bad.Facts[1].ID = bad.Facts[0].ID
	if err := s.SaveResult(ctx, testPage(url, "v2"), "", "", bad); err == nil {
		t.Fatal("save succeeded")
	}
	if p, f := b.count(t, s, "pages"), b.count(t, s, "facts"); p != 1 || f != 2 {
		t.Errorf("after failed replace: pages %d facts %d, want 1 2", p, f)
	}
}

func testSaveResponse(t *testing.T, b *backend) {
	ctx := context.Background()
	s := b.fresh(t)
	item := crawler.Item{Key: "en.example.kz/news/4", URL: "https://en.example.kz/news/4?ref=list", Kind: crawler.KindArticle, Site: "example"}
	resp := crawler.Response{
		Item: item, FinalURL: "https://en.example.kz/news/4", Status: 200,
		Header: map[string]string{"Content-Type": "text/html", "ETag": `"abc"`},
		Body:   []byte("<html>" + strings.Repeat("page four ", 200) + "</html>"), FetchedAt: time.Date(2023, 3, 2, 8, 0, 0, 0, time.UTC),
		ArticleKey: "example:4",
	}
	res := testResult("https://en.example.kz/news/4", "en.example.kz", time.Time{}, sent1)
	listing := crawler.Response{Item: crawler.Item{Key: "l", URL: "https://en.example.kz/list", Kind: crawler.KindListing},
		FinalURL: "https://en.example.kz/list", Status: 200, Body: []byte("<html>list</html>"), FetchedAt: resp.FetchedAt}
	for i := range 2 {
		if err := s.SaveResponse(ctx, resp, res); err != nil {
			t.Fatalf("save #%d: %v", i, err)
		}
		if err := s.SaveResponse(ctx, listing, nil); err != nil {
			t.Fatal(err)
		}
	}
	if p, a, f := b.count(t, s, "pages"), b.count(t, s, "articles"), b.count(t, s, "facts"); p != 2 || a != 1 || f != 1 {
		t.Errorf("pages %d articles %d facts %d, want 2 1 1", p, a, f)
	}
	var (
		source, finalURL, site, ctype, headers, encoding, key string
		status, size                                          int
		body                                                  []byte
	)
	err := b.sql(t, s).QueryRow(`SELECT source, final_url, site, content_type, headers, body_encoding, article_key, status, size, body
FROM pages WHERE kind = 'article'`).Scan(&source, &finalURL, &site, &ctype, &headers, &encoding, &key, &status, &size, &body)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := store.DecodeBody(body, encoding)
	if err != nil {
		t.Fatal(err)
	}
	if source != item.URL || finalURL != resp.FinalURL || site != "example" || ctype != "text/html" ||
		headers != `{"Content-Type":"text/html","ETag":"\"abc\""}` || key != "example:4" || status != 200 ||
		size != len(resp.Body) || !bytes.Equal(raw, resp.Body) || encoding != "gzip" {
		t.Errorf("page row: %q %q %q %q %q %q %d %d %q", source, finalURL, site, ctype, headers, key, status, size, raw)
	}
	// The tiny listing is not worth compressing.
	if err := b.sql(t, s).QueryRow(`SELECT body_encoding, body FROM pages WHERE kind = 'listing'`).Scan(&encoding, &body); err != nil {
		t.Fatal(err)
	}
	if encoding != "identity" || !bytes.Equal(body, listing.Body) {
		t.Errorf("listing stored as %s %q", encoding, body)
	}
	if ok, _ := s.HasArticle(ctx, "example:4"); !ok {
		t.Error("article not stored under its key")
	}
}

func testEachPageAndReplaceFacts(t *testing.T, b *backend) {
	ctx := context.Background()
	s := b.fresh(t)
	const n = 16 + 3 // more than one batch of EachPage
	for i := range n {
		url := "https://en.example.kz/news/" + string(rune('A'+i))
		page := testPage(url, url)
		if err := s.SaveResult(ctx, page, "", "", testResult(url, "en.example.kz", time.Time{}, sent1)); err != nil {
			t.Fatal(err)
		}
	}
	local := extract.Page{Source: "seeds/one.txt", Body: []byte("plain text")}
	if err := s.SaveResult(ctx, local, "", "", testResult("", "", time.Time{}, sent1, sent2)); err != nil {
		t.Fatal(err)
	}
	seen := 0
	err := s.EachPage(ctx, func(pageID int64, p extract.Page, kind, key string) error {
		seen++
		switch {
		case p.Source == "seeds/one.txt":
			if kind != store.KindFile || key != "seeds/one.txt" || string(p.Body) != "plain text" || !p.FetchedAt.IsZero() {
				t.Errorf("local page: kind %q key %q body %q fetched %v", kind, key, p.Body, p.FetchedAt)
			}
		default:
			if kind != "article" || key != p.Source || string(p.Body) != "<html><body>"+p.Source+"</body></html>" ||
				!p.FetchedAt.Equal(time.Date(2023, 3, 1, 9, 30, 0, 0, time.UTC)) || p.URL != p.Source {
				t.Errorf("page %d: kind %q key %q body %q fetched %v", pageID, kind, key, p.Body, p.FetchedAt)
			}
		}
		// Writing while iterating must not deadlock: replace with one fact.
		return s.ReplaceFacts(ctx, pageID, key, testResult(p.URL, "en.example.kz", time.Time{}, sent2))
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen != n+1 {
		t.Errorf("EachPage saw %d pages, want %d", seen, n+1)
	}
	if f := b.count(t, s, "facts"); f != n+1 {
		t.Errorf("after ReplaceFacts: %d facts, want %d", f, n+1)
	}
	stop := errors.New("stop")
	calls := 0
	err = s.EachPage(ctx, func(int64, extract.Page, string, string) error { calls++; return stop })
	if err != stop || calls != 1 {
		t.Errorf("EachPage returned %v after %d calls, want stop after 1", err, calls)
	}
}

// TestLastResponse: the latest 2xx response archived for a requested URL,
// headers and body, for conditional requests; errors and other URLs are not
// taken for it.
func testLastResponse(t *testing.T, b *backend) {
	ctx := context.Background()
	s := b.fresh(t)
	const u = "https://www.inform.kz/ru/lenta"
	resp := func(status int, body, etag string, at time.Time) crawler.Response {
		return crawler.Response{
			Item: crawler.Item{URL: u, Kind: crawler.KindListing, Site: "kazinform"}, FinalURL: u, Status: status,
			Header: map[string]string{"Content-Type": "text/html", "ETag": etag}, Body: []byte(body), FetchedAt: at,
		}
	}
	if _, ok, err := s.LastResponse(ctx, u); ok || err != nil {
		t.Fatalf("empty archive: %v %v", ok, err)
	}
	t0 := time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)
	for _, r := range []crawler.Response{
		resp(200, "<html>old</html>", `"v1"`, t0),
		resp(200, "<html>new</html>", `"v2"`, t0.Add(time.Hour)),
		resp(503, "busy", "", t0.Add(2*time.Hour)),
	} {
		if err := s.SaveResponse(ctx, r, nil); err != nil {
			t.Fatal(err)
		}
	}
	got, ok, err := s.LastResponse(ctx, u)
	if err != nil || !ok {
		t.Fatalf("LastResponse: %v %v", ok, err)
	}
	if string(got.Body) != "<html>new</html>" || got.Header["ETag"] != `"v2"` || got.Status != 200 || got.Item.Kind != crawler.KindListing {
		t.Errorf("LastResponse = %d %q %v %+v", got.Status, got.Body, got.Header, got.Item)
	}
}
