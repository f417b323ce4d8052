package facts

// Rule names the sentence shape a fact was read from. It is written to the
// fact's rule column, so a researcher can filter facts by how they were
// found, and eval reports scores per rule.
type Rule uint8

// The rules.
const (
	RuleNone         Rule = iota
	RuleRespectively      // "A and B will send 200 and 50 observers respectively"
	RuleSubset            // "44 of them represent ODIHR"
	RuleEllipsis          // a count whose noun the sentence stated before: "21 from the OSCE/ODIHR"
	RuleListItem          // an item of a list whose unit was stated once: "CIS IPA – 48;"
	RuleNumberOf          // "the number of foreign observers reached 500"
	RuleDashItem          // "the CIS – 55 observers"
	RuleDistributive      // "A, B and C – two observers from each country"
	RuleNamed             // "170 CIS observers"
	RuleFrom              // "29 observers of the X"
	RuleFromName          // like RuleFrom, with a name the gazetteer does not know
	RuleMixed             // one count for several groups together
	RuleSender            // "X will send 40 observers"
	RuleCoref             // "The mission will include 40 observers", after a sentence naming it
	RuleAggregate         // "97 international observers", "76 observers from 31 foreign states"
	RuleTotal             // "In total, 398 observers were accredited"
	numRules
)

var ruleNames = [numRules]string{
	RuleNone: "", RuleRespectively: "respectively", RuleSubset: "subset", RuleEllipsis: "ellipsis",
	RuleListItem: "list_item", RuleNumberOf: "number_of", RuleDashItem: "dash_item",
	RuleDistributive: "distributive", RuleNamed: "named", RuleFrom: "from", RuleFromName: "from_name",
	RuleMixed: "mixed", RuleSender: "sender", RuleCoref: "coref", RuleAggregate: "aggregate", RuleTotal: "total",
}

// String returns the rule's name as the rule column writes it.
func (r Rule) String() string {
	if r < numRules {
		return ruleNames[r]
	}
	return "rule?"
}
