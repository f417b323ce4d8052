package extract

import (
	"testing"
	"time"
)

func TestNERScratch(t *testing.T) {
	t0 := time.Now()
	m := newDefaultNER()
	t.Logf("load %v", time.Since(t0))
	for _, s := range []string{
		"The CIS Observer Mission is represented by 186 observers",
		"the Shanghai Cooperation Organisation – 12, the Embassy of Japan – 3 and the “Asian Network for Free Elections” – 4.",
		"Observers from Russia, Uzbekistan and Türkiye arrived in Astana on Monday.",
		"Наблюдатели от СНГ прибыли в Бишкек.",
	} {
		t0 = time.Now()
		sp := m.spans(s)
		t.Logf("%v %+v", time.Since(t0), sp)
	}
}
