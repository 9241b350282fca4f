package compare

import "github.com/crosscheck-news/crosscheck/facts"

// figureRole says whether a figure is a change ("fell 4.2 percent", "down 1,180 points", "rose
// by 3%") or the level reached ("dropped to 3.92%", "closed at 38,412"). A change and a level
// are different facts even in one unit: "the Nasdaq dropped 4.2 percent" and "the yield dropped
// to 3.92%" do not disagree.
type figureRole uint8

const (
	roleUnknown figureRole = iota
	roleChange
	roleLevel
)

// otherRole reports whether two figures are known to be one a change and the other a level.
func otherRole(a, b figureRole) bool {
	return a != roleUnknown && b != roleUnknown && a != b
}

// changeVerbs are the words of movement before a figure, in their inflected forms.
var changeVerbs = toSet(`fall falls fell fallen falling drop drops dropped dropping rise rises rose
risen rising climb climbs climbed climbing gain gains gained gaining lose loses lost losing jump
jumps jumped jumping slide slides slid sliding sink sinks sank sunk sinking plunge plunges plunged
plunging surge surges surged surging decline declines declined declining increase increases
increased increasing decrease decreases decreased decreasing grow grows grew grown growing shrink
shrinks shrank shrunk shrinking tumble tumbles tumbled tumbling soar soars soared soaring slip
slips slipped slipping edge edges edged edging advance advances advanced advancing retreat
retreats retreated retreating shed sheds shedding widen widens widened widening narrow narrows
narrowed narrowing warm warms warmed warming cool cools cooled cooling slump slumps slumped
slumping rally rallies rallied rallying`)

// levelVerbs take "at" before the level reached: "closed at 38,412", "stood at 5.1%".
var levelVerbs = toSet(`close closes closed closing finish finishes finished finishing end ends ended
ending stand stands stood standing settle settles settled settling trade trades traded trading
peak peaks peaked peaking`)

// changeNouns take "of" before a change: "a fall of 3 percent", "an increase of 12%".
var changeNouns = toSet(`fall drop rise climb gain loss jump slide decline increase decrease growth
plunge surge tumble slump rally`)

// roleOf reads the words right before the figure f.
func roleOf(toks []facts.Token, f facts.Fact) figureRole {
	first, _ := factTokens(toks, f)
	if first < 1 {
		return roleUnknown
	}
	prev := toks[first-1].Lower
	// an adverb between verb and figure: "fell sharply to", "rose only 2%"
	before := func(k int) string {
		if first-k >= 0 {
			return toks[first-k].Lower
		}
		return ""
	}
	verbNear := func(set map[string]bool, from int) bool {
		for k := from; k <= from+1; k++ {
			if set[before(k)] {
				return true
			}
		}
		return false
	}
	switch {
	case prev == "to" && verbNear(changeVerbs, 2):
		return roleLevel
	case prev == "at" && (verbNear(levelVerbs, 2) || verbNear(changeVerbs, 2)):
		return roleLevel
	case prev == "by" && verbNear(changeVerbs, 2):
		return roleChange
	case prev == "of" && verbNear(changeNouns, 2):
		return roleChange
	case prev == "down" || prev == "up":
		return roleChange
	case changeVerbs[prev]:
		return roleChange
	}
	return roleUnknown
}

// countStage says whether a sentence gives a preliminary account ("partial results",
// "provisional figures") or the final one ("the final result", "certified figures"). A
// preliminary and a final account of a count are two moments, not a disagreement: "heading
// for victory on Monday, according to partial results" and "on Tuesday declared the final
// result".
type countStage uint8

const (
	stageUnknown countStage = iota
	stagePreliminary
	stageFinal
)

var (
	preliminaryWords = toSet(`preliminary provisional partial interim initial incomplete`)
	finalWords       = toSet(`final certified definitive`)
)

// stageOf reads the sentence's words; a sentence that says both is unknown.
func stageOf(toks []facts.Token) countStage {
	pre, fin := false, false
	for _, t := range toks {
		pre = pre || preliminaryWords[t.Lower]
		fin = fin || finalWords[t.Lower]
	}
	switch {
	case pre && !fin:
		return stagePreliminary
	case fin && !pre:
		return stageFinal
	}
	return stageUnknown
}

// otherStage reports whether one account is known preliminary and the other final.
func otherStage(a, b countStage) bool {
	return a != stageUnknown && b != stageUnknown && a != b
}
