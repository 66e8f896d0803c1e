package ingest

import "regexp"

// BodyScore holds one page's shingle counts, normalised so that each page
// weighs the same whatever its length.
type BodyScore struct{ TP, FP, FN float64 }

// wordToken matches what the article-extraction benchmark counts as a
// token: a run of word characters in any script.
var wordToken = regexp.MustCompile(`[\p{L}\p{M}\p{N}_]+`)

// ScoreBody compares an extracted body with the true one the way the
// article-extraction benchmark does: multisets of 4-token shingles (a text
// shorter than four tokens is one shingle), true positives being the shared
// count, all three counts divided by their sum.
func ScoreBody(truth, pred string) BodyScore {
	t, p := shingles(truth), shingles(pred)
	var s BodyScore
	for k, tc := range t {
		pc := p[k]
		s.TP += float64(min(tc, pc))
		s.FN += float64(max(0, tc-pc))
	}
	for k, pc := range p {
		s.FP += float64(max(0, pc-t[k]))
	}
	if sum := s.TP + s.FP + s.FN; sum > 0 {
		s.TP, s.FP, s.FN = s.TP/sum, s.FP/sum, s.FN/sum
	}
	return s
}

func shingles(text string) map[string]int {
	toks := wordToken.FindAllString(text, -1)
	out := map[string]int{}
	if len(toks) == 0 {
		return out
	}
	n := max(1, len(toks)-3)
	for i := 0; i < n; i++ {
		end := min(i+4, len(toks))
		key := toks[i]
		for _, t := range toks[i+1 : end] {
			key += "\x00" + t
		}
		out[key]++
	}
	return out
}

// BodyMetrics are the benchmark's summary numbers: precision averaged over
// pages that predicted anything, recall over pages with any truth, and F1
// as their harmonic mean.
type BodyMetrics struct {
	Pages     int     `json:"pages"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// SummarizeBodies aggregates per-page scores into BodyMetrics.
func SummarizeBodies(scores []BodyScore) BodyMetrics {
	var pSum, rSum float64
	var pN, rN int
	for _, s := range scores {
		if s.TP+s.FP > 0 {
			pSum += ratioOr1(s.TP, s.FP, s)
			pN++
		}
		if s.TP+s.FN > 0 {
			rSum += ratioOr1(s.TP, s.FN, s)
			rN++
		}
	}
	m := BodyMetrics{Pages: len(scores)}
	if pN > 0 {
		m.Precision = pSum / float64(pN)
	}
	if rN > 0 {
		m.Recall = rSum / float64(rN)
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	return m
}

// ratioOr1 is tp/(tp+miss), 1 for a perfect page (no errors at all).
func ratioOr1(tp, miss float64, s BodyScore) float64 {
	if s.FP == 0 && s.FN == 0 {
		return 1
	}
	if tp+miss == 0 {
		return 0
	}
	return tp / (tp + miss)
}
