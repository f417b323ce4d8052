package extract

import (
	"os"
	"testing"
)

func TestNERDebug(t *testing.T) {
	if os.Getenv("OBSFACTS_NER_EVAL") == "" {
		t.Skip()
	}
	tr := nerTrainedModel(t)
	g := DefaultGazetteer()
	for _, lang := range []string{"en", "ru"} {
		for _, s := range nerDevSet(t, lang) {
			gz := g.Find(s.text)
			sp := tr.spans(s.text)
			_, at := nerFoldAt(s.text)
			for _, subj := range s.subjects {
				if !subj.named || len(subj.occ) == 0 {
					continue
				}
				hit := false
				for _, m := range gz {
					for _, o := range subj.occ {
						if at[m.Start] < o[1] && o[0] < at[m.End] {
							hit = true
						}
					}
				}
				if !hit {
					o := subj.occ[0]
					t.Logf("%s MISS %q in %q; gaz=%d trained=%v", lang, nerFold(s.text)[o[0]:o[1]], s.text, len(gz), sp)
				}
			}
			if len(gz) == 0 {
				t.Logf("%s GAZ-EMPTY trained=%v | %q", lang, sp, s.text)
			}
		}
	}
}
