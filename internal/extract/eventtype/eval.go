package eventtype

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Example is one labelled snippet of the CASE 2021 task 2 data.
type Example struct {
	ID   int
	Text string
	Gold string
}

// ReadCASE reads the shared task's TSV (id, EventSnippet, SubType, with a
// header row). Quoted fields are allowed, as the published files use them.
func ReadCASE(r io.Reader) ([]Example, error) {
	cr := csv.NewReader(r)
	cr.Comma = '\t'
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	var out []Example
	for line := 1; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read case tsv: %w", err)
		}
		if line == 1 && len(rec) > 0 && strings.EqualFold(rec[0], "id") {
			continue
		}
		if len(rec) < 3 {
			return nil, fmt.Errorf("read case tsv: line %d: want 3 columns, got %d", line, len(rec))
		}
		id, err := strconv.Atoi(strings.TrimSpace(rec[0]))
		if err != nil {
			return nil, fmt.Errorf("read case tsv: line %d: id: %w", line, err)
		}
		out = append(out, Example{ID: id, Text: rec[1], Gold: strings.TrimSpace(rec[2])})
	}
}

// Split names the deterministic halves of a labelled set: rules are
// developed by reading only the "tune" half, and the "held-out" half
// measures how well they generalise.
func Split(id int) string {
	if id%4 == 1 {
		return "tune"
	}
	return "held-out"
}

// ClassScore is one class's precision, recall and F1 with its support.
type ClassScore struct {
	Label     string  `json:"label"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"`
	Predicted int     `json:"predicted"`
}

// Confusion counts how often gold label Gold was predicted as Pred.
type Confusion struct {
	Gold  string `json:"gold"`
	Pred  string `json:"pred"`
	Count int    `json:"count"`
}

// Scores are the shared task's metrics over a fixed label set: micro, macro
// and support-weighted F1 (as scikit-learn computes them), and accuracy. A
// prediction of "" counts as a miss for its gold class and as no class.
type Scores struct {
	N          int          `json:"n"`
	Accuracy   float64      `json:"accuracy"`
	MicroF1    float64      `json:"micro_f1"`
	MacroF1    float64      `json:"macro_f1"`
	WeightedF1 float64      `json:"weighted_f1"`
	PerClass   []ClassScore `json:"per_class"`
	Confusions []Confusion  `json:"confusions"`
}

// Score computes Scores for parallel gold and predicted labels over labels.
func Score(gold, pred, labels []string) Scores {
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	conf := map[[2]string]int{}
	s := Scores{N: len(gold)}
	correct := 0
	for i := range gold {
		g, p := gold[i], pred[i]
		if g == p {
			tp[g]++
			correct++
			continue
		}
		fn[g]++
		if p != "" {
			fp[p]++
		}
		conf[[2]string{g, p}]++
	}
	var sumTP, sumFP, sumFN, support int
	for _, l := range labels {
		cs := ClassScore{Label: l, Support: tp[l] + fn[l], Predicted: tp[l] + fp[l]}
		cs.Precision = ratio(tp[l], tp[l]+fp[l])
		cs.Recall = ratio(tp[l], tp[l]+fn[l])
		cs.F1 = f1(cs.Precision, cs.Recall)
		s.PerClass = append(s.PerClass, cs)
		s.MacroF1 += cs.F1
		s.WeightedF1 += cs.F1 * float64(cs.Support)
		sumTP, sumFP, sumFN, support = sumTP+tp[l], sumFP+fp[l], sumFN+fn[l], support+cs.Support
	}
	if len(labels) > 0 {
		s.MacroF1 /= float64(len(labels))
	}
	if support > 0 {
		s.WeightedF1 /= float64(support)
	}
	s.MicroF1 = f1(ratio(sumTP, sumTP+sumFP), ratio(sumTP, sumTP+sumFN))
	s.Accuracy = ratio(correct, len(gold))
	for k, n := range conf {
		s.Confusions = append(s.Confusions, Confusion{Gold: k[0], Pred: k[1], Count: n})
	}
	sort.Slice(s.Confusions, func(i, j int) bool {
		a, b := s.Confusions[i], s.Confusions[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if a.Gold != b.Gold {
			return a.Gold < b.Gold
		}
		return a.Pred < b.Pred
	})
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
