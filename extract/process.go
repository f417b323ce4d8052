package extract

// Process runs the whole pipeline on one page: article extraction, then
// fact extraction and checks.
func (x *Extractor) Process(p Page) (*Result, error) {
	a, err := Parse(p)
	if err != nil {
		return nil, err
	}
	facts, warnings := x.Extract(&a)
	return &Result{Article: a, Facts: facts, Warnings: warnings}, nil
}
