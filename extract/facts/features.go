package facts

import "strings"

// Feature is evidence for or against a reading that any recogniser may
// note. Its weight moves the reading's score away from its recogniser's
// prior.
type Feature uint8

// The features.
const (
	// FeatUncoded: the group is a name the gazetteer does not know; a
	// reading of the same count with a known group is likelier.
	FeatUncoded Feature = iota
	// FeatDistant: the group stands far from the count (more than 12
	// tokens); nearer readings are likelier.
	FeatDistant
	numFeatures
)

var featureNames = [numFeatures]string{FeatUncoded: "uncoded", FeatDistant: "distant"}

// featureWeights are set by hand: a weight below the gap between two
// recognisers' priors (2 to 4) breaks ties between neighbouring shapes
// without overturning the order of the table.
var featureWeights = [numFeatures]float64{FeatUncoded: -3, FeatDistant: -1.5}

// maxFeatureGain is the most the features can add to a prior; the scorer
// stops trying recognisers whose prior plus this cannot beat the best.
var maxFeatureGain = func() float64 {
	sum := 0.0
	for _, w := range featureWeights {
		if w > 0 {
			sum += w
		}
	}
	return sum
}()

// features is a set of features.
type features uint64

func (fs *features) add(f Feature) { *fs |= 1 << f }

func (fs features) has(f Feature) bool { return fs&(1<<f) != 0 }

func (fs features) weight() float64 {
	w := 0.0
	for f := Feature(0); f < numFeatures; f++ {
		if fs.has(f) {
			w += featureWeights[f]
		}
	}
	return w
}

func (fs features) String() string {
	var names []string
	for f := Feature(0); f < numFeatures; f++ {
		if fs.has(f) {
			names = append(names, featureNames[f])
		}
	}
	return strings.Join(names, ",")
}
