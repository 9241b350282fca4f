package compare

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/source"
)

type unionFind []int

func (u unionFind) find(x int) int {
	for u[x] != x {
		u[x] = u[u[x]]
		x = u[x]
	}
	return x
}

func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra != rb {
		if ra < rb {
			u[rb] = ra
		} else {
			u[ra] = rb
		}
	}
}

// cluster turns judged edges into findings in two steps. First, agreement edges join facts
// into value groups: facts that state one value about one thing. Second, each pair of value
// groups linked by a conflict edge of at least ConflictScore becomes one conflict finding, and
// each value group with two or more sources becomes an agreement finding. Conflict edges never
// join groups: when they did, one conflict plus chains of agreements on neighbouring facts made
// "conflicts" spanning every source of a story.
// AgreeSpanDays is the most days the dates of one agreement may span when an undated date (a
// bare weekday) joins it: "Tuesday" agrees with every Tuesday, and must not join two Tuesdays a
// week apart. Otherwise dates of one agreement may span DateEventGap.
const AgreeSpanDays = 1

func cluster(docs []*source.Document, flat []*facts.Sentence, nodes []node, edges []edge, c *corpus, opts Options) []Finding {
	uf := make(unionFind, len(nodes))
	for i := range uf {
		uf[i] = i
	}
	// Stronger links join first; a join that would put dates of different occasions in one
	// group is refused (a weekday in an undated article agrees with Sundays of both March and
	// December, but March and December are not one event).
	order := make([]int, len(edges))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { // by score, descending; ties in edge order
		if c := cmp.Compare(edges[j].score, edges[i].score); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	span := map[int][2]int64{} // root → earliest and latest resolved day (Unix days) in its group
	for i, n := range nodes {
		if w := n.fact.When; w != nil && w.Resolved() && w.Grain == facts.GrainDay {
			span[i] = [2]int64{w.From.Unix() / 86400, w.To.Unix() / 86400}
		}
	}
	join := func(a, b int) bool {
		ra, rb := uf.find(a), uf.find(b)
		if ra == rb {
			return true
		}
		sa, okA := span[ra]
		sb, okB := span[rb]
		if okA && okB {
			lo, hi := min(sa[0], sb[0]), max(sa[1], sb[1])
			// Agreements hold one day (two, across time zones): an undated "Tuesday" agrees
			// with every Tuesday, which must not join two Tuesdays a week apart.
			limit := int64(AgreeSpanDays)
			if hi-lo > limit {
				return false
			}
			sa = [2]int64{lo, hi}
		} else if okB {
			sa, okA = sb, true
		}
		uf.union(a, b)
		if okA {
			span[uf.find(a)] = sa
		}
		return true
	}
	agree := map[int][]edge{} // value group root → its agreement edges
	nAgree := 0
	for _, e := range edges {
		if e.status == Agreement {
			nAgree++
		}
	}
	agreeEdges := make([]edge, 0, nAgree)
	var conflicts, apart, apartAll []edge
	for _, k := range order {
		e := edges[k]
		switch e.status {
		case Agreement:
			if join(e.a, e.b) {
				agreeEdges = append(agreeEdges, e)
			}
		case Conflict:
			if e.score >= opts.ConflictScore {
				conflicts = append(conflicts, e)
			}
		case DifferentEvents:
			apartAll = append(apartAll, e)
			if e.score >= opts.ConflictScore {
				apart = append(apart, e)
			}
		}
	}
	// Each group's edges in one allocation: counted first, then filled in order.
	perRoot := map[int]int{}
	for _, e := range agreeEdges {
		perRoot[uf.find(e.a)]++
	}
	for _, e := range agreeEdges {
		r := uf.find(e.a)
		if agree[r] == nil {
			agree[r] = make([]edge, 0, perRoot[r])
		}
		agree[r] = append(agree[r], e)
	}
	conflicts = dropMatched(flat, nodes, agreeEdges, conflicts)
	// Conflict edges by the unordered pair of value groups they link. An edge inside one group
	// contradicts the agreements that built the group; it is dropped, since a flag needs both
	// sides to be distinct values.
	type pair struct{ a, b int }
	between := map[pair][]edge{}
	for _, e := range conflicts {
		ra, rb := uf.find(e.a), uf.find(e.b)
		if ra == rb {
			continue
		}
		if ra > rb {
			ra, rb = rb, ra
		}
		between[pair{ra, rb}] = append(between[pair{ra, rb}], e)
	}
	// Two value groups that one source both states are two facts, not a disagreement: "earned
	// $2.41 a share, above the $2.18 analysts had expected" puts the actual and the expected
	// figure in one article, so the others' $2.41 and $2.18 do not conflict either.
	groupDocs := map[int]map[int]bool{}
	for n := range nodes {
		r := uf.find(n)
		if groupDocs[r] == nil {
			groupDocs[r] = map[int]bool{}
		}
		groupDocs[r][nodes[n].fact.Doc] = true
	}
	for p := range between {
		if nodes[p.a].fact.Kind != facts.Number {
			continue // an article dates many moments; its dates are judged pair by pair
		}
		for d := range groupDocs[p.a] {
			if groupDocs[p.b][d] {
				delete(between, p)
				break
			}
		}
	}
	// Two value groups that the dated articles place at different moments (a partial count on
	// Monday, the final count on Wednesday) are not made a conflict by the pairs whose moment is
	// unknown: when every conflicting pair has an undated side, the dated pairs decide.
	apartBetween := map[pair]int{}
	for _, e := range apartAll {
		ra, rb := uf.find(e.a), uf.find(e.b)
		if ra > rb {
			ra, rb = rb, ra
		}
		apartBetween[pair{ra, rb}]++
	}
	for p, es := range between {
		undated := 0
		for _, e := range es {
			if !docs[nodes[e.a].fact.Doc].HasPublished() || !docs[nodes[e.b].fact.Doc].HasPublished() {
				undated++
			}
		}
		if undated == len(es) && apartBetween[p] > 0 {
			delete(between, p)
		}
	}
	var out []Finding
	roots := make([]int, 0, len(agree))
	for r := range agree {
		roots = append(roots, r)
	}
	sort.Ints(roots)
	for _, r := range roots {
		if f, ok := makeFinding(docs, flat, nodes, agree[r], c); ok {
			out = append(out, f)
		}
	}
	pairs := make([]pair, 0, len(between))
	for p := range between {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].a != pairs[j].a {
			return pairs[i].a < pairs[j].a
		}
		return pairs[i].b < pairs[j].b
	})
	// One flag per disagreement: conflicts that share a side, and whose other sides state the
	// same value (2,100 jobs against "about 1,200" in two articles and "around 1,200" in a third
	// that the first two were not paired with), are one finding.
	pu := make(unionFind, len(pairs))
	for i := range pu {
		pu[i] = i
	}
	sameValue := func(x, y int) bool {
		qa, qb := nodes[x].fact.Quantity, nodes[y].fact.Quantity
		return qa != nil && qb != nil && qa.Value*qa.Base == qb.Value*qb.Base && qa.Dim == qb.Dim
	}
	for i := range pairs {
		for j := i + 1; j < len(pairs); j++ {
			p, q := pairs[i], pairs[j]
			switch {
			case p.a == q.a && sameValue(p.b, q.b), p.a == q.b && sameValue(p.b, q.a),
				p.b == q.a && sameValue(p.a, q.b), p.b == q.b && sameValue(p.a, q.a):
				pu.union(i, j)
			}
		}
	}
	for i := range pairs {
		if pu.find(i) != i {
			continue
		}
		// The conflict shows both sides with their corroboration: the conflict edges plus the
		// agreements inside each side.
		var es []edge
		groups := map[int]bool{}
		for j, q := range pairs {
			if pu.find(j) == i {
				es = append(es, between[q]...)
				groups[q.a], groups[q.b] = true, true
			}
		}
		gs := make([]int, 0, len(groups))
		for g := range groups {
			gs = append(gs, g)
		}
		sort.Ints(gs)
		for _, g := range gs {
			es = append(es, agree[g]...)
		}
		if f, ok := makeFinding(docs, flat, nodes, es, c); ok {
			out = append(out, f)
		}
	}
	for _, e := range apart {
		if f, ok := makeFinding(docs, flat, nodes, []edge{e}, c); ok {
			f.Status, f.Severity, f.Note = DifferentEvents, Info, edgeNote(docs, nodes, e)
			f.ID = findingID(f.Kind, f.Status, f.Claims, unitKey(nodes[e.a].fact))
			out = append(out, f)
		}
	}
	sortFindings(out)
	return out
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if ra, rb := SeverityRank(a.Severity), SeverityRank(b.Severity); ra != rb {
			return ra > rb
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.ID < b.ID
	})
}

func unitKey(f facts.Fact) string {
	if f.Quantity != nil {
		return f.Quantity.Dim
	}
	return string(f.Kind)
}

func makeFinding(docs []*source.Document, flat []*facts.Sentence, nodes []node, es []edge, c *corpus) (Finding, bool) {
	// Each node's weight is the sum of its edge scores; per document keep the strongest node,
	// so a group shows one passage per source.
	weight := map[int]float64{}
	best := 0.0
	var bestEdge edge
	status := Agreement
	note := ""
	for _, e := range es {
		weight[e.a] += e.score
		weight[e.b] += e.score
		if e.status == Conflict && (status != Conflict || e.score > best) {
			status, best, bestEdge = Conflict, e.score, e
		} else if status != Conflict && e.score > best {
			best, bestEdge = e.score, e
		}
	}
	if note == "" {
		note = edgeNote(docs, nodes, bestEdge)
	}
	perDoc := map[int]int{}
	for n, w := range weight {
		d := nodes[n].fact.Doc
		if cur, ok := perDoc[d]; !ok || w > weight[cur] || (w == weight[cur] && n < cur) {
			perDoc[d] = n
		}
	}
	// The two facts of the deciding edge always stay.
	perDoc[nodes[bestEdge.a].fact.Doc] = bestEdge.a
	perDoc[nodes[bestEdge.b].fact.Doc] = bestEdge.b
	if len(perDoc) < 2 {
		return Finding{}, false
	}
	ds := make([]int, 0, len(perDoc))
	for d := range perDoc {
		ds = append(ds, d)
	}
	sort.Ints(ds)
	var claims []Claim
	for _, d := range ds {
		n := nodes[perDoc[d]]
		claims = append(claims, claimOf(docs, n.fact))
	}
	fa := nodes[bestEdge.a].fact
	f := Finding{
		Status: status,
		Kind:   string(fa.Kind),
		Score:  round3(best),
		Claims: claims,
		Note:   note,
		Fact:   describe(docs, flat, nodes[bestEdge.a], nodes[bestEdge.b], c),
	}
	switch {
	case status == Conflict && best >= 0.5:
		f.Severity = High
	case status == Conflict:
		f.Severity = Medium
	default:
		f.Severity = Info
	}
	f.ID = findingID(f.Kind, f.Status, claims, unitKey(fa))
	return f, true
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

func claimOf(docs []*source.Document, f facts.Fact) Claim {
	cl := Claim{Doc: f.Doc, Sentence: f.Sentence, Start: f.Start, End: f.End, Value: f.Text(docs)}
	switch {
	case f.Quantity != nil:
		cl.Normalized = FormatQuantity(f.Quantity)
	case f.When != nil:
		cl.Normalized = FormatWhen(f.When)
	}
	return cl
}

// describe names the fact in words: what is measured and the words both passages share.
func describe(docs []*source.Document, flat []*facts.Sentence, a, b node, c *corpus) string {
	what := ""
	switch {
	case a.fact.Quantity != nil:
		q := a.fact.Quantity
		switch {
		case q.Tally:
			what = "score or vote"
		default:
			what = dimLabel(q)
		}
	case a.fact.When != nil:
		what = "date"
	}
	// Shared words in the order of the first passage, rarest first, at most four.
	type w struct {
		word string
		idf  float64
		pos  int
	}
	var ws []w
	bterms := map[string]bool{}
	for _, t := range contentTerms(flat[b.sent].Tokens) {
		bterms[t] = true
	}
	seen := map[string]bool{}
	for i, t := range flat[a.sent].Tokens {
		lt := contentTerms([]facts.Token{t})
		if strings.ContainsAny(t.Text, "0123456789") || len(lt) != 1 || !bterms[lt[0]] || seen[lt[0]] {
			continue
		}
		seen[lt[0]] = true
		ws = append(ws, w{t.Lower, c.idf(lt[0]), i})
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].idf > ws[j].idf })
	ws = ws[:min(4, len(ws))]
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].pos < ws[j].pos })
	var words []string
	for _, x := range ws {
		words = append(words, x.word)
	}
	if len(words) == 0 {
		return what
	}
	return what + " (" + strings.Join(words, ", ") + ")"
}

func plural(u string) string {
	switch {
	case u == "person":
		return "people"
	case strings.HasSuffix(u, "y") && !strings.HasSuffix(u, "ay") && !strings.HasSuffix(u, "ey"):
		return u[:len(u)-1] + "ies"
	case strings.HasSuffix(u, "s"), strings.HasSuffix(u, "x"), strings.HasSuffix(u, "ch"):
		return u + "es"
	}
	return u + "s"
}

// dropMatched removes the conflicts of a figure with a document the figure already agrees
// with: a source states one figure for one fact, so once a figure has its equal in document D,
// another figure of D is about something else (the Nasdaq's 4.2% on Monday agrees with an
// outlet's 4.2%; the same outlet's 4.4% is last October's fall). Dates are exempt: an article
// dates many moments, and a weekday agrees loosely.
func dropMatched(flat []*facts.Sentence, nodes []node, agreements, conflicts []edge) []edge {
	doc := func(n int) int { return flat[nodes[n].sent].Doc }
	type nodeDoc struct{ node, doc int }
	// Only the nodes of conflicts between figures are asked about.
	asked := map[int]bool{}
	for _, e := range conflicts {
		if nodes[e.a].fact.Kind == facts.Number {
			asked[e.a], asked[e.b] = true, true
		}
	}
	agreesIn := map[nodeDoc]bool{}
	for _, e := range agreements {
		if asked[e.a] {
			agreesIn[nodeDoc{e.a, doc(e.b)}] = true
		}
		if asked[e.b] {
			agreesIn[nodeDoc{e.b, doc(e.a)}] = true
		}
	}
	var kept []edge
	for _, e := range conflicts {
		if nodes[e.a].fact.Kind == facts.Number && (agreesIn[nodeDoc{e.a, doc(e.b)}] || agreesIn[nodeDoc{e.b, doc(e.a)}]) {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

// currencies are the dimensions that are money.
var currencies = map[string]bool{"usd": true, "eur": true, "gbp": true, "jpy": true, "cny": true, "rub": true, "inr": true}

// dimLabel says in words what a quantity measures: "number of pages", "amount in EUR",
// "percentage", "duration".
func dimLabel(q *facts.Quantity) string {
	switch {
	case strings.HasPrefix(q.Dim, "count:") && q.Unit == "":
		return "figure"
	case strings.HasPrefix(q.Dim, "count:"):
		return "number of " + plural(q.Unit)
	case currencies[q.Dim]:
		return "amount in " + strings.ToUpper(q.Dim)
	case q.Dim == "percent":
		return "percentage"
	case q.Dim == "temperature:c":
		return "temperature in °C"
	case q.Dim == "temperature:f":
		return "temperature in °F"
	case strings.HasPrefix(q.Dim, "ordinal:"):
		return "which " + q.Unit
	}
	return q.Dim
}
