package crawler

import (
	"context"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// copySites copies the fixture sites to a directory the test may change.
func copySites(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(filepath.Join("..", "testdata", "sites"))); err != nil {
		t.Fatal(err)
	}
	return dst
}

// weekLater lays testdata/recrawl over a copy of the sites: five new
// Russian election articles, listed on the lenta's first page and in the
// Russian feed. It returns the new articles as host+path.
func weekLater(t *testing.T, root string) []string {
	t.Helper()
	overlay := filepath.Join("..", "testdata", "recrawl")
	var added []string
	err := filepath.WalkDir(overlay, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) == ".md" {
			return err
		}
		rel, _ := filepath.Rel(overlay, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(root, rel), data, 0o644); err != nil {
			return err
		}
		if base := filepath.Base(path); strings.HasSuffix(base, ".html") && base != "lenta.html" {
			added = append(added, filepath.ToSlash(strings.TrimSuffix(rel, ".html")))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return added
}

// TestRecrawlFetchesOnlyNew crawls the fixture sites, adds five articles to
// the Russian lenta's first page and feed, and crawls again: the second run
// fetches exactly those five articles, reads every entry point once (an
// unchanged one answers 304), and stops paging at the first page that
// brings nothing new.
func TestRecrawlFetchesOnlyNew(t *testing.T) {
	t.Parallel()
	root := copySites(t)
	srv := newSiteServerAt(t, root)
	st := newMemStore()
	first := runCrawl(t, context.Background(), testConfig(t, srv, st))
	firstHits := srv.allHits()

	added := weekLater(t, root)
	if len(added) != 5 {
		t.Fatalf("overlay adds %d articles, want 5", len(added))
	}

	before := srv.allHits()
	second := runCrawl(t, context.Background(), testConfig(t, srv, st))
	after := srv.allHits()
	var articleHits, pageHits []string
	for u, n := range after {
		if n == before[u] || strings.HasSuffix(u, "/robots.txt") {
			continue
		}
		if n-before[u] > 1 && !retried[u] {
			t.Errorf("%s asked %d times by the second run", u, n-before[u])
		}
		if kindOf(mustURL(t, "https://"+u)) == KindArticle {
			articleHits = append(articleHits, u)
		} else {
			pageHits = append(pageHits, u)
		}
	}
	slices.Sort(articleHits)
	slices.Sort(added)
	// The fixtures that fail on purpose (500, timeout) are asked again:
	// they failed for a passing reason.
	articleHits = slices.DeleteFunc(articleHits, func(u string) bool { return retried[u] })
	if !slices.Equal(articleHits, added) {
		t.Errorf("articles fetched by the second run:\n got %q\nwant %q", articleHits, added)
	}
	// Every listing, feed and sitemap asked again was read by the first run
	// (no new pages), and the lenta's second page answered 304.
	for _, u := range pageHits {
		if firstHits[u] == 0 {
			t.Errorf("second run paged on to %s", u)
		}
	}
	// The lenta's first page brings the new articles (unless the feed,
	// read first, showed them already); its second page, if asked, has
	// nothing new, so the third is never asked.
	if n := after["www.inform.kz/ru/lenta?page=3"] - before["www.inform.kz/ru/lenta?page=3"]; n != 0 {
		t.Errorf("lenta page 3 asked %d times", n)
	}
	if second.Articles != 5 || second.Facts != 3 || second.NotModified == 0 { // fakeProcess reads numerals only: 3 of the 5
		t.Errorf("second run: %d new articles, %d facts, %d not modified", second.Articles, second.Facts, second.NotModified)
	}
	entryPoints := len(pageHits)
	t.Logf("first run %d requests; second run %d requests: %d to entry points and listing pages (%d answered 304), %d to new articles, %d to pages that fail on purpose",
		first.Requests, second.Requests, entryPoints, second.NotModified, len(articleHits), second.Requests-entryPoints-len(articleHits))
	if limit := entryPoints + len(added) + len(retried)*3; second.Requests > limit {
		t.Errorf("second run made %d requests, want at most %d", second.Requests, limit)
	}
}

// TestRecrawlRefreshArticles: with RefreshArticles a stored article that
// changed is fetched again, archived as a new version and its facts
// replaced; unchanged ones answer 304.
func TestRecrawlRefreshArticles(t *testing.T) {
	t.Parallel()
	root := copySites(t)
	srv := newSiteServerAt(t, root)
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.Start = []string{"https://www.inform.kz/ru/lenta"}
	runCrawl(t, context.Background(), cfg)
	const key = "https://inform.kz/ru/tsik-akkreditoval-45-nablyudateley-ot-sng-7c1e09"
	if got := st.articles[key]; got == nil || len(got.Facts) != 1 || got.Facts[0].Count != 63 {
		t.Fatalf("before: %+v", got)
	}
	file := filepath.Join(root, "www.inform.kz", "ru", "tsik-akkreditoval-45-nablyudateley-ot-sng-7c1e09.html")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	corrected := strings.Replace(string(b), "63 иностранных", "64 иностранных", 1)
	if corrected == string(b) {
		t.Fatal("fixture has no '63 иностранных'")
	}
	if err := os.WriteFile(file, []byte(corrected), 0o644); err != nil {
		t.Fatal(err)
	}

	plain := runCrawl(t, context.Background(), cfg)
	if plain.Refreshed != 0 || st.articles[key].Facts[0].Count != 63 {
		t.Errorf("without RefreshArticles the article was fetched again: %+v", plain)
	}
	cfg.RefreshArticles = true
	sum := runCrawl(t, context.Background(), cfg)
	if sum.Refreshed != 1 || sum.Articles != 0 {
		t.Errorf("refresh run: %d refreshed, %d new", sum.Refreshed, sum.Articles)
	}
	if got := st.articles[key].Facts; len(got) != 1 || got[0].Count != 64 {
		t.Errorf("facts after the correction: %+v", got)
	}
	versions := 0
	for _, r := range st.responses {
		if r.ArticleKey == key && r.Status == 200 {
			versions++
		}
	}
	if versions != 2 {
		t.Errorf("%d versions of the corrected article archived, want 2", versions)
	}
}

func mustURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
